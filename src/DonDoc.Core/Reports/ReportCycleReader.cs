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

            // A text none of whose sentences could count is left whole: one fold, not one per sentence (an import reads
            // thousands of rows and paragraphs, and few speak of reporting).
            var whole = VietnameseText.Fold(text).ToLowerInvariant();
            if (!Reporting().IsMatch(whole) || !(Monthly().IsMatch(whole) || Quarterly().IsMatch(whole) || HalfYearly().IsMatch(whole)
                    || Yearly().IsMatch(whole) || Recurring().IsMatch(whole)))
            {
                continue;
            }

            foreach (var sentence in SentenceBreak().Split(text))
            {
                var folded = VietnameseText.Fold(sentence).ToLowerInvariant();
                // "Trước ngày 15/6 và 15/12 hằng năm" is twice a year: the dates' rhythm wins when it is the shorter.
                // "- Sản phẩm: Báo cáo kết quả kiểm tra hằng năm" is what a task yields, not how the plan is reported on.
                if (ProductLabel().IsMatch(folded) || !Reporting().IsMatch(folded) || new[] { Rhythm(folded), RhythmOfDates(folded) }.Min() is not { } length)
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

    /// <summary>
    /// The rhythm a sentence names. "6 tháng" alone names a report ("Báo cáo tình hình 6 tháng đầu năm"), not a rhythm:
    /// it counts when the sentence says the reports recur ("định kỳ", "hằng", "mỗi") or gives their day without a year
    /// ("trước ngày 07/6", not the one report due "trước ngày 15/6/2026").
    /// </summary>
    private static PeriodLength? Rhythm(string folded) =>
        Monthly().IsMatch(folded) ? PeriodLength.Month
        : Quarterly().IsMatch(folded) ? PeriodLength.Quarter
        : HalfYearly().IsMatch(folded) && (Recurring().IsMatch(folded) || (Day().IsMatch(folded) && !DatedOnce().IsMatch(folded))) ? PeriodLength.HalfYear
        : Yearly().IsMatch(folded) ? PeriodLength.Year
        : null;

    /// <summary>
    /// "Định kỳ báo cáo trước ngày 15 tháng 12", "định kỳ báo cáo trước 15/6 và 15/12": the months of the recurring report's
    /// dates give the rhythm — December alone a year, June and December a half-year, the four quarters' ends a quarter.
    /// </summary>
    private static PeriodLength? RhythmOfDates(string folded)
    {
        if (!Recurring().IsMatch(folded))
        {
            return null;
        }

        var months = DatesOf(folded).Select(d => d.Month).ToHashSet();
        return months.Count == 0 ? null
            : months.SetEquals([12]) ? PeriodLength.Year
            : months.SetEquals([6, 12]) ? PeriodLength.HalfYear
            : months.SetEquals([3, 6, 9, 12]) ? PeriodLength.Quarter
            : null;
    }

    private static IEnumerable<(int Day, int Month)> DatesOf(string folded)
    {
        foreach (Match match in DayAndMonth().Matches(folded))
        {
            var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
            var month = int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture);
            if (day is >= 1 and <= 31 && month is >= 1 and <= 12)
            {
                yield return (day, month);
            }
        }
    }

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

        // "Ngày 15 tháng 12": a day written with its month.
        foreach (Match match in FullDate().Matches(folded))
        {
            yield return int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
        }
    }

    [GeneratedRegex(@"(?<=[.;!?])\s+|\r?\n")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"^\W*(san pham|ket qua du kien)\b")]
    private static partial Regex ProductLabel();

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

    // Folded, "mới" (new) is "moi" and "hàng hóa" is "hang hoa": a recurrence is "định kỳ" or "hằng/mỗi" with a period.
    [GeneratedRegex(@"\bdinh ky\b|\b(hang|moi) (thang|quy|nam|ky)\b|\b(hang|moi) (6|sau) thang\b")]
    private static partial Regex Recurring();

    [GeneratedRegex(@"\b(?<day>\d{1,2})(/|-| thang )(?<month>\d{1,2})\b")]
    private static partial Regex DayAndMonth();

    [GeneratedRegex(@"\bngay (?<day>\d{1,2}) thang \d{1,2}\b")]
    private static partial Regex FullDate();

    [GeneratedRegex(@"\b\d{1,2}/\d{1,2}/\d{4}\b|\bnam \d{4}\b")]
    private static partial Regex DatedOnce();

    [GeneratedRegex(@"\bthang (sau|ke tiep|tiep theo)\b")]
    private static partial Regex NextMonth();
}
