using System;
using DonDoc.Data.Storage;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DonDoc.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LeaderUserId",
                table: "agencies",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "notification_opt_outs",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
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
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Immediate = table.Column<bool>(type: "INTEGER", nullable: false),
                    TelegramChatId = table.Column<long>(type: "INTEGER", nullable: true),
                    TelegramUser = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    TelegramCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    TelegramCodeExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CalendarToken = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UnsubscribeToken = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Occasion = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    OnDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecipientId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TaskId = table.Column<int>(type: "INTEGER", nullable: true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WorkingDaysLeft = table.Column<int>(type: "INTEGER", nullable: true),
                    Message = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SenderName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Digest = table.Column<bool>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    LeaseUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ReadAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reminder_rules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: true),
                    BeforeDays = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OnTheDay = table.Column<bool>(type: "INTEGER", nullable: false),
                    OverdueEvery = table.Column<int>(type: "INTEGER", nullable: false),
                    EscalationEvery = table.Column<int>(type: "INTEGER", nullable: false),
                    WaitingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    WaitingEvery = table.Column<int>(type: "INTEGER", nullable: false),
                    ReportBeforeDays = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ReportOverdueEvery = table.Column<int>(type: "INTEGER", nullable: false),
                    OnAssignment = table.Column<bool>(type: "INTEGER", nullable: false),
                    OnCompletionDecision = table.Column<bool>(type: "INTEGER", nullable: false),
                    OnExtensionDecision = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
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
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
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
                name: "IX_notifications_Rule_Subject_Occasion_OnDate_RecipientId_Channel",
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
