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

    private YearCalendar Year(int year) => _years.GetOrAdd(year, Build);

    private YearCalendar Build(int year)
    {
        var holidays = PublicHolidays.Of(year);
        var taken = holidays.Select(h => h.Date).ToHashSet();
        var announcedOff = _announced.DaysOff.Where(d => d.Date.Year == year).ToList();
        taken.UnionWith(announcedOff.Select(d => d.Date));
        var swapped = _announced.WorkingDays.Where(w => w.Date.Year == year).Select(w => w.Date).ToHashSet();

        // Art. 112(3): a holiday on the weekly rest day is taken on the next working day.
        var compensatory = new List<DayOff>();
        foreach (var holiday in holidays.Where(h => IsWeekend(h.Date)))
        {
            var day = holiday.Date.AddDays(1);
            while (IsWeekend(day) || taken.Contains(day))
            {
                day = day.AddDays(1);
            }

            taken.Add(day);
            compensatory.Add(new DayOff(day, $"Nghỉ bù {holiday.Name}", DayOffKind.Compensatory));
        }

        var byDate = new SortedDictionary<DateOnly, DayOff>();
        foreach (var day in holidays.Concat(compensatory).Concat(announcedOff))
        {
            byDate.TryAdd(day.Date, day);
        }

        var all = byDate.Values.ToList();
        return new YearCalendar(all, all.Select(d => d.Date).ToHashSet(), swapped);
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private sealed record YearCalendar(IReadOnlyList<DayOff> DaysOff, HashSet<DateOnly> DayOffDates, HashSet<DateOnly> SwappedWorkingDays);
}
