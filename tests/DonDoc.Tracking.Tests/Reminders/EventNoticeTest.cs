using DonDoc.Data.Reminders;
using DonDoc.Data.Storage;
using DonDoc.Data.Tests.Storage;
using DonDoc.Tracking.Reminders;
using DonDoc.Tracking.Tasks;
using DonDoc.Tracking.Tests.Hosting;
using DonDoc.Tracking.Workflow;
using DonDoc.Web.Tests.Tracking;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Tracking.Tests.Reminders;

/// <summary>Notices of what happens to a task, and the office's own "Đôn đốc".</summary>
public sealed class EventNoticeTest
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Publishing_tells_the_lead_and_each_coordinator_of_their_own_part(DatabaseProvider provider)
    {
        await using var app = await TrackingServices.CreateAsync(provider, ReminderStory.At(2026, 6, 1));
        var story = await ReminderStory.PublishAsync(app, "ke-hoach-chuyen-doi-so.txt");

        var assigned = await story.NoticesAsync(q => q.Where(n => n.Rule == "assigned" && n.Channel == NotificationChannels.InApp));

        var task1 = story.TaskId("1");
        Assert.Equal(
            [(task1, ReminderStory.NoiVu1, "Cơ quan được giao: Chủ trì."), (task1, ReminderStory.NoiVu2, "Cơ quan được giao: Chủ trì."), (task1, ReminderStory.TaiChinh, "Cơ quan được giao: Phối hợp.")],
            assigned.Where(n => n.TaskId == task1).Select(n => (n.TaskId!.Value, story.UserIds.Single(u => u.Value == n.RecipientId).Key, n.Message!)).OrderBy(x => x.Key).ToList());
        Assert.All(assigned, n => Assert.Equal(new DateOnly(2026, 6, 1), n.OnDate));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_returned_completion_and_a_decided_extension_reach_the_lead_with_the_office_note(DatabaseProvider provider)
    {
        await using var app = await TrackingServices.CreateAsync(provider, ReminderStory.At(2026, 6, 1));
        var story = await ReminderStory.PublishAsync(app, "ke-hoach-chuyen-doi-so.txt");
        var task = story.TaskId("1");
        var officer = story.Officer(ReminderStory.NoiVu1);
        var ct = CancellationToken.None;

        await app.InScopeAsync(async s =>
        {
            await s.GetRequiredService<TaskWorkflow>().ReportCompletionAsync(officer, task, new CompletionInput("Đã xong kho dữ liệu."), [new UploadedFile("bb.pdf", Evidence.Pdf("bien ban"))], ct);
            return await s.GetRequiredService<TaskWorkflow>().ReviewAsync(story.Office, task, new ReviewInput("return", "Thiếu biên bản nghiệm thu."), ct);
        });
        var extension = await app.InScopeAsync(s => s.GetRequiredService<TaskWorkflow>().RequestExtensionAsync(officer, task, new ExtensionInput(new DateOnly(2026, 7, 31), "Chờ nghiệm thu."), ct));
        await app.InScopeAsync(async s =>
        {
            await s.GetRequiredService<TaskWorkflow>().DecideExtensionAsync(story.Office, extension, new ExtensionDecisionInput("approve", "Đồng ý."), ct);
            return 0;
        });

        var notices = await story.NoticesAsync(q => q.Where(n => n.TaskId == task && n.Channel == NotificationChannels.InApp && n.RecipientId == story.UserIds[ReminderStory.NoiVu1]));
        var returned = Assert.Single(notices, n => n.Rule == "completion_returned");
        Assert.Equal("Thiếu biên bản nghiệm thu.", returned.Message);
        Assert.Equal("Văn phòng UBND tỉnh", returned.SenderName);
        var decided = Assert.Single(notices, n => n.Rule == "extension_decided");
        Assert.Equal("Đồng ý gia hạn đến 31/07/2026. Đồng ý.", decided.Message);
        Assert.Equal(new DateOnly(2026, 7, 31), decided.DueOn);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_office_urges_overdue_tasks_with_its_own_words_at_once_and_the_audit_trail_keeps_it(DatabaseProvider provider)
    {
        await using var smtp = TestSmtpServer.Start();
        await using var app = await TrackingServices.CreateAsync(provider, ReminderStory.At(2026, 7, 6, 9, 0), smtp.Settings);
        var story = await ReminderStory.PublishAsync(app, "ke-hoach-chuyen-doi-so.txt");
        await story.RunAsync();
        var before = smtp.Messages.Count;
        var ct = CancellationToken.None;

        var queued = await app.InScopeAsync(s => s.GetRequiredService<EventNotices>().SendManualAsync(
            story.Office, [story.TaskId("1"), story.TaskId("2")], "Đề nghị khẩn trương hoàn thành, báo cáo trước ngày 10/7.", coordinatorsToo: false, ct));
        var sent = await app.InScopeAsync(s => s.GetRequiredService<OutboxDispatcher>().DispatchAsync(new DateOnly(2026, 7, 6), false, ct));

        // Task 1: Sở Nội vụ's two officers; task 2: Sở Khoa học và Công nghệ has no account. In-app and mail each.
        Assert.Equal(4, queued);
        Assert.Equal(2, sent.SentByChannel[NotificationChannels.Email]);
        var mails = smtp.Messages.Skip(before).ToList();
        Assert.Equal(2, mails.Count);
        Assert.All(mails, m =>
        {
            Assert.Equal("[DonDoc] Đôn đốc: Xây dựng kho dữ liệu hồ sơ công việc của tỉnh", m.Subject);
            Assert.Contains("Nội dung đôn đốc: Đề nghị khẩn trương hoàn thành, báo cáo trước ngày 10/7.", m.TextBody, StringComparison.Ordinal);
            Assert.Contains("Người gửi: Văn phòng UBND tỉnh", m.TextBody, StringComparison.Ordinal);
            Assert.Contains("Quá hạn 6 ngày (hạn 30/06/2026)", m.TextBody, StringComparison.Ordinal);
        });
        var audit = await app.InScopeAsync(s => s.GetRequiredService<DonDocDbContext>().AuditEntries.Where(a => a.Action == "reminder.manual").ToListAsync());
        Assert.Equal(2, audit.Count);
        Assert.Contains("Đề nghị khẩn trương hoàn thành", Assert.Single(audit, a => a.TaskId == story.TaskId("1")).After, StringComparison.Ordinal);
        var details = await app.InScopeAsync(s => s.GetRequiredService<Inbox>().OfTaskAsync(story.Office, story.TaskId("1"), ct));
        Assert.Contains(details, d => d.Rule == "manual" && d.Channel == NotificationChannels.Email && d.State == "Sent");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_officer_cannot_send_a_manual_reminder_and_an_empty_message_is_refused(DatabaseProvider provider)
    {
        await using var app = await TrackingServices.CreateAsync(provider, ReminderStory.At(2026, 7, 6));
        var story = await ReminderStory.PublishAsync(app, "ke-hoach-chuyen-doi-so.txt");

        var officer = await Assert.ThrowsAsync<WorkflowException>(() => app.InScopeAsync(s => s.GetRequiredService<EventNotices>().SendManualAsync(
            story.Officer(ReminderStory.NoiVu1), [story.TaskId("1")], "Nhắc", false, CancellationToken.None)));
        var empty = await Assert.ThrowsAsync<WorkflowException>(() => app.InScopeAsync(s => s.GetRequiredService<EventNotices>().SendManualAsync(
            story.Office, [story.TaskId("1")], "  ", false, CancellationToken.None)));

        Assert.Equal(403, officer.StatusCode);
        Assert.Equal("Hãy ghi nội dung đôn đốc.", empty.Vietnamese);
        Assert.Empty(await story.NoticesAsync(q => q.Where(n => n.Rule == "manual")));
    }
}
