using DonDoc.Core.Calendar;

namespace DonDoc.Core.Tests.Calendar;

public sealed class LunarCalendarTest
{
    // Tết Nguyên đán as published for Vietnam (1/1 âm lịch).
    public static TheoryData<int, string> TetDates => new()
    {
        { 1901, "1901-02-19" },
        { 1968, "1968-01-29" }, // Vietnam (UTC+7) 29/1; China (UTC+8) 30/1
        { 1985, "1985-01-21" }, // Vietnam 21/1; China 20/2
        { 2000, "2000-02-05" },
        { 2007, "2007-02-17" }, // Vietnam 17/2; China 18/2
        { 2010, "2010-02-14" },
        { 2016, "2016-02-08" },
        { 2017, "2017-01-28" },
        { 2018, "2018-02-16" },
        { 2019, "2019-02-05" },
        { 2020, "2020-01-25" },
        { 2021, "2021-02-12" },
        { 2022, "2022-02-01" },
        { 2023, "2023-01-22" },
        { 2024, "2024-02-10" },
        { 2025, "2025-01-29" },
        { 2026, "2026-02-17" },
        { 2027, "2027-02-06" },
        { 2028, "2028-01-26" },
        { 2029, "2029-02-13" },
        { 2030, "2030-02-02" }, // Vietnam 2/2; China 3/2
        { 2050, "2050-01-23" },
        { 2100, "2100-02-09" },
    };

    [Theory]
    [MemberData(nameof(TetDates))]
    public void Tet_falls_on_the_published_date(int year, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), LunarCalendar.NewYear(year));
    }

    // Giỗ Tổ Hùng Vương, 10/3 âm lịch.
    [Theory]
    [InlineData(2022, "2022-04-10")]
    [InlineData(2023, "2023-04-29")]
    [InlineData(2024, "2024-04-18")]
    [InlineData(2025, "2025-04-07")]
    [InlineData(2026, "2026-04-26")]
    public void Hung_Kings_day_falls_on_the_published_date(int year, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), LunarCalendar.ToSolar(new LunarDate(year, 3, 10)));
    }

    [Fact]
    public void The_leap_sixth_month_of_2025_exists_and_the_leap_fifth_does_not()
    {
        // 2025 (Ất Tỵ) has a leap 6th month: 1/6N âm lịch is 25/7/2025.
        Assert.Equal(new DateOnly(2025, 7, 25), LunarCalendar.ToSolar(new LunarDate(2025, 6, 1, IsLeapMonth: true)));
        Assert.Null(LunarCalendar.ToSolar(new LunarDate(2025, 5, 1, IsLeapMonth: true)));
    }

    [Fact]
    public void Every_day_from_1900_to_2100_converts_to_lunar_and_back()
    {
        for (var date = new DateOnly(1900, 2, 1); date <= new DateOnly(2100, 12, 31); date = date.AddDays(1))
        {
            var lunar = LunarCalendar.FromSolar(date);
            Assert.Equal(date, LunarCalendar.ToSolar(lunar));
        }
    }

    [Fact]
    public void A_thirtieth_day_in_a_short_month_does_not_exist()
    {
        // Tháng Chạp of Ất Tỵ (2025) has 29 days: Tết Bính Ngọ is 17/2/2026, 29 Chạp is 16/2/2026.
        Assert.Equal(new LunarDate(2025, 12, 29), LunarCalendar.FromSolar(new DateOnly(2026, 2, 16)));
        Assert.Null(LunarCalendar.ToSolar(new LunarDate(2025, 12, 30)));
    }
}
