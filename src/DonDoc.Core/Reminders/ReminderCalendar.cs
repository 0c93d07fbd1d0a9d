using DonDoc.Core.Calendar;

namespace DonDoc.Core.Reminders;

/// <summary>The date rules of reminders for one day, on the working-day calendar.</summary>
/// <remarks>
/// A deadline that falls on a day off runs to the end of the next working day (Bộ luật Dân sự 2015, Điều 148 khoản 5),
/// so every count starts from that working day. Working days are numbered once per run, so that a million
/// tasks cost a lookup each.
/// </remarks>
public sealed class ReminderCalendar
{
    private readonly WorkingDayCalendar _calendar;
    private readonly Dictionary<DateOnly, int> _ordinals = [];
    private DateOnly _earliest;
    private int _earliestOrdinal;

    public ReminderCalendar(WorkingDayCalendar calendar, DateOnly today)
    {
        _calendar = calendar;
        Today = today;
        IsWorkingDay = calendar.IsWorkingDay(today);
        _earliest = today;
        _earliestOrdinal = 0;
        _ordinals[today] = 0;
    }

    public DateOnly Today { get; }

    /// <summary>Nothing is due on a weekend or a day off.</summary>
    public bool IsWorkingDay { get; }

    /// <summary>The working day by the end of which a deadline is met.</summary>
    public DateOnly Effective(DateOnly due) => _calendar.NextOrSameWorkingDay(due);

    /// <summary>The last raw due date whose before-deadline reminder (at most <paramref name="horizon"/> working days ahead) can fall today.</summary>
    public DateOnly LatestDueInView(int horizon) => _calendar.AddWorkingDays(Today, Math.Max(horizon, 0));

    /// <summary>
    /// Working days from today to the effective deadline: 3 when the deadline is the third working day after
    /// today, 0 on the day, −1 on the first working day after it.
    /// </summary>
    public int WorkingDaysLeft(DateOnly due)
    {
        var effective = Effective(due);
        return Ordinal(effective) - Ordinal(Today);
    }

    /// <summary>Calendar days from today to the deadline (negative when past).</summary>
    public int CalendarDaysLeft(DateOnly due) => due.DayNumber - Today.DayNumber;

    /// <summary>The date rule that a deadline triggers today, if any, with the working days left (negative when overdue).</summary>
    public ReminderKind? DeadlineRule(DateOnly due, ReminderRules rules, out int workingDaysLeft)
    {
        workingDaysLeft = WorkingDaysLeft(due);
        if (!IsWorkingDay)
        {
            return null;
        }

        if (workingDaysLeft > 0)
        {
            return rules.BeforeDays.Contains(workingDaysLeft) ? ReminderKind.BeforeDeadline : null;
        }

        if (workingDaysLeft == 0)
        {
            return rules.OnTheDay ? ReminderKind.OnDeadline : null;
        }

        return Repeats(-workingDaysLeft, rules.OverdueEvery) ? ReminderKind.Overdue : null;
    }

    /// <summary>Whether the weekly escalation of an overdue deadline falls today.</summary>
    public bool EscalatesToday(DateOnly due, ReminderRules rules) =>
        IsWorkingDay && rules.EscalationEvery > 0 && WorkingDaysLeft(due) is < 0 and var left && Repeats(-left, rules.EscalationEvery);

    /// <summary>The rule a periodic report's date triggers today while the report is not in.</summary>
    public ReminderKind? ReportRule(DateOnly due, ReminderRules rules, out int workingDaysLeft)
    {
        workingDaysLeft = WorkingDaysLeft(due);
        if (!IsWorkingDay)
        {
            return null;
        }

        if (workingDaysLeft > 0)
        {
            return rules.ReportBeforeDays.Contains(workingDaysLeft) ? ReminderKind.ReportDue : null;
        }

        if (workingDaysLeft == 0)
        {
            return ReminderKind.ReportDue;
        }

        return Repeats(-workingDaysLeft, rules.ReportOverdueEvery) ? ReminderKind.ReportOverdue : null;
    }

    /// <summary>Whether a task waiting since <paramref name="since"/> for its event is reported to the office today.</summary>
    public bool WaitingTooLongToday(DateOnly since, ReminderRules rules)
    {
        if (!IsWorkingDay || rules.WaitingDays <= 0)
        {
            return false;
        }

        var threshold = since.AddDays(rules.WaitingDays);
        if (threshold > Today)
        {
            return false;
        }

        // Working days since the first working day on or after the threshold: 0 on that day.
        var since0 = Ordinal(Today) - Ordinal(Effective(threshold));
        return since0 == 0 || (rules.WaitingEvery > 0 && since0 % rules.WaitingEvery == 0);
    }

    /// <summary>1 (the first working day after), then every <paramref name="every"/> working days: 1, 1+every, 1+2·every…</summary>
    private static bool Repeats(int workingDaysAfter, int every) =>
        workingDaysAfter == 1 || (every > 0 && workingDaysAfter > 1 && (workingDaysAfter - 1) % every == 0);

    /// <summary>The number of working days from today to a working day (negative before today).</summary>
    private int Ordinal(DateOnly workingDay)
    {
        if (_ordinals.TryGetValue(workingDay, out var known))
        {
            return known;
        }

        if (workingDay > Today)
        {
            var count = 0;
            for (var day = Today.AddDays(1); day <= workingDay; day = day.AddDays(1))
            {
                if (_calendar.IsWorkingDay(day))
                {
                    count++;
                }
            }

            _ordinals[workingDay] = count;
            return count;
        }

        // Going back from today, numbering each day once for the whole run.
        while (_earliest > workingDay)
        {
            if (_calendar.IsWorkingDay(_earliest))
            {
                _earliestOrdinal--;
            }

            _earliest = _earliest.AddDays(-1);
            _ordinals[_earliest] = _earliestOrdinal;
        }

        return _ordinals[workingDay];
    }
}
