using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DonDoc.Core.Access;
using DonDoc.Data.Reminders;
using DonDoc.Data.Storage;
using DonDoc.Data.Tests.Storage;
using DonDoc.Data.Webhooks;
using DonDoc.Tracking.Reminders.Channels;
using DonDoc.Tracking.Tests.Hosting;
using DonDoc.Tracking.Tests.Reminders;
using DonDoc.Tracking.Webhooks;
using DonDoc.Tracking.Workflow;
using DonDoc.Web.Tests.Tracking;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Tracking.Tests.Webhooks;

/// <summary>Webhooks for integrators: queued with the change, signed, sent to a real loopback server, retried with back-off.</summary>
public sealed class WebhookDeliveryTest
{
    private static readonly Actor Administrator = new("admin-1", "Quản trị hệ thống", new HashSet<string> { Roles.Administrator }, null);

    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Publishing_and_a_reported_completion_reach_the_receiver_signed_and_a_500_is_retried_after_a_minute_with_the_same_id(DatabaseProvider provider)
    {
        await using var receiver = await TestWebhookReceiver.StartAsync();
        await using var app = await TrackingServices.CreateAsync(provider, ReminderStory.At(2026, 6, 1, 9, 0));
        var secret = await SubscribeAsync(app, receiver, WebhookEvents.TaskPublished, WebhookEvents.CompletionReported);
        var story = await ReminderStory.PublishAsync(app, "ke-hoach-chuyen-doi-so.txt");
        var task = story.TaskId("1");
        await app.InScopeAsync(async s =>
        {
            await s.GetRequiredService<TaskWorkflow>().PostProgressAsync(story.Officer(ReminderStory.NoiVu1), task, new ProgressInput(60, "Đã nhập 60% hồ sơ."), [], CancellationToken.None);
            await s.GetRequiredService<TaskWorkflow>().ReportCompletionAsync(story.Officer(ReminderStory.NoiVu1), task, new CompletionInput("Kho dữ liệu đã vận hành."), [new UploadedFile("bb.pdf", Evidence.Pdf("bien ban"))], CancellationToken.None);
            return 0;
        });
        var queued = await DeliveriesAsync(app);

        receiver.AnswerNext(500);
        var first = await DispatchAsync(app);
        var again = await DispatchAsync(app);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var later = await DispatchAsync(app);
        var delivered = await DeliveriesAsync(app);

        // Progress was not subscribed to: only the publishing and the completion were queued, in that order.
        Assert.Equal([WebhookEvents.TaskPublished, WebhookEvents.CompletionReported], queued.Select(d => d.Event).ToArray());
        Assert.All(queued, d => Assert.Equal(DeliveryState.Queued, d.State));
        Assert.Equal(new WebhookDispatchOutcome(1, 1, 0), first);
        Assert.Equal(new WebhookDispatchOutcome(0, 0, 0), again);
        Assert.Equal(new WebhookDispatchOutcome(1, 0, 0), later);
        Assert.All(delivered, d => Assert.Equal(DeliveryState.Sent, d.State));
        Assert.Equal([2, 1], delivered.Select(d => d.Attempts).ToArray());

        var received = receiver.Received;
        Assert.Equal(3, received.Count);
        Assert.All(received, r => Assert.Equal(HmacHex(secret, r.Body), r.Signature));
        Assert.All(received, r => Assert.StartsWith("application/json", r.ContentType, StringComparison.Ordinal));
        // The retried delivery is the same delivery: same id, same body.
        Assert.Equal(received[0].DeliveryId, received[2].DeliveryId);
        Assert.Equal(received[0].Body, received[2].Body);
        Assert.Equal(queued[0].DeliveryId, received[0].DeliveryId);

        using var published = JsonDocument.Parse(received[0].Body);
        Assert.Equal(WebhookEvents.TaskPublished, published.RootElement.GetProperty("event").GetString());
        Assert.Equal(received[0].DeliveryId, published.RootElement.GetProperty("id").GetString());
        Assert.Equal(story.Tasks.Count, published.RootElement.GetProperty("tasks").GetArrayLength());
        Assert.Equal("Sở Nội vụ", published.RootElement.GetProperty("tasks")[0].GetProperty("lead").GetString());

        using var completion = JsonDocument.Parse(received[1].Body);
        var root = completion.RootElement;
        Assert.Equal(WebhookEvents.CompletionReported, received[1].Event);
        Assert.Equal(task, root.GetProperty("task").GetProperty("id").GetInt32());
        Assert.Equal("reported", root.GetProperty("task").GetProperty("completion").GetString());
        Assert.Equal("Kho dữ liệu đã vận hành.", root.GetProperty("details").GetProperty("summary").GetString());
        Assert.Equal(1, root.GetProperty("details").GetProperty("files").GetInt32());
        Assert.Equal($"{TrackingServices.PublicUrl}/Tasks/{task}", root.GetProperty("task").GetProperty("links").GetProperty("page").GetString());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_receiver_that_keeps_failing_is_marked_failed_with_its_answer_after_the_last_attempt_and_can_be_sent_again(DatabaseProvider provider)
    {
        await using var receiver = await TestWebhookReceiver.StartAsync();
        await using var app = await TrackingServices.CreateAsync(provider, ReminderStory.At(2026, 6, 1, 9, 0), new Dictionary<string, string?> { ["Reminders:MaxAttempts"] = "3" });
        await SubscribeAsync(app, receiver, WebhookEvents.TaskPublished);
        await ReminderStory.PublishAsync(app, "ke-hoach-chuyen-doi-so.txt");

        receiver.AnswerNext(503, 503, 503);
        var outcomes = new List<WebhookDispatchOutcome> { await DispatchAsync(app) };
        var retryAt = (await DeliveriesAsync(app)).Single().NextAttemptAt;
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        outcomes.Add(await DispatchAsync(app));
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        outcomes.Add(await DispatchAsync(app));
        var failed = (await DeliveriesAsync(app)).Single();
        var requeued = await app.InScopeAsync(s => s.GetRequiredService<WebhookSubscriptions>().RequeueAsync(Administrator, failed.Id, CancellationToken.None));
        var resent = await DispatchAsync(app);

        Assert.Equal([new(0, 1, 0), new(0, 1, 0), new(0, 0, 1)], outcomes);
        Assert.Equal(ReminderStory.At(2026, 6, 1, 9, 1).UtcDateTime, retryAt);
        Assert.Equal(DeliveryState.Failed, failed.State);
        Assert.Equal(3, failed.Attempts);
        Assert.Equal(503, failed.LastStatus);
        Assert.Equal("HTTP 503 Service Unavailable: receiver is down for maintenance", failed.LastError);
        Assert.True(requeued);
        Assert.Equal(new WebhookDispatchOutcome(1, 0, 0), resent);
        Assert.Equal(4, receiver.Received.Count);
        Assert.Single(receiver.Received.Select(r => r.DeliveryId).Distinct());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_task_past_its_deadline_is_delivered_as_overdue_once_however_often_the_day_is_run(DatabaseProvider provider)
    {
        await using var receiver = await TestWebhookReceiver.StartAsync();
        await using var app = await TrackingServices.CreateAsync(provider, ReminderStory.At(2026, 6, 1, 9, 0));
        await SubscribeAsync(app, receiver, WebhookEvents.TaskOverdue);
        var story = await ReminderStory.PublishAsync(app, "ke-hoach-chuyen-doi-so.txt");

        var before = await story.RunAsync(new DateOnly(2026, 6, 30));
        app.Clock.SetUtcNow(ReminderStory.At(2026, 7, 2));
        var first = await story.RunAsync(new DateOnly(2026, 7, 2));
        var second = await story.RunAsync(new DateOnly(2026, 7, 3));

        Assert.Equal(0, before.OverdueWebhooks);
        Assert.Equal(1, first.OverdueWebhooks);
        Assert.Equal(new WebhookDispatchOutcome(1, 0, 0), first.Webhooks);
        Assert.Equal(0, second.OverdueWebhooks);
        var overdue = Assert.Single(receiver.Received);
        Assert.Equal(WebhookEvents.TaskOverdue, overdue.Event);
        using var body = JsonDocument.Parse(overdue.Body);
        Assert.Equal(story.TaskId("1"), body.RootElement.GetProperty("task").GetProperty("id").GetInt32());
        Assert.Equal("2026-06-30", body.RootElement.GetProperty("details").GetProperty("dueOn").GetString());
        Assert.Equal(2, body.RootElement.GetProperty("details").GetProperty("daysOverdue").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_disabled_webhook_gets_nothing_new_and_only_an_administrator_registers_one_with_a_full_http_address(DatabaseProvider provider)
    {
        await using var receiver = await TestWebhookReceiver.StartAsync();
        await using var app = await TrackingServices.CreateAsync(provider, ReminderStory.At(2026, 6, 1, 9, 0));
        await SubscribeAsync(app, receiver, WebhookEvents.TaskPublished);
        var id = (await app.InScopeAsync(s => s.GetRequiredService<DonDocDbContext>().WebhookSubscriptions.SingleAsync())).Id;
        await app.InScopeAsync(async s =>
        {
            await s.GetRequiredService<WebhookSubscriptions>().DisableAsync(Administrator, id, CancellationToken.None);
            return 0;
        });
        await ReminderStory.PublishAsync(app, "ke-hoach-chuyen-doi-so.txt");

        var byOffice = await Assert.ThrowsAsync<WorkflowException>(() => app.InScopeAsync(s =>
            s.GetRequiredService<WebhookSubscriptions>().CreateAsync(TrackingServices.Office, "VPĐT", receiver.Url, [WebhookEvents.TaskPublished], CancellationToken.None)));
        var badUrl = await Assert.ThrowsAsync<WorkflowException>(() => app.InScopeAsync(s =>
            s.GetRequiredService<WebhookSubscriptions>().CreateAsync(Administrator, "VPĐT", "ftp://127.0.0.1/x", [WebhookEvents.TaskPublished], CancellationToken.None)));
        var badEvent = await Assert.ThrowsAsync<WorkflowException>(() => app.InScopeAsync(s =>
            s.GetRequiredService<WebhookSubscriptions>().CreateAsync(Administrator, "VPĐT", receiver.Url, ["task.deleted"], CancellationToken.None)));

        Assert.Empty(await DeliveriesAsync(app));
        Assert.Equal("Chỉ quản trị hệ thống mới quản lý webhook.", byOffice.Vietnamese);
        Assert.Equal("Địa chỉ nhận phải là một địa chỉ http:// hoặc https:// đầy đủ.", badUrl.Vietnamese);
        Assert.Equal("Không có sự kiện \"task.deleted\".", badEvent.Vietnamese);
        Assert.Single(await app.InScopeAsync(s => s.GetRequiredService<DonDocDbContext>().WebhookSubscriptions.ToListAsync()));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_submitted_period_report_reaches_the_receiver_signed_with_its_period_and_timeliness(DatabaseProvider provider)
    {
        await using var receiver = await TestWebhookReceiver.StartAsync();
        await using var app = await TrackingServices.CreateAsync(provider, Reports.NovemberPlan.Published);
        var secret = await SubscribeAsync(app, receiver, WebhookEvents.PeriodReportSubmitted);
        var planId = await Reports.NovemberPlan.ImportAsync(app);
        var yTe = await Reports.NovemberPlan.AgencyAsync(app, "Sở Y tế");
        await app.InScopeAsync(async s =>
        {
            var periods = s.GetRequiredService<DonDoc.Tracking.Periods.PeriodReports>();
            await periods.SetCycleAsync(TrackingServices.Office, planId, new DonDoc.Tracking.Periods.CycleInput("Month", 23, 25, FirstPeriod: "2026-11"), CancellationToken.None);
            return await periods.SubmitAsync(TrackingServices.Officer(yTe), planId, "2026-11", new DonDoc.Tracking.Periods.SubmissionInput([], "Hoàn thành kiểm tra 7 huyện."), CancellationToken.None);
        });

        var outcome = await DispatchAsync(app);

        Assert.Equal(new WebhookDispatchOutcome(1, 0, 0), outcome);
        var received = Assert.Single(receiver.Received);
        Assert.Equal(HmacHex(secret, received.Body), received.Signature);
        using var body = JsonDocument.Parse(received.Body);
        Assert.Equal(WebhookEvents.PeriodReportSubmitted, body.RootElement.GetProperty("event").GetString());
        var details = body.RootElement.GetProperty("details");
        Assert.Equal(("2026-11", yTe, true), (details.GetProperty("period").GetString(), details.GetProperty("agencyId").GetInt32(), details.GetProperty("onTime").GetBoolean()));
        Assert.Equal(planId, body.RootElement.GetProperty("plan").GetProperty("id").GetInt32());
    }

    private static async Task<string> SubscribeAsync(TrackingServices app, TestWebhookReceiver receiver, params string[] events) =>
        (await app.InScopeAsync(s => s.GetRequiredService<WebhookSubscriptions>().CreateAsync(Administrator, "Hệ thống văn bản điều hành", receiver.Url, events, CancellationToken.None))).Secret;

    private static Task<WebhookDispatchOutcome> DispatchAsync(TrackingServices app) =>
        app.InScopeAsync(s => s.GetRequiredService<WebhookDispatcher>().DispatchAsync(CancellationToken.None));

    private static Task<List<WebhookDeliveryEntity>> DeliveriesAsync(TrackingServices app) =>
        app.InScopeAsync(s => s.GetRequiredService<DonDocDbContext>().WebhookDeliveries.AsNoTracking().OrderBy(d => d.Id).ToListAsync());

    /// <summary>What a receiver computes, written here without DonDoc's code: HMAC-SHA256 of the raw body, hex.</summary>
    private static string HmacHex(string secret, byte[] body)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        return "sha256=" + Convert.ToHexString(hmac.ComputeHash(body)).ToLowerInvariant();
    }
}
