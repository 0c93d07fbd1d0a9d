using System.Collections.Concurrent;

namespace DonDoc.Core.Calendar;

/// <summary>
/// Working days of Vietnamese public offices: Monday to Friday, less the public holidays, the
/// compensatory days and the announced days off, plus the announced working Saturdays.
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly AnnouncedCalendarChanges _announced;
    private readonly ConcurrentDictionary<int, YearCalendar> _years = new();

    public WorkingDayCalendar(AnnouncedCalendarChanges announced)
    {
        _announced = announced;
    }

    /// <summary>The calendar with the announcements shipped in this release.</summary>
    public static WorkingDayCalendar Default { get; } = new(AnnouncedCalendarChanges.Shipped);

    /// <summary>Every day off of a year: public holidays (also on weekends), compensatory and announced days, by date.</summary>
    public IReadOnlyList<DayOff> DaysOff(int year) => Year(year).DaysOff;

    /// <summary>The Saturdays and Sundays of a year that announcements made working days (làm bù), by date.</summary>
    public IReadOnlyList<SwappedWorkingDay> WorkedWeekendDays(int year) =>
        _announced.WorkingDays.Where(w => w.Date.Year == year).OrderBy(w => w.Date).ToList();

    public bool IsWorkingDay(DateOnly date)
    {
        var year = Year(date.Year);
        if (year.SwappedWorkingDays.Contains(date))
        {
            return true;
        }

        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !year.DayOffDates.Contains(date);
    }

    /// <summary>
    /// The date <paramref name="workingDays"/> working days after <paramref name="date"/> (before it when
    /// negative); 0 gives the date itself.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly date, int workingDays)
    {
        var step = Math.Sign(workingDays);
        var remaining = Math.Abs(workingDays);
        var current = date;
        while (remaining > 0)
        {
            current = current.AddDays(step);
            if (IsWorkingDay(current))
            {
                remaining--;
            }
        }

        return current;
    }

    /// <summary>The first working day on or after <paramref name="date"/>.</summary>
    public DateOnly NextOrSameWorkingDay(DateOnly date)
    {
        var current = date;
        while (!IsWorkingDay(current))
        {
            current = current.AddDays(1);
        }

        return current;
    }

    /// <summary>The last working day on or before <paramref name="date"/>: where a due date on a day off moves.</summary>
    public DateOnly PreviousOrSameWorkingDay(DateOnly date)
    {
        var current = date;
        while (!IsWorkingDay(current))
        {
            current = current.AddDays(-1);
        }

        return current;
    }

    private YearCalendar Year(int year) => _years.GetOrAdd(year, Build);

    private YearCalendar Build(int year)
    {
        var statutory = PublicHolidays.Of(year);
        var announcedOff = _announced.DaysOff.Where(d => d.Date.Year == year).ToList();
        var announcedDates = announcedOff.Select(d => d.Date).ToHashSet();
        var swapped = _announced.WorkingDays.Where(w => w.Date.Year == year).Select(w => w.Date).ToHashSet();

        // An announced day off on a holiday of the law means the announcement decides that occasion:
        // the day the law leaves to the Prime Minister and the compensatory days of the rule yield to it.
        var announcedOccasions = statutory.Where(h => !h.IsChosen && announcedDates.Contains(h.Date)).Select(h => h.Occasion).ToHashSet();
        var holidays = statutory.Where(h => !(h.IsChosen && announcedOccasions.Contains(h.Occasion))).ToList();
        // The rule places compensatory days among the law's own days; an announced day on the same date is the same day off.
        var taken = holidays.Select(h => h.Date).ToHashSet();

        var compensatory = new List<DayOff>();
        var source = year >= PublicHolidays.LabourCode2019FirstYear
            ? "Bộ luật Lao động 2019, Điều 111 khoản 3"
            : "Bộ luật Lao động 2012, Điều 115 khoản 3";
        foreach (var occasion in holidays.Where(h => !announcedOccasions.Contains(h.Occasion)).GroupBy(h => h.Occasion).OrderBy(g => g.Min(h => h.Date)))
        {
            var days = occasion.OrderBy(h => h.Date).ToList();
            var onWeekend = days.Where(h => IsWeekend(h.Date)).ToList();
            for (var i = 0; i < onWeekend.Count; i++)
            {
                DateOnly day;
                if (occasion.Key == HolidayOccasion.LunarNewYear)
                {
                    // The Prime Minister places Tết's extra days before the five days first, then after
                    // them (Điều 112 khoản 3; so announced for 2020, 2021, 2023, 2024 and 2025).
                    day = i % 2 == 0
                        ? FreeWeekday(days[0].Date.AddDays(-1), -1, taken)
                        : FreeWeekday(days[^1].Date.AddDays(1), 1, taken);
                }
                else
                {
                    // A holiday on the weekly rest day is taken on the next working day.
                    day = FreeWeekday(onWeekend[i].Date.AddDays(1), 1, taken);
                }

                taken.Add(day);
                compensatory.Add(new DayOff(day, $"Nghỉ bù {onWeekend[i].Name}", DayOffKind.Compensatory, source));
            }
        }

        var byDate = new SortedDictionary<DateOnly, DayOff>();
        foreach (var holiday in holidays)
        {
            byDate.TryAdd(holiday.Date, new DayOff(holiday.Date, holiday.Name, DayOffKind.PublicHoliday, holiday.Source));
        }

        foreach (var day in announcedOff.Concat(compensatory))
        {
            byDate.TryAdd(day.Date, day);
        }

        var all = byDate.Values.ToList();
        return new YearCalendar(all, all.Select(d => d.Date).ToHashSet(), swapped);
    }

    /// <summary>The first weekday from <paramref name="from"/> on, going in <paramref name="step"/>, that is not already a day off.</summary>
    private static DateOnly FreeWeekday(DateOnly from, int step, HashSet<DateOnly> taken)
    {
        var day = from;
        while (IsWeekend(day) || taken.Contains(day))
        {
            day = day.AddDays(step);
        }

        return day;
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private sealed record YearCalendar(IReadOnlyList<DayOff> DaysOff, HashSet<DateOnly> DayOffDates, HashSet<DateOnly> SwappedWorkingDays);
}
