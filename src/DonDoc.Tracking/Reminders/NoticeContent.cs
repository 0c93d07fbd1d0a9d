using System.Text;
using DonDoc.Core.Reminders;
using DonDoc.Tracking.Formatting;

namespace DonDoc.Tracking.Reminders;

/// <summary>What one notice says, in Vietnamese, ready for any channel.</summary>
public sealed record NoticeContent(
    long Id,
    ReminderKind Kind,
    string Headline,
    string? Task,
    string? Plan,
    DateOnly? Due,
    string? Status,
    string? DaysText,
    string? Link,
    string? Message,
    string? Sender)
{
    /// <summary>"Còn 3 ngày làm việc", "Đến hạn hôm nay", "Quá hạn 5 ngày".</summary>
    public static string? Days(DateOnly onDate, DateOnly? due, int? workingDaysLeft) => (due, workingDaysLeft) switch
    {
        ({ } d, > 0 and var left) => $"Còn {left} ngày làm việc đến hạn {VietnameseFormat.Date(d)}",
        ({ } d, 0) => $"Đến hạn hôm nay ({VietnameseFormat.Date(d)})",
        ({ } d, < 0) => $"Quá hạn {Math.Max(1, onDate.DayNumber - d.DayNumber)} ngày (hạn {VietnameseFormat.Date(d)})",
        _ => null,
    };
}

/// <summary>Renders notices as a mail's subject, plain text and HTML, or a Telegram message.</summary>
public static class NoticeText
{
    public static string Subject(IReadOnlyList<NoticeContent> notices, DateOnly day) => notices.Count == 1
        ? $"[DonDoc] {notices[0].Headline}: {Shorten(notices[0].Task ?? notices[0].Plan ?? "", 90)}"
        : $"[DonDoc] Tổng hợp nhắc việc ngày {VietnameseFormat.Date(day)}: {notices.Count} thông báo";

    public static string Plain(IReadOnlyList<NoticeContent> notices, AppLinks links, Func<ReminderKind, string?> unsubscribe)
    {
        var text = new StringBuilder();
        text.AppendLine(notices.Count == 1 ? "Kính gửi đồng chí," : $"Kính gửi đồng chí, hôm nay có {notices.Count} thông báo:");
        text.AppendLine();
        foreach (var (notice, index) in notices.Select((n, i) => (n, i + 1)))
        {
            text.AppendLine(notices.Count == 1 ? notice.Headline.ToUpperInvariant() : $"{index}. {notice.Headline.ToUpperInvariant()}");
            foreach (var (label, value) in Fields(notice))
            {
                text.Append("   ").Append(label).Append(": ").AppendLine(value);
            }

            text.AppendLine();
        }

        text.AppendLine($"Xem tất cả thông báo: {links.Notifications}");
        text.AppendLine($"Thay đổi cách nhận thông báo: {links.Profile}");
        foreach (var kind in notices.Select(n => n.Kind).Distinct())
        {
            if (unsubscribe(kind) is { } link)
            {
                text.AppendLine($"Không nhận thư \"{kind.ToVietnamese()}\" nữa: {link}");
            }
        }

        text.AppendLine();
        text.AppendLine("Thư này do hệ thống DonDoc gửi tự động; xin đừng trả lời thư.");
        return text.ToString();
    }

    public static string Html(IReadOnlyList<NoticeContent> notices, AppLinks links, Func<ReminderKind, string?> unsubscribe)
    {
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"></head><body style=\"font-family:Arial,sans-serif;font-size:14px\">");
        html.Append("<p>").Append(notices.Count == 1 ? "Kính gửi đồng chí," : $"Kính gửi đồng chí, hôm nay có {notices.Count} thông báo:").Append("</p>");
        foreach (var notice in notices)
        {
            html.Append("<div style=\"border-left:4px solid #b91c1c;padding:4px 12px;margin:12px 0\">");
            html.Append("<p style=\"margin:0 0 6px\"><strong>").Append(Encode(notice.Headline)).Append("</strong></p><table style=\"border-collapse:collapse\">");
            foreach (var (label, value) in Fields(notice))
            {
                html.Append("<tr><td style=\"padding:2px 12px 2px 0;color:#555\">").Append(Encode(label)).Append("</td><td>");
                html.Append(label == "Xem" ? $"<a href=\"{Encode(value)}\">{Encode(value)}</a>" : Encode(value)).Append("</td></tr>");
            }

            html.Append("</table></div>");
        }

        html.Append("<p><a href=\"").Append(Encode(links.Notifications)).Append("\">Xem tất cả thông báo</a> · <a href=\"")
            .Append(Encode(links.Profile)).Append("\">Thay đổi cách nhận thông báo</a></p><p style=\"color:#777;font-size:12px\">");
        foreach (var kind in notices.Select(n => n.Kind).Distinct())
        {
            if (unsubscribe(kind) is { } link)
            {
                html.Append("<a href=\"").Append(Encode(link)).Append("\">Không nhận thư \"").Append(Encode(kind.ToVietnamese())).Append("\" nữa</a><br>");
            }
        }

        html.Append("Thư này do hệ thống DonDoc gửi tự động; xin đừng trả lời thư.</p></body></html>");
        return html.ToString();
    }

    /// <summary>Telegram's HTML subset: bold, links; at most 4096 characters a message, so a long digest is cut in parts.</summary>
    public static IReadOnlyList<string> Telegram(IReadOnlyList<NoticeContent> notices, DateOnly day)
    {
        var parts = new List<string>();
        var current = new StringBuilder(notices.Count == 1 ? "" : $"<b>DonDoc – nhắc việc ngày {VietnameseFormat.Date(day)}</b>\n\n");
        foreach (var notice in notices)
        {
            var block = new StringBuilder();
            block.Append("<b>").Append(Encode(notice.Headline)).Append("</b>\n");
            foreach (var (label, value) in Fields(notice))
            {
                block.Append(label == "Xem" ? $"<a href=\"{Encode(value)}\">Mở nhiệm vụ</a>" : $"{Encode(label)}: {Encode(value)}").Append('\n');
            }

            block.Append('\n');
            if (current.Length + block.Length > 4000 && current.Length > 0)
            {
                parts.Add(current.ToString().TrimEnd());
                current.Clear();
            }

            current.Append(block);
        }

        if (current.Length > 0)
        {
            parts.Add(current.ToString().TrimEnd());
        }

        return parts;
    }

    private static IEnumerable<(string Label, string Value)> Fields(NoticeContent notice)
    {
        if (notice.Task is { } task)
        {
            yield return ("Nhiệm vụ", Shorten(task, 500));
        }

        if (notice.Plan is { } plan)
        {
            yield return ("Kế hoạch", plan);
        }

        if (notice.Due is { } due)
        {
            yield return ("Thời hạn", VietnameseFormat.Date(due));
        }

        if (notice.Status is { } status)
        {
            yield return ("Trạng thái", status);
        }

        if (notice.DaysText is { } days)
        {
            yield return ("Thời gian", days);
        }

        if (notice.Message is { } message)
        {
            yield return (notice.Kind == ReminderKind.Manual ? "Nội dung đôn đốc" : "Ý kiến", message);
        }

        if (notice.Sender is { } sender)
        {
            yield return ("Người gửi", sender);
        }

        if (notice.Link is { } link)
        {
            yield return ("Xem", link);
        }
    }

    public static string Shorten(string text, int length)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= length ? flat : flat[..(length - 1)].TrimEnd() + "…";
    }

    /// <summary>Escapes only what HTML (and Telegram's subset of it) needs, so that Vietnamese letters stay letters.</summary>
    private static string Encode(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);
}
