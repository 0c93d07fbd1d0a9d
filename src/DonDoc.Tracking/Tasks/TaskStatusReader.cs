using DonDoc.Core.Calendar;
using DonDoc.Core.Deadlines;
using DonDoc.Core.Tracking;
using DonDoc.Data.Plans;

namespace DonDoc.Tracking.Tasks;

/// <summary>Where a stored task stands today: its deadline in force (extended or triggered), its accepted completion, its cancellation.</summary>
public sealed class TaskStatusReader(DeadlineParser parser, TaskStatusEvaluator evaluator, TimeProvider clock)
{
    public DateOnly Today => VietnamTime.Today(clock);

    public Deadline Deadline(PlanTaskEntity task, int? planYear) => parser.Parse(task.DeadlineRaw, planYear);

    /// <summary>The deadline in force: the plan's, unless an extension or a recorded event gave a date.</summary>
    public Deadline DeadlineInForce(PlanTaskEntity task, int? planYear)
    {
        var printed = parser.Parse(task.DeadlineRaw, planYear);
        return task.CurrentDue is { } due && due != printed.Due
            ? new Deadline(task.DeadlineRaw, [new DateTerm(due, null)])
            : printed;
    }

    public StatusAssessment Assess(PlanTaskEntity task, int? planYear, DateOnly? asOf = null) =>
        evaluator.Evaluate(
            DeadlineInForce(task, planYear),
            asOf ?? Today,
            task.Completion == CompletionState.Accepted ? task.CompletedOn : null,
            task.Cancelled || task.Plan?.State == PlanState.Cancelled);

    /// <summary>Continuous and recurring tasks are reported period by period, never done.</summary>
    public static bool IsPeriodic(PlanTaskEntity task) => task.DeadlineKind is "continuous" or "recurring";
}
