using DonDoc.Core.Calendar;
using DonDoc.Core.Deadlines;
using DonDoc.Core.Tracking;
using DonDoc.Data.Agencies;
using DonDoc.Data.Storage;
using DonDoc.Tracking.Accounts;
using DonDoc.Tracking.Agencies;
using DonDoc.Tracking.Auditing;
using DonDoc.Tracking.Calendar;
using DonDoc.Tracking.Dashboard;
using DonDoc.Tracking.Imports;
using DonDoc.Tracking.Reminders;
using DonDoc.Tracking.Reminders.Channels;
using DonDoc.Tracking.Tasks;
using DonDoc.Tracking.Webhooks;
using DonDoc.Tracking.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DonDoc.Tracking.Hosting;

public static class TrackingServiceCollectionExtensions
{
    /// <summary>
    /// Registers what the office and the agencies do — drafts and publishing, the task catalog, the
    /// workflow, events, the dashboard figures, evidence storage — over the configured database, for the
    /// web app, the command line and scheduled jobs alike.
    /// </summary>
    public static IServiceCollection AddDonDocTracking(this IServiceCollection services, IConfiguration configuration)
    {
        if (StartedClock.FromSetting(configuration["Clock:Start"], TimeProvider.System) is { } started)
        {
            services.TryAddSingleton<TimeProvider>(started);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DeadlineParser>();

        // The calendar in force (shipped announcements and stored ones) is read per request scope, so a
        // stored announcement counts from the next request on.
        services.TryAddSingleton<CurrentCalendar>();
        services.TryAddScoped(sp => sp.GetRequiredService<CurrentCalendar>().Calendar);
        services.TryAddScoped(sp => new TaskStatusEvaluator(sp.GetRequiredService<WorkingDayCalendar>(), configuration.GetValue("Tracking:DueSoonDays", 7)));
        services.AddDonDocData(configuration);

        services.AddSingleton(new EvidenceStorageOptions(
            configuration["Storage:EvidencePath"] is { Length: > 0 } path ? path : Path.Combine("data", "evidence"),
            configuration.GetValue("Storage:MaxEvidenceBytes", EvidenceStorageOptions.DefaultMaxBytes)));
        services.AddSingleton<EvidenceStore>();
        services.AddScoped<EvidenceSweeper>();
        services.AddScoped<AgencyDirectoryStore>();
        services.AddScoped<AuditLog>();
        services.AddScoped<TaskStatusReader>();
        services.AddSingleton<TaskStateWriter>();
        services.AddSingleton<DashboardCounts>();
        services.AddScoped<TaskSearch>();
        services.AddScoped<TaskStatusRefresh>();
        services.AddScoped<TaskCatalog>();
        services.AddScoped<DeadlineCalendar>();
        services.AddScoped<TaskListWorkbook>();
        services.AddScoped<Agencies.AgencyList>();
        services.AddScoped<Seeding.PlanSeeder>();
        services.AddSingleton(ImportCapacityOptions.From(configuration));
        services.AddSingleton<ImportGate>();
        services.AddScoped<ImportDrafts>();
        services.AddScoped<Exchange.PlanExchange>();
        services.AddScoped<EventTriggers>();
        services.AddSingleton(CompletionEvidenceRule.Read(configuration));
        services.AddScoped<TaskWorkflow>();
        services.AddScoped<DashboardBuilder>();
        // The consolidated report; the periodic reports register their narratives before this, or replace the default.
        services.AddSingleton(Reports.ReportOptions.Read(configuration));
        services.AddScoped<Periods.PeriodReports>();
        services.TryAddScoped<Reports.IReportNarratives, Periods.PeriodReportNarratives>();
        services.AddScoped<Reports.ConsolidatedReportBuilder>();
        services.AddScoped<WorkQueue.OfficeWorkQueue>();
        services.AddScoped<DirectoryAdministration>();
        // Needs the account services (Identity) that the web app and "dondoc user" add.
        services.AddScoped<AccountAdministration>();
        services.AddScoped<ForgottenPasswords>();
        services.AddSingleton<PasswordResetMailQueue>();
        services.AddScoped<CalendarAnnouncements>();

        // Reminders: rules, the outbox and its senders, the day's job, profiles, the calendar feed.
        services.AddSingleton(AppLinks.Read(configuration));
        services.AddSingleton(SmtpOptions.Read(configuration));
        services.AddSingleton(TelegramOptions.Read(configuration));
        services.AddSingleton(ReminderOptions.Read(configuration));
        services.AddSingleton<TelegramBots>();
        services.AddSingleton<SchedulerHeartbeat>();
        services.AddScoped<ReminderRuleStore>();
        services.AddScoped<DueTaskSource>();
        services.AddScoped<IReportDueSource, RecurringTaskReportSource>();
        services.AddScoped<IReportDueSource, Periods.CycleReportSource>();
        services.AddScoped<OutboxWriter>();
        services.AddScoped<ReminderPlanner>();
        services.AddScoped<NotificationComposer>();
        services.AddSingleton<SmtpMailer>();
        services.AddScoped<INotificationChannel, EmailChannel>();
        services.AddScoped<INotificationChannel, TelegramChannel>();
        services.AddScoped<OutboxDispatcher>();
        services.AddScoped<NotificationProfiles>();
        services.AddScoped<ReminderRun>();
        services.AddScoped<EventNotices>();
        services.AddScoped<Inbox>();
        services.AddScoped<TelegramLinker>();
        services.AddScoped<CalendarFeed>();
        services.AddScoped<ApiKeys>();
        services.AddScoped<IdempotencyStore>();

        // Webhooks for integrators: subscriptions, the delivery outbox written with each change, its sender.
        services.AddSingleton<WebhookTransport>();
        services.AddScoped<WebhookSubscriptions>();
        services.AddScoped<WebhookOutbox>();
        services.AddScoped<WebhookDispatcher>();
        return services;
    }
}
