using System.Text.RegularExpressions;
using DonDoc.Core.Agencies;
using DonDoc.Core.Deadlines;
using DonDoc.Core.Text;

namespace DonDoc.Import.Extraction;

/// <summary>
/// What a cell's text looks like, whatever its column's header says: agency names (the directory, or
/// the way agency names begin), a deadline (the deadline grammar), a sequence number, an amount, a
/// document kind ("Báo cáo", "Quyết định"), or running text. Each test gives 0 to 1.
/// </summary>
public sealed partial class CellEvidence(AgencyDirectory agencies, DeadlineParser deadlines)
{
    /// <summary>How agency names begin (folded first words): "Sở", "Bộ", "Ủy ban", "Các cơ quan", "UBND".</summary>
    private static readonly HashSet<string> AgencyHeads = new(StringComparer.Ordinal)
    {
        "so", "bo", "uy", "ubnd", "hdnd", "ban", "van", "cac", "co", "cuc", "tong", "vien", "truong", "trung", "phong", "hoi", "doan",
        "cong", "toa", "tand", "vksnd", "dang", "thanh", "kho", "ngan", "bao", "lien", "chinh", "thu", "quoc", "tinh", "huyen", "mat",
        "mttq", "ubkt", "don", "chi", "bchqs", "ubmttq", "dai", "hoc", "nha", "to", "xa", "phuong", "benh", "doanh",
    };

    /// <summary>Agency names: from the directory, or short texts made of agency words that begin as names do. 0 to 1.</summary>
    public double Agency(string cell)
    {
        var text = cell.Trim();
        if (text.Length == 0)
        {
            return 0;
        }

        var words = FoldedWords(text);
        if (words.Count == 0 || words.Count > 40 || char.IsLower(text[0]))
        {
            return 0;
        }

        var matches = agencies.Resolve(text);
        var known = matches.Where(m => m.Kind != AgencyMatchKind.Unknown).Sum(m => m.Text.Length);
        var unknownLooksLikeName = matches.Where(m => m.Kind == AgencyMatchKind.Unknown && LooksLikeName(m.Text)).Sum(m => m.Text.Length);
        var total = matches.Sum(m => m.Text.Length);
        if (total == 0)
        {
            return 0;
        }

        var byDirectory = (known + (0.6 * unknownLooksLikeName)) / total;
        return Math.Min(1.0, byDirectory);
    }

    /// <summary>A piece the directory does not know that still reads as a name: "Bộ Tư pháp", "Ủy ban Pháp luật và Tư pháp".</summary>
    private static bool LooksLikeName(string piece)
    {
        var words = FoldedWords(piece);
        if (words.Count == 0 || words.Count > 14 || !char.IsUpper(piece.TrimStart()[0]))
        {
            return false;
        }

        var agencyWords = words.Count(w => ColumnVocabulary.AgencyWords.Contains(w));
        return AgencyHeads.Contains(words[0]) && agencyWords * 2 >= words.Count;
    }

    /// <summary>A deadline: short, and what the deadline grammar understands. 0 or 1.</summary>
    public double Deadline(string cell, int? planYear)
    {
        var words = FoldedWords(cell);
        if (words.Count == 0 || words.Count > 30)
        {
            return 0;
        }

        var deadlineWords = words.Count(w => ColumnVocabulary.DeadlineWords.Contains(w) || w.Any(char.IsDigit));
        if (deadlineWords * 2 < words.Count)
        {
            return 0;
        }

        return deadlines.Parse(cell, planYear).Kind != DeadlineKind.Unknown ? 1 : 0.2;
    }

    /// <summary>A sequence number as printed: "1", "1.2", "II", "A", "a)", "-", "Hoạt động 2". 0 or 1.</summary>
    public static double Number(string cell) => SequenceNumber().IsMatch(cell.Trim()) ? 1 : 0;

    /// <summary>An amount of money: "14.000.000", "1.250", "350 triệu". 0 or 1.</summary>
    public static double Budget(string cell)
    {
        var text = cell.Trim();
        if (text.Length == 0)
        {
            return 0;
        }

        return BudgetParser.Parse(text, out var malformed) is not null && !malformed && text.Count(char.IsDigit) >= 3
            || MoneyWords().IsMatch(VietnameseText.Fold(text)) ? 1 : 0;
    }

    /// <summary>A document or result: "Báo cáo", "Quyết định của UBND tỉnh", "Kế hoạch". 0 or 1.</summary>
    public static double Product(string cell)
    {
        var text = cell.Trim();
        if (text.Length == 0 || !(char.IsUpper(text[0]) || char.IsDigit(text[0])))
        {
            return 0;
        }

        var head = string.Join(' ', FoldedWords(text).Take(4));
        return ColumnVocabulary.ProductHeads.Any(h => head.StartsWith(h, StringComparison.Ordinal) && (head.Length == h.Length || head[h.Length] == ' ')) ? 1 : 0;
    }

    /// <summary>Running text: several words that are not a name or a date. 0 to 1.</summary>
    public static double Prose(string cell)
    {
        var words = FoldedWords(cell).Count;
        return words >= 8 ? 1 : words >= 4 ? 0.5 : 0;
    }

    public static List<string> FoldedWords(string text) => Word().Matches(VietnameseText.Fold(text)).Select(m => m.Value).ToList();

    [GeneratedRegex(@"^(?:\(?\d{1,3}(?:\.\d{1,3})*\.?\)?|[IVXLC]{1,6}\.?|[A-ZĐ]\.?|[a-zđ]\)|[a-zđ]\.|[-–+•*]|(?:Hoạt động|HOẠT ĐỘNG|Nhiệm vụ|NHIỆM VỤ)\s+\d+)$")]
    private static partial Regex SequenceNumber();

    [GeneratedRegex(@"^\d[\d.,]*\s*(?:trieu|ty|nghin|ngan)(?:\s*dong)?$")]
    private static partial Regex MoneyWords();

    [GeneratedRegex(@"[\p{L}\p{N}&/]+")]
    private static partial Regex Word();
}
