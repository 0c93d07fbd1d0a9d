using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DonDoc.Tracking.Tests.Hosting;

/// <summary>
/// A loopback HTTP server (Kestrel) speaking the Telegram Bot API methods DonDoc uses — getUpdates and
/// sendMessage, at <c>/bot{token}/{method}</c> — with the updates a test queues and the messages it received.
/// </summary>
public sealed class FakeBotApi : IAsyncDisposable
{
    public const string Token = "123456:TEST-token_for-DonDoc";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<JsonObject> _updates = new();
    private int _nextUpdate = 100;
    private int _nextMessage = 1;

    private FakeBotApi(WebApplication app, string address)
    {
        _app = app;
        BaseUrl = address;
    }

    public string BaseUrl { get; }

    /// <summary>Every sendMessage: the chat and the text.</summary>
    public ConcurrentQueue<(long ChatId, string Text, string? ParseMode)> Sent { get; } = new();

    /// <summary>The offsets getUpdates was called with.</summary>
    public ConcurrentQueue<int?> Offsets { get; } = new();

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Telegram:BotToken"] = Token,
        ["Telegram:ApiBaseUrl"] = BaseUrl,
        ["Telegram:BotName"] = "DonDocTestBot",
    };

    public static async Task<FakeBotApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeBotApi? api = null;
        app.MapPost("/bot{token}/{method}", async (string token, string method, HttpContext http) =>
        {
            if (token != Token)
            {
                return Results.Json(new { ok = false, error_code = 401, description = "Unauthorized" }, statusCode: 401);
            }

            var body = await JsonNode.ParseAsync(http.Request.Body) as JsonObject ?? [];
            return method.ToLowerInvariant() switch
            {
                "getupdates" => api!.GetUpdates(body),
                "sendmessage" => api!.SendMessage(body),
                _ => Results.Json(new { ok = false, error_code = 404, description = "Not Found: method not found" }, statusCode: 404),
            };
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        api = new FakeBotApi(app, address);
        return api;
    }

    /// <summary>A private message from a person, as Telegram would deliver it.</summary>
    public void QueueMessage(long chatId, string username, string text)
    {
        var update = Interlocked.Increment(ref _nextUpdate);
        _updates.Enqueue(new JsonObject
        {
            ["update_id"] = update,
            ["message"] = new JsonObject
            {
                ["message_id"] = update,
                ["date"] = 1_780_000_000,
                ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "private", ["username"] = username, ["first_name"] = username },
                ["from"] = new JsonObject { ["id"] = chatId, ["is_bot"] = false, ["first_name"] = username, ["username"] = username },
                ["text"] = text,
            },
        });
    }

    private IResult GetUpdates(JsonObject body)
    {
        var offset = body["offset"]?.GetValue<int>();
        Offsets.Enqueue(offset);
        var pending = _updates.Where(u => offset is null || u["update_id"]!.GetValue<int>() >= offset).Select(u => u.DeepClone()).ToArray();
        return Ok(new JsonArray(pending));
    }

    private IResult SendMessage(JsonObject body)
    {
        var chat = body["chat_id"]!.GetValueKind() == JsonValueKind.String ? long.Parse(body["chat_id"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) : body["chat_id"]!.GetValue<long>();
        var text = body["text"]!.GetValue<string>();
        Sent.Enqueue((chat, text, body["parse_mode"]?.GetValue<string>()));
        return Ok(new JsonObject
        {
            ["message_id"] = Interlocked.Increment(ref _nextMessage),
            ["date"] = 1_780_000_000,
            ["chat"] = new JsonObject { ["id"] = chat, ["type"] = "private" },
            ["text"] = text,
        });
    }

    private static IResult Ok(JsonNode result) => Results.Text(new JsonObject { ["ok"] = true, ["result"] = result }.ToJsonString(), "application/json");

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
