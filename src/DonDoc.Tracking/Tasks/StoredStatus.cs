using System.Globalization;
using System.Linq.Expressions;
using DonDoc.Core.Tracking;
using DonDoc.Data.Plans;

namespace DonDoc.Tracking.Tasks;

/// <summary>
/// A task's status from its stored columns: its <see cref="TaskPhase"/>, and for open tasks its
/// <see cref="PlanTaskEntity.DueKey"/> against today and the due-soon date. The same rule three ways:
/// in C# (<see cref="Of"/>), as an expression the database evaluates in a projection or a grouping
/// (<see cref="Expression"/>), and as index-friendly filters (<see cref="Where"/>). It gives what
/// <see cref="TaskStatusEvaluator"/> gives from the parsed deadline; the tests hold them together.
/// </summary>
public static class StoredStatus
{
    public static TrackingStatus Of(TaskPhase phase, DateOnly dueKey, StatusDay day) => phase switch
    {
        TaskPhase.Dated or TaskPhase.Reporting => dueKey < day.Today ? TrackingStatus.Overdue : dueKey <= day.DueSoonUntil ? TrackingStatus.DueSoon : TrackingStatus.NotYetDue,
        // A recurring task outside a report cycle is never overdue: its next report date is moved on each day.
        TaskPhase.Periodic => dueKey <= day.DueSoonUntil ? TrackingStatus.DueSoon : TrackingStatus.NotYetDue,
        TaskPhase.Waiting => TrackingStatus.WaitingForTrigger,
        TaskPhase.Continuous => TrackingStatus.Continuous,
        TaskPhase.DoneOnTime => TrackingStatus.DoneOnTime,
        TaskPhase.DoneLate => TrackingStatus.DoneLate,
        TaskPhase.Cancelled => TrackingStatus.Cancelled,
        _ => TrackingStatus.NotYetDue,
    };

    /// <summary><see cref="Of"/> as SQL: a CASE over the phase and the due key, with the day as parameters.</summary>
    public static Expression<Func<PlanTaskEntity, TrackingStatus>> Expression(StatusDay day)
    {
        var today = day.Today;
        var soon = day.DueSoonUntil;
        return t =>
            t.Phase == TaskPhase.Dated || t.Phase == TaskPhase.Reporting ? (t.DueKey < today ? TrackingStatus.Overdue : t.DueKey <= soon ? TrackingStatus.DueSoon : TrackingStatus.NotYetDue)
            : t.Phase == TaskPhase.Periodic ? (t.DueKey <= soon ? TrackingStatus.DueSoon : TrackingStatus.NotYetDue)
            : t.Phase == TaskPhase.Waiting ? TrackingStatus.WaitingForTrigger
            : t.Phase == TaskPhase.Continuous ? TrackingStatus.Continuous
            : t.Phase == TaskPhase.DoneOnTime ? TrackingStatus.DoneOnTime
            : t.Phase == TaskPhase.DoneLate ? TrackingStatus.DoneLate
            : t.Phase == TaskPhase.Cancelled ? TrackingStatus.Cancelled
            : TrackingStatus.NotYetDue;
    }

    /// <summary>The tasks in one status, as ranges of the (Phase, DueKey, Id) index.</summary>
    public static IQueryable<PlanTaskEntity> Where(IQueryable<PlanTaskEntity> tasks, TrackingStatus status, StatusDay day)
    {
        var today = day.Today;
        var soon = day.DueSoonUntil;
        return status switch
        {
            TrackingStatus.Overdue => tasks.Where(t => (t.Phase == TaskPhase.Dated || t.Phase == TaskPhase.Reporting) && t.DueKey < today),
            TrackingStatus.DueSoon => tasks.Where(t => ((t.Phase == TaskPhase.Dated || t.Phase == TaskPhase.Reporting) && t.DueKey >= today && t.DueKey <= soon) || (t.Phase == TaskPhase.Periodic && t.DueKey <= soon)),
            TrackingStatus.NotYetDue => tasks.Where(t => ((t.Phase == TaskPhase.Dated || t.Phase == TaskPhase.Periodic || t.Phase == TaskPhase.Reporting) && t.DueKey > soon) || t.Phase == TaskPhase.Undated),
            TrackingStatus.WaitingForTrigger => tasks.Where(t => t.Phase == TaskPhase.Waiting),
            TrackingStatus.Continuous => tasks.Where(t => t.Phase == TaskPhase.Continuous),
            TrackingStatus.DoneOnTime => tasks.Where(t => t.Phase == TaskPhase.DoneOnTime),
            TrackingStatus.DoneLate => tasks.Where(t => t.Phase == TaskPhase.DoneLate),
            _ => tasks.Where(t => t.Phase == TaskPhase.Cancelled),
        };
    }

    /// <summary>Tasks in any of the statuses.</summary>
    public static IQueryable<PlanTaskEntity> WhereAny(IQueryable<PlanTaskEntity> tasks, IReadOnlyCollection<TrackingStatus> statuses, StatusDay day)
    {
        if (statuses.Count == 1)
        {
            return Where(tasks, statuses.First(), day);
        }

        var status = Expression(day);
        var wanted = statuses.ToList();
        var parameter = status.Parameters[0];
        var contains = System.Linq.Expressions.Expression.Call(
            typeof(Enumerable), nameof(Enumerable.Contains), [typeof(TrackingStatus)],
            System.Linq.Expressions.Expression.Constant(wanted), status.Body);
        return tasks.Where(System.Linq.Expressions.Expression.Lambda<Func<PlanTaskEntity, bool>>(contains, parameter));
    }

    /// <summary>The due date a list shows: the due date in force, else the next report date of a recurring task.</summary>
    public static DateOnly? Due(TaskPhase phase, DateOnly? currentDue, DateOnly? nextReportDue) =>
        currentDue ?? (phase is TaskPhase.Periodic or TaskPhase.Reporting ? nextReportDue : null);

    /// <summary>Why, in the words <see cref="TaskStatusEvaluator"/> uses.</summary>
    public static string Reason(TrackingStatus status, TaskPhase phase, string deadlineKind, DateOnly? due, DateOnly? completedOn, string? waitingFor, DateOnly today)
    {
        switch (status)
        {
            case TrackingStatus.Cancelled:
                return "Nhiệm vụ đã bị hủy.";
            case TrackingStatus.DoneOnTime when completedOn is null || deadlineKind == "done" && due is null:
                return "Kế hoạch ghi nhận nhiệm vụ đã hoàn thành.";
            case TrackingStatus.DoneOnTime:
                return $"Hoàn thành ngày {Format(completedOn!.Value)}{(due is null ? "" : $", hạn {Format(due.Value)}")}.";
            case TrackingStatus.DoneLate:
                return $"Hoàn thành ngày {Format(completedOn!.Value)}, chậm {completedOn.Value.DayNumber - due!.Value.DayNumber} ngày so với hạn {Format(due.Value)}.";
            case TrackingStatus.Continuous:
                return "Nhiệm vụ thường xuyên, đánh giá qua báo cáo định kỳ.";
            case TrackingStatus.WaitingForTrigger:
                return deadlineKind == "conditional"
                    ? $"Chờ điều kiện: {waitingFor}."
                    : string.IsNullOrEmpty(waitingFor) ? "Chờ ghi nhận sự kiện mà thời hạn tính theo." : $"Chờ ghi nhận sự kiện: {waitingFor}.";
        }

        if (phase == TaskPhase.Periodic && due is { } next)
        {
            return $"Định kỳ; kỳ báo cáo tiếp theo ngày {Format(next)}.";
        }

        if (phase == TaskPhase.Reporting && due is { } reportDue)
        {
            var left = reportDue.DayNumber - today.DayNumber;
            return left < 0
                ? $"Chưa nộp báo cáo kỳ đến hạn ngày {Format(reportDue)}, quá hạn {-left} ngày."
                : $"Đánh giá qua báo cáo định kỳ; báo cáo kỳ tới hạn ngày {Format(reportDue)}.";
        }

        if (due is not { } date)
        {
            return "Chưa xác định được thời hạn; cần người rà soát.";
        }

        var daysLeft = date.DayNumber - today.DayNumber;
        return status switch
        {
            TrackingStatus.Overdue => $"Quá hạn {-daysLeft} ngày (hạn {Format(date)}).",
            TrackingStatus.DueSoon => daysLeft == 0 ? $"Đến hạn hôm nay ({Format(date)})." : $"Còn {daysLeft} ngày đến hạn {Format(date)}.",
            _ => $"Hạn {Format(date)}, còn {daysLeft} ngày.",
        };
    }

    private static string Format(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
