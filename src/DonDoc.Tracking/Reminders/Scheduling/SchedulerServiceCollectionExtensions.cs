using DonDoc.Data.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace DonDoc.Tracking.Reminders.Scheduling;

public static class SchedulerServiceCollectionExtensions
{
    public const string SchedulerName = "DonDoc";

    /// <summary>
    /// Quartz.NET over DonDoc's own database (the qrtz_* tables its migrations create): clustered on PostgreSQL,
    /// so that of several app instances exactly one fires each run; a single instance on SQLite. A run missed
    /// while no instance was up fires once when one starts.
    /// </summary>
    /// <param name="more">More of the scheduler's configuration (listeners), for tests and hosts.</param>
    public static IServiceCollection AddDonDocScheduler(this IServiceCollection services, IConfiguration configuration, Action<IQuartzBuilder>? more = null)
    {
        var database = DatabaseOptions.From(configuration["Database:Provider"], configuration.GetConnectionString("Default"));
        var options = ReminderOptions.Read(configuration);
        var telegram = TelegramOptions.Read(configuration);
        var vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler => scheduler.InstanceName = SchedulerName);
            quartz.UsePersistentStore(store =>
            {
                store.ConfigureStore(o => o.TablePrefix = QuartzSchema.TablePrefix);
                if (database.Provider == DatabaseProvider.Postgres)
                {
                    store.UsePostgres(database.ConnectionString);
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = TimeSpan.FromSeconds(15);
                        c.CheckinMisfireThreshold = TimeSpan.FromSeconds(60);
                    });
                }
                else
                {
                    store.UseSqlite(database.ConnectionString);
                }
            });

            quartz.AddJob<DailyRemindersJob>(job => job.WithIdentity(SchedulerHeartbeat.DailyJob).StoreDurably());
            quartz.AddTrigger(trigger => trigger
                .ForJob(SchedulerHeartbeat.DailyJob)
                .WithIdentity(SchedulerHeartbeat.DailyJob)
                .WithCronSchedule($"0 {options.DigestAt.Minute} {options.DigestAt.Hour} * * ?", cron => cron.InTimeZone(vietnam).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));

            quartz.AddJob<OutboxDispatchJob>(job => job.WithIdentity(SchedulerHeartbeat.DispatchJob).StoreDurably());
            quartz.AddTrigger(trigger => trigger
                .ForJob(SchedulerHeartbeat.DispatchJob)
                .WithIdentity(SchedulerHeartbeat.DispatchJob)
                .WithCronSchedule("0 * * * * ?", cron => cron.InTimeZone(vietnam).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));

            if (telegram.Enabled)
            {
                quartz.AddJob<TelegramUpdatesJob>(job => job.WithIdentity(SchedulerHeartbeat.TelegramJob).StoreDurably());
                quartz.AddTrigger(trigger => trigger
                    .ForJob(SchedulerHeartbeat.TelegramJob)
                    .WithIdentity(SchedulerHeartbeat.TelegramJob)
                    .WithCronSchedule("0/30 * * * * ?", cron => cron.WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));
            }

            more?.Invoke(quartz);
        });
        // Each instance declares the same triggers at start-up; a declared trigger replaces the stored one (so a changed
        // Reminders:DigestAt takes effect) but keeps its firing history, so that a starting instance neither fires again
        // a run another already made nor loses one missed while every instance was down (that one misfires and fires once).
        services.Configure<QuartzOptions>(o => o.Scheduling.ScheduleTriggerRelativeToReplacedTrigger = true);
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
