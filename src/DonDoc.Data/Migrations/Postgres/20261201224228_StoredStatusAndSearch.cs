using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DonDoc.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StoredStatusAndSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_plan_tasks_CurrentDue",
                table: "plan_tasks");

            migrationBuilder.RenameColumn(
                name: "SearchText",
                table: "plan_tasks",
                newName: "SearchPlan");

            migrationBuilder.AddColumn<int>(
                name: "TaskRevision",
                table: "plans",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DueKey",
                table: "plan_tasks",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(9999, 12, 31));

            migrationBuilder.AddColumn<int>(
                name: "LeadAgencyId",
                table: "plan_tasks",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "NextReportDue",
                table: "plan_tasks",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Phase",
                table: "plan_tasks",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "SearchCoordinators",
                table: "plan_tasks",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SearchLead",
                table: "plan_tasks",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SearchMain",
                table: "plan_tasks",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "WaitingFor",
                table: "plan_tasks",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_plan_tasks_DueKey_Id",
                table: "plan_tasks",
                columns: new[] { "DueKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_plan_tasks_LeadAgencyId_DueKey_Id",
                table: "plan_tasks",
                columns: new[] { "LeadAgencyId", "DueKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_plan_tasks_Phase_DueKey_Id",
                table: "plan_tasks",
                columns: new[] { "Phase", "DueKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_plan_tasks_PlanId_DueKey_Id",
                table: "plan_tasks",
                columns: new[] { "PlanId", "DueKey", "Id" });

            // The full-text index over the folded search columns (DonDoc.Data.Storage.FullTextIndex).
            foreach (var statement in DonDoc.Data.Storage.FullTextIndex.CreatePostgres)
            {
                migrationBuilder.Sql(statement);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in DonDoc.Data.Storage.FullTextIndex.DropPostgres)
            {
                migrationBuilder.Sql(statement);
            }

            migrationBuilder.DropIndex(
                name: "IX_plan_tasks_DueKey_Id",
                table: "plan_tasks");

            migrationBuilder.DropIndex(
                name: "IX_plan_tasks_LeadAgencyId_DueKey_Id",
                table: "plan_tasks");

            migrationBuilder.DropIndex(
                name: "IX_plan_tasks_Phase_DueKey_Id",
                table: "plan_tasks");

            migrationBuilder.DropIndex(
                name: "IX_plan_tasks_PlanId_DueKey_Id",
                table: "plan_tasks");

            migrationBuilder.DropColumn(
                name: "TaskRevision",
                table: "plans");

            migrationBuilder.DropColumn(
                name: "DueKey",
                table: "plan_tasks");

            migrationBuilder.DropColumn(
                name: "LeadAgencyId",
                table: "plan_tasks");

            migrationBuilder.DropColumn(
                name: "NextReportDue",
                table: "plan_tasks");

            migrationBuilder.DropColumn(
                name: "Phase",
                table: "plan_tasks");

            migrationBuilder.DropColumn(
                name: "SearchCoordinators",
                table: "plan_tasks");

            migrationBuilder.DropColumn(
                name: "SearchLead",
                table: "plan_tasks");

            migrationBuilder.DropColumn(
                name: "SearchMain",
                table: "plan_tasks");

            migrationBuilder.DropColumn(
                name: "WaitingFor",
                table: "plan_tasks");

            migrationBuilder.RenameColumn(
                name: "SearchPlan",
                table: "plan_tasks",
                newName: "SearchText");

            migrationBuilder.CreateIndex(
                name: "IX_plan_tasks_CurrentDue",
                table: "plan_tasks",
                column: "CurrentDue");
        }
    }
}
