using DonDoc.Data.Reminders;
using DonDoc.Tracking.Formatting;
using DonDoc.Tracking.Webhooks;
using DonDoc.Web.Common;
using Microsoft.AspNetCore.Mvc;

namespace DonDoc.Web.Pages.Admin;

/// <summary>
/// The administrator's page for integrators' webhooks: register a URL and its events (the signing secret is shown
/// once), send a test delivery, disable; every delivery with its state, failures with their reason, send again.
/// </summary>
public sealed class WebhooksModel(WebhookSubscriptions subscriptions, WebhookOutbox outbox, WebhookDispatcher dispatcher) : DonDocPageModel
{
    public IReadOnlyList<WebhookSubscriptionView> Subscriptions { get; private set; } = [];

    public WebhookDeliveryPage Deliveries { get; private set; } = new([], null);

    public NewWebhookSubscription? Created { get; private set; }

    public int? Subscription { get; private set; }

    public string? State { get; private set; }

    public async Task OnGetAsync(int? subscription, string? state, long? before, CancellationToken cancellationToken)
    {
        Subscription = subscription;
        State = state;
        await LoadAsync(before, cancellationToken);
    }

    public Task<IActionResult> OnPostCreateAsync(string? name, string? url, string[]? events, CancellationToken cancellationToken) =>
        ChangeAsync(
            async () =>
            {
                Created = await subscriptions.CreateAsync(Actor, name, url, events ?? [], cancellationToken);
                await LoadAsync(null, cancellationToken);
            },
            "Đã đăng ký webhook.", Page, () => Reload(cancellationToken));

    /// <summary>Queues a test delivery and sends what is due now, so that the administrator sees the answer at once.</summary>
    public Task<IActionResult> OnPostPingAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(
            async () =>
            {
                await outbox.PingAsync(Actor, id, cancellationToken);
                await dispatcher.DispatchAsync(cancellationToken);
            },
            "Đã gửi thử; kết quả ở danh sách bên dưới.", () => Redirect($"/Admin/Webhooks?subscription={id}"), () => Reload(cancellationToken));

    public Task<IActionResult> OnPostDisableAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(() => subscriptions.DisableAsync(Actor, id, cancellationToken), "Đã ngừng webhook.", () => Redirect("/Admin/Webhooks"), () => Reload(cancellationToken));

    public Task<IActionResult> OnPostRequeueAsync(long id, CancellationToken cancellationToken) =>
        ChangeAsync(
            async () =>
            {
                if (!await subscriptions.RequeueAsync(Actor, id, cancellationToken))
                {
                    throw Tracking.Workflow.WorkflowException.Invalid("Lần gửi này không ở trạng thái lỗi.", $"webhook delivery {id} is not failed");
                }

                await dispatcher.DispatchAsync(cancellationToken);
            },
            "Đã gửi lại.", () => Redirect("/Admin/Webhooks"), () => Reload(cancellationToken));

    public static string StateText(DeliveryState state) => state switch
    {
        DeliveryState.Queued => "Chờ gửi",
        DeliveryState.Sent => "Đã gửi",
        _ => "Lỗi",
    };

    public string Local(DateTimeOffset? at) => at is { } value ? VietnameseFormat.DateTime(value) : "—";

    public string Local(DateTime? utc) => utc is { } value ? VietnameseFormat.DateTime(new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc))) : "—";

    private async Task<IActionResult> Reload(CancellationToken cancellationToken)
    {
        await LoadAsync(null, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(long? before, CancellationToken cancellationToken)
    {
        Subscriptions = await subscriptions.ListAsync(Actor, cancellationToken);
        DeliveryState? filter = Enum.TryParse<DeliveryState>(State, out var parsed) ? parsed : null;
        Deliveries = await subscriptions.DeliveriesAsync(Actor, Subscription, filter, before, cancellationToken);
    }
}
