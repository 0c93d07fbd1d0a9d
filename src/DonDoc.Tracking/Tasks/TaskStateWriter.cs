using DonDoc.Core.Deadlines;
using DonDoc.Core.Text;
using DonDoc.Data.Plans;

namespace DonDoc.Tracking.Tasks;

/// <summary>
/// Writes what a task's status and search depend on into its own columns, when they are written (review,
/// publish, a completion accepted, an extension decided, an event recorded, a cancellation, each new day for
/// recurring tasks), so that no request parses a deadline or reads more than the rows it shows.
/// </summary>
public sealed class TaskStateWriter(DeadlineParser parser)
{
    /// <summary>
    /// The printed deadline as understood: kind, due date, detail, what it waits for. The due date in force starts as
    /// the printed one, unless <paramref name="keepDueInForce"/> keeps one already set (by an extension or an event).
    /// </summary>
    public void Interpret(PlanTaskEntity task, int? planYear, bool keepDueInForce = false)
    {
        var deadline = parser.Parse(task.DeadlineRaw, planYear);
        task.DeadlineKind = deadline.Kind.ToSchemaName();
        task.DeadlineDue = deadline.Due;
        task.DeadlineDetail = deadline.Detail;
        task.CurrentDue = keepDueInForce ? task.CurrentDue ?? deadline.Due : deadline.Due;

        task.NextReportDue = null;
        task.WaitingFor = deadline.Kind is DeadlineKind.EventRelative or DeadlineKind.Conditional
            ? deadline.Terms.Select(t => t switch
            {
                EventRelativeTerm relative => relative.Event,
                ConditionalTerm conditional => conditional.Trigger,
                _ => null,
            }).FirstOrDefault(name => name is not null) is { } name ? Truncate(name, 500) : null
            : null;
    }

    /// <summary>
    /// The phase and due key from the stored columns, in the order <see cref="Core.Tracking.TaskStatusEvaluator"/> judges:
    /// cancelled, done by the plan, completion accepted, a due date in force, judged by the plan's report cycle, continuous, recurring, waiting, unknown.
    /// A recurring task's next report date is read from its rule only when the stored one has passed.
    /// </summary>
    public void Refresh(PlanTaskEntity task, PlanState planState, int? planYear, DateOnly today)
    {
        var phase = planState switch
        {
            PlanState.Draft => TaskPhase.Draft,
            PlanState.Cancelled => TaskPhase.Cancelled,
            _ when task.Cancelled => TaskPhase.Cancelled,
            _ when task.DeadlineKind == "done" && task.CurrentDue is null => TaskPhase.DoneOnTime,
            _ when task.Completion == CompletionState.Accepted && task.CompletedOn is { } done =>
                task.CurrentDue is null || done <= task.CurrentDue ? TaskPhase.DoneOnTime : TaskPhase.DoneLate,
            _ when task.CurrentDue is not null => TaskPhase.Dated,
            _ when task.PeriodReportDue is not null && task.DeadlineKind is "continuous" or "recurring" => TaskPhase.Reporting,
            _ when task.DeadlineKind == "continuous" => TaskPhase.Continuous,
            _ when task.DeadlineKind == "recurring" => TaskPhase.Periodic,
            _ when task.DeadlineKind is "event_relative" or "conditional" => TaskPhase.Waiting,
            _ => TaskPhase.Undated,
        };

        if (phase == TaskPhase.Periodic)
        {
            if (task.NextReportDue is not { } next || next < today)
            {
                task.NextReportDue = parser.Parse(task.DeadlineRaw, planYear).Terms.OfType<RecurringTerm>().FirstOrDefault()?.Rule.Next(today);
            }

            if (task.NextReportDue is null)
            {
                phase = TaskPhase.Undated;
            }
        }
        else
        {
            // A task judged by the report cycle shows the due date of the period it owes as its next report date.
            task.NextReportDue = phase == TaskPhase.Reporting ? task.PeriodReportDue : null;
        }

        task.Phase = phase;
        task.DueKey = phase == TaskPhase.Draft ? DateOnly.MaxValue : task.CurrentDue ?? task.NextReportDue ?? DateOnly.MaxValue;
    }

    /// <summary>The folded columns the full-text index reads: what the task is, its plan, its lead, its coordinators.</summary>
    public static void WriteSearch(PlanTaskEntity task, string? planNumber, string? planTitle, string? leadName, IEnumerable<string> coordinatorNames)
    {
        task.SearchMain = SearchQuery.TextOf(task.Content, task.SectionTitle, task.Product);
        task.SearchPlan = SearchQuery.TextOf(planNumber, planTitle);
        task.SearchLead = SearchQuery.TextOf(task.Lead, leadName);
        task.SearchCoordinators = SearchQuery.TextOf([task.Coordinators, .. coordinatorNames]);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
