using DonDoc.Data.Plans;
using DonDoc.Data.Storage;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Tracking.Reminders;

/// <summary>An open task with a deadline in force, as the daily job needs it.</summary>
public sealed record DueTask(int TaskId, int PlanId, DateOnly Due, int? LeadAgencyId, string? PlanOwnerId);

/// <summary>A task still waiting for its event or condition, since its plan was published.</summary>
public sealed record WaitingTask(int TaskId, int PlanId, DateOnly Since, string? PlanOwnerId);

/// <summary>
/// The one query the daily job reads tasks through, a page at a time in the order of their ids (keyset
/// paging: memory stays bounded and no reader is left open while the job writes): open tasks of published
/// plans whose deadline in force is on or before a date, and tasks waiting for an event.
/// </summary>
public sealed class DueTaskSource(DonDocDbContext db)
{
    public const int PageSize = 5000;

    /// <summary>Not cancelled, not reported or accepted as done, not periodic, with a deadline on or before <paramref name="latestDue"/>.</summary>
    public async IAsyncEnumerable<DueTask> OpenDueOnOrBeforeAsync(DateOnly latestDue, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var after = 0;
        while (true)
        {
            var page = await (
                from task in db.Tasks.AsNoTracking()
                join lead in db.Assignments.AsNoTracking().Where(a => a.Role == AssignmentRole.Lead) on task.Id equals lead.TaskId
                where task.Id > after
                    && task.Plan!.State == PlanState.Published
                    && !task.Cancelled
                    && task.Completion != CompletionState.Accepted
                    && task.Completion != CompletionState.Reported
                    && task.DeadlineKind != "recurring"
                    && task.DeadlineKind != "continuous"
                    && task.CurrentDue != null
                    && task.CurrentDue <= latestDue
                orderby task.Id
                select new DueTask(task.Id, task.PlanId, task.CurrentDue!.Value, lead.AgencyId, task.Plan!.OwnerId))
                .Take(PageSize)
                .ToListAsync(cancellationToken);
            foreach (var row in page)
            {
                yield return row;
            }

            if (page.Count < PageSize)
            {
                yield break;
            }

            after = page[^1].TaskId;
        }
    }

    /// <summary>Event-relative and conditional tasks that still have no date.</summary>
    public async IAsyncEnumerable<WaitingTask> WaitingAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var after = 0;
        while (true)
        {
            var page = await db.Tasks.AsNoTracking()
                .Where(t => t.Id > after && t.Plan!.State == PlanState.Published && !t.Cancelled && t.CurrentDue == null
                    && (t.DeadlineKind == "event_relative" || t.DeadlineKind == "conditional"))
                .OrderBy(t => t.Id)
                .Select(t => new { t.Id, t.PlanId, t.Plan!.PublishedAt, t.Plan.CreatedAt, t.Plan.OwnerId })
                .Take(PageSize)
                .ToListAsync(cancellationToken);
            foreach (var row in page)
            {
                var since = (row.PublishedAt ?? row.CreatedAt).ToOffset(Core.Calendar.VietnamTime.Offset);
                yield return new WaitingTask(row.Id, row.PlanId, DateOnly.FromDateTime(since.DateTime), row.OwnerId);
            }

            if (page.Count < PageSize)
            {
                yield break;
            }

            after = page[^1].Id;
        }
    }
}
