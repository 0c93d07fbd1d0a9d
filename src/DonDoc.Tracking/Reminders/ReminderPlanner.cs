using DonDoc.Core.Calendar;
using DonDoc.Core.Reminders;
using DonDoc.Data.Storage;
using Microsoft.Extensions.Logging;

namespace DonDoc.Tracking.Reminders;

/// <summary>What computing a day gave: notices found, rows new in the outbox, counts by rule and channel, and the first few.</summary>
public sealed record DayPlan(
    DateOnly Day,
    bool WorkingDay,
    int Computed,
    int Queued,
    IReadOnlyDictionary<string, int> ByRule,
    IReadOnlyDictionary<string, int> ByChannel,
    IReadOnlyList<PlannedNotice> First);

/// <summary>
/// Computes what the date rules make due on a day — before a deadline, on the day, overdue and its weekly
/// escalation, a task waiting for its event too long, a periodic report not in — and writes it to the outbox.
/// Tasks are read a page at a time and the outbox is written in batches, so a million tasks cost bounded memory.
/// </summary>
public sealed class ReminderPlanner(
    DonDocDbContext db,
    DueTaskSource tasks,
    IEnumerable<IReportDueSource> reportSources,
    ReminderRuleStore ruleStore,
    OutboxWriter writer,
    WorkingDayCalendar calendar,
    SmtpOptions smtp,
    TelegramOptions telegram,
    TimeProvider clock,
    ILogger<ReminderPlanner> logger)
{
    public const int Shown = 50;

    public async Task<DayPlan> PlanDayAsync(DateOnly day, bool dryRun, CancellationToken cancellationToken)
    {
        var reminderCalendar = new ReminderCalendar(calendar, day);
        if (!reminderCalendar.IsWorkingDay)
        {
            logger.LogInformation("Reminders for {Day}: a day off, nothing is due", day);
            return new DayPlan(day, false, 0, 0, new Dictionary<string, int>(), new Dictionary<string, int>(), []);
        }

        var book = await ruleStore.LoadAsync(cancellationToken);
        var people = await RecipientDirectory.LoadAsync(db, clock, smtp.Enabled, telegram.Enabled, cancellationToken);
        var tally = new Tally(dryRun, writer);

        await foreach (var task in tasks.OpenDueOnOrBeforeAsync(reminderCalendar.LatestDueInView(book.Horizon), cancellationToken))
        {
            var rules = book.For(task.PlanId);
            if (reminderCalendar.DeadlineRule(task.Due, rules, out var left) is { } kind)
            {
                foreach (var person in people.OfAgency(task.LeadAgencyId))
                {
                    await tally.AddAsync(people, kind, Subject(task.TaskId), day, person, task.TaskId, task.PlanId, task.Due, left, cancellationToken);
                }
            }

            if (reminderCalendar.EscalatesToday(task.Due, rules))
            {
                foreach (var person in people.Escalation(task.LeadAgencyId, task.PlanOwnerId))
                {
                    await tally.AddAsync(people, ReminderKind.OverdueEscalation, Subject(task.TaskId), day, person, task.TaskId, task.PlanId, task.Due, left, cancellationToken);
                }
            }
        }

        await foreach (var waiting in tasks.WaitingAsync(cancellationToken))
        {
            if (reminderCalendar.WaitingTooLongToday(waiting.Since, book.For(waiting.PlanId)) && people.Person(waiting.PlanOwnerId) is { } office)
            {
                await tally.AddAsync(people, ReminderKind.WaitingForEvent, Subject(waiting.TaskId), day, office, waiting.TaskId, waiting.PlanId, null, null, cancellationToken);
            }
        }

        var reportHorizon = reminderCalendar.LatestDueInView(book.Horizon);
        foreach (var source in reportSources)
        {
            await foreach (var report in source.NotSubmittedAsync(day, reportHorizon, cancellationToken))
            {
                if (reminderCalendar.ReportRule(report.DueOn, book.For(report.PlanId), out var left) is { } kind)
                {
                    foreach (var person in people.OfAgency(report.AgencyId))
                    {
                        await tally.AddAsync(people, kind, report.Key, day, person, report.TaskId, report.PlanId, report.DueOn, left, cancellationToken);
                    }
                }
            }
        }

        await tally.FlushAsync(cancellationToken);
        logger.LogInformation("Reminders for {Day}: {Computed} notices computed, {Queued} new in the outbox{DryRun}", day, tally.Computed, tally.Queued, dryRun ? " (dry run)" : "");
        return new DayPlan(day, true, tally.Computed, tally.Queued, tally.ByRule, tally.ByChannel, tally.First);
    }

    public static string Subject(int taskId) => $"task:{taskId}";

    /// <summary>Counts what is computed and writes it in batches.</summary>
    private sealed class Tally(bool dryRun, OutboxWriter writer)
    {
        private readonly List<PlannedNotice> _pending = new(OutboxWriter.FlushSize);

        public int Computed { get; private set; }

        public int Queued { get; private set; }

        public Dictionary<string, int> ByRule { get; } = [];

        public Dictionary<string, int> ByChannel { get; } = [];

        public List<PlannedNotice> First { get; } = [];

        public async Task AddAsync(
            RecipientDirectory people, ReminderKind kind, string subject, DateOnly day, Recipient person, int? taskId, int? planId, DateOnly? due, int? left,
            CancellationToken cancellationToken)
        {
            foreach (var channel in people.ChannelsFor(person, kind))
            {
                var notice = new PlannedNotice(kind, subject, "", day, person, channel, taskId, planId, due, left);
                Computed++;
                ByRule[kind.ToSchemaName()] = ByRule.GetValueOrDefault(kind.ToSchemaName()) + 1;
                ByChannel[channel] = ByChannel.GetValueOrDefault(channel) + 1;
                if (First.Count < Shown)
                {
                    First.Add(notice);
                }

                if (!dryRun)
                {
                    _pending.Add(notice);
                    if (_pending.Count >= OutboxWriter.FlushSize)
                    {
                        await FlushAsync(cancellationToken);
                    }
                }
            }
        }

        public async Task FlushAsync(CancellationToken cancellationToken)
        {
            if (_pending.Count > 0)
            {
                Queued += await writer.AddNewAsync(_pending, cancellationToken);
                _pending.Clear();
            }
        }
    }
}
