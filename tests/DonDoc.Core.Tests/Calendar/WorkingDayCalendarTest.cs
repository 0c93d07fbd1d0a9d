using DonDoc.Core.Calendar;
using FsCheck.Xunit;

namespace DonDoc.Core.Tests.Calendar;

public sealed class WorkingDayCalendarTest
{
    private readonly WorkingDayCalendar _calendar = WorkingDayCalendar.Default;

    [Fact]
    public void Tet_2026_is_off_from_Monday_16_to_Friday_20_February()
    {
        for (var day = new DateOnly(2026, 2, 14); day <= new DateOnly(2026, 2, 22); day = day.AddDays(1))
        {
            Assert.False(_calendar.IsWorkingDay(day), $"{day} should be a day off");
        }

        Assert.True(_calendar.IsWorkingDay(new DateOnly(2026, 2, 13)));
        Assert.True(_calendar.IsWorkingDay(new DateOnly(2026, 2, 23)));
    }

    [Fact]
    public void National_day_2026_is_off_from_29_August_to_2_September_and_22_August_is_worked()
    {
        for (var day = new DateOnly(2026, 8, 29); day <= new DateOnly(2026, 9, 2); day = day.AddDays(1))
        {
            Assert.False(_calendar.IsWorkingDay(day), $"{day} should be a day off");
        }

        Assert.True(_calendar.IsWorkingDay(new DateOnly(2026, 8, 22)));
        Assert.True(_calendar.IsWorkingDay(new DateOnly(2026, 9, 3)));
    }

    [Fact]
    public void Hung_Kings_day_2026_on_a_Sunday_is_taken_on_Monday_27_April()
    {
        var daysOff = _calendar.DaysOff(2026);

        Assert.Contains(daysOff, d => d.Date == new DateOnly(2026, 4, 26) && d.Kind == DayOffKind.PublicHoliday);
        Assert.Contains(daysOff, d => d.Date == new DateOnly(2026, 4, 27) && d.Kind == DayOffKind.Compensatory);
        Assert.False(_calendar.IsWorkingDay(new DateOnly(2026, 4, 27)));
    }

    [Fact]
    public void The_days_off_of_2026_are_listed_in_order()
    {
        var dates = _calendar.DaysOff(2026).Select(d => d.Date.ToString("yyyy-MM-dd")).ToList();

        Assert.Equal(
            ["2026-01-01", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-04-26", "2026-04-27",
             "2026-04-30", "2026-05-01", "2026-08-31", "2026-09-01", "2026-09-02"],
            dates);
    }

    [Theory]
    [InlineData("2026-02-13", 1, "2026-02-23")] // Friday before Tết to the first day back
    [InlineData("2026-02-23", -1, "2026-02-13")]
    [InlineData("2026-04-24", 1, "2026-04-28")] // Friday, then Giỗ Tổ's compensatory Monday
    [InlineData("2026-04-28", 3, "2026-05-05")] // 29/4, then 30/4, 1/5 and the weekend off
    [InlineData("2026-08-21", 1, "2026-08-22")] // the swapped working Saturday
    [InlineData("2026-11-25", 0, "2026-11-25")]
    [InlineData("2026-11-25", 7, "2026-12-04")]
    public void Adding_working_days_skips_weekends_and_days_off(string from, int days, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), _calendar.AddWorkingDays(DateOnly.Parse(from), days));
    }

    [Property(MaxTest = 300)]
    public bool Working_day_arithmetic_round_trips_from_a_working_day(ushort dayOffset, sbyte days)
    {
        var start = _calendar.NextOrSameWorkingDay(new DateOnly(2020, 1, 1).AddDays(dayOffset % 7300));
        var moved = _calendar.AddWorkingDays(start, days);
        return _calendar.AddWorkingDays(moved, -days) == start && (days == 0 || _calendar.IsWorkingDay(moved));
    }

    [Fact]
    public void An_administrator_file_adds_days_off_and_working_days()
    {
        var outcome = AnnouncedCalendarChanges.Parse("""
            {"entries": [
              {"date": "2027-02-03", "to": "2027-02-04", "kind": "off", "name": "Nghỉ thêm dịp Tết"},
              {"date": "2027-01-30", "kind": "work", "name": "Làm bù"}
            ]}
            """);
        var calendar = new WorkingDayCalendar(AnnouncedCalendarChanges.Shipped.Merge(outcome.Changes!));

        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 2, 3)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 2, 4)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2027, 1, 30)));
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("""{"entries": [{"date": "2027-13-01", "kind": "off", "name": "x"}]}""", "\"date\" must be YYYY-MM-DD")]
    [InlineData("""{"entries": [{"date": "2027-01-02", "kind": "holiday", "name": "x"}]}""", "\"kind\" must be")]
    [InlineData("""{"entries": [{"date": "2027-01-02", "kind": "off"}]}""", "\"name\" is missing")]
    [InlineData("""{}""", "no \"entries\"")]
    public void A_broken_administrator_file_is_refused_with_its_reason(string json, string reason)
    {
        var outcome = AnnouncedCalendarChanges.Parse(json);

        Assert.Null(outcome.Changes);
        Assert.Contains(reason, outcome.Error, StringComparison.Ordinal);
    }
}
