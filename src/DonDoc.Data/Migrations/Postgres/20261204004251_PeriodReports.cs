using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DonDoc.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PeriodReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "PeriodReportDue",
                table: "plan_tasks",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "period_narratives",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlanId = table.Column<int>(type: "integer", nullable: false),
                    Period = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Results = table.Column<string>(type: "character varying(40000)", maxLength: 40000, nullable: false),
                    Shortcomings = table.Column<string>(type: "character varying(40000)", maxLength: 40000, nullable: false),
                    NextTasks = table.Column<string>(type: "character varying(40000)", maxLength: 40000, nullable: false),
                    Proposals = table.Column<string>(type: "character varying(40000)", maxLength: 40000, nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_period_narratives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_period_narratives_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "period_reports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlanId = table.Column<int>(type: "integer", nullable: false),
                    Period = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SubmittedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    OnTime = table.Column<bool>(type: "boolean", nullable: false),
                    Results = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Shortcomings = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    NextTasks = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    Proposals = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    ReturnReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_period_reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_period_reports_agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_period_reports_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "report_cycles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlanId = table.Column<int>(type: "integer", nullable: false),
                    Length = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AgencyDueDay = table.Column<int>(type: "integer", nullable: false),
                    OfficeDueDay = table.Column<int>(type: "integer", nullable: false),
                    DueAfterPeriod = table.Column<bool>(type: "boolean", nullable: false),
                    FirstPeriod = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RatingFormula = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_cycles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_report_cycles_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "period_report_items",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReportId = table.Column<int>(type: "integer", nullable: false),
                    TaskId = table.Column<int>(type: "integer", nullable: false),
                    ProgressReportId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_period_report_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_period_report_items_period_reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "period_reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_period_report_items_plan_tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "plan_tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_period_report_items_progress_reports_ProgressReportId",
                        column: x => x.ProgressReportId,
                        principalTable: "progress_reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_period_narratives_PlanId_Period",
                table: "period_narratives",
                columns: new[] { "PlanId", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_period_report_items_ProgressReportId",
                table: "period_report_items",
                column: "ProgressReportId");

            migrationBuilder.CreateIndex(
                name: "IX_period_report_items_ReportId_TaskId",
                table: "period_report_items",
                columns: new[] { "ReportId", "TaskId" });

            migrationBuilder.CreateIndex(
                name: "IX_period_report_items_TaskId",
                table: "period_report_items",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_period_reports_AgencyId_Period",
                table: "period_reports",
                columns: new[] { "AgencyId", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_period_reports_PlanId_Period_AgencyId",
                table: "period_reports",
                columns: new[] { "PlanId", "Period", "AgencyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_report_cycles_PlanId",
                table: "report_cycles",
                column: "PlanId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "period_narratives");

            migrationBuilder.DropTable(
                name: "period_report_items");

            migrationBuilder.DropTable(
                name: "report_cycles");

            migrationBuilder.DropTable(
                name: "period_reports");

            migrationBuilder.DropColumn(
                name: "PeriodReportDue",
                table: "plan_tasks");
        }
    }
}
