using DonDoc.Core.Calendar;
using DonDoc.Core.Tracking;
using DonDoc.Data.Plans;

namespace DonDoc.Tracking.Tasks;

/// <summary>The day a status is judged on: today, and the last due date that counts as due soon (from the evaluator's rule).</summary>
public readonly record struct StatusDay(DateOnly Today, DateOnly DueSoonUntil);

/// <summary>
/// Where stored tasks stand today. Nothing is parsed here: the deadline was interpreted when it was written
/// (<see cref="TaskStateWriter"/>), and a status is its stored <see cref="TaskPhase"/> and
/// <see cref="PlanTaskEntity.DueKey"/> compared with <see cref="Day"/>, by the database in lists and counts.
/// </summary>
public sealed class TaskStatusReader(TaskStatusEvaluator evaluator, TimeProvider clock)
{
    public DateOnly Today => VietnamTime.Today(clock);

    public StatusDay Day => DayOf(Today);

    public StatusDay DayOf(DateOnly today) => new(today, evaluator.DueSoonUntil(today));

    /// <summary>Continuous and recurring tasks are reported period by period, never done.</summary>
    public static bool IsPeriodic(PlanTaskEntity task) => task.DeadlineKind is "continuous" or "recurring";

    /// <summary>The status of one loaded task, as the database evaluates it in lists (<see cref="StoredStatus.Expression"/>).</summary>
    public TrackingStatus StatusOf(PlanTaskEntity task) => StoredStatus.Of(task.Phase, task.DueKey, Day);
}
