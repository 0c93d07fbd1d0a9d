using System.Net.Http.Headers;
using System.Text;
using DonDoc.Data.Reminders;
using DonDoc.Data.Storage;
using DonDoc.Tracking.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DonDoc.Tracking.Webhooks;

/// <summary>What a pass over the webhook outbox did.</summary>
public sealed record WebhookDispatchOutcome(int Sent, int Retrying, int Failed);

/// <summary>The one HTTP client webhooks go out through (connections pooled and renewed); 15 seconds for a receiver to answer.</summary>
public sealed class WebhookTransport : IDisposable
{
    public WebhookTransport()
    {
        Client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false })
        {
            Timeout = TimeSpan.FromSeconds(15),
        };
        Client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("DonDoc-Webhooks", "1"));
    }

    public HttpClient Client { get; }

    public void Dispose() => Client.Dispose();
}

/// <summary>
/// Sends queued webhook deliveries: each is claimed with a lease (two senders never send the same one), posted with
/// its signature, and marked sent on a 2xx answer; otherwise it is tried again after the reminders' back-off
/// (1, 5, 15, 60 … minutes) and, after the last attempt, marked failed with the reason. Webhooks are machine to
/// machine: they go on every day, at once, not on the working-day calendar.
/// </summary>
public sealed class WebhookDispatcher(DonDocDbContext db, WebhookTransport transport, ReminderOptions options, TimeProvider clock, ILogger<WebhookDispatcher> logger)
{
    private const int Batch = 20;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    public async Task<WebhookDispatchOutcome> DispatchAsync(CancellationToken cancellationToken)
    {
        var owner = Guid.NewGuid().ToString("N");
        int sent = 0, retrying = 0, failed = 0;
        // Rows this pass has tried stay out of its later batches, so a receiver that keeps failing is tried once per pass.
        var tried = 0L;
        while (true)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var ids = await db.WebhookDeliveries
                .Where(d => d.Id > tried && d.State == DeliveryState.Queued && (d.NextAttemptAt == null || d.NextAttemptAt <= now) && (d.LeaseUntil == null || d.LeaseUntil < now))
                .OrderBy(d => d.Id).Select(d => d.Id).Take(Batch).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                break;
            }

            tried = ids[^1];
            var until = now + Lease;
            await db.WebhookDeliveries
                .Where(d => ids.Contains(d.Id) && d.State == DeliveryState.Queued && (d.LeaseUntil == null || d.LeaseUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeaseOwner, owner).SetProperty(d => d.LeaseUntil, until), cancellationToken);
            var claimed = await db.WebhookDeliveries.AsNoTracking().Include(d => d.Subscription)
                .Where(d => ids.Contains(d.Id) && d.LeaseOwner == owner && d.State == DeliveryState.Queued)
                .OrderBy(d => d.Id).ToListAsync(cancellationToken);
            foreach (var delivery in claimed)
            {
                var (status, error) = await PostAsync(delivery.Subscription!.Url, delivery.Subscription.Secret, delivery.DeliveryId, delivery.Event, delivery.Payload, cancellationToken);
                var at = clock.GetUtcNow();
                var attempts = delivery.Attempts + 1;
                if (error is null)
                {
                    await db.WebhookDeliveries.Where(d => d.Id == delivery.Id).ExecuteUpdateAsync(s => s
                        .SetProperty(d => d.State, DeliveryState.Sent)
                        .SetProperty(d => d.SentAt, at)
                        .SetProperty(d => d.Attempts, attempts)
                        .SetProperty(d => d.LastStatus, status)
                        .SetProperty(d => d.LastError, (string?)null)
                        .SetProperty(d => d.NextAttemptAt, (DateTime?)null)
                        .SetProperty(d => d.LeaseOwner, (string?)null)
                        .SetProperty(d => d.LeaseUntil, (DateTime?)null), CancellationToken.None);
                    sent++;
                    continue;
                }

                var final = attempts >= options.MaxAttempts;
                DateTime? next = final ? null : OutboxDispatcher.RetryAt(at, attempts);
                logger.LogWarning("Webhook delivery {DeliveryId} ({Event}) to subscription {SubscriptionId} failed (attempt {Attempt}): {Reason}",
                    delivery.DeliveryId, delivery.Event, delivery.SubscriptionId, attempts, error);
                await db.WebhookDeliveries.Where(d => d.Id == delivery.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(d => d.State, final ? DeliveryState.Failed : DeliveryState.Queued)
                    .SetProperty(d => d.Attempts, attempts)
                    .SetProperty(d => d.LastStatus, status)
                    .SetProperty(d => d.LastError, error)
                    .SetProperty(d => d.NextAttemptAt, next)
                    .SetProperty(d => d.LeaseOwner, (string?)null)
                    .SetProperty(d => d.LeaseUntil, (DateTime?)null), CancellationToken.None);
                if (final)
                {
                    failed++;
                }
                else
                {
                    retrying++;
                }
            }
        }

        return new WebhookDispatchOutcome(sent, retrying, failed);
    }

    /// <summary>Posts one delivery; the answer's status, and the reason when it is not a success.</summary>
    private async Task<(int? Status, string? Error)> PostAsync(string url, string secret, string deliveryId, string eventName, string payload, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(payload);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.DeliveryHeader, deliveryId);
        request.Headers.Add(WebhookSignature.EventHeader, eventName);
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(secret, body));
        try
        {
            using var response = await transport.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return (status, null);
            }

            var text = await ReadStartAsync(response, cancellationToken);
            return (status, $"HTTP {status} {response.ReasonPhrase}" + (text.Length > 0 ? ": " + text : ""));
        }
        catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            var reason = failure is TaskCanceledException ? "no answer within 15 seconds" : failure.Message;
            return (null, reason.Length > 2000 ? reason[..2000] : reason);
        }
    }

    private static async Task<string> ReadStartAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var buffer = new char[300];
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        var read = await reader.ReadBlockAsync(buffer, cancellationToken);
        return new string(buffer, 0, read).Trim();
    }
}
