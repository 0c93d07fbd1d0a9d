using DonDoc.Core.Calendar;
using DonDoc.Data.Reminders;
using DonDoc.Data.Storage;
using DonDoc.Tracking.Reminders.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DonDoc.Tracking.Reminders;

/// <summary>What a pass over the outbox did.</summary>
public sealed record DispatchOutcome(int Sent, int Retrying, int Failed, IReadOnlyDictionary<string, int> SentByChannel, IReadOnlyList<string> Errors);

/// <summary>
/// Drains the outbox: in-app notices are delivered on their day; mail and Telegram go out on working days,
/// at once for people who chose so, and as one digest per person and channel in the morning run. A failed
/// send is retried with growing back-off and, after the last attempt, marked failed with its reason. Rows are
/// claimed with a lease before sending, so two senders never send the same row.
/// </summary>
public sealed class OutboxDispatcher(
    DonDocDbContext db,
    IEnumerable<INotificationChannel> channels,
    NotificationComposer composer,
    WorkingDayCalendar calendar,
    ReminderOptions options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger)
{
    /// <summary>Minutes to wait after the 1st, 2nd, … failed attempt.</summary>
    public static readonly int[] BackoffMinutes = [1, 5, 15, 60, 240, 720];

    /// <summary>When the next attempt may go after <paramref name="attempts"/> failed ones (UTC): the back-off above, its last step repeated.</summary>
    public static DateTime RetryAt(DateTimeOffset now, int attempts) =>
        now.UtcDateTime.AddMinutes(BackoffMinutes[Math.Min(attempts, BackoffMinutes.Length) - 1]);

    private const int Batch = 100;

    /// <summary>Outbox rows updated per statement once sent (set-based, nothing tracked: a digest can hold thousands).</summary>
    private const int UpdateChunk = 1000;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    /// <param name="day">The day being sent for: rows of this day and earlier go.</param>
    /// <param name="includeDigest">The morning run: also the notices held for digests.</param>
    public async Task<DispatchOutcome> DispatchAsync(DateOnly day, bool includeDigest, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var sentByChannel = new Dictionary<string, int>();
        var errors = new List<string>();
        var retrying = 0;
        var failed = 0;

        var inApp = await db.Notifications
            .Where(n => n.Channel == NotificationChannels.InApp && n.State == DeliveryState.Queued && n.OnDate <= day)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.State, DeliveryState.Sent).SetProperty(n => n.SentAt, now), cancellationToken);
        if (inApp > 0)
        {
            sentByChannel[NotificationChannels.InApp] = inApp;
        }

        // Nothing leaves on a weekend or a day off: it waits for the next working day.
        if (calendar.IsWorkingDay(day))
        {
            var owner = Guid.NewGuid().ToString("N");
            foreach (var channel in channels.Where(c => c.Enabled))
            {
                if (includeDigest)
                {
                    while (await ClaimDigestsAsync(channel.Name, day, owner, cancellationToken) is { Count: > 0 } rows)
                    {
                        foreach (var person in rows.GroupBy(r => r.RecipientId))
                        {
                            await SendAsync(channel, person.OrderBy(r => r.Id).ToList(), day, sentByChannel, errors, r => retrying += r, f => failed += f, cancellationToken);
                        }
                    }
                }

                while (await ClaimImmediateAsync(channel.Name, day, owner, cancellationToken) is { Count: > 0 } rows)
                {
                    foreach (var row in rows)
                    {
                        await SendAsync(channel, [row], day, sentByChannel, errors, r => retrying += r, f => failed += f, cancellationToken);
                    }
                }
            }
        }

        return new DispatchOutcome(sentByChannel.Values.Sum(), retrying, failed, sentByChannel, errors);
    }

    private IQueryable<NotificationEntity> Due(string channel, DateOnly day)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Notifications.Where(n => n.Channel == channel && n.State == DeliveryState.Queued && n.OnDate <= day
            && (n.NextAttemptAt == null || n.NextAttemptAt <= now)
            && (n.LeaseUntil == null || n.LeaseUntil < now));
    }

    /// <summary>Every due digest row of a few people at a time, so that each person's digest is one message.</summary>
    private async Task<List<NotificationEntity>> ClaimDigestsAsync(string channel, DateOnly day, string owner, CancellationToken cancellationToken)
    {
        var people = await Due(channel, day).Where(n => n.Digest).Select(n => n.RecipientId).Distinct().OrderBy(r => r).Take(20).ToListAsync(cancellationToken);
        if (people.Count == 0)
        {
            return [];
        }

        var ids = await Due(channel, day).Where(n => n.Digest && people.Contains(n.RecipientId)).Select(n => n.Id).ToListAsync(cancellationToken);
        return await ClaimAsync(ids, owner, cancellationToken);
    }

    private async Task<List<NotificationEntity>> ClaimImmediateAsync(string channel, DateOnly day, string owner, CancellationToken cancellationToken)
    {
        var ids = await Due(channel, day).Where(n => !n.Digest).OrderBy(n => n.Id).Select(n => n.Id).Take(Batch).ToListAsync(cancellationToken);
        return ids.Count == 0 ? [] : await ClaimAsync(ids, owner, cancellationToken);
    }

    /// <summary>Takes the rows no other sender holds; returns those this sender now holds.</summary>
    private async Task<List<NotificationEntity>> ClaimAsync(List<long> ids, string owner, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + Lease;
        var claimed = new List<NotificationEntity>();
        foreach (var chunk in ids.Chunk(500))
        {
            await db.Notifications
                .Where(n => chunk.Contains(n.Id) && n.State == DeliveryState.Queued && (n.LeaseUntil == null || n.LeaseUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.LeaseOwner, owner).SetProperty(n => n.LeaseUntil, until), cancellationToken);
            claimed.AddRange(await db.Notifications.AsNoTracking().Where(n => chunk.Contains(n.Id) && n.LeaseOwner == owner && n.State == DeliveryState.Queued).ToListAsync(cancellationToken));
        }

        return claimed;
    }

    private async Task SendAsync(
        INotificationChannel channel, IReadOnlyList<NotificationEntity> rows, DateOnly day, Dictionary<string, int> sentByChannel, List<string> errors,
        Action<int> retrying, Action<int> failed, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var person = await LoadRecipientAsync(rows[0].RecipientId, cancellationToken);
        try
        {
            if (person is null)
            {
                throw new UndeliverableException("tài khoản không còn hoạt động");
            }

            var contents = await composer.ComposeAsync(rows, cancellationToken);
            await channel.SendAsync(person, rows.Select(r => contents[r.Id]).ToList(), day, cancellationToken);
            foreach (var chunk in rows.Select(r => r.Id).Chunk(UpdateChunk))
            {
                await db.Notifications.Where(n => chunk.Contains(n.Id)).ExecuteUpdateAsync(s => s
                    .SetProperty(n => n.State, DeliveryState.Sent)
                    .SetProperty(n => n.SentAt, now)
                    .SetProperty(n => n.Attempts, n => n.Attempts + 1)
                    .SetProperty(n => n.LastError, (string?)null)
                    .SetProperty(n => n.NextAttemptAt, (DateTime?)null)
                    .SetProperty(n => n.LeaseOwner, (string?)null)
                    .SetProperty(n => n.LeaseUntil, (DateTime?)null), CancellationToken.None);
            }

            sentByChannel[channel.Name] = sentByChannel.GetValueOrDefault(channel.Name) + rows.Count;
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            var reason = failure is UndeliverableException ? failure.Message : $"{failure.GetType().Name}: {failure.Message}";
            logger.LogWarning("Sending {Count} {Channel} notice(s) to {UserId} failed: {Reason}", rows.Count, channel.Name, rows[0].RecipientId, reason);
            errors.Add($"{channel.Name} → {person?.Email ?? rows[0].RecipientId}: {reason}");
            var lastError = reason.Length > 2000 ? reason[..2000] : reason;
            var gaveUp = 0;
            var later = 0;
            // Rows sent together may have been tried a different number of times: each group gets its own back-off.
            foreach (var tried in rows.GroupBy(r => r.Attempts))
            {
                var attempts = tried.Key + 1;
                var final = failure is UndeliverableException || attempts >= options.MaxAttempts;
                DateTime? next = final ? null : RetryAt(now, attempts);
                var state = final ? DeliveryState.Failed : DeliveryState.Queued;
                foreach (var chunk in tried.Select(r => r.Id).Chunk(UpdateChunk))
                {
                    await db.Notifications.Where(n => chunk.Contains(n.Id)).ExecuteUpdateAsync(s => s
                        .SetProperty(n => n.State, state)
                        .SetProperty(n => n.Attempts, attempts)
                        .SetProperty(n => n.LastError, lastError)
                        .SetProperty(n => n.NextAttemptAt, next)
                        .SetProperty(n => n.LeaseOwner, (string?)null)
                        .SetProperty(n => n.LeaseUntil, (DateTime?)null), CancellationToken.None);
                }

                if (final)
                {
                    gaveUp += tried.Count();
                }
                else
                {
                    later += tried.Count();
                }
            }

            failed(gaveUp);
            retrying(later);
        }
    }

    private async Task<Recipient?> LoadRecipientAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Id, u.DisplayName, u.Email, u.LockoutEnd }).FirstOrDefaultAsync(cancellationToken);
        if (user is null || user.LockoutEnd > now)
        {
            return null;
        }

        var profile = await db.NotificationProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        return new Recipient(user.Id, user.DisplayName ?? user.Email ?? user.Id, user.Email, profile?.TelegramChatId, profile?.Immediate ?? false, profile?.UnsubscribeToken);
    }
}
