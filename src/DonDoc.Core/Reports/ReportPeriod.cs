using System.Globalization;
using System.Text.RegularExpressions;

namespace DonDoc.Core.Reports;

/// <summary>How long a reporting period is.</summary>
public enum PeriodLength
{
    Month,
    Quarter,
    HalfYear,
    Year,
}

/// <summary>
/// A reporting period: a month, a quarter, a half-year or a year, written as in the command line and the API
/// (shared/DESIGN.md "Contracts"): <c>2026-11</c>, <c>2026-Q4</c>, <c>2026-H1</c>, <c>2026-H2</c>, <c>2026</c>.
/// </summary>
/// <param name="Index">The month (1–12), quarter (1–4) or half (1–2); 1 for a year.</param>
public readonly partial record struct ReportPeriod(int Year, PeriodLength Length, int Index)
{
    /// <summary>The first day of the period.</summary>
    public DateOnly Start => Length switch
    {
        PeriodLength.Month => new DateOnly(Year, Index, 1),
        PeriodLength.Quarter => new DateOnly(Year, ((Index - 1) * 3) + 1, 1),
        PeriodLength.HalfYear => new DateOnly(Year, Index == 1 ? 1 : 7, 1),
        _ => new DateOnly(Year, 1, 1),
    };

    /// <summary>The last day of the period.</summary>
    public DateOnly End => Length switch
    {
        PeriodLength.Month => Start.AddMonths(1).AddDays(-1),
        PeriodLength.Quarter => Start.AddMonths(3).AddDays(-1),
        PeriodLength.HalfYear => Start.AddMonths(6).AddDays(-1),
        _ => new DateOnly(Year, 12, 31),
    };

    /// <summary>The period as the report names it: "tháng 11/2026", "quý IV năm 2026", "6 tháng đầu năm 2026", "năm 2026".</summary>
    public string ToVietnamese() => Length switch
    {
        PeriodLength.Month => $"tháng {Index:00}/{Year}",
        PeriodLength.Quarter => $"quý {Roman(Index)} năm {Year}",
        PeriodLength.HalfYear => $"6 tháng {(Index == 1 ? "đầu" : "cuối")} năm {Year}",
        _ => $"năm {Year}",
    };

    /// <summary>The written form that <see cref="Parse"/> reads back: 2026-11, 2026-Q4, 2026-H1, 2026.</summary>
    public override string ToString() => Length switch
    {
        PeriodLength.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-{Index:00}"),
        PeriodLength.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-Q{Index}"),
        PeriodLength.HalfYear => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-H{Index}"),
        _ => Year.ToString("0000", CultureInfo.InvariantCulture),
    };

    /// <summary>The period of <paramref name="length"/> that holds <paramref name="date"/>.</summary>
    public static ReportPeriod Containing(DateOnly date, PeriodLength length) => length switch
    {
        PeriodLength.Month => new(date.Year, length, date.Month),
        PeriodLength.Quarter => new(date.Year, length, ((date.Month - 1) / 3) + 1),
        PeriodLength.HalfYear => new(date.Year, length, date.Month <= 6 ? 1 : 2),
        _ => new(date.Year, length, 1),
    };

    /// <summary>The period after this one.</summary>
    public ReportPeriod Next() => Containing(End.AddDays(1), Length);

    /// <summary>The period before this one.</summary>
    public ReportPeriod Previous() => Containing(Start.AddDays(-1), Length);

    /// <summary>Reads a period; never throws: a period, or the reason in Vietnamese.</summary>
    public static ReportPeriodParse Parse(string? text)
    {
        var match = Pattern().Match(text?.Trim() ?? string.Empty);
        if (!match.Success)
        {
            return ReportPeriodParse.Failed($"Kỳ báo cáo \"{text}\" không đúng dạng YYYY-MM, YYYY-Qn, YYYY-H1, YYYY-H2 hoặc YYYY.");
        }

        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year is < 2000 or > 2100)
        {
            return ReportPeriodParse.Failed($"Năm {year} nằm ngoài khoảng 2000–2100.");
        }

        if (match.Groups["month"].Success)
        {
            var month = int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture);
            return month is >= 1 and <= 12
                ? ReportPeriodParse.Of(new ReportPeriod(year, PeriodLength.Month, month))
                : ReportPeriodParse.Failed($"Tháng {month} không có (từ 01 đến 12).");
        }

        if (match.Groups["quarter"].Success)
        {
            var quarter = int.Parse(match.Groups["quarter"].Value, CultureInfo.InvariantCulture);
            return quarter is >= 1 and <= 4
                ? ReportPeriodParse.Of(new ReportPeriod(year, PeriodLength.Quarter, quarter))
                : ReportPeriodParse.Failed($"Quý {quarter} không có (từ 1 đến 4).");
        }

        if (match.Groups["half"].Success)
        {
            var half = int.Parse(match.Groups["half"].Value, CultureInfo.InvariantCulture);
            return half is 1 or 2
                ? ReportPeriodParse.Of(new ReportPeriod(year, PeriodLength.HalfYear, half))
                : ReportPeriodParse.Failed($"Nửa năm H{half} không có (H1 hoặc H2).");
        }

        return ReportPeriodParse.Of(new ReportPeriod(year, PeriodLength.Year, 1));
    }

    private static string Roman(int quarter) => quarter switch { 1 => "I", 2 => "II", 3 => "III", _ => "IV" };

    [GeneratedRegex(@"^(?<year>\d{4})(?:-(?:(?<month>\d{2})|[Qq](?<quarter>\d)|[Hh](?<half>\d)))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

/// <summary>What <see cref="ReportPeriod.Parse"/> read: a period, or why not.</summary>
public sealed record ReportPeriodParse(ReportPeriod? Period, string? Error)
{
    public static ReportPeriodParse Of(ReportPeriod period) => new(period, null);

    public static ReportPeriodParse Failed(string error) => new(null, error);
}
