using System.Text.RegularExpressions;

namespace DonDoc.Import.Extraction;

/// <summary>Recognises section headings: "I", "II. TITLE", "Lĩnh vực III: TITLE", "Phần 2 – TITLE".</summary>
public static partial class SectionHeading
{
    /// <summary>Reads a heading from the number cell (and the content cell when the title is there).</summary>
    public static bool TryRead(string numberCell, string contentCell, out string id, out string? title)
    {
        var named = Named().Match(numberCell);
        if (named.Success)
        {
            id = $"{named.Groups[1].Value} {named.Groups[2].Value.ToUpperInvariant()}";
            title = CellText.NullIfEmpty(named.Groups[3].Value.Trim()) ?? CellText.NullIfEmpty(contentCell);
            return true;
        }

        var roman = Roman().Match(numberCell);
        if (roman.Success && IsRoman(roman.Groups[1].Value))
        {
            id = roman.Groups[1].Value;
            title = CellText.NullIfEmpty(roman.Groups[2].Value.Trim()) ?? CellText.NullIfEmpty(contentCell);
            return true;
        }

        id = string.Empty;
        title = null;
        return false;
    }

    public static bool IsRoman(string text) => text.Length is > 0 and <= 6 && RomanNumeral().IsMatch(text);

    [GeneratedRegex(@"^(Lĩnh vực|LĨNH VỰC|Phần|PHẦN|Mục|MỤC|Nhóm|NHÓM)\s+([IVXLCivxlc]+|\d+)\s*[.:\-–)]?\s*(.*)$")]
    private static partial Regex Named();

    [GeneratedRegex(@"^([IVXLC]+)\s*(?:[.:\-–)]\s*(.*))?$")]
    private static partial Regex Roman();

    [GeneratedRegex(@"^(?=[IVXLC])(XL|L?X{0,3})(IX|IV|V?I{0,3})$")]
    private static partial Regex RomanNumeral();
}
