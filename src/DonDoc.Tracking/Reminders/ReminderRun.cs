using DonDoc.Core.Calendar;
using DonDoc.Data.Storage;
using DonDoc.Tracking.Webhooks;

namespace DonDoc.Tracking.Reminders;

/// <summary>One run of the day's job: what was computed and queued, and what was then sent, with the time each took.</summary>
/// <param name="OverdueWebhooks">task.overdue deliveries queued for integrators.</param>
/// <param name="Webhooks">What the webhook sender did after the notices.</param>
public sealed record RunOutcome(DayPlan Plan, DispatchOutcome? Dispatch, TimeSpan Planning = default, TimeSpan Sending = default, int OverdueWebhooks = 0, WebhookDispatchOutcome? Webhooks = null);

/// <summary>
/// The day's job, the same whether the scheduler fires it at 07:30 or <c>dondoc reminders run</c> runs it:
/// compute the day into the outbox, then send what is due, the people's digests included; then the integrators'
/// webhooks: tasks that became overdue, and every delivery that is due.
/// </summary>
public sealed class ReminderRun(
    DonDocDbContext db,
    ReminderPlanner planner,
    OutboxDispatcher dispatcher,
    WebhookOutbox webhooks,
    WebhookDispatcher webhookSender,
    NotificationProfiles profiles,
    SchedulerHeartbeat heartbeat,
    TimeProvider clock)
{
    /// <param name="asOf">The day to compute; today in Vietnam when null.</param>
    /// <param name="dryRun">Compute and report only: nothing is written or sent.</param>
    public async Task<RunOutcome> RunAsync(DateOnly? asOf, bool dryRun, CancellationToken cancellationToken)
    {
        var day = asOf ?? VietnamTime.Today(clock);
        if (dryRun)
        {
            var started = clock.GetTimestamp();
            var computed = await planner.PlanDayAsync(day, true, cancellationToken);
            return new RunOutcome(computed, null, clock.GetElapsedTime(started));
        }

        var start = clock.GetTimestamp();
        await profiles.EnsureAllAsync(cancellationToken);
        var plan = await planner.PlanDayAsync(day, false, cancellationToken);
        var planned = clock.GetTimestamp();
        var sent = await dispatcher.DispatchAsync(day, includeDigest: true, cancellationToken);
        var overdue = await webhooks.QueueOverdueAsync(day, cancellationToken);
        var delivered = await webhookSender.DispatchAsync(cancellationToken);
        await heartbeat.BeatAsync(db, SchedulerHeartbeat.DailyJob, clock.GetUtcNow(),
            $"day {day:yyyy-MM-dd}: computed {plan.Computed}, queued {plan.Queued}, sent {sent.Sent}, retrying {sent.Retrying}, failed {sent.Failed}", cancellationToken);
        return new RunOutcome(plan, sent, clock.GetElapsedTime(start, planned), clock.GetElapsedTime(planned), overdue, delivered);
    }
}
