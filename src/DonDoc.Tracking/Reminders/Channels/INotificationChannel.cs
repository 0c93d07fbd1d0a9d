namespace DonDoc.Tracking.Reminders.Channels;

/// <summary>
/// One way a notice reaches a person. A channel sends one notice, or a person's digest of several, and
/// throws when the message did not go (the dispatcher retries with back-off and records the reason).
/// </summary>
public interface INotificationChannel
{
    /// <summary>The outbox's channel name: email, telegram.</summary>
    string Name { get; }

    bool Enabled { get; }

    Task SendAsync(Recipient person, IReadOnlyList<NoticeContent> notices, DateOnly day, CancellationToken cancellationToken);
}

/// <summary>A message that cannot go to this person at all (no address, no linked chat): failed at once, not retried.</summary>
public sealed class UndeliverableException(string reason) : Exception(reason);
