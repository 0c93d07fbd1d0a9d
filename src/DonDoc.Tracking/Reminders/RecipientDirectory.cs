using DonDoc.Core.Reminders;
using DonDoc.Data.Reminders;
using DonDoc.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Tracking.Reminders;

/// <summary>A person who can be notified, with what reaches them.</summary>
public sealed record Recipient(string UserId, string Name, string? Email, long? TelegramChatId, bool Immediate, string? UnsubscribeToken);

/// <summary>
/// Who receives what, loaded once per run: every active account of an agency, or only its focal person
/// (đầu mối) when it names one; its leader for escalations; the office (the plan's owner) for what the office watches.
/// </summary>
public sealed class RecipientDirectory
{
    private readonly Dictionary<string, Recipient> _people;
    private readonly Dictionary<int, IReadOnlyList<Recipient>> _byAgency;
    private readonly Dictionary<int, string?> _leaders;
    private readonly HashSet<(string UserId, string Rule, string Channel)> _optOuts;

    private RecipientDirectory(
        Dictionary<string, Recipient> people,
        Dictionary<int, IReadOnlyList<Recipient>> byAgency,
        Dictionary<int, string?> leaders,
        HashSet<(string, string, string)> optOuts,
        IReadOnlyList<string> channels)
    {
        _people = people;
        _byAgency = byAgency;
        _leaders = leaders;
        _optOuts = optOuts;
        Channels = channels;
    }

    /// <summary>The channels configured in this installation (in-app always).</summary>
    public IReadOnlyList<string> Channels { get; }

    public static async Task<RecipientDirectory> LoadAsync(DonDocDbContext db, TimeProvider clock, bool email, bool telegram, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var users = await db.Users.AsNoTracking()
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.AgencyId, u.LockoutEnd })
            .ToListAsync(cancellationToken);
        var profiles = await db.NotificationProfiles.AsNoTracking().ToDictionaryAsync(p => p.UserId, cancellationToken);
        var people = users
            .Where(u => u.LockoutEnd is null || u.LockoutEnd <= now)
            .Select(u =>
            {
                var profile = profiles.GetValueOrDefault(u.Id);
                return new Recipient(u.Id, u.DisplayName ?? u.Email ?? u.Id, u.Email, profile?.TelegramChatId, profile?.Immediate ?? false, profile?.UnsubscribeToken);
            })
            .ToDictionary(r => r.UserId, StringComparer.Ordinal);
        var agencies = await db.Agencies.AsNoTracking()
            .Where(a => a.FocalUserId != null || a.LeaderUserId != null)
            .Select(a => new { a.Id, a.FocalUserId, a.LeaderUserId })
            .ToListAsync(cancellationToken);
        var focal = agencies.Where(a => a.FocalUserId is not null).ToDictionary(a => a.Id, a => a.FocalUserId!);
        var byAgency = users
            .Where(u => u.AgencyId is not null && people.ContainsKey(u.Id))
            .GroupBy(u => u.AgencyId!.Value)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<Recipient>)(focal.TryGetValue(g.Key, out var person) && people.TryGetValue(person, out var named)
                    ? [named]
                    : g.OrderBy(u => u.Id, StringComparer.Ordinal).Select(u => people[u.Id]).ToList()));
        var optOuts = (await db.NotificationOptOuts.AsNoTracking().ToListAsync(cancellationToken))
            .Select(o => (o.UserId, o.Rule, o.Channel)).ToHashSet();
        List<string> channels = [NotificationChannels.InApp];
        if (email)
        {
            channels.Add(NotificationChannels.Email);
        }

        if (telegram)
        {
            channels.Add(NotificationChannels.Telegram);
        }

        return new RecipientDirectory(people, byAgency, agencies.ToDictionary(a => a.Id, a => a.LeaderUserId), optOuts, channels);
    }

    /// <summary>The people who act for an agency: its focal person if named, else every active account.</summary>
    public IReadOnlyList<Recipient> OfAgency(int? agencyId) =>
        agencyId is { } id && _byAgency.TryGetValue(id, out var people) ? people : [];

    /// <summary>The agency's leader (if named) and the office that manages the plan.</summary>
    public IReadOnlyList<Recipient> Escalation(int? agencyId, string? planOwnerId)
    {
        var list = new List<Recipient>(2);
        if (agencyId is { } id && _leaders.GetValueOrDefault(id) is { } leader && _people.TryGetValue(leader, out var person))
        {
            list.Add(person);
        }

        if (Person(planOwnerId) is { } office && !list.Contains(office))
        {
            list.Add(office);
        }

        return list;
    }

    public Recipient? Person(string? userId) => userId is not null && _people.TryGetValue(userId, out var person) ? person : null;

    /// <summary>The channels on which a person gets a kind of notice: in-app always, e-mail and Telegram when they reach the person and were not unsubscribed.</summary>
    public IEnumerable<string> ChannelsFor(Recipient person, ReminderKind kind)
    {
        var rule = kind.ToSchemaName();
        foreach (var channel in Channels)
        {
            var reaches = channel switch
            {
                NotificationChannels.Email => !string.IsNullOrWhiteSpace(person.Email),
                NotificationChannels.Telegram => person.TelegramChatId is not null,
                _ => true,
            };
            if (reaches && !_optOuts.Contains((person.UserId, rule, channel)))
            {
                yield return channel;
            }
        }
    }
}
