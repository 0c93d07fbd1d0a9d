using System.Globalization;
using DonDoc.Tracking.Tasks;

namespace DonDoc.Web.Common;

/// <summary>A long text cut at a word before a length, with an ellipsis: for headings and drop-downs that must fit a screen.</summary>
public static class ShortText
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static string Cut(string text, int max)
    {
        text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length <= max)
        {
            return text;
        }

        var space = text.LastIndexOf(' ', max - 1);
        var cut = space > max / 2 ? text[..space] : text[..(max - 1)];
        return cut.TrimEnd(',', ';', ':', '.', '-', ' ') + "…";
    }

    /// <summary>A heading printed in capitals ("CẢI CÁCH THỦ TỤC HÀNH CHÍNH") as a sentence ("Cải cách thủ tục hành chính"); other text as it is.</summary>
    public static string Sentence(string text)
    {
        if (text.Any(char.IsLower) || !text.Any(char.IsUpper))
        {
            return text;
        }

        var lower = text.ToLower(Vietnamese);
        return string.Concat(lower[..1].ToUpper(Vietnamese), lower[1..]);
    }
}

/// <summary>The task page's heading: the task's content, cut when long (the whole text follows in the fields).</summary>
public static class TaskHeading
{
    public const int MaxLength = 100;

    public static string Of(TaskSummary task) => ShortText.Cut(task.Content, MaxLength);
}

/// <summary>A section in a drop-down: its number and the start of its heading ("II. Cải cách thủ tục hành chính, nâng cao…").</summary>
public static class SectionLabel
{
    public const int MaxLength = 48;

    public static string Of(string id, string? title) =>
        string.IsNullOrWhiteSpace(title) ? $"Mục {id}" : $"{id}. {ShortText.Cut(ShortText.Sentence(title.Trim()), MaxLength)}";
}
