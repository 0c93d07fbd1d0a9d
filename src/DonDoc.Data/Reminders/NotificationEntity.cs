namespace DonDoc.Data.Reminders;

/// <summary>
/// One notice to one person on one channel: the outbox row that is the truth of what was (to be) sent.
/// (Rule, Subject, Occasion, OnDate, RecipientId, Channel) is unique in the database, so that computing a
/// day twice, a restart or a second instance adds nothing that is already there.
/// </summary>
public sealed class NotificationEntity
{
    public long Id { get; set; }

    /// <summary>The reminder kind's schema name: before_deadline, overdue, manual, …</summary>
    public string Rule { get; set; } = string.Empty;

    /// <summary>What the notice is about: <c>task:123</c>, or a report's key from its source (<c>report:task:123:2026-05-20</c>).</summary>
    public string Subject { get; set; } = string.Empty;

    /// <summary>What tells two notices of the same rule, subject and day apart (a manual send's id, an extension's id); empty for date rules.</summary>
    public string Occasion { get; set; } = string.Empty;

    /// <summary>The day the notice is for.</summary>
    public DateOnly OnDate { get; set; }

    public string RecipientId { get; set; } = string.Empty;

    /// <summary>inapp, email, telegram.</summary>
    public string Channel { get; set; } = string.Empty;

    public int? TaskId { get; set; }

    public int? PlanId { get; set; }

    /// <summary>The deadline or report date the notice is about.</summary>
    public DateOnly? DueOn { get; set; }

    /// <summary>Working days left to <see cref="DueOn"/> on <see cref="OnDate"/> (negative when overdue).</summary>
    public int? WorkingDaysLeft { get; set; }

    /// <summary>The office's own words (manual), or the reason of a decision.</summary>
    public string? Message { get; set; }

    /// <summary>Who caused it, for event notices and manual ones.</summary>
    public string? SenderName { get; set; }

    /// <summary>Held for the person's 07:30 digest instead of sent at once.</summary>
    public bool Digest { get; set; }

    public DeliveryState State { get; set; }

    public int Attempts { get; set; }

    /// <summary>Not before (UTC): the back-off after a failed attempt.</summary>
    public DateTime? NextAttemptAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>A sender's claim on the row while it sends (UTC), so that two senders never take the same row.</summary>
    public DateTime? LeaseUntil { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>In-app: when the person read it.</summary>
    public DateTimeOffset? ReadAt { get; set; }
}

public enum DeliveryState
{
    Queued,
    Sent,
    Failed,
}

/// <summary>The channels a notice goes by.</summary>
public static class NotificationChannels
{
    public const string InApp = "inapp";
    public const string Email = "email";
    public const string Telegram = "telegram";

    public static IReadOnlyList<string> All { get; } = [InApp, Email, Telegram];

    public static string ToVietnamese(string channel) => channel switch
    {
        InApp => "Trong ứng dụng",
        Email => "Thư điện tử",
        Telegram => "Telegram",
        _ => channel,
    };
}
