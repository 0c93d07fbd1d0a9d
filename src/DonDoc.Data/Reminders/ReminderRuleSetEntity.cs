namespace DonDoc.Data.Reminders;

/// <summary>The reminder rules of the whole system (<see cref="Scope"/> "system") or of one plan ("plan:12").</summary>
public sealed class ReminderRuleSetEntity
{
    public const string SystemScope = "system";

    public int Id { get; set; }

    public string Scope { get; set; } = SystemScope;

    public int? PlanId { get; set; }

    /// <summary>"7,3,1".</summary>
    public string BeforeDays { get; set; } = string.Empty;

    public bool OnTheDay { get; set; }

    public int OverdueEvery { get; set; }

    public int EscalationEvery { get; set; }

    public int WaitingDays { get; set; }

    public int WaitingEvery { get; set; }

    public string ReportBeforeDays { get; set; } = string.Empty;

    public int ReportOverdueEvery { get; set; }

    public bool OnAssignment { get; set; }

    public bool OnCompletionDecision { get; set; }

    public bool OnExtensionDecision { get; set; }

    public string? UpdatedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public static string PlanScope(int planId) => $"plan:{planId}";
}

/// <summary>A person's notification settings: digest or immediate, the linked Telegram chat, the private calendar and unsubscribe tokens.</summary>
public sealed class NotificationProfileEntity
{
    public string UserId { get; set; } = string.Empty;

    /// <summary>Send each notice at once instead of in the 07:30 digest.</summary>
    public bool Immediate { get; set; }

    public long? TelegramChatId { get; set; }

    public string? TelegramUser { get; set; }

    /// <summary>A one-time code to send to the bot, and until when it holds (UTC).</summary>
    public string? TelegramCode { get; set; }

    public DateTime? TelegramCodeExpiresAt { get; set; }

    /// <summary>The secret in the person's calendar feed address.</summary>
    public string CalendarToken { get; set; } = string.Empty;

    /// <summary>The secret in the unsubscribe links of their mails.</summary>
    public string UnsubscribeToken { get; set; } = string.Empty;
}

/// <summary>A kind of notice a person no longer wants on a channel.</summary>
public sealed class NotificationOptOutEntity
{
    public string UserId { get; set; } = string.Empty;

    public string Rule { get; set; } = string.Empty;

    public string Channel { get; set; } = string.Empty;
}

/// <summary>A small named value the scheduled jobs keep between runs (the Telegram update offset, the last run).</summary>
public sealed class SchedulerValueEntity
{
    public string Key { get; set; } = string.Empty;

    public string Value { get; set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; set; }
}
