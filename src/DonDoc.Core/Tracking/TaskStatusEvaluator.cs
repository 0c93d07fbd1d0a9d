using System.Globalization;
using DonDoc.Core.Calendar;
using DonDoc.Core.Deadlines;
using DonDoc.Core.Text;

namespace DonDoc.Core.Tracking;

/// <summary>Judges a task's status from its deadline, its completion, the recorded events and a day.</summary>
public sealed class TaskStatusEvaluator(WorkingDayCalendar calendar, int dueSoonDays = 7)
{
    public int DueSoonDays { get; } = dueSoonDays;

    /// <summary>The last due date that counts as "due soon" on <paramref name="asOf"/>: what a database compares stored due dates with.</summary>
    public DateOnly DueSoonUntil(DateOnly asOf) => asOf.AddDays(DueSoonDays);

    public StatusAssessment Evaluate(
        Deadline deadline,
        DateOnly asOf,
        DateOnly? completedOn = null,
        bool cancelled = false,
        IReadOnlyList<RecordedEvent>? events = null)
    {
        if (cancelled)
        {
            return new StatusAssessment(TrackingStatus.Cancelled, deadline.Due, "Nhiệm vụ đã bị hủy.");
        }

        if (deadline.Kind == DeadlineKind.Done)
        {
            return new StatusAssessment(TrackingStatus.DoneOnTime, null, "Kế hoạch ghi nhận nhiệm vụ đã hoàn thành.");
        }

        var (due, pending) = ResolveDue(deadline, events ?? []);
        if (completedOn is { } done)
        {
            if (due is null || done <= due)
            {
                return new StatusAssessment(TrackingStatus.DoneOnTime, due, $"Hoàn thành ngày {Format(done)}{(due is null ? "" : $", hạn {Format(due.Value)}")}.");
            }

            return new StatusAssessment(TrackingStatus.DoneLate, due, $"Hoàn thành ngày {Format(done)}, chậm {done.DayNumber - due.Value.DayNumber} ngày so với hạn {Format(due.Value)}.");
        }

        if (due is null)
        {
            return deadline.Kind switch
            {
                DeadlineKind.Continuous => new StatusAssessment(TrackingStatus.Continuous, null, "Nhiệm vụ thường xuyên, đánh giá qua báo cáo định kỳ."),
                DeadlineKind.Recurring => Recurring(deadline, asOf),
                DeadlineKind.EventRelative or DeadlineKind.Conditional => new StatusAssessment(TrackingStatus.WaitingForTrigger, null, pending ?? "Chờ sự kiện hoặc điều kiện được ghi nhận."),
                _ => new StatusAssessment(TrackingStatus.NotYetDue, null, "Chưa xác định được thời hạn; cần người rà soát."),
            };
        }

        return ByDueDate(due.Value, asOf);
    }

    private StatusAssessment ByDueDate(DateOnly due, DateOnly asOf)
    {
        var daysLeft = due.DayNumber - asOf.DayNumber;
        if (daysLeft < 0)
        {
            return new StatusAssessment(TrackingStatus.Overdue, due, $"Quá hạn {-daysLeft} ngày (hạn {Format(due)}).");
        }

        if (due <= DueSoonUntil(asOf))
        {
            return new StatusAssessment(TrackingStatus.DueSoon, due, daysLeft == 0 ? $"Đến hạn hôm nay ({Format(due)})." : $"Còn {daysLeft} ngày đến hạn {Format(due)}.");
        }

        return new StatusAssessment(TrackingStatus.NotYetDue, due, $"Hạn {Format(due)}, còn {daysLeft} ngày.");
    }

    private StatusAssessment Recurring(Deadline deadline, DateOnly asOf)
    {
        var rule = deadline.Terms.OfType<RecurringTerm>().First().Rule;
        var next = rule.Next(asOf);
        var status = next <= DueSoonUntil(asOf) ? TrackingStatus.DueSoon : TrackingStatus.NotYetDue;
        return new StatusAssessment(status, next, $"Định kỳ; kỳ báo cáo tiếp theo ngày {Format(next)}.");
    }

    /// <summary>The concrete due date, using recorded events for event-relative and conditional terms.</summary>
    private (DateOnly? Due, string? Pending) ResolveDue(Deadline deadline, IReadOnlyList<RecordedEvent> events)
    {
        if (deadline.Due is { } due)
        {
            return (due, null);
        }

        foreach (var term in deadline.Terms)
        {
            switch (term)
            {
                case EventRelativeTerm relative:
                    if (Find(events, relative.Event) is { } happened)
                    {
                        return (relative.DueAfter(happened.Date, calendar), null);
                    }

                    return (null, relative.Event.Length == 0
                        ? "Chờ ghi nhận sự kiện mà thời hạn tính theo."
                        : $"Chờ ghi nhận sự kiện: {relative.Event}.");
                case ConditionalTerm conditional:
                    if (Find(events, conditional.Trigger) is { } met)
                    {
                        return (met.Due ?? met.Date, null);
                    }

                    return (null, $"Chờ điều kiện: {conditional.Trigger}.");
            }
        }

        return (null, null);
    }

    /// <summary>A recorded event matches when one name contains the other, ignoring case and diacritics.</summary>
    private static RecordedEvent? Find(IReadOnlyList<RecordedEvent> events, string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var wanted = VietnameseText.CollapseWhiteSpace(VietnameseText.Fold(name));
        return events
            .Where(e =>
            {
                var recorded = VietnameseText.CollapseWhiteSpace(VietnameseText.Fold(e.Name));
                return recorded.Length > 0 && (wanted.Contains(recorded, StringComparison.Ordinal) || recorded.Contains(wanted, StringComparison.Ordinal));
            })
            .OrderByDescending(e => e.Date)
            .FirstOrDefault();
    }

    private static string Format(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
