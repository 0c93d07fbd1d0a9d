using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using DonDoc.Core.Access;
using DonDoc.Data.Reminders;
using DonDoc.Data.Storage;
using DonDoc.Data.Webhooks;
using DonDoc.Tracking.Auditing;
using DonDoc.Tracking.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Tracking.Webhooks;

/// <summary>A subscription as the administrator's list shows it; the secret is shown once, when it is made.</summary>
public sealed record WebhookSubscriptionView(int Id, string Name, string Url, IReadOnlyList<string> Events, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? DisabledAt);

/// <summary>A subscription just made, with the secret its deliveries are signed with.</summary>
public sealed record NewWebhookSubscription(WebhookSubscriptionView View, string Secret);

/// <summary>One delivery as the administrator's list shows it.</summary>
public sealed record WebhookDeliveryView(
    long Id, string DeliveryId, int SubscriptionId, string SubscriptionName, string Event, int? TaskId, DeliveryState State, int Attempts,
    int? LastStatus, string? LastError, DateTime? NextAttemptAt, DateTimeOffset CreatedAt, DateTimeOffset? SentAt);

/// <summary>A page of deliveries, newest first; <see cref="Before"/> asks for the next page.</summary>
public sealed record WebhookDeliveryPage(IReadOnlyList<WebhookDeliveryView> Items, long? Before);

/// <summary>
/// Webhooks for integrators, as the administrator manages them: register a URL with the events it wants (a secret
/// is made for it and shown once), disable it, see every delivery with its state and send a failed one again.
/// </summary>
public sealed class WebhookSubscriptions(DonDocDbContext db, AuditLog audit, TimeProvider clock)
{
    public const string SecretPrefix = "whsec_";
    public const int PageSize = 50;

    public async Task<IReadOnlyList<WebhookSubscriptionView>> ListAsync(Actor actor, CancellationToken cancellationToken)
    {
        RequireAdministrator(actor);
        var rows = await db.WebhookSubscriptions.AsNoTracking().OrderBy(h => h.Id).ToListAsync(cancellationToken);
        return rows.Select(View).ToList();
    }

    public async Task<NewWebhookSubscription> CreateAsync(Actor actor, string? name, string? url, IReadOnlyCollection<string> events, CancellationToken cancellationToken)
    {
        RequireAdministrator(actor);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw WorkflowException.Invalid("Hãy đặt tên cho hệ thống nhận (ví dụ: Hệ thống văn bản điều hành).", "webhook without a name");
        }

        var address = url?.Trim();
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            throw WorkflowException.Invalid("Địa chỉ nhận phải là một địa chỉ http:// hoặc https:// đầy đủ.", $"webhook URL '{address}' is not an absolute http(s) URL");
        }

        var chosen = events.Select(e => e.Trim()).Where(e => e.Length > 0).Distinct().ToList();
        if (chosen.Count == 0)
        {
            throw WorkflowException.Invalid("Hãy chọn ít nhất một sự kiện.", "webhook without events");
        }

        if (chosen.FirstOrDefault(e => !WebhookEvents.IsKnown(e)) is { } unknown)
        {
            throw WorkflowException.Invalid($"Không có sự kiện \"{unknown}\".", $"unknown webhook event {unknown}");
        }

        var secret = SecretPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var entity = new WebhookSubscriptionEntity
        {
            Name = name.Trim(),
            Url = uri.AbsoluteUri,
            Events = string.Join(',', WebhookEvents.All.Select(e => e.Name).Where(chosen.Contains)),
            Secret = secret,
            CreatedBy = actor.Name,
            CreatedAt = clock.GetUtcNow(),
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.WebhookSubscriptions.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        audit.RecordAbout(actor, AuditActions.WebhookCreate, Subject(entity.Id), null, new { entity.Name, entity.Url, events = entity.Events });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new NewWebhookSubscription(View(entity), secret);
    }

    /// <summary>Nothing more is queued for the subscription; what is already queued still goes.</summary>
    public async Task DisableAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        RequireAdministrator(actor);
        var entity = await db.WebhookSubscriptions.SingleOrDefaultAsync(h => h.Id == id, cancellationToken)
            ?? throw WorkflowException.NotFound($"webhook {id}");
        if (entity.DisabledAt is not null)
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        entity.DisabledAt = clock.GetUtcNow();
        audit.RecordAbout(actor, AuditActions.WebhookDisable, Subject(id), null, new { entity.Name, entity.Url });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Deliveries newest first, a page at a time (keyset on the id), of one subscription and state when given.</summary>
    public async Task<WebhookDeliveryPage> DeliveriesAsync(Actor actor, int? subscriptionId, DeliveryState? state, long? before, CancellationToken cancellationToken)
    {
        RequireAdministrator(actor);
        var query = db.WebhookDeliveries.AsNoTracking();
        if (subscriptionId is { } sid)
        {
            query = query.Where(d => d.SubscriptionId == sid);
        }

        if (state is { } s)
        {
            query = query.Where(d => d.State == s);
        }

        if (before is { } b)
        {
            query = query.Where(d => d.Id < b);
        }

        var rows = await query.OrderByDescending(d => d.Id).Take(PageSize + 1)
            .Select(d => new WebhookDeliveryView(d.Id, d.DeliveryId, d.SubscriptionId, d.Subscription!.Name, d.Event, d.TaskId, d.State, d.Attempts,
                d.LastStatus, d.LastError, d.NextAttemptAt, d.CreatedAt, d.SentAt))
            .ToListAsync(cancellationToken);
        return rows.Count > PageSize ? new WebhookDeliveryPage(rows[..PageSize], rows[PageSize - 1].Id) : new WebhookDeliveryPage(rows, null);
    }

    /// <summary>A failed delivery goes again at the next pass, with its attempts counted afresh; the same id and body.</summary>
    public async Task<bool> RequeueAsync(Actor actor, long deliveryId, CancellationToken cancellationToken)
    {
        RequireAdministrator(actor);
        var changed = await db.WebhookDeliveries.Where(d => d.Id == deliveryId && d.State == DeliveryState.Failed)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.State, DeliveryState.Queued).SetProperty(d => d.Attempts, 0)
                .SetProperty(d => d.NextAttemptAt, (DateTime?)null), cancellationToken);
        return changed > 0;
    }

    private static string Subject(int id) => "webhook:" + id.ToString(CultureInfo.InvariantCulture);

    private static WebhookSubscriptionView View(WebhookSubscriptionEntity h) =>
        new(h.Id, h.Name, h.Url, WebhookEvents.Split(h.Events), h.CreatedAt, h.CreatedBy, h.DisabledAt);

    internal static void RequireAdministrator(Actor actor)
    {
        if (!actor.IsAdministrator && !actor.IsSystem)
        {
            throw WorkflowException.Forbidden("Chỉ quản trị hệ thống mới quản lý webhook.", $"user {actor.UserId} is not an administrator");
        }
    }
}
