using System.Globalization;
using DonDoc.Tracking.Workflow;

namespace DonDoc.Tracking.Formatting;

/// <summary>Dates as dd/MM/yyyy, numbers with "." between thousands: how Vietnamese documents write them.</summary>
public static class VietnameseFormat
{
    private static readonly NumberFormatInfo Numbers = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = ",", PercentSymbol = "%" };

    public static string Date(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";

    public static string DateTime(DateTimeOffset? at) =>
        at is { } value ? value.ToOffset(Core.Calendar.VietnamTime.Offset).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture) : "";

    /// <summary>The day of the week as written: "Thứ Hai" … "Thứ Bảy", "Chủ nhật".</summary>
    public static string Weekday(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Monday => "Thứ Hai",
        DayOfWeek.Tuesday => "Thứ Ba",
        DayOfWeek.Wednesday => "Thứ Tư",
        DayOfWeek.Thursday => "Thứ Năm",
        DayOfWeek.Friday => "Thứ Sáu",
        DayOfWeek.Saturday => "Thứ Bảy",
        _ => "Chủ nhật",
    };

    public static string Number(long? value) => value?.ToString("#,0", Numbers) ?? "";

    public static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.#", Numbers) + "%" : "–";

    /// <summary>The text with its first letter in capitals: "tách thành…" → "Tách thành…".</summary>
    public static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>A message as a sentence: capitalised, and ending with a full stop.</summary>
    public static string Sentence(string text) => Capitalized(text.TrimEnd()) + (text.TrimEnd().EndsWith('.') ? "" : ".");

    /// <summary>Reads dd/MM/yyyy (also d/M/yyyy) or the ISO yyyy-MM-dd of HTML date inputs and JSON.</summary>
    public static bool TryParseDate(string? text, out DateOnly date)
    {
        string[] formats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"];
        return DateOnly.TryParseExact(text?.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>A date typed in a form field that may stay empty; one that is not a date is refused with the field's name.</summary>
    public static DateOnly? ParseOptionalDate(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return TryParseDate(text, out var date)
            ? date
            : throw WorkflowException.Invalid($"{field} \"{text}\" không hợp lệ (dd/mm/yyyy).", $"bad date \"{text}\" in {field}");
    }
}
