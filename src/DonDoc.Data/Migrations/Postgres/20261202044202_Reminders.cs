using System;
using DonDoc.Data.Storage;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DonDoc.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Reminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Quartz.NET's job store, from its official table scripts.
            QuartzSchema.Create(migrationBuilder);

            migrationBuilder.AddColumn<string>(
                name: "FocalUserId",
                table: "agencies",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LeaderUserId",
                table: "agencies",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "notification_opt_outs",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Rule = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notification_opt_outs", x => new { x.UserId, x.Rule, x.Channel });
                    table.ForeignKey(
                        name: "FK_notification_opt_outs_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "notification_profiles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Immediate = table.Column<bool>(type: "boolean", nullable: false),
                    TelegramChatId = table.Column<long>(type: "bigint", nullable: true),
                    TelegramUser = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    TelegramCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    TelegramCodeExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CalendarToken = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UnsubscribeToken = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notification_profiles", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_notification_profiles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Rule = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Subject = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Occasion = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    OnDate = table.Column<DateOnly>(type: "date", nullable: false),
                    RecipientId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    TaskId = table.Column<int>(type: "integer", nullable: true),
                    PlanId = table.Column<int>(type: "integer", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    WorkingDaysLeft = table.Column<int>(type: "integer", nullable: true),
                    Message = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    SenderName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Digest = table.Column<bool>(type: "boolean", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    LeaseUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LeaseOwner = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReadAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reminder_rules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Scope = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PlanId = table.Column<int>(type: "integer", nullable: true),
                    BeforeDays = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OnTheDay = table.Column<bool>(type: "boolean", nullable: false),
                    OverdueEvery = table.Column<int>(type: "integer", nullable: false),
                    EscalationEvery = table.Column<int>(type: "integer", nullable: false),
                    WaitingDays = table.Column<int>(type: "integer", nullable: false),
                    WaitingEvery = table.Column<int>(type: "integer", nullable: false),
                    ReportBeforeDays = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ReportOverdueEvery = table.Column<int>(type: "integer", nullable: false),
                    OnAssignment = table.Column<bool>(type: "boolean", nullable: false),
                    OnCompletionDecision = table.Column<bool>(type: "boolean", nullable: false),
                    OnExtensionDecision = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reminder_rules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_reminder_rules_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "scheduler_values",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Value = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scheduler_values", x => x.Key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_notification_profiles_CalendarToken",
                table: "notification_profiles",
                column: "CalendarToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_notification_profiles_TelegramCode",
                table: "notification_profiles",
                column: "TelegramCode");

            migrationBuilder.CreateIndex(
                name: "IX_notification_profiles_UnsubscribeToken",
                table: "notification_profiles",
                column: "UnsubscribeToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_notifications_Channel_State_NextAttemptAt",
                table: "notifications",
                columns: new[] { "Channel", "State", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_RecipientId_Channel_ReadAt",
                table: "notifications",
                columns: new[] { "RecipientId", "Channel", "ReadAt" });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_Rule_Subject_Occasion_OnDate_RecipientId_Chan~",
                table: "notifications",
                columns: new[] { "Rule", "Subject", "Occasion", "OnDate", "RecipientId", "Channel" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_notifications_TaskId",
                table: "notifications",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_reminder_rules_PlanId",
                table: "reminder_rules",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_reminder_rules_Scope",
                table: "reminder_rules",
                column: "Scope",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            QuartzSchema.Drop(migrationBuilder);

            migrationBuilder.DropTable(
                name: "notification_opt_outs");

            migrationBuilder.DropTable(
                name: "notification_profiles");

            migrationBuilder.DropTable(
                name: "notifications");

            migrationBuilder.DropTable(
                name: "reminder_rules");

            migrationBuilder.DropTable(
                name: "scheduler_values");

            migrationBuilder.DropColumn(
                name: "FocalUserId",
                table: "agencies");

            migrationBuilder.DropColumn(
                name: "LeaderUserId",
                table: "agencies");
        }
    }
}
