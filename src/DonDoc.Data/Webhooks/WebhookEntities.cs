using DonDoc.Data.Reminders;

namespace DonDoc.Data.Webhooks;

/// <summary>
/// An integrator's endpoint: the URL DonDoc posts to, the events it wants and the secret each delivery is
/// signed with. The secret must be kept (not hashed) because every delivery is signed with it; it is shown
/// to the administrator once, when it is made.
/// </summary>
public sealed class WebhookSubscriptionEntity
{
    public int Id { get; set; }

    /// <summary>The receiving system's name ("Hệ thống văn bản điều hành").</summary>
    public string Name { get; set; } = "";

    public string Url { get; set; } = "";

    /// <summary>The events' schema names, separated by commas (<c>task.published,task.overdue</c>).</summary>
    public string Events { get; set; } = "";

    public string Secret { get; set; } = "";

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>From then on nothing more is queued for it; what is queued is still sent.</summary>
    public DateTimeOffset? DisabledAt { get; set; }
}

/// <summary>
/// One event for one subscription: the webhook outbox row. It is written in the same unit of work as the change
/// it reports, sent with retries and back-off, and kept with its state. (SubscriptionId, DedupeKey) is unique,
/// so that an event computed twice (a task overdue seen by two daily runs) is delivered once.
/// </summary>
public sealed class WebhookDeliveryEntity
{
    public long Id { get; set; }

    public int SubscriptionId { get; set; }

    public WebhookSubscriptionEntity? Subscription { get; set; }

    /// <summary>The id the receiver sees in <c>X-DonDoc-Delivery</c>, the same on every attempt.</summary>
    public string DeliveryId { get; set; } = "";

    public string Event { get; set; } = "";

    /// <summary>What makes the event one event: the delivery id, or <c>task:12:2026-05-20</c> for an overdue task.</summary>
    public string DedupeKey { get; set; } = "";

    public int? TaskId { get; set; }

    public int? PlanId { get; set; }

    /// <summary>For <c>task.overdue</c>: the deadline that passed, so that the task is told of again only if a new one passes.</summary>
    public DateOnly? DueOn { get; set; }

    /// <summary>The JSON body, exactly as signed and sent.</summary>
    public string Payload { get; set; } = "";

    public DeliveryState State { get; set; }

    public int Attempts { get; set; }

    /// <summary>Not before (UTC): the back-off after a failed attempt.</summary>
    public DateTime? NextAttemptAt { get; set; }

    /// <summary>The HTTP status of the last attempt, when the receiver answered.</summary>
    public int? LastStatus { get; set; }

    public string? LastError { get; set; }

    /// <summary>A sender's claim on the row while it sends (UTC), so that two senders never take the same row.</summary>
    public DateTime? LeaseUntil { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }
}
