using DonDoc.Core.Calendar;

namespace DonDoc.Core.Reports;

/// <summary>
/// A plan's reporting rhythm: the length of its periods, the day of the month by which each agency reports
/// and the day by which the monitoring office reports upwards ("các cơ quan báo cáo vào ngày 23 hằng tháng,
/// Văn phòng tổng hợp báo cáo trước ngày 25"). Both days fall in the last month of the period ("6 tháng trước
/// 07/6", "năm trước 07/12"), or in the month after it when <paramref name="DueAfterPeriod"/> is set ("trước
/// ngày 05 tháng sau"); a day beyond the month's end is its last day, and a day off moves to the working day before.
/// </summary>
public sealed record ReportCycle(PeriodLength Length, int AgencyDueDay, int OfficeDueDay, bool DueAfterPeriod = false)
{
    /// <summary>The first period whose reports are asked for.</summary>
    public ReportPeriod? FirstPeriod { get; init; }

    /// <summary>Why the cycle is what it is, in Vietnamese: the plan's own words when it was read from them.</summary>
    public string? Source { get; init; }

    /// <summary>The day an agency's report for <paramref name="period"/> is due.</summary>
    public DateOnly AgencyDueOn(ReportPeriod period, WorkingDayCalendar calendar) => DueOn(period, AgencyDueDay, calendar);

    /// <summary>The day the office's consolidated report for <paramref name="period"/> is due.</summary>
    public DateOnly OfficeDueOn(ReportPeriod period, WorkingDayCalendar calendar) => DueOn(period, OfficeDueDay, calendar);

    /// <summary>
    /// The periods from <paramref name="first"/> whose agency due date is on or before <paramref name="until"/>,
    /// oldest first: the periods an agency should have reported by then.
    /// </summary>
    public IEnumerable<ReportPeriod> PeriodsDueBy(ReportPeriod first, DateOnly until, WorkingDayCalendar calendar)
    {
        for (var period = first; AgencyDueOn(period, calendar) <= until; period = period.Next())
        {
            yield return period;
        }
    }

    /// <summary>A cycle is sound when its days are days of a month and its first period has its length.</summary>
    public string? Problem() =>
        AgencyDueDay is < 1 or > 31 ? "Ngày các cơ quan báo cáo phải từ 1 đến 31."
        : OfficeDueDay is < 1 or > 31 ? "Ngày Văn phòng tổng hợp báo cáo phải từ 1 đến 31."
        : FirstPeriod is { } first && first.Length != Length ? "Kỳ báo cáo đầu tiên phải cùng loại kỳ với chu kỳ."
        : null;

    private DateOnly DueOn(ReportPeriod period, int day, WorkingDayCalendar calendar)
    {
        var end = period.End;
        var month = DueAfterPeriod ? end.AddDays(1) : new DateOnly(end.Year, end.Month, 1);
        var due = new DateOnly(month.Year, month.Month, Math.Min(day, DateTime.DaysInMonth(month.Year, month.Month)));
        return calendar.PreviousOrSameWorkingDay(due);
    }
}
