using System.Globalization;
using System.Text.RegularExpressions;
using DonDoc.Core.Text;

namespace DonDoc.Core.Reports;

/// <summary>A reporting cycle read from a plan's own words, for the office to confirm or change.</summary>
public sealed record ReportCycleProposal(ReportCycle Cycle);

/// <summary>
/// Reads a plan's reporting rhythm from its texts (task contents, deadline cells, headings, products): only sentences about
/// reporting ("báo cáo", "tổng hợp") count, a rhythm is "hằng tháng", "hằng quý", "6 tháng", "hằng năm" (or "định kỳ …",
/// "mỗi …"); when several are stated the shortest is proposed. The days are the "ngày 23" / "trước 07/6" of those sentences:
/// the earliest is the agencies', a later one the office's. Without a day: month 20 and 25, quarter 15 and 20, half-year and
/// year 5 and 7. "Tháng sau", "tháng kế tiếp" put the days in the month after the period.
/// </summary>
public static partial class ReportCycleReader
{
    public static ReportCycleProposal? Read(IEnumerable<string?> texts)
    {
        var found = new List<(PeriodLength Length, string Sentence, string Folded)>();
        foreach (var text in texts)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            foreach (var sentence in SentenceBreak().Split(text))
            {
                var folded = VietnameseText.Fold(sentence).ToLowerInvariant();
                if (!Reporting().IsMatch(folded) || Rhythm(folded) is not { } length)
                {
                    continue;
                }

                found.Add((length, sentence.Trim(), folded));
            }
        }

        if (found.Count == 0)
        {
            return null;
        }

        var shortest = found.Min(f => f.Length);
        var chosen = found.Where(f => f.Length == shortest).ToList();
        var days = chosen.SelectMany(f => Days(f.Folded)).Distinct().Order().ToList();
        var (agencyDefault, officeDefault) = shortest switch
        {
            PeriodLength.Month => (20, 25),
            PeriodLength.Quarter => (15, 20),
            _ => (5, 7),
        };
        var agency = days.Count > 0 ? days[0] : agencyDefault;
        var office = days.Count > 1 ? days[^1] : days.Count == 1 ? Math.Min(agency + 2, 31) : officeDefault;
        var after = chosen.Any(f => NextMonth().IsMatch(f.Folded));
        var source = string.Join(" … ", chosen.Select(f => f.Sentence).Distinct());
        return new ReportCycleProposal(new ReportCycle(shortest, agency, office, after) { Source = source.Length <= 300 ? source : source[..300] });
    }

    private static PeriodLength? Rhythm(string folded) =>
        Monthly().IsMatch(folded) ? PeriodLength.Month
        : Quarterly().IsMatch(folded) ? PeriodLength.Quarter
        : HalfYearly().IsMatch(folded) ? PeriodLength.HalfYear
        : Yearly().IsMatch(folded) ? PeriodLength.Year
        : null;

    private static IEnumerable<int> Days(string folded)
    {
        foreach (Match match in Day().Matches(folded))
        {
            var value = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
            if (value is >= 1 and <= 31)
            {
                yield return value;
            }
        }
    }

    [GeneratedRegex(@"(?<=[.;!?])\s+|\r?\n")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"\b(bao cao|tong hop|gui ket qua)\b")]
    private static partial Regex Reporting();

    [GeneratedRegex(@"\b(hang|moi|dinh ky( hang)?) thang\b")]
    private static partial Regex Monthly();

    [GeneratedRegex(@"\b(hang|moi|dinh ky( hang)?) quy\b|\bthang cuoi quy\b|\bbao cao quy\b")]
    private static partial Regex Quarterly();

    [GeneratedRegex(@"\b(6|sau) thang\b")]
    private static partial Regex HalfYearly();

    [GeneratedRegex(@"\b(hang|moi|dinh ky( hang)?) nam\b|\bbao cao (tong ket )?nam\b")]
    private static partial Regex Yearly();

    [GeneratedRegex(@"\b(ngay|truoc|den) (?<day>\d{1,2})(?!\d)(?!\s*thang\b)")]
    private static partial Regex Day();

    [GeneratedRegex(@"\bthang (sau|ke tiep|tiep theo)\b")]
    private static partial Regex NextMonth();
}
