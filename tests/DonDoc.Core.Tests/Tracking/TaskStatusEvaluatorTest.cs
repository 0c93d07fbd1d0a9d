using DonDoc.Core.Calendar;
using DonDoc.Core.Deadlines;
using DonDoc.Core.Tracking;

namespace DonDoc.Core.Tests.Tracking;

public sealed class TaskStatusEvaluatorTest
{
    private readonly DeadlineParser _parser = new();
    private readonly TaskStatusEvaluator _evaluator = new(WorkingDayCalendar.Default, dueSoonDays: 7);

    [Theory]
    [InlineData("Trước 31/12/2026", "2026-11-25", TrackingStatus.NotYetDue)]
    [InlineData("Trước 30/11/2026", "2026-11-25", TrackingStatus.DueSoon)]
    [InlineData("Trước 25/11/2026", "2026-11-25", TrackingStatus.DueSoon)]
    [InlineData("Trước 24/11/2026", "2026-11-25", TrackingStatus.Overdue)]
    [InlineData("Quý III/2026", "2026-11-25", TrackingStatus.Overdue)]
    [InlineData("Thường xuyên", "2026-11-25", TrackingStatus.Continuous)]
    [InlineData("Sau khi có hướng dẫn của Trung ương", "2026-11-25", TrackingStatus.WaitingForTrigger)]
    [InlineData("Sau đại hội 07 ngày", "2026-11-25", TrackingStatus.WaitingForTrigger)]
    [InlineData("Đã hoàn thành", "2026-11-25", TrackingStatus.DoneOnTime)]
    [InlineData("Ngày 25 hằng tháng", "2026-11-25", TrackingStatus.DueSoon)]
    [InlineData("Ngày 10 hằng tháng", "2026-11-25", TrackingStatus.NotYetDue)]
    public void Status_on_a_day_follows_the_deadline(string deadline, string asOf, TrackingStatus expected)
    {
        var assessment = _evaluator.Evaluate(_parser.Parse(deadline, 2026), DateOnly.Parse(asOf));

        Assert.Equal(expected, assessment.Status);
        Assert.False(string.IsNullOrWhiteSpace(assessment.Reason));
    }

    [Theory]
    [InlineData("2026-03-31", TrackingStatus.DoneOnTime)]
    [InlineData("2026-04-02", TrackingStatus.DoneLate)]
    public void Completion_is_on_time_or_late_against_the_due_date(string completedOn, TrackingStatus expected)
    {
        var assessment = _evaluator.Evaluate(_parser.Parse("Chậm nhất ngày 31/3/2026"), new DateOnly(2026, 11, 25), DateOnly.Parse(completedOn));

        Assert.Equal(expected, assessment.Status);
    }

    [Fact]
    public void A_cancelled_task_is_cancelled_whatever_its_deadline()
    {
        var assessment = _evaluator.Evaluate(_parser.Parse("Trước 24/11/2026"), new DateOnly(2026, 11, 25), cancelled: true);

        Assert.Equal(TrackingStatus.Cancelled, assessment.Status);
    }

    [Fact]
    public void Recording_the_congress_makes_the_deadline_concrete()
    {
        var deadline = _parser.Parse("Trước Đại hội Đảng bộ tỉnh 30 ngày làm việc");
        var congress = new RecordedEvent("Đại hội Đảng bộ tỉnh lần thứ XV", new DateOnly(2026, 10, 15));

        var assessment = _evaluator.Evaluate(deadline, new DateOnly(2026, 8, 1), events: [congress]);

        // 30 working days before Thursday 15/10/2026, skipping 31/8–2/9 and counting Saturday 22/8 as worked.
        Assert.Equal(WorkingDayCalendar.Default.AddWorkingDays(new DateOnly(2026, 10, 15), -30), assessment.Due);
        Assert.Equal(new DateOnly(2026, 9, 2).AddDays(1), assessment.Due);
        Assert.Equal(TrackingStatus.NotYetDue, assessment.Status);
    }

    [Fact]
    public void Seven_days_after_the_congress_is_overdue_on_the_ninth_day()
    {
        var deadline = _parser.Parse("Sau đại hội 07 ngày");
        var congress = new RecordedEvent("đại hội", new DateOnly(2026, 11, 10));

        var assessment = _evaluator.Evaluate(deadline, new DateOnly(2026, 11, 18), events: [congress]);

        Assert.Equal(new DateOnly(2026, 11, 17), assessment.Due);
        Assert.Equal(TrackingStatus.Overdue, assessment.Status);
    }

    [Fact]
    public void A_met_condition_takes_the_deadline_the_office_set()
    {
        var deadline = _parser.Parse("Sau khi có hướng dẫn của Trung ương");
        var guidance = new RecordedEvent("hướng dẫn của Trung ương", new DateOnly(2026, 11, 1), Due: new DateOnly(2026, 12, 15));

        var assessment = _evaluator.Evaluate(deadline, new DateOnly(2026, 11, 25), events: [guidance]);

        Assert.Equal(new DateOnly(2026, 12, 15), assessment.Due);
        Assert.Equal(TrackingStatus.NotYetDue, assessment.Status);
    }
}
