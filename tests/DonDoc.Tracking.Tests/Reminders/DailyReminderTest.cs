using DonDoc.Data.Reminders;
using DonDoc.Data.Storage;
using DonDoc.Data.Tests.Storage;
using DonDoc.Tracking.Reminders;
using DonDoc.Tracking.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Tracking.Tests.Reminders;

/// <summary>The day's job end to end: a published plan, a real SMTP server, the in-app bell; exactly once, on working days only.</summary>
public sealed class DailyReminderTest
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Three_working_days_before_a_deadline_the_lead_agency_gets_one_mail_and_a_second_run_sends_nothing(DatabaseProvider provider)
    {
        await using var smtp = TestSmtpServer.Start();
        await using var app = await TrackingServices.CreateAsync(provider, ReminderStory.At(2026, 6, 1), smtp.Settings);
        var story = await ReminderStory.PublishAsync(app, "ke-hoach-chuyen-doi-so.txt");
        var assigned = await story.RunAsync();
        var mailsAfterPublish = smtp.Messages.Count;

        // Thursday 25/06/2026: Friday 26, Monday 29, Tuesday 30 are the three working days up to the deadline 30/06.
        app.Clock.SetUtcNow(ReminderStory.At(2026, 6, 25));
        var first = await story.RunAsync(new DateOnly(2026, 6, 25));
        var second = await story.RunAsync(new DateOnly(2026, 6, 25));
        var sunday = await story.RunAsync(new DateOnly(2026, 6, 28));

        // The day of publishing: no date rule falls yet; the assignments went out as one digest per officer.
        Assert.Equal(0, assigned.Plan.Queued);
        Assert.Equal(3, mailsAfterPublish);
        var task = story.TaskId("1");
        Assert.Equal(4, first.Plan.Queued);
        Assert.Equal(new Dictionary<string, int> { ["before_deadline"] = 4 }, first.Plan.ByRule);
        Assert.Equal(0, second.Plan.Queued);
        Assert.Equal(0, second.Dispatch!.Sent);
        Assert.False(sunday.Plan.WorkingDay);
        Assert.Equal(0, sunday.Plan.Queued);

        var mails = smtp.Messages.Skip(mailsAfterPublish).ToList();
        Assert.Equal(2, mails.Count);
        var mail = Assert.Single(mails, m => m.To.Mailboxes.Single().Address == ReminderStory.NoiVu1);
        Assert.Equal("[DonDoc] Còn 3 ngày làm việc đến hạn: Xây dựng kho dữ liệu hồ sơ công việc của tỉnh", mail.Subject);
        Assert.Equal("nhacviec@example.vn", mail.From.Mailboxes.Single().Address);
        var text = mail.TextBody;
        Assert.Contains("Nhiệm vụ: Xây dựng kho dữ liệu hồ sơ công việc của tỉnh", text, StringComparison.Ordinal);
        Assert.Contains($"Kế hoạch: {story.Tasks[0].PlanTitle}", text, StringComparison.Ordinal);
        Assert.Contains("Thời hạn: 30/06/2026", text, StringComparison.Ordinal);
        Assert.Contains("Trạng thái: Sắp đến hạn", text, StringComparison.Ordinal);
        Assert.Contains("Còn 3 ngày làm việc đến hạn 30/06/2026", text, StringComparison.Ordinal);
        Assert.Contains($"Xem: {TrackingServices.PublicUrl}/Tasks/{task}", text, StringComparison.Ordinal);
        Assert.Contains($"{TrackingServices.PublicUrl}/huy-nhan-thu/", text, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{TrackingServices.PublicUrl}/Tasks/{task}\">", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<td>Còn 3 ngày làm việc đến hạn 30/06/2026</td>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.StartsWith($"<{TrackingServices.PublicUrl}/huy-nhan-thu/", mail.Headers["List-Unsubscribe"], StringComparison.Ordinal);

        var bell = await app.InScopeAsync(s => s.GetRequiredService<Inbox>().MineAsync(story.UserIds[ReminderStory.NoiVu1], null, CancellationToken.None));
        var notice = Assert.Single(bell.Rows, r => r.Rule == "before_deadline");
        Assert.Equal(task, notice.TaskId);
        Assert.Equal("Còn 3 ngày làm việc đến hạn", notice.Content!.Headline);
        var unread = await app.InScopeAsync(s => s.GetRequiredService<Inbox>().UnreadCountAsync(story.UserIds[ReminderStory.NoiVu1], CancellationToken.None));
        Assert.Equal(bell.Rows.Count, unread);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_focal_person_alone_receives_the_agency_notices(DatabaseProvider provider)
    {
        await using var app = await TrackingServices.CreateAsync(provider, ReminderStory.At(2026, 6, 1));
        var story = await ReminderStory.PublishAsync(app, "ke-hoach-chuyen-doi-so.txt");
        await app.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<DonDocDbContext>();
            var agency = await db.Agencies.SingleAsync(a => a.Id == story.NoiVuId);
            agency.FocalUserId = story.UserIds[ReminderStory.NoiVu2];
            return await db.SaveChangesAsync();
        });

        app.Clock.SetUtcNow(ReminderStory.At(2026, 6, 29));
        var run = await story.RunAsync();

        var notices = await story.NoticesAsync(q => q.Where(n => n.OnDate == new DateOnly(2026, 6, 29)));
        Assert.Equal(1, run.Plan.Queued);
        var notice = Assert.Single(notices);
        Assert.Equal(story.UserIds[ReminderStory.NoiVu2], notice.RecipientId);
        Assert.Equal(NotificationChannels.InApp, notice.Channel);
        Assert.Equal(1, notice.WorkingDaysLeft);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_dry_run_computes_the_day_and_writes_nothing(DatabaseProvider provider)
    {
        await using var app = await TrackingServices.CreateAsync(provider, ReminderStory.At(2026, 6, 1));
        var story = await ReminderStory.PublishAsync(app, "ke-hoach-chuyen-doi-so.txt");
        var before = (await story.NoticesAsync()).Count;

        var dry = await story.RunAsync(new DateOnly(2026, 6, 25), dryRun: true);

        Assert.Equal(2, dry.Plan.Computed);
        Assert.Null(dry.Dispatch);
        Assert.Equal(before, (await story.NoticesAsync()).Count);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_mail_that_cannot_be_sent_is_retried_after_its_back_off_and_then_sent(DatabaseProvider provider)
    {
        var port = TestSmtpServer.FreePort();
        var settings = new Dictionary<string, string?> { ["Smtp:Host"] = "127.0.0.1", ["Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Smtp:Security"] = "None" };
        await using var app = await TrackingServices.CreateAsync(provider, ReminderStory.At(2026, 6, 25), settings);
        var story = await ReminderStory.PublishAsync(app, "ke-hoach-chuyen-doi-so.txt");

        var down = await story.RunAsync();
        var waiting = await story.NoticesAsync(q => q.Where(n => n.Channel == NotificationChannels.Email));

        Assert.True(down.Dispatch!.Retrying > 0);
        Assert.All(waiting, n =>
        {
            Assert.Equal(DeliveryState.Queued, n.State);
            Assert.Equal(1, n.Attempts);
            Assert.False(string.IsNullOrEmpty(n.LastError));
            Assert.Equal(app.Clock.GetUtcNow().UtcDateTime.AddMinutes(1), n.NextAttemptAt);
        });

        await using var smtp = TestSmtpServer.Start(port);
        var tooSoon = await app.InScopeAsync(s => s.GetRequiredService<OutboxDispatcher>().DispatchAsync(new DateOnly(2026, 6, 25), true, CancellationToken.None));
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var later = await app.InScopeAsync(s => s.GetRequiredService<OutboxDispatcher>().DispatchAsync(new DateOnly(2026, 6, 25), true, CancellationToken.None));

        Assert.Equal(0, tooSoon.SentByChannel.GetValueOrDefault(NotificationChannels.Email));
        Assert.Equal(waiting.Count, later.SentByChannel[NotificationChannels.Email]);
        Assert.All(await story.NoticesAsync(q => q.Where(n => n.Channel == NotificationChannels.Email)), n =>
        {
            Assert.Equal(DeliveryState.Sent, n.State);
            Assert.Null(n.LastError);
        });
        // One digest per person: the three officers' assignments and Sở Nội vụ's reminder.
        Assert.Equal(3, smtp.Messages.Count);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_mail_to_an_unreachable_server_fails_with_its_reason_after_the_last_attempt(DatabaseProvider provider)
    {
        var port = TestSmtpServer.FreePort();
        var settings = new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1", ["Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Smtp:Security"] = "None", ["Reminders:MaxAttempts"] = "2",
        };
        await using var app = await TrackingServices.CreateAsync(provider, ReminderStory.At(2026, 6, 25), settings);
        var story = await ReminderStory.PublishAsync(app, "ke-hoach-chuyen-doi-so.txt");

        await story.RunAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var last = await app.InScopeAsync(s => s.GetRequiredService<OutboxDispatcher>().DispatchAsync(new DateOnly(2026, 6, 25), true, CancellationToken.None));

        Assert.True(last.Failed > 0);
        var outbox = await app.InScopeAsync(s => s.GetRequiredService<Inbox>().OutboxAsync(NotificationChannels.Email, DeliveryState.Failed, null, CancellationToken.None));
        Assert.NotEmpty(outbox.Rows);
        Assert.All(outbox.Rows, r =>
        {
            Assert.Equal(2, r.Attempts);
            Assert.Contains("SocketException", r.LastError, StringComparison.Ordinal);
            Assert.Equal("Gửi không được", Inbox.StateText(r));
        });
    }
}
