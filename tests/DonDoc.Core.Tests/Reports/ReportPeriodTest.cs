using DonDoc.Core.Reports;

namespace DonDoc.Core.Tests.Reports;

public sealed class ReportPeriodTest
{
    public static TheoryData<string, string, string, string, string> Valid => new()
    {
        // text, canonical, first day, last day, Vietnamese
        { "2026-11", "2026-11", "2026-11-01", "2026-11-30", "tháng 11/2026" },
        { "2026-02", "2026-02", "2026-02-01", "2026-02-28", "tháng 02/2026" },
        { "2028-02", "2028-02", "2028-02-01", "2028-02-29", "tháng 02/2028" },
        { "2026-Q1", "2026-Q1", "2026-01-01", "2026-03-31", "quý I năm 2026" },
        { "2026-q4", "2026-Q4", "2026-10-01", "2026-12-31", "quý IV năm 2026" },
        { "2026-H1", "2026-H1", "2026-01-01", "2026-06-30", "6 tháng đầu năm 2026" },
        { "2026-H2", "2026-H2", "2026-07-01", "2026-12-31", "6 tháng cuối năm 2026" },
        { "2026", "2026", "2026-01-01", "2026-12-31", "năm 2026" },
        { " 2026-12 ", "2026-12", "2026-12-01", "2026-12-31", "tháng 12/2026" },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void A_written_period_reads_as_its_days(string text, string canonical, string start, string end, string vietnamese)
    {
        var parsed = ReportPeriod.Parse(text);
        Assert.Null(parsed.Error);
        var period = parsed.Period!.Value;
        Assert.Equal(canonical, period.ToString());
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), period.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), period.End);
        Assert.Equal(vietnamese, period.ToVietnamese());
        Assert.Equal(period, ReportPeriod.Parse(period.ToString()).Period);
    }

    public static TheoryData<string?, string> Invalid => new()
    {
        { null, "không đúng dạng" },
        { "", "không đúng dạng" },
        { "11/2026", "không đúng dạng" },
        { "2026-13", "Tháng 13 không có" },
        { "2026-00", "Tháng 0 không có" },
        { "2026-Q5", "Quý 5 không có" },
        { "2026-Q0", "Quý 0 không có" },
        { "2026-H3", "H3 không có" },
        { "2026-1", "không đúng dạng" },
        { "1999", "ngoài khoảng" },
        { "2026-11-01", "không đúng dạng" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void A_malformed_period_is_refused_with_a_reason(string? text, string reason)
    {
        var parsed = ReportPeriod.Parse(text);
        Assert.Null(parsed.Period);
        Assert.Contains(reason, parsed.Error);
    }
}
