namespace DonDoc.Core.Calendar;

/// <summary>The statutory public holidays of a year.</summary>
/// <remarks>Bộ luật Lao động 2019, Điều 112 khoản 1; the second Quốc khánh day defaults to 1/9 (Nghị định 145/2020/NĐ-CP, Điều 62).</remarks>
public static class PublicHolidays
{
    public static IReadOnlyList<DayOff> Of(int year)
    {
        var days = new List<DayOff>
        {
            new(new DateOnly(year, 1, 1), "Tết Dương lịch", DayOffKind.PublicHoliday),
        };

        // Tết Nguyên đán: 5 days, the last day of the old year and the first four of the new.
        var tet = LunarCalendar.NewYear(year);
        days.Add(new DayOff(tet.AddDays(-1), "Tết Nguyên đán (ngày cuối năm âm lịch)", DayOffKind.PublicHoliday));
        for (var i = 0; i < 4; i++)
        {
            days.Add(new DayOff(tet.AddDays(i), $"Tết Nguyên đán (mùng {i + 1})", DayOffKind.PublicHoliday));
        }

        var hungKings = LunarCalendar.ToSolar(new LunarDate(year, 3, 10))!.Value;
        days.Add(new DayOff(hungKings, "Giỗ Tổ Hùng Vương (10/3 âm lịch)", DayOffKind.PublicHoliday));
        days.Add(new DayOff(new DateOnly(year, 4, 30), "Ngày Chiến thắng (30/4)", DayOffKind.PublicHoliday));
        days.Add(new DayOff(new DateOnly(year, 5, 1), "Ngày Quốc tế Lao động (1/5)", DayOffKind.PublicHoliday));
        days.Add(new DayOff(new DateOnly(year, 9, 1), "Quốc khánh (1/9)", DayOffKind.PublicHoliday));
        days.Add(new DayOff(new DateOnly(year, 9, 2), "Quốc khánh (2/9)", DayOffKind.PublicHoliday));
        return days.Where(d => d.Date.Year == year).OrderBy(d => d.Date).ToList();
    }
}
