using DonDoc.Data.Reminders;
using DonDoc.Data.Storage;
using DonDoc.Data.Tests.Storage;
using DonDoc.Tracking.Reminders;
using DonDoc.Tracking.Tests.Hosting;

namespace DonDoc.Tracking.Tests.Reminders;

/// <summary>The Telegram channel against a loopback server speaking the Bot API: linking with a one-time code, then notices.</summary>
public sealed class TelegramTest
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_person_links_Telegram_with_a_one_time_code_and_then_gets_the_day_s_notices_there(DatabaseProvider provider)
    {
        await using var bot = await FakeBotApi.StartAsync();
        await using var app = await TrackingServices.CreateAsync(provider, ReminderStory.At(2026, 6, 1), bot.Settings);
        var story = await ReminderStory.PublishAsync(app, "ke-hoach-chuyen-doi-so.txt");
        var userId = story.UserIds[ReminderStory.NoiVu1];
        var ct = CancellationToken.None;

        var code = await app.InScopeAsync(s => s.GetRequiredService<NotificationProfiles>().NewTelegramCodeAsync(userId, ct));
        bot.QueueMessage(777, "hacker", "/start WRONG123");
        bot.QueueMessage(4242, "nguyenvanan", "/start " + code);
        var linked = await app.InScopeAsync(s => s.GetRequiredService<TelegramLinker>().PollAsync(ct));
        var again = await app.InScopeAsync(s => s.GetRequiredService<TelegramLinker>().PollAsync(ct));
        var profile = await app.InScopeAsync(s => s.GetRequiredService<NotificationProfiles>().GetAsync(userId, ct));

        Assert.Equal(1, linked);
        Assert.Equal(0, again);
        Assert.True(profile.TelegramLinked);
        Assert.Equal("nguyenvanan", profile.TelegramUser);
        Assert.Null(profile.TelegramCode);
        Assert.Equal([null, 103], bot.Offsets.ToList());
        Assert.Contains(bot.Sent, m => m.ChatId == 777 && m.Text.StartsWith("Mã liên kết không đúng", StringComparison.Ordinal));
        Assert.Contains(bot.Sent, m => m.ChatId == 4242 && m.Text.StartsWith("Đã liên kết tài khoản DonDoc", StringComparison.Ordinal));

        app.Clock.SetUtcNow(ReminderStory.At(2026, 6, 25));
        var run = await story.RunAsync();

        Assert.Equal(1, run.Dispatch!.SentByChannel[NotificationChannels.Telegram]);
        var message = Assert.Single(bot.Sent, m => m.ChatId == 4242 && m.Text.Contains("Còn 3 ngày làm việc", StringComparison.Ordinal));
        Assert.Equal("html", message.ParseMode?.ToLowerInvariant());
        Assert.Contains("<b>Còn 3 ngày làm việc đến hạn</b>", message.Text, StringComparison.Ordinal);
        Assert.Contains("Nhiệm vụ: Xây dựng kho dữ liệu hồ sơ công việc của tỉnh", message.Text, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{TrackingServices.PublicUrl}/Tasks/{story.TaskId("1")}\">", message.Text, StringComparison.Ordinal);
        var rows = await story.NoticesAsync(q => q.Where(n => n.Channel == NotificationChannels.Telegram));
        Assert.All(rows, r => Assert.Equal(userId, r.RecipientId));
        Assert.All(rows, r => Assert.Equal(DeliveryState.Sent, r.State));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_expired_code_links_nothing(DatabaseProvider provider)
    {
        await using var bot = await FakeBotApi.StartAsync();
        await using var app = await TrackingServices.CreateAsync(provider, ReminderStory.At(2026, 6, 1), bot.Settings);
        var story = await ReminderStory.PublishAsync(app, "ke-hoach-chuyen-doi-so.txt");
        var userId = story.UserIds[ReminderStory.NoiVu1];

        var code = await app.InScopeAsync(s => s.GetRequiredService<NotificationProfiles>().NewTelegramCodeAsync(userId, CancellationToken.None));
        app.Clock.Advance(NotificationProfiles.CodeLifetime + TimeSpan.FromMinutes(1));
        bot.QueueMessage(4242, "nguyenvanan", code);
        var linked = await app.InScopeAsync(s => s.GetRequiredService<TelegramLinker>().PollAsync(CancellationToken.None));

        Assert.Equal(0, linked);
        Assert.False((await app.InScopeAsync(s => s.GetRequiredService<NotificationProfiles>().GetAsync(userId, CancellationToken.None))).TelegramLinked);
    }
}
