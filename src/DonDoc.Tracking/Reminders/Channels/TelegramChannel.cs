using DonDoc.Data.Reminders;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace DonDoc.Tracking.Reminders.Channels;

/// <summary>Telegram through the Bot API (Telegram.Bot), to the chat a person linked from their profile.</summary>
public sealed class TelegramChannel(TelegramBots bots) : INotificationChannel
{
    public string Name => NotificationChannels.Telegram;

    public bool Enabled => bots.Enabled;

    public async Task SendAsync(Recipient person, IReadOnlyList<NoticeContent> notices, DateOnly day, CancellationToken cancellationToken)
    {
        if (person.TelegramChatId is not { } chat)
        {
            throw new UndeliverableException("tài khoản chưa liên kết Telegram");
        }

        foreach (var text in NoticeText.Telegram(notices, day))
        {
            await bots.Client.SendMessage(chat, text, ParseMode.Html, cancellationToken: cancellationToken);
        }
    }
}

/// <summary>The configured bot: <c>Telegram:BotToken</c>, and <c>Telegram:ApiBaseUrl</c> for a self-hosted Bot API server.</summary>
public sealed class TelegramBots(TelegramOptions options) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(100) };
    private TelegramBotClient? _client;

    public bool Enabled => options.Enabled;

    public string? BotName => options.BotName;

    public ITelegramBotClient Client => _client ??= new TelegramBotClient(
        new TelegramBotClientOptions(options.BotToken ?? throw new InvalidOperationException("Telegram:BotToken is not set"), options.ApiBaseUrl),
        _http);

    public void Dispose() => _http.Dispose();
}
