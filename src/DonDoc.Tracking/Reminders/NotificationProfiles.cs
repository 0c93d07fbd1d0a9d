using System.Security.Cryptography;
using DonDoc.Core.Reminders;
using DonDoc.Data.Reminders;
using DonDoc.Data.Storage;
using DonDoc.Tracking.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Tracking.Reminders;

/// <summary>What the profile page shows of a person's notification settings.</summary>
public sealed record ProfileView(
    bool Immediate,
    bool TelegramLinked,
    string? TelegramUser,
    string? TelegramCode,
    DateTime? TelegramCodeExpiresAt,
    string CalendarToken,
    IReadOnlySet<(string Rule, string Channel)> OptOuts);

/// <summary>A person's choices: digest or immediate, unsubscribed kinds per channel, the linked Telegram chat, the private calendar address.</summary>
public sealed class NotificationProfiles(DonDocDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(30);

    public async Task<ProfileView> GetAsync(string userId, CancellationToken cancellationToken)
    {
        var profile = await EnsureAsync(userId, cancellationToken);
        var optOuts = await db.NotificationOptOuts.AsNoTracking().Where(o => o.UserId == userId).Select(o => new { o.Rule, o.Channel }).ToListAsync(cancellationToken);
        var code = profile.TelegramCodeExpiresAt > clock.GetUtcNow().UtcDateTime ? profile.TelegramCode : null;
        return new ProfileView(profile.Immediate, profile.TelegramChatId is not null, profile.TelegramUser, code, code is null ? null : profile.TelegramCodeExpiresAt,
            profile.CalendarToken, optOuts.Select(o => (o.Rule, o.Channel)).ToHashSet());
    }

    /// <summary>Saves the digest choice and the kinds of notice not wanted on each channel.</summary>
    public async Task SaveAsync(string userId, bool immediate, IReadOnlyCollection<(string Rule, string Channel)> optOuts, CancellationToken cancellationToken)
    {
        foreach (var (rule, channel) in optOuts)
        {
            if (ReminderKinds.FromSchemaName(rule) is null || !NotificationChannels.All.Contains(channel))
            {
                throw WorkflowException.Invalid("Loại thông báo không hợp lệ.", $"unknown opt-out {rule}/{channel}");
            }
        }

        var profile = await EnsureAsync(userId, cancellationToken);
        profile.Immediate = immediate;
        db.NotificationOptOuts.RemoveRange(await db.NotificationOptOuts.Where(o => o.UserId == userId).ToListAsync(cancellationToken));
        foreach (var (rule, channel) in optOuts.Distinct())
        {
            db.NotificationOptOuts.Add(new NotificationOptOutEntity { UserId = userId, Rule = rule, Channel = channel });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A one-time code the person sends to the bot to link their Telegram chat; valid 30 minutes.</summary>
    public async Task<string> NewTelegramCodeAsync(string userId, CancellationToken cancellationToken)
    {
        var profile = await EnsureAsync(userId, cancellationToken);
        profile.TelegramCode = RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 8);
        profile.TelegramCodeExpiresAt = clock.GetUtcNow().UtcDateTime + CodeLifetime;
        await db.SaveChangesAsync(cancellationToken);
        return profile.TelegramCode;
    }

    public async Task UnlinkTelegramAsync(string userId, CancellationToken cancellationToken)
    {
        var profile = await EnsureAsync(userId, cancellationToken);
        profile.TelegramChatId = null;
        profile.TelegramUser = null;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A new private calendar address; the old one stops working.</summary>
    public async Task NewCalendarTokenAsync(string userId, CancellationToken cancellationToken)
    {
        var profile = await EnsureAsync(userId, cancellationToken);
        profile.CalendarToken = Token();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The link in a mail: no more mail of that kind. Returns the person's name, or null for an unknown link.</summary>
    public async Task<string?> UnsubscribeAsync(string token, string rule, CancellationToken cancellationToken)
    {
        if (ReminderKinds.FromSchemaName(rule) is null)
        {
            return null;
        }

        var profile = await db.NotificationProfiles.FirstOrDefaultAsync(p => p.UnsubscribeToken == token, cancellationToken);
        if (profile is null)
        {
            return null;
        }

        if (!await db.NotificationOptOuts.AnyAsync(o => o.UserId == profile.UserId && o.Rule == rule && o.Channel == NotificationChannels.Email, cancellationToken))
        {
            db.NotificationOptOuts.Add(new NotificationOptOutEntity { UserId = profile.UserId, Rule = rule, Channel = NotificationChannels.Email });
            await db.SaveChangesAsync(cancellationToken);
        }

        return await db.Users.Where(u => u.Id == profile.UserId).Select(u => u.DisplayName ?? u.Email).FirstOrDefaultAsync(cancellationToken) ?? "";
    }

    /// <summary>Gives every account a profile (and so its secret tokens) before the daily job mails anyone.</summary>
    public async Task EnsureAllAsync(CancellationToken cancellationToken)
    {
        var missing = await db.Users.Where(u => !db.NotificationProfiles.Any(p => p.UserId == u.Id)).Select(u => u.Id).ToListAsync(cancellationToken);
        foreach (var chunk in missing.Chunk(500))
        {
            db.NotificationProfiles.AddRange(chunk.Select(New));
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private async Task<NotificationProfileEntity> EnsureAsync(string userId, CancellationToken cancellationToken)
    {
        if (await db.NotificationProfiles.FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken) is { } profile)
        {
            return profile;
        }

        if (!await db.Users.AnyAsync(u => u.Id == userId, cancellationToken))
        {
            throw WorkflowException.NotFound($"user {userId}");
        }

        profile = New(userId);
        db.NotificationProfiles.Add(profile);
        await db.SaveChangesAsync(cancellationToken);
        return profile;
    }

    private static NotificationProfileEntity New(string userId) => new() { UserId = userId, CalendarToken = Token(), UnsubscribeToken = Token() };

    private static string Token() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
}
