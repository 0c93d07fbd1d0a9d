using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DonDoc.Tracking.Tests.Hosting;

/// <summary>One request as the receiver got it: the headers DonDoc signs with and the raw body.</summary>
public sealed record ReceivedWebhook(string? DeliveryId, string? Event, string? Signature, string? ContentType, byte[] Body);

/// <summary>
/// An integrator's endpoint: a real Kestrel server on a loopback port of this test process that keeps every
/// request it receives and answers each with the next status the test queued (200 once the queue is empty).
/// </summary>
public sealed class TestWebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _answers = new();
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();

    private TestWebhookReceiver(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    public IReadOnlyList<ReceivedWebhook> Received => _received.ToArray();

    /// <summary>Answers the next requests with these statuses, in order.</summary>
    public void AnswerNext(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _answers.Enqueue(status);
        }
    }

    public static async Task<TestWebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new TestWebhookReceiver(app);
        app.MapPost("/hooks/dondoc", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            receiver._received.Enqueue(new ReceivedWebhook(
                context.Request.Headers["X-DonDoc-Delivery"].FirstOrDefault(),
                context.Request.Headers["X-DonDoc-Event"].FirstOrDefault(),
                context.Request.Headers["X-DonDoc-Signature"].FirstOrDefault(),
                context.Request.ContentType,
                body.ToArray()));
            var status = receiver._answers.TryDequeue(out var next) ? next : StatusCodes.Status200OK;
            context.Response.StatusCode = status;
            await context.Response.WriteAsync(status < 300 ? "ok" : "receiver is down for maintenance");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.Url = address.TrimEnd('/') + "/hooks/dondoc";
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
