using System.Net;
using System.Text.RegularExpressions;
using DonDoc.Core.Text;

namespace DonDoc.Import.Extraction;

/// <summary>Cleans a cell as a careful reader copies it: HTML tags and entities removed, white space collapsed.</summary>
public static partial class CellText
{
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var withoutTags = HtmlTag().Replace(text, " ");
        return VietnameseText.CollapseWhiteSpace(WebUtility.HtmlDecode(withoutTags)).Normalize(System.Text.NormalizationForm.FormC);
    }

    /// <summary>Joins a cell continued on the next row or page.</summary>
    public static string? Append(string? existing, string addition)
    {
        if (addition.Length == 0)
        {
            return existing;
        }

        if (string.IsNullOrEmpty(existing))
        {
            return addition;
        }

        // A closing bracket or comma that went on at the next line closes the text before it: "(ngày 16/02/2026" + ")".
        var closes = addition[0] is ')' or ']' or ',' or ';' && (addition.Length == 1 || addition[1] == ' ');
        // "các-" + "bon": a word wrapped at its hyphen.
        var hyphenated = existing.Length > 1 && existing[^1] == '-' && char.IsLetter(existing[^2]) && char.IsLower(addition[0]);
        return closes || hyphenated ? existing + addition : existing + " " + addition;
    }

    public static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex HtmlTag();
}
