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

        return string.IsNullOrEmpty(existing) ? addition : existing + " " + addition;
    }

    public static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex HtmlTag();
}
