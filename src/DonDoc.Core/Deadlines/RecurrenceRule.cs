namespace DonDoc.Core.Deadlines;

public enum RecurrenceFrequency
{
    Monthly,
    Quarterly,
    HalfYearly,
    Yearly,

    /// <summary>"Hằng tuần", "thứ Sáu hằng tuần": <see cref="RecurrenceRule.Day"/> is the weekday, 1 = Monday … 7 = Sunday.</summary>
    Weekly,
}

/// <summary>
/// When a recurring obligation falls due: on <see cref="Day"/> of the month (the last day when null or
/// past the month's end), in month <see cref="MonthOfPeriod"/> of each period (1 = first, 3 = last month
/// of a quarter; for yearly rules the month of the year). A weekly rule falls on weekday <see cref="Day"/>
/// (1 = Monday … 7 = Sunday), by the end of each week (Sunday) when null.
/// </summary>
public sealed record RecurrenceRule(RecurrenceFrequency Frequency, int? Day, int MonthOfPeriod)
{
    public string Description => Frequency switch
    {
        RecurrenceFrequency.Weekly => Day is { } w and >= 1 and <= 7 ? $"weekly on {(DayOfWeek)(w % 7)}" : "weekly, by the end of each week",
        RecurrenceFrequency.Monthly => Day is { } d ? $"monthly on day {d}" : "monthly, by the end of the month",
        RecurrenceFrequency.Quarterly => MonthOfPeriod == 3
            ? (Day is { } d ? $"quarterly, by day {d} of the last month of each quarter" : "quarterly, by the end of each quarter")
            : $"quarterly, by day {Day?.ToString() ?? "last"} of month {MonthOfPeriod} of each quarter",
        RecurrenceFrequency.HalfYearly => Day is { } d ? $"every 6 months, by day {d} of month {MonthOfPeriod} of each half" : "every 6 months, by the end of each half-year",
        _ => Day is { } d ? $"yearly on {d:00}/{MonthOfPeriod:00}" : $"yearly, by the end of month {MonthOfPeriod}",
    };

    /// <summary>The same in Vietnamese: what a page shows.</summary>
    public string Explanation => Frequency switch
    {
        RecurrenceFrequency.Weekly => Day is { } w and >= 1 and <= 7 ? $"{WeekdayNames[w - 1]} hằng tuần" : "cuối mỗi tuần",
        RecurrenceFrequency.Monthly => Day is { } d ? $"ngày {d} hằng tháng" : "cuối mỗi tháng",
        RecurrenceFrequency.Quarterly => MonthOfPeriod == 3
            ? (Day is { } d ? $"ngày {d} tháng cuối mỗi quý" : "cuối mỗi quý")
            : $"{(Day is { } q ? $"ngày {q}" : "cuối")} tháng thứ {MonthOfPeriod} của mỗi quý",
        RecurrenceFrequency.HalfYearly => Day is { } d ? $"6 tháng một lần, ngày {d} tháng thứ {MonthOfPeriod} của mỗi kỳ" : "cuối mỗi 6 tháng",
        _ => Day is { } d ? $"hằng năm vào ngày {d:00}/{MonthOfPeriod:00}" : $"hằng năm, hết tháng {MonthOfPeriod}",
    };

    private static readonly string[] WeekdayNames = ["thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"];

    private int PeriodMonths => Frequency switch
    {
        RecurrenceFrequency.Monthly => 1,
        RecurrenceFrequency.Quarterly => 3,
        RecurrenceFrequency.HalfYearly => 6,
        _ => 12,
    };

    /// <summary>Every due date on or after <paramref name="from"/>, in order, without end.</summary>
    public IEnumerable<DateOnly> Occurrences(DateOnly from)
    {
        if (Frequency == RecurrenceFrequency.Weekly)
        {
            return WeeklyOccurrences(from);
        }

        return MonthlyOccurrences(from);
    }

    private IEnumerable<DateOnly> WeeklyOccurrences(DateOnly from)
    {
        var weekday = Day is { } w and >= 1 and <= 7 ? w : 7;
        var fromWeekday = from.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)from.DayOfWeek;
        var due = from.AddDays((weekday - fromWeekday + 7) % 7);
        while (due.Year <= 9998)
        {
            yield return due;
            due = due.AddDays(7);
        }
    }

    private IEnumerable<DateOnly> MonthlyOccurrences(DateOnly from)
    {
        var periodMonths = PeriodMonths;
        // The period (counted in months since year 0) that contains "from".
        var monthIndex = (from.Year * 12) + from.Month - 1;
        var periodStart = monthIndex - (monthIndex % periodMonths);
        while (true)
        {
            var dueMonth = periodStart + MonthOfPeriod - 1;
            var year = dueMonth / 12;
            var month = (dueMonth % 12) + 1;
            if (year > 9998)
            {
                yield break;
            }

            var lastDay = DateTime.DaysInMonth(year, month);
            var due = new DateOnly(year, month, Math.Min(Day ?? lastDay, lastDay));
            if (due >= from)
            {
                yield return due;
            }

            periodStart += periodMonths;
        }
    }

    /// <summary>The first due date on or after <paramref name="from"/>.</summary>
    public DateOnly Next(DateOnly from) => Occurrences(from).First();
}
