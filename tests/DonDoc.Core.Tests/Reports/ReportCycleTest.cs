using System.Globalization;
using DonDoc.Core.Calendar;
using DonDoc.Core.Reports;

namespace DonDoc.Core.Tests.Reports;

public sealed class ReportCycleTest
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Default;

    public static TheoryData<string, int, bool, string, string> Dues => new()
    {
        // period, agency day, due after the period, period text, agency due date
        { "Month", 23, false, "2026-11", "2026-11-23" },
        // 23/05/2026 is a Saturday: the report is due the Friday before.
        { "Month", 23, false, "2026-05", "2026-05-22" },
        // Day 31 in a 30-day month is its last day; 30/04 is a holiday, 29/04 the working day before.
        { "Month", 31, false, "2026-04", "2026-04-29" },
        { "Month", 5, true, "2026-11", "2026-12-04" },
        { "Quarter", 15, false, "2026-Q3", "2026-09-15" },
        { "HalfYear", 7, false, "2026-H1", "2026-06-05" },
        { "Year", 7, false, "2026", "2026-12-07" },
    };

    [Theory]
    [MemberData(nameof(Dues))]
    public void An_agency_report_is_due_on_its_day_in_the_last_month_moved_to_a_working_day(string length, int day, bool after, string period, string due)
    {
        var cycle = new ReportCycle(Enum.Parse<PeriodLength>(length), day, day, after);

        var dueOn = cycle.AgencyDueOn(ReportPeriod.Parse(period).Period!.Value, Calendar);

        Assert.Equal(DateOnly.Parse(due, CultureInfo.InvariantCulture), dueOn);
    }

    [Fact]
    public void The_office_day_is_judged_apart_from_the_agencies_day()
    {
        var cycle = new ReportCycle(PeriodLength.Month, 23, 25);
        var november = new ReportPeriod(2026, PeriodLength.Month, 11);

        Assert.Equal(new DateOnly(2026, 11, 23), cycle.AgencyDueOn(november, Calendar));
        Assert.Equal(new DateOnly(2026, 11, 25), cycle.OfficeDueOn(november, Calendar));
    }

    [Fact]
    public void Periods_due_by_a_day_are_those_whose_agency_date_has_come()
    {
        var cycle = new ReportCycle(PeriodLength.Month, 23, 25);

        var due = cycle.PeriodsDueBy(new ReportPeriod(2026, PeriodLength.Month, 10), new DateOnly(2026, 12, 3), Calendar).Select(p => p.ToString());

        Assert.Equal(["2026-10", "2026-11"], due);
    }

    [Fact]
    public void Consecutive_periods_cross_the_year()
    {
        Assert.Equal("2027-01", new ReportPeriod(2026, PeriodLength.Month, 12).Next().ToString());
        Assert.Equal("2026-Q4", new ReportPeriod(2027, PeriodLength.Quarter, 1).Previous().ToString());
        Assert.Equal("2026-H2", ReportPeriod.Containing(new DateOnly(2026, 7, 1), PeriodLength.HalfYear).ToString());
    }

    [Theory]
    [InlineData(0, 25, "Ngày các cơ quan báo cáo phải từ 1 đến 31.")]
    [InlineData(23, 32, "Ngày Văn phòng tổng hợp báo cáo phải từ 1 đến 31.")]
    public void A_day_outside_a_month_is_refused_in_Vietnamese(int agencyDay, int officeDay, string problem)
    {
        Assert.Equal(problem, new ReportCycle(PeriodLength.Month, agencyDay, officeDay).Problem());
    }
}
