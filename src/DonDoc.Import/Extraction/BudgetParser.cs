using System.Globalization;
using System.Text.RegularExpressions;

namespace DonDoc.Import.Extraction;

/// <summary>Reads a budget (Kinh phí) written the Vietnamese way: "14.000.000", "14.000.000 đồng", "14000000".</summary>
public static partial class BudgetParser
{
    /// <returns>The amount in VND; null with <paramref name="malformed"/> set when the text is not a plain amount.</returns>
    public static long? Parse(string? text, out bool malformed)
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

        var digits = match.Groups[1].Value.Replace(".", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        malformed = true;
        return null;
    }

    [GeneratedRegex(@"^(\d{1,3}(?:[. ]\d{3})+|\d+)\s*(?:đ|đồng|vnđ|vnd)?\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Amount();
}
