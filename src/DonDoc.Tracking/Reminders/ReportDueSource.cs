using System.Runtime.CompilerServices;
using DonDoc.Core.Calendar;
using DonDoc.Core.Deadlines;
using DonDoc.Data.Plans;
using DonDoc.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Tracking.Reminders;

/// <summary>A periodic report an agency owes and has not submitted: what the daily job reminds of, before and after its date.</summary>
/// <param name="Key">Stable across runs: the outbox subject (<c>report:task:12:2026-05-20</c>).</param>
public sealed record ReportDue(string Key, int? TaskId, int PlanId, int AgencyId, DateOnly DueOn, string? PlanOwnerId);

/// <summary>
/// Where the daily job learns which periodic reports are due and not in. Report cycles (the periodic-report
/// feature) add their own source beside the recurring tasks'; the job reads every registered source.
/// </summary>
public interface IReportDueSource
{
    /// <summary>Reports not submitted whose date is on or before <paramref name="latestDue"/>; streamed, without an open reader between items.</summary>
    IAsyncEnumerable<ReportDue> NotSubmittedAsync(DateOnly today, DateOnly latestDue, CancellationToken cancellationToken);
}

/// <summary>
/// The recurring tasks' source (those of a plan with a report cycle are the cycle's, <c>CycleReportSource</c>): recurring tasks ("ngày 20 hằng tháng", "hằng quý") and continuous tasks with a cycle owe a
/// report at each date of their rule; the period's report is in when the task had progress after the previous date.
/// </summary>
public sealed class RecurringTaskReportSource(DonDocDbContext db, DeadlineParser parser) : IReportDueSource
{
    public async IAsyncEnumerable<ReportDue> NotSubmittedAsync(DateOnly today, DateOnly latestDue, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rules = new Dictionary<(string?, int?), RecurrenceRule?>();
        var after = 0;
        while (true)
        {
            var page = await (
                from task in db.Tasks.AsNoTracking()
                join lead in db.Assignments.AsNoTracking().Where(a => a.Role == AssignmentRole.Lead) on task.Id equals lead.TaskId
                where task.Id > after
                    && task.Plan!.State == PlanState.Published
                    && !task.Cancelled
                    && task.Phase != TaskPhase.Reporting
                    && (task.DeadlineKind == "recurring" || task.DeadlineKind == "continuous")
                orderby task.Id
                select new { task.Id, task.PlanId, task.DeadlineRaw, Year = task.Plan!.IssuedOn, task.LastProgressAt, lead.AgencyId, task.Plan.OwnerId, task.Plan.PublishedAt })
                .Take(DueTaskSource.PageSize)
                .ToListAsync(cancellationToken);
            foreach (var task in page)
            {
                var year = task.Year?.Year;
                if (!rules.TryGetValue((task.DeadlineRaw, year), out var rule))
                {
                    rule = parser.Parse(task.DeadlineRaw, year).Terms.OfType<RecurringTerm>().FirstOrDefault()?.Rule;
                    rules[(task.DeadlineRaw, year)] = rule;
                }

                if (rule is null)
                {
                    continue;
                }

                var lastReport = task.LastProgressAt is { } at ? DateOnly.FromDateTime(at.ToOffset(VietnamTime.Offset).DateTime) : (DateOnly?)null;
                var earlier = rule.Occurrences(today.AddMonths(-25)).TakeWhile(d => d < today).TakeLast(2).ToList();
                var previous = earlier.Count > 0 ? earlier[^1] : (DateOnly?)null;
                var beforePrevious = earlier.Count > 1 ? earlier[0] : (DateOnly?)null;
                var next = rule.Next(today);

                // The coming date: due unless the period already has its report.
                if (next <= latestDue && !(lastReport > previous || (previous is null && lastReport is not null)))
                {
                    yield return Due(task.Id, task.PlanId, task.AgencyId, next, task.OwnerId);
                }

                // The date just past (if the plan was live then): late unless a report came after the one before it.
                var published = task.PublishedAt is { } p ? DateOnly.FromDateTime(p.ToOffset(VietnamTime.Offset).DateTime) : today;
                if (previous is { } past && past >= published && !(lastReport > beforePrevious || (beforePrevious is null && lastReport is not null)))
                {
                    yield return Due(task.Id, task.PlanId, task.AgencyId, past, task.OwnerId);
                }
            }

            if (page.Count < DueTaskSource.PageSize)
            {
                yield break;
            }

            after = page[^1].Id;
        }
    }

    private static ReportDue Due(int taskId, int planId, int agencyId, DateOnly due, string? owner) =>
        new($"report:task:{taskId}:{due:yyyy-MM-dd}", taskId, planId, agencyId, due, owner);
}
