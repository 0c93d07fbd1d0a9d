using DonDoc.Core.Calendar;
using DonDoc.Core.Reminders;

namespace DonDoc.Core.Tests.Reminders;

public sealed class ReminderCalendarTest
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Default;
    private static readonly ReminderRules Rules = ReminderRules.Default;

    /// <summary>A deadline on Tuesday 24/02/2026, a week after Tết (16–20/02 off): the day each rule falls on.</summary>
    public static TheoryData<string, string?, int> AroundTet => new()
    {
        { "2026-02-06", "before_deadline", 7 },
        { "2026-02-09", null, 6 },
        { "2026-02-12", "before_deadline", 3 },
        { "2026-02-13", null, 2 },
        { "2026-02-16", null, 1 },
        { "2026-02-20", null, 1 },
        { "2026-02-23", "before_deadline", 1 },
        { "2026-02-24", "on_deadline", 0 },
        { "2026-02-25", "overdue", -1 },
        { "2026-02-26", null, -2 },
        { "2026-02-27", null, -3 },
        { "2026-03-02", "overdue", -4 },
        { "2026-03-05", "overdue", -7 },
    };

    [Theory]
    [MemberData(nameof(AroundTet))]
    public void A_deadline_after_Tet_is_reminded_on_working_days_counted_across_the_holiday(string today, string? rule, int left)
    {
        var day = DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture);
        var calendar = new ReminderCalendar(Calendar, day);

        var kind = calendar.DeadlineRule(new DateOnly(2026, 2, 24), Rules, out var workingDaysLeft);

        Assert.Equal(rule, kind?.ToSchemaName());
        if (calendar.IsWorkingDay)
        {
            Assert.Equal(left, workingDaysLeft);
        }
    }

    [Fact]
    public void A_deadline_on_a_Sunday_runs_to_Monday_and_is_reminded_on_the_Monday()
    {
        // Bộ luật Dân sự 2015, Điều 148 khoản 5: a term ending on a day off ends on the next working day.
        var monday = new ReminderCalendar(Calendar, new DateOnly(2026, 6, 29));
        var friday = new ReminderCalendar(Calendar, new DateOnly(2026, 6, 26));

        Assert.Equal(ReminderKind.OnDeadline, monday.DeadlineRule(new DateOnly(2026, 6, 28), Rules, out _));
        Assert.Equal(ReminderKind.BeforeDeadline, friday.DeadlineRule(new DateOnly(2026, 6, 28), Rules, out var left));
        Assert.Equal(1, left);
    }

    [Fact]
    public void Nothing_is_due_on_a_day_off()
    {
        var sunday = new ReminderCalendar(Calendar, new DateOnly(2026, 6, 28));

        Assert.False(sunday.IsWorkingDay);
        Assert.Null(sunday.DeadlineRule(new DateOnly(2026, 7, 1), Rules, out _));
        Assert.False(sunday.EscalatesToday(new DateOnly(2026, 6, 1), Rules));
        Assert.Null(sunday.ReportRule(new DateOnly(2026, 6, 30), Rules, out _));
        Assert.False(sunday.WaitingTooLongToday(new DateOnly(2026, 1, 1), Rules));
    }

    [Fact]
    public void An_overdue_task_is_escalated_every_fifth_working_day_from_the_first()
    {
        var due = new DateOnly(2026, 6, 1);
        var escalated = Days(new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 30))
            .Where(d => new ReminderCalendar(Calendar, d).EscalatesToday(due, Rules))
            .ToList();

        Assert.Equal([new DateOnly(2026, 6, 2), new DateOnly(2026, 6, 9), new DateOnly(2026, 6, 16), new DateOnly(2026, 6, 23), new DateOnly(2026, 6, 30)], escalated);
    }

    [Fact]
    public void A_task_waiting_for_its_event_is_reported_once_past_30_days_then_every_20_working_days()
    {
        var since = new DateOnly(2026, 5, 4);
        var reported = Days(since, new DateOnly(2026, 8, 31))
            .Where(d => new ReminderCalendar(Calendar, d).WaitingTooLongToday(since, Rules))
            .ToList();

        // 30 days after 04/05 is Wednesday 03/06; then 20 working days later (01/07), and again (29/07; 31/8 is off, see the calendar).
        Assert.Equal(new DateOnly(2026, 6, 3), reported[0]);
        Assert.Equal(new DateOnly(2026, 7, 1), reported[1]);
        Assert.All(reported, d => Assert.True(Calendar.IsWorkingDay(d)));
    }

    [Theory]
    [InlineData("7, 3, 1", "7, 3, 1")]
    [InlineData("1;3;7;3", "7, 3, 1")]
    [InlineData("", "")]
    public void Day_lists_are_read_largest_first_without_repeats(string text, string expected)
    {
        var days = ReminderRules.ParseDays(text, out var problem);

        Assert.Null(problem);
        Assert.Equal(expected, ReminderRules.FormatDays(days!));
    }

    [Theory]
    [InlineData("7, ba")]
    [InlineData("0")]
    [InlineData("61")]
    public void A_bad_day_list_is_refused_with_a_reason(string text)
    {
        Assert.Null(ReminderRules.ParseDays(text, out var problem));
        Assert.Contains("không phải số ngày làm việc", problem, StringComparison.Ordinal);
    }

    private static IEnumerable<DateOnly> Days(DateOnly from, DateOnly to)
    {
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            yield return day;
        }
    }
}
