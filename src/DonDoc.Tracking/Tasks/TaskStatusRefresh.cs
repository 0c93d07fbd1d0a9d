using DonDoc.Data.Plans;
using DonDoc.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DonDoc.Tracking.Tasks;

/// <summary>What a refresh did: tasks whose stored state was filled for the first time, and recurring tasks moved to their next report date.</summary>
public sealed record RefreshOutcome(int Backfilled, int Periodic);

/// <summary>
/// The daily refresh of what depends on the date: a recurring task's next report date, once the stored one has
/// passed. It also fills the stored state of tasks published before it existed (or stored by other means),
/// so that they appear in lists. Run by the web app each day and at start, and by <c>dondoc refresh</c>.
/// </summary>
public sealed class TaskStatusRefresh(DonDocDbContext db, TaskStateWriter writer, TaskStatusReader statuses, ILogger<TaskStatusRefresh> logger)
{
    private const int Batch = 500;

    public async Task<RefreshOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var backfilled = await BackfillAsync(cancellationToken);
        var today = statuses.Today;
        var periodic = 0;
        while (true)
        {
            // A recurring task's due key is its next report date: one that has passed is read from its rule again.
            var tasks = await db.Tasks.Include(t => t.Plan)
                .Where(t => t.Phase == TaskPhase.Periodic && t.DueKey < today)
                .OrderBy(t => t.Id).Take(Batch).ToListAsync(cancellationToken);
            if (tasks.Count == 0)
            {
                break;
            }

            foreach (var task in tasks)
            {
                writer.Refresh(task, task.Plan!.State, task.Plan.IssuedOn?.Year, today);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            periodic += tasks.Count;
        }

        if (backfilled + periodic > 0)
        {
            logger.LogInformation("Task states refreshed for {Today}: {Backfilled} filled, {Periodic} recurring tasks moved to their next report date", today, backfilled, periodic);
        }

        return new RefreshOutcome(backfilled, periodic);
    }

    /// <summary>Tasks of published plans that have no stored state yet: their lead, waiting state, search columns and phase.</summary>
    public async Task<int> BackfillAsync(CancellationToken cancellationToken)
    {
        var today = statuses.Today;
        var count = 0;
        while (true)
        {
            var tasks = await db.Tasks.Include(t => t.Plan).Include(t => t.Assignments).ThenInclude(a => a.Agency)
                .Where(t => t.Phase == TaskPhase.Draft && t.Plan!.State != PlanState.Draft)
                .OrderBy(t => t.Id).Take(Batch).AsSplitQuery().ToListAsync(cancellationToken);
            if (tasks.Count == 0)
            {
                return count;
            }

            foreach (var task in tasks)
            {
                var plan = task.Plan!;
                writer.Interpret(task, plan.IssuedOn?.Year, keepDueInForce: true);
                var lead = task.Assignments.FirstOrDefault(a => a.Role == AssignmentRole.Lead);
                task.LeadAgencyId = lead?.AgencyId;
                TaskStateWriter.WriteSearch(task, plan.Number, plan.Title, lead?.Agency?.Name,
                    task.Assignments.Where(a => a.Role == AssignmentRole.Coordinator).Select(a => a.Agency?.Name ?? ""));
                writer.Refresh(task, plan.State, plan.IssuedOn?.Year, today);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            count += tasks.Count;
        }
    }
}
