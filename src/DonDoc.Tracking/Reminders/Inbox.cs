using DonDoc.Core.Access;
using DonDoc.Core.Reminders;
using DonDoc.Data.Reminders;
using DonDoc.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Tracking.Reminders;

/// <summary>An outbox row as the pages show it.</summary>
public sealed record NoticeRow(
    long Id, string Rule, string RuleText, string Channel, string ChannelText, DateOnly OnDate, int? TaskId, string? TaskContent, string? RecipientName,
    string State, int Attempts, string? LastError, DateTimeOffset? SentAt, DateTimeOffset? ReadAt, DateTime? NextAttemptAt, bool Digest, string? Message,
    NoticeContent? Content);

/// <summary>A page of rows, newest first, with the id to continue after (keyset paging).</summary>
public sealed record NoticePage(IReadOnlyList<NoticeRow> Rows, long? Before);

/// <summary>Delivery counts by channel and state, for the administrator.</summary>
public sealed record OutboxTotals(IReadOnlyDictionary<(string Channel, string State), int> Counts);

/// <summary>The bell, the notifications page, a task's deliveries and the administrator's view of the outbox.</summary>
public sealed class Inbox(DonDocDbContext db, NotificationComposer composer, TimeProvider clock)
{
    public const int PageSize = 50;

    /// <summary>In-app notices delivered and not yet read: the number on the bell.</summary>
    public Task<int> UnreadCountAsync(string userId, CancellationToken cancellationToken) =>
        db.Notifications.CountAsync(n => n.RecipientId == userId && n.Channel == NotificationChannels.InApp && n.State == DeliveryState.Sent && n.ReadAt == null, cancellationToken);

    public async Task<NoticePage> MineAsync(string userId, long? before, CancellationToken cancellationToken)
    {
        var rows = await db.Notifications.AsNoTracking()
            .Where(n => n.RecipientId == userId && n.Channel == NotificationChannels.InApp && n.State == DeliveryState.Sent && (before == null || n.Id < before))
            .OrderByDescending(n => n.Id).Take(PageSize).ToListAsync(cancellationToken);
        var contents = await composer.ComposeAsync(rows, cancellationToken);
        return new NoticePage(rows.Select(r => View(r, null, null, contents[r.Id])).ToList(), rows.Count == PageSize ? rows[^1].Id : null);
    }

    /// <summary>Marks one notice (or all, when <paramref name="id"/> is null) of the person as read.</summary>
    public Task<int> MarkReadAsync(string userId, long? id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.Notifications
            .Where(n => n.RecipientId == userId && n.Channel == NotificationChannels.InApp && n.ReadAt == null && (id == null || n.Id == id))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
    }

    /// <summary>Every notice about a task on every channel, for the task's page (the office and administrators see all recipients; others their own).</summary>
    public async Task<IReadOnlyList<NoticeRow>> OfTaskAsync(Actor actor, int taskId, CancellationToken cancellationToken)
    {
        var query = db.Notifications.AsNoTracking().Where(n => n.TaskId == taskId);
        if (!(actor.IsAdministrator || actor.IsMonitoringOffice || actor.IsLeader))
        {
            query = query.Where(n => n.RecipientId == actor.UserId);
        }

        var rows = await query.OrderByDescending(n => n.Id).Take(200).ToListAsync(cancellationToken);
        return await ViewsAsync(rows, cancellationToken);
    }

    /// <summary>The administrator's outbox: optionally one channel or state, newest first.</summary>
    public async Task<NoticePage> OutboxAsync(string? channel, DeliveryState? state, long? before, CancellationToken cancellationToken)
    {
        var query = db.Notifications.AsNoTracking().Where(n => before == null || n.Id < before);
        if (!string.IsNullOrEmpty(channel))
        {
            query = query.Where(n => n.Channel == channel);
        }

        if (state is { } s)
        {
            query = query.Where(n => n.State == s);
        }

        var rows = await query.OrderByDescending(n => n.Id).Take(PageSize).ToListAsync(cancellationToken);
        return new NoticePage(await ViewsAsync(rows, cancellationToken), rows.Count == PageSize ? rows[^1].Id : null);
    }

    public async Task<OutboxTotals> TotalsAsync(CancellationToken cancellationToken)
    {
        var counts = await db.Notifications.AsNoTracking().GroupBy(n => new { n.Channel, n.State })
            .Select(g => new { g.Key.Channel, g.Key.State, Count = g.Count() }).ToListAsync(cancellationToken);
        return new OutboxTotals(counts.ToDictionary(c => (c.Channel, c.State.ToString()), c => c.Count));
    }

    /// <summary>A failed row goes back to the queue (the administrator's "send again").</summary>
    public Task<int> RequeueAsync(long id, CancellationToken cancellationToken) =>
        db.Notifications.Where(n => n.Id == id && n.State == DeliveryState.Failed)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.State, DeliveryState.Queued).SetProperty(n => n.NextAttemptAt, (DateTime?)null).SetProperty(n => n.Attempts, 0), cancellationToken);

    private async Task<IReadOnlyList<NoticeRow>> ViewsAsync(List<NotificationEntity> rows, CancellationToken cancellationToken)
    {
        // Only the names and contents shown, and no query at all for a task page without notices (most of them).
        var userIds = rows.Select(r => r.RecipientId).Distinct().ToList();
        var names = userIds.Count == 0
            ? []
            : await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
                .Select(u => new { u.Id, Name = u.DisplayName ?? u.Email ?? u.Id })
                .ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        var taskIds = rows.Where(r => r.TaskId != null).Select(r => r.TaskId!.Value).Distinct().ToList();
        var tasks = taskIds.Count == 0
            ? []
            : await db.Tasks.AsNoTracking().Where(t => taskIds.Contains(t.Id))
                .Select(t => new { t.Id, t.Content })
                .ToDictionaryAsync(t => t.Id, t => t.Content, cancellationToken);
        return rows.Select(r => View(r, names.GetValueOrDefault(r.RecipientId), r.TaskId is { } id ? tasks.GetValueOrDefault(id) : null, null)).ToList();
    }

    private static NoticeRow View(NotificationEntity r, string? recipient, string? task, NoticeContent? content) => new(
        r.Id, r.Rule, (ReminderKinds.FromSchemaName(r.Rule) ?? ReminderKind.Manual).ToVietnamese(), r.Channel, NotificationChannels.ToVietnamese(r.Channel),
        r.OnDate, r.TaskId, task ?? content?.Task, recipient, r.State.ToString(), r.Attempts, r.LastError, r.SentAt, r.ReadAt, r.NextAttemptAt, r.Digest, r.Message, content);

    public static string StateText(NoticeRow row) => row.State switch
    {
        "Sent" => "Đã gửi",
        "Failed" => "Gửi không được",
        _ when row.LastError is not null => "Đang thử lại",
        _ when row.Digest => "Chờ gửi trong bản tổng hợp",
        _ => "Chờ gửi",
    };
}
