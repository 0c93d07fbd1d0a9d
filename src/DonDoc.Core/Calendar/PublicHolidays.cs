namespace DonDoc.Core.Calendar;

/// <summary>The holidays that the Labour Code sets for a year, before any announcement.</summary>
/// <remarks>
/// From 2021 the Labour Code 2019 applies, before it the Labour Code 2012 (which the calendar also
/// applies to the years before 2013 that it can compute: it does not model the older codes).
/// Years outside the lunar calendar's range get the solar holidays only.
/// </remarks>
public static class PublicHolidays
{
    /// <summary>The first year of the Labour Code 2019 (in force 1/1/2021).</summary>
    public const int LabourCode2019FirstYear = 2021;

    private const string Code2019 = "Bộ luật Lao động 2019, Điều 112 khoản 1";
    private const string Code2012 = "Bộ luật Lao động 2012, Điều 115 khoản 1";

    /// <summary>The first and last years whose holidays (lunar ones included) the calendar computes.</summary>
    public static int FirstYear => LunarCalendar.MinSupported.Year;

    public static int LastYear => LunarCalendar.MaxSupported.Year;

    /// <summary>The statutory holidays of <paramref name="year"/>, by date (also those on a weekend).</summary>
    public static IReadOnlyList<StatutoryHoliday> Of(int year)
    {
        var code2019 = year >= LabourCode2019FirstYear;
        var source = code2019 ? Code2019 : Code2012;
        var days = new List<StatutoryHoliday>
        {
            new(new DateOnly(year, 1, 1), "Tết Dương lịch", HolidayOccasion.NewYear, false, source),
        };

        if (year >= FirstYear && year <= LastYear)
        {
            // Tết Nguyên đán: 5 days, the last day of the old lunar year and the first four of the new
            // (Bộ luật Lao động 2012 Điều 115 khoản 1 điểm b; 2019 Điều 112 khoản 1 điểm b).
            var tet = LunarCalendar.NewYear(year);
            days.Add(new StatutoryHoliday(tet.AddDays(-1), "Tết Nguyên đán (ngày cuối năm âm lịch)", HolidayOccasion.LunarNewYear, false, source));
            for (var i = 0; i < 4; i++)
            {
                days.Add(new StatutoryHoliday(tet.AddDays(i), $"Tết Nguyên đán (mùng {i + 1})", HolidayOccasion.LunarNewYear, false, source));
            }

            var hungKings = LunarCalendar.ToSolar(new LunarDate(year, 3, 10))!.Value;
            days.Add(new StatutoryHoliday(hungKings, "Giỗ Tổ Hùng Vương (10/3 âm lịch)", HolidayOccasion.HungKings, false, source));
        }

        days.Add(new StatutoryHoliday(new DateOnly(year, 4, 30), "Ngày Chiến thắng (30/4)", HolidayOccasion.ReunificationDay, false, source));
        days.Add(new StatutoryHoliday(new DateOnly(year, 5, 1), "Ngày Quốc tế Lao động (1/5)", HolidayOccasion.LabourDay, false, source));
        var nationalDay = new DateOnly(year, 9, 2);
        days.Add(new StatutoryHoliday(nationalDay, "Quốc khánh (2/9)", HolidayOccasion.NationalDay, false, source));
        if (code2019)
        {
            // Bộ luật Lao động 2019 Điều 112 khoản 1 điểm đ: 2/9 and one day next to it, which the Prime
            // Minister chooses (khoản 3). Until announced: 3/9 when 2/9 is a Thursday, as chosen in 2021,
            // otherwise 1/9, as chosen in 2022, 2023 and 2025.
            var adjacent = nationalDay.DayOfWeek == DayOfWeek.Thursday ? nationalDay.AddDays(1) : nationalDay.AddDays(-1);
            days.Add(new StatutoryHoliday(adjacent, $"Quốc khánh ({adjacent.Day}/9)", HolidayOccasion.NationalDay, true, Code2019));
        }

        return days.Where(d => d.Date.Year == year).OrderBy(d => d.Date).ToList();
    }
}

/// <summary>What a holiday celebrates: the days of one occasion are announced together.</summary>
public enum HolidayOccasion
{
    NewYear,
    LunarNewYear,
    HungKings,
    ReunificationDay,
    LabourDay,
    NationalDay,
}

/// <summary>A holiday of the Labour Code.</summary>
/// <param name="IsChosen">A day the law leaves to the Prime Minister (the day next to 2/9), which an announcement may move.</param>
/// <param name="Source">The article that sets it.</param>
public sealed record StatutoryHoliday(DateOnly Date, string Name, HolidayOccasion Occasion, bool IsChosen, string Source);
