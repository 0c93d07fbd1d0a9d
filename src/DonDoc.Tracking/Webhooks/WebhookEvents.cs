namespace DonDoc.Tracking.Webhooks;

/// <summary>An event an integrator may subscribe to: its name on the wire and in Vietnamese.</summary>
public sealed record WebhookEvent(string Name, string Vietnamese);

/// <summary>The events DonDoc delivers to webhooks; <see cref="Ping"/> is the administrator's test delivery and needs no subscription.</summary>
public static class WebhookEvents
{
    public const string TaskPublished = "task.published";
    public const string TaskProgress = "task.progress";
    public const string CompletionReported = "task.completion_reported";
    public const string CompletionAccepted = "task.completion_accepted";
    public const string CompletionReturned = "task.completion_returned";
    public const string ExtensionDecided = "task.extension_decided";
    public const string TaskOverdue = "task.overdue";
    public const string PeriodReportSubmitted = "period_report.submitted";
    public const string Ping = "ping";

    public static IReadOnlyList<WebhookEvent> All { get; } =
    [
        new(TaskPublished, "Giao nhiệm vụ (ban hành kế hoạch)"),
        new(TaskProgress, "Báo cáo tiến độ"),
        new(CompletionReported, "Báo cáo hoàn thành"),
        new(CompletionAccepted, "Xác nhận hoàn thành"),
        new(CompletionReturned, "Trả lại báo cáo hoàn thành"),
        new(ExtensionDecided, "Quyết định gia hạn"),
        new(TaskOverdue, "Nhiệm vụ quá hạn"),
        new(PeriodReportSubmitted, "Nộp báo cáo định kỳ"),
    ];

    public static bool IsKnown(string name) => All.Any(e => e.Name == name);

    public static string ToVietnamese(string name) => name == Ping ? "Gửi thử" : All.FirstOrDefault(e => e.Name == name)?.Vietnamese ?? name;

    /// <summary>The stored list (<c>a,b</c>) as names.</summary>
    public static IReadOnlyList<string> Split(string events) => events.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
