using DonDoc.Core.Calendar;
using DonDoc.Data.Storage;
using Microsoft.Extensions.Logging;
using Quartz;

namespace DonDoc.Tracking.Reminders.Scheduling;

/// <summary>At 07:30 Asia/Ho_Chi_Minh every day: on a working day, the day's reminders and the morning digests.</summary>
[DisallowConcurrentExecution]
public sealed class DailyRemindersJob(ReminderRun run, WorkingDayCalendar calendar, SchedulerHeartbeat heartbeat, DonDocDbContext db, TimeProvider clock, ILogger<DailyRemindersJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var today = VietnamTime.Today(clock);
        if (!calendar.IsWorkingDay(today))
        {
            await heartbeat.BeatAsync(db, SchedulerHeartbeat.DailyJob, clock.GetUtcNow(), $"day {today:yyyy-MM-dd}: day off", cancellationToken);
            return;
        }

        var outcome = await run.RunAsync(today, false, cancellationToken);
        logger.LogInformation("Daily reminders {Day}: queued {Queued}, sent {Sent}", today, outcome.Plan.Queued, outcome.Dispatch?.Sent);
    }
}

/// <summary>Every minute: notices for people who want them at once, retries after back-off, in-app deliveries; webhook deliveries.</summary>
[DisallowConcurrentExecution]
public sealed class OutboxDispatchJob(OutboxDispatcher dispatcher, Webhooks.WebhookDispatcher webhooks, SchedulerHeartbeat heartbeat, DonDocDbContext db, TimeProvider clock) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var outcome = await dispatcher.DispatchAsync(VietnamTime.Today(clock), includeDigest: false, cancellationToken);
        var hooks = await webhooks.DispatchAsync(cancellationToken);
        await heartbeat.BeatAsync(db, SchedulerHeartbeat.DispatchJob, clock.GetUtcNow(),
            $"sent {outcome.Sent}, retrying {outcome.Retrying}, failed {outcome.Failed}; webhooks sent {hooks.Sent}, retrying {hooks.Retrying}, failed {hooks.Failed}", cancellationToken);
    }
}

/// <summary>Every 30 seconds when a bot is configured: links the chats of people who sent their code.</summary>
[DisallowConcurrentExecution]
public sealed class TelegramUpdatesJob(TelegramLinker linker, SchedulerHeartbeat heartbeat, DonDocDbContext db, TimeProvider clock) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var linked = await linker.PollAsync(cancellationToken);
        await heartbeat.BeatAsync(db, SchedulerHeartbeat.TelegramJob, clock.GetUtcNow(), $"linked {linked}", cancellationToken);
    }
}
