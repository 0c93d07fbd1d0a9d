using System.Globalization;
using DonDoc.Core.Calendar;

namespace DonDoc.Core.Tests.Calendar;

/// <summary>
/// The calendar against the days off that the government announced for civil servants in 2020–2026
/// (Data/official-days-off-2020-2026.tsv, a reference written from the announcements, each line with its source).
/// </summary>
public sealed class OfficialDaysOffTest
{
    // The reference leaves out 22/8–2/9/2026: only a proposal for Quốc khánh 2026 was found.
    private static readonly DateOnly UncoveredFrom = new(2026, 8, 22);
    private static readonly DateOnly UncoveredTo = new(2026, 9, 2);

    private static readonly Dictionary<DateOnly, (bool Off, string Source)> Reference = ReadReference();

    public static TheoryData<int> Years => new() { 2020, 2021, 2022, 2023, 2024, 2025, 2026 };

    [Theory]
    [MemberData(nameof(Years))]
    public void Every_day_of_the_year_is_a_working_day_exactly_when_the_announcements_say(int year)
    {
        var wrong = DaysOf(year)
            .Where(day => WorkingDayCalendar.Default.IsWorkingDay(day) != ReferenceIsWorkingDay(day))
            .Select(day => $"{day:yyyy-MM-dd} ({day.DayOfWeek}): reference {(ReferenceIsWorkingDay(day) ? "works" : "is off")}")
            .ToList();

        Assert.Empty(wrong);
    }

    [Theory]
    [MemberData(nameof(Years))]
    public void One_working_day_after_any_day_is_the_next_day_the_announcements_make_a_working_day(int year)
    {
        var wrong = new List<string>();
        foreach (var day in DaysOf(year))
        {
            var next = day.AddDays(1);
            while (!ReferenceIsWorkingDay(next))
            {
                next = next.AddDays(1);
            }

            var previous = day.AddDays(-1);
            while (!ReferenceIsWorkingDay(previous))
            {
                previous = previous.AddDays(-1);
            }

            if (Covered(next) && WorkingDayCalendar.Default.AddWorkingDays(day, 1) != next)
            {
                wrong.Add($"{day:yyyy-MM-dd} + 1 should be {next:yyyy-MM-dd}");
            }

            if (Covered(previous) && WorkingDayCalendar.Default.AddWorkingDays(day, -1) != previous)
            {
                wrong.Add($"{day:yyyy-MM-dd} - 1 should be {previous:yyyy-MM-dd}");
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public void Every_shipped_day_is_a_line_of_the_reference_with_a_source_and_the_reference_has_no_other_line()
    {
        var shipped = AnnouncedCalendarChanges.Shipped;
        var shippedDays = shipped.DaysOff.Select(d => (d.Date, Off: true, d.Source))
            .Concat(shipped.WorkingDays.Select(w => (w.Date, Off: false, w.Source)))
            .ToList();

        Assert.All(shippedDays, d => Assert.False(string.IsNullOrWhiteSpace(d.Source), $"{d.Date} has no source"));
        Assert.Equal(
            Reference.OrderBy(r => r.Key).Select(r => (r.Key, r.Value.Off)),
            shippedDays.OrderBy(d => d.Date).Select(d => (d.Date, d.Off)));
    }

    [Fact]
    public void The_Labour_Code_rules_alone_miss_only_the_announced_swaps()
    {
        var rulesOnly = new WorkingDayCalendar(AnnouncedCalendarChanges.Empty);

        var differences = Enumerable.Range(2020, 7).SelectMany(DaysOf)
            .Where(day => rulesOnly.IsWorkingDay(day) != ReferenceIsWorkingDay(day))
            .Select(day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .ToList();

        // Công văn 2450/VPCP-KGVX (2024), the 2025 swap for 2/5, Văn bản 12729/VPCP-KGVX (2026).
        Assert.Equal(["2024-04-29", "2024-05-04", "2025-04-26", "2025-05-02", "2026-01-02", "2026-01-10"], differences);
    }

    private static IEnumerable<DateOnly> DaysOf(int year)
    {
        for (var day = new DateOnly(year, 1, 1); day.Year == year; day = day.AddDays(1))
        {
            if (Covered(day))
            {
                yield return day;
            }
        }
    }

    private static bool Covered(DateOnly day) => day.Year is >= 2020 and <= 2026 && (day < UncoveredFrom || day > UncoveredTo);

    private static bool ReferenceIsWorkingDay(DateOnly day) =>
        Reference.TryGetValue(day, out var listed) ? !listed.Off : day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    private static Dictionary<DateOnly, (bool Off, string Source)> ReadReference()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Calendar", "Data", "official-days-off-2020-2026.tsv");
        var reference = new Dictionary<DateOnly, (bool, string)>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split('\t');
            var date = DateOnly.ParseExact(fields[0], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            reference.Add(date, (fields[1] == "off", fields.Length > 3 ? fields[3] : string.Empty));
        }

        return reference;
    }
}
