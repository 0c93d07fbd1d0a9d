using System.Globalization;
using System.Text.RegularExpressions;
using DonDoc.Core.Text;

namespace DonDoc.Import.Extraction;

/// <summary>
/// Reads a budget (Kinh phí) written the Vietnamese way: "14.000.000", "14.000.000 đồng", "14000000", and in the units
/// plans count in: "500 triệu đồng", "1,5 tỷ", or "4.500" under a header "Kinh phí (triệu đồng)".
/// </summary>
public static partial class BudgetParser
{
    /// <returns>The amount in VND; null with <paramref name="malformed"/> set when the text is not a plain amount.</returns>
    /// <param name="unit">What one written unit is worth when the cell names none: the column's "(triệu đồng)" gives 1,000,000.</param>
    public static long? Parse(string? text, out bool malformed, long unit = 1)
    {
        malformed = false;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var match = Amount().Match(text.Trim());
        if (!match.Success)
        {
            malformed = true;
            return null;
        }

        var written = match.Groups["n"].Value;
        // "4.500" and "4 500" group thousands; a comma is the decimal mark, and so is a point followed by other than three digits ("1.5 tỷ").
        var grouped = GroupedThousands().IsMatch(written);
        var digits = grouped ? written.Replace(".", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal) : written;
        digits = digits.Replace(',', '.');
        var cellUnit = match.Groups["u"].Success ? UnitWord(match.Groups["u"].Value) : unit;
        if (decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            var amount = value * cellUnit;
            if (amount == decimal.Truncate(amount) && amount <= long.MaxValue)
            {
                return (long)amount;
            }
        }

        malformed = true;
        return null;
    }

    /// <summary>The unit a header or a note names: "Kinh phí (triệu đồng)" → 1,000,000, "ĐVT: nghìn đồng" → 1,000; 1 when it names none.</summary>
    public static long UnitOf(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return 1;
        }

        var match = HeaderUnit().Match(VietnameseText.Fold(header));
        return match.Success ? UnitWord(match.Groups[1].Value) : 1;
    }

    private static long UnitWord(string word) => VietnameseText.Fold(word) switch
    {
        "nghin" or "ngan" => 1_000,
        "trieu" => 1_000_000,
        "ty" or "ti" => 1_000_000_000,
        _ => 1,
    };

    [GeneratedRegex(@"^(?<n>\d{1,3}(?:[. ]\d{3})+(?:,\d+)?|\d+(?:[,.]\d+)?)\s*(?<u>nghìn|ngàn|triệu|tỷ|tỉ)?\s*(?:đ|đồng|vnđ|vnd)?\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Amount();

    [GeneratedRegex(@"^\d{1,3}(?:[. ]\d{3})+(?:,\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex GroupedThousands();

    [GeneratedRegex(@"\b(nghin|ngan|trieu|ty|ti)\s*(?:dong|vnd|d)\b", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderUnit();
}
