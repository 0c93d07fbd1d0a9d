using DonDoc.Data.Reminders;
using DonDoc.Data.Storage;
using DonDoc.Tracking.Reminders.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace DonDoc.Tracking.Reminders;

/// <summary>
/// Reads what people sent the bot (getUpdates, from the last offset kept in the database) and links the chat
/// of whoever sent a valid one-time code from their profile page, answering them in Vietnamese.
/// </summary>
public sealed class TelegramLinker(DonDocDbContext db, TelegramBots bots, TimeProvider clock, ILogger<TelegramLinker> logger)
{
    public const string OffsetKey = "telegram.offset";

    /// <summary>Returns how many chats were linked.</summary>
    public async Task<int> PollAsync(CancellationToken cancellationToken)
    {
        if (!bots.Enabled)
        {
            return 0;
        }

        var stored = await db.SchedulerValues.FirstOrDefaultAsync(v => v.Key == OffsetKey, cancellationToken);
        var offset = stored is null ? (int?)null : int.Parse(stored.Value, System.Globalization.CultureInfo.InvariantCulture);
        var updates = await bots.Client.GetUpdates(offset, 100, 0, [UpdateType.Message], cancellationToken);
        var linked = 0;
        foreach (var update in updates)
        {
            offset = update.Id + 1;
            if (update.Message is not { Text: { } text } message)
            {
                continue;
            }

            var code = text.Replace("/start", "", StringComparison.OrdinalIgnoreCase).Trim().ToUpperInvariant();
            var now = clock.GetUtcNow().UtcDateTime;
            var profile = code.Length == 8
                ? await db.NotificationProfiles.FirstOrDefaultAsync(p => p.TelegramCode == code && p.TelegramCodeExpiresAt > now, cancellationToken)
                : null;
            if (profile is null)
            {
                await bots.Client.SendMessage(message.Chat.Id, "Mã liên kết không đúng hoặc đã hết hạn. Hãy lấy mã mới ở trang Hồ sơ của DonDoc rồi gửi lại.", cancellationToken: cancellationToken);
                continue;
            }

            profile.TelegramChatId = message.Chat.Id;
            profile.TelegramUser = message.From?.Username ?? message.Chat.Username ?? message.Chat.FirstName;
            profile.TelegramCode = null;
            profile.TelegramCodeExpiresAt = null;
            await db.SaveChangesAsync(cancellationToken);
            linked++;
            logger.LogInformation("Telegram chat linked for user {UserId}", profile.UserId);
            await bots.Client.SendMessage(message.Chat.Id, "Đã liên kết tài khoản DonDoc. Từ nay thông báo nhắc việc sẽ được gửi tới đây.", cancellationToken: cancellationToken);
        }

        if (offset is { } next)
        {
            if (stored is null)
            {
                db.SchedulerValues.Add(new SchedulerValueEntity { Key = OffsetKey, Value = next.ToString(System.Globalization.CultureInfo.InvariantCulture), UpdatedAt = clock.GetUtcNow() });
            }
            else
            {
                stored.Value = next.ToString(System.Globalization.CultureInfo.InvariantCulture);
                stored.UpdatedAt = clock.GetUtcNow();
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return linked;
    }
}
