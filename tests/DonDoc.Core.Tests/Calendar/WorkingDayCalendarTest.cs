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
    public void National_day_2026_not_yet_announced_follows_the_Labour_Code_on_1_and_2_September()
    {
        Assert.False(_calendar.IsWorkingDay(new DateOnly(2026, 9, 1)));
        Assert.False(_calendar.IsWorkingDay(new DateOnly(2026, 9, 2)));
        Assert.True(_calendar.IsWorkingDay(new DateOnly(2026, 8, 31)));
        Assert.False(_calendar.IsWorkingDay(new DateOnly(2026, 8, 22)));
        Assert.True(_calendar.IsWorkingDay(new DateOnly(2026, 9, 3)));
    }

    // Labour Code rules for years nobody has announced: what DonDoc assumes until an administrator adds the announcement.
    [Theory]
    [InlineData("2027-02-04", false, "Tết Đinh Mùi: mùng 1 is Saturday 6/2, the first extra day goes before the five days")]
    [InlineData("2027-02-10", false, "the second extra day goes after them")]
    [InlineData("2027-02-03", true, "the day before the extra day")]
    [InlineData("2027-02-11", true, "the day after the second extra day")]
    [InlineData("2027-09-02", false, "Quốc khánh, a Thursday")]
    [InlineData("2027-09-03", false, "the day next to 2/9 on a Thursday is the Friday, as chosen in 2021")]
    [InlineData("2027-09-01", true, "so 1/9/2027 is worked")]
    [InlineData("2020-09-01", true, "Labour Code 2012: one Quốc khánh day")]
    [InlineData("2019-09-02", false, "Labour Code 2012")]
    [InlineData("2019-09-03", true, "Labour Code 2012: one Quốc khánh day")]
    public void Years_not_announced_follow_the_Labour_Code(string date, bool working, string why)
    {
        Assert.True(_calendar.IsWorkingDay(DateOnly.Parse(date)) == working, why);
    }

    [Fact]
    public void Hung_Kings_day_2026_on_a_Sunday_is_taken_on_Monday_27_April()
    {
        var daysOff = _calendar.DaysOff(2026);

        Assert.Contains(daysOff, d => d.Date == new DateOnly(2026, 4, 26) && d.Kind == DayOffKind.PublicHoliday);
        Assert.Contains(daysOff, d => d.Date == new DateOnly(2026, 4, 27) && d.Name.StartsWith("Nghỉ bù", StringComparison.Ordinal));
        Assert.Contains(new WorkingDayCalendar(AnnouncedCalendarChanges.Empty).DaysOff(2026), d => d.Date == new DateOnly(2026, 4, 27) && d.Kind == DayOffKind.Compensatory);
        Assert.False(_calendar.IsWorkingDay(new DateOnly(2026, 4, 27)));
    }

    [Fact]
    public void The_days_off_of_2026_are_listed_in_order()
    {
        var dates = _calendar.DaysOff(2026).Select(d => d.Date.ToString("yyyy-MM-dd")).ToList();

        Assert.Equal(
            ["2026-01-01", "2026-01-02", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-04-26", "2026-04-27",
             "2026-04-30", "2026-05-01", "2026-09-01", "2026-09-02"],
            dates);
    }

    [Fact]
    public void Every_day_off_says_on_whose_word()
    {
        Assert.All(_calendar.DaysOff(2026), d => Assert.False(string.IsNullOrWhiteSpace(d.Source), $"{d.Date} has no source"));
        Assert.Contains(_calendar.DaysOff(2026), d => d.Date == new DateOnly(2026, 1, 2) && d.Source.Contains("12729/VPCP-KGVX", StringComparison.Ordinal));
    }

    [Fact]
    public void The_first_year_of_the_lunar_calendar_has_its_Tet()
    {
        var daysOff = _calendar.DaysOff(1900);

        Assert.Contains(daysOff, d => d.Date == new DateOnly(1900, 1, 31) && d.Name.Contains("mùng 1", StringComparison.Ordinal));
        Assert.Contains(daysOff, d => d.Date == new DateOnly(1900, 1, 30));
        Assert.Equal(new DateOnly(1900, 1, 2), _calendar.AddWorkingDays(new DateOnly(1900, 1, 1), 1));
    }

    [Fact]
    public void The_last_year_of_the_lunar_calendar_has_its_holidays()
    {
        var daysOff = _calendar.DaysOff(2199);

        Assert.Contains(daysOff, d => d.Date == LunarCalendar.NewYear(2199));
        Assert.Contains(daysOff, d => d.Name.StartsWith("Giỗ Tổ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2026-02-13", 1, "2026-02-23")] // Friday before Tết to the first day back
    [InlineData("2026-02-23", -1, "2026-02-13")]
    [InlineData("2026-04-24", 1, "2026-04-28")] // Friday, then Giỗ Tổ's compensatory Monday
    [InlineData("2026-04-28", 3, "2026-05-05")] // 29/4, then 30/4, 1/5 and the weekend off
    [InlineData("2026-01-09", 1, "2026-01-10")] // the swapped working Saturday
    [InlineData("2025-12-31", 1, "2026-01-05")] // 1/1 and the swapped 2/1 off
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
              {"date": "2027-02-03", "to": "2027-02-04", "kind": "off", "name": "Nghỉ thêm dịp Tết", "source": "Công văn thử nghiệm"},
              {"date": "2027-01-30", "kind": "work", "name": "Làm bù", "source": "Công văn thử nghiệm"}
            ]}
            """);
        var calendar = new WorkingDayCalendar(AnnouncedCalendarChanges.Shipped.Merge(outcome.Changes!));

        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 2, 3)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 2, 4)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2027, 1, 30)));
    }

    [Fact]
    public void An_announced_break_replaces_the_rule_of_its_holiday()
    {
        // Were Quốc khánh 2027 announced as 31/8–2/9 with Saturday 28/8 worked, the rule's 3/9 would not be off.
        var outcome = AnnouncedCalendarChanges.Parse("""
            {"entries": [
              {"date": "2027-08-31", "to": "2027-09-02", "kind": "off", "name": "Nghỉ Quốc khánh", "source": "Công văn thử nghiệm"},
              {"date": "2027-08-28", "kind": "work", "name": "Làm bù cho 31/8", "source": "Công văn thử nghiệm"}
            ]}
            """);
        var calendar = new WorkingDayCalendar(AnnouncedCalendarChanges.Shipped.Merge(outcome.Changes!));

        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 8, 31)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2027, 9, 3)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2027, 8, 28)));
        Assert.False(WorkingDayCalendar.Default.IsWorkingDay(new DateOnly(2027, 9, 3)));
    }

    [Theory]
    [InlineData("not json", "không phải JSON hợp lệ")]
    [InlineData("""{"entries": [{"date": "2027-13-01", "kind": "off", "name": "x", "source": "y"}]}""", "mục 1: \"date\" phải có dạng YYYY-MM-DD")]
    [InlineData("""{"entries": [{"date": "2027-01-02", "kind": "holiday", "name": "x", "source": "y"}]}""", "\"kind\" phải là")]
    [InlineData("""{"entries": [{"date": "2027-01-02", "kind": "off", "source": "y"}]}""", "thiếu tên")]
    [InlineData("""{"entries": [{"date": "2027-01-02", "kind": "off", "name": "x"}]}""", "thiếu văn bản công bố")]
    [InlineData("""{"entries": [{"date": "2027-01-04", "kind": "work", "name": "x", "source": "y"}]}""", "không phải thứ Bảy hay Chủ nhật")]
    [InlineData("""{"entries": [{"date": "2027-01-10", "to": "2027-01-02", "kind": "off", "name": "x", "source": "y"}]}""", "phải dài từ 1 đến 31 ngày")]
    [InlineData("""{"entries": [{"date": "1899-01-02", "kind": "off", "name": "x", "source": "y"}]}""", "1900–2199")]
    [InlineData("""{}""", "thiếu mảng \"entries\"")]
    public void A_broken_administrator_file_is_refused_with_its_reason(string json, string reason)
    {
        var outcome = AnnouncedCalendarChanges.Parse(json);

        Assert.Null(outcome.Changes);
        Assert.Contains(reason, outcome.Error, StringComparison.Ordinal);
    }
}
