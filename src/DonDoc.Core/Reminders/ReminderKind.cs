namespace DonDoc.Core.Reminders;

/// <summary>Why a person is notified: a date rule of the daily job, or something that happened to a task.</summary>
public enum ReminderKind
{
    /// <summary>N working days before the deadline in force.</summary>
    BeforeDeadline,

    /// <summary>On the day of the deadline.</summary>
    OnDeadline,

    /// <summary>On the first working day after the deadline, then every few working days.</summary>
    Overdue,

    /// <summary>Weekly while overdue, to the lead agency's leader and to the office that manages the plan.</summary>
    OverdueEscalation,

    /// <summary>A periodic report not yet submitted, before and on its date.</summary>
    ReportDue,

    /// <summary>A periodic report not submitted after its date.</summary>
    ReportOverdue,

    /// <summary>A task waiting for its event or condition longer than the rule allows (to the office).</summary>
    WaitingForEvent,

    /// <summary>A task assigned to the agency when its plan was published.</summary>
    Assigned,

    /// <summary>A reported completion returned by the office.</summary>
    CompletionReturned,

    /// <summary>A reported completion accepted by the office.</summary>
    CompletionAccepted,

    /// <summary>An extension request approved or refused.</summary>
    ExtensionDecided,

    /// <summary>"Đôn đốc" sent by the office by hand, with its own message.</summary>
    Manual,

    /// <summary>A published task changed by the office (content, lead, coordinators, deadline, product), with its reason.</summary>
    TaskChanged,
}

public static class ReminderKinds
{
    public static IReadOnlyList<ReminderKind> All { get; } = Enum.GetValues<ReminderKind>();

    public static string ToSchemaName(this ReminderKind kind) => kind switch
    {
        ReminderKind.BeforeDeadline => "before_deadline",
        ReminderKind.OnDeadline => "on_deadline",
        ReminderKind.Overdue => "overdue",
        ReminderKind.OverdueEscalation => "overdue_escalation",
        ReminderKind.ReportDue => "report_due",
        ReminderKind.ReportOverdue => "report_overdue",
        ReminderKind.WaitingForEvent => "waiting_for_event",
        ReminderKind.Assigned => "assigned",
        ReminderKind.CompletionReturned => "completion_returned",
        ReminderKind.CompletionAccepted => "completion_accepted",
        ReminderKind.ExtensionDecided => "extension_decided",
        ReminderKind.TaskChanged => "task_changed",
        _ => "manual",
    };

    public static ReminderKind? FromSchemaName(string? name) =>
        All.Cast<ReminderKind?>().FirstOrDefault(k => k!.Value.ToSchemaName() == name);

    public static string ToVietnamese(this ReminderKind kind) => kind switch
    {
        ReminderKind.BeforeDeadline => "Sắp đến hạn",
        ReminderKind.OnDeadline => "Đến hạn hôm nay",
        ReminderKind.Overdue => "Quá hạn",
        ReminderKind.OverdueEscalation => "Báo cáo lãnh đạo: nhiệm vụ quá hạn",
        ReminderKind.ReportDue => "Sắp đến hạn báo cáo định kỳ",
        ReminderKind.ReportOverdue => "Chậm báo cáo định kỳ",
        ReminderKind.WaitingForEvent => "Nhiệm vụ chờ sự kiện quá lâu",
        ReminderKind.Assigned => "Nhiệm vụ mới được giao",
        ReminderKind.CompletionReturned => "Báo cáo hoàn thành bị trả lại",
        ReminderKind.CompletionAccepted => "Hoàn thành đã được xác nhận",
        ReminderKind.ExtensionDecided => "Kết quả đề nghị gia hạn",
        ReminderKind.TaskChanged => "Nhiệm vụ được điều chỉnh",
        _ => "Đôn đốc",
    };
}
