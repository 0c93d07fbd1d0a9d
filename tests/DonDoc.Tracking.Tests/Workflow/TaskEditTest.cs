using System.Text.Json;
using DonDoc.Core.Access;
using DonDoc.Data.Agencies;
using DonDoc.Data.Reminders;
using DonDoc.Data.Storage;
using DonDoc.Data.Tests.Storage;
using DonDoc.Tracking.Tasks;
using DonDoc.Tracking.Tests.Hosting;
using DonDoc.Tracking.Tests.Reminders;
using DonDoc.Tracking.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Tracking.Tests.Workflow;

/// <summary>The office edits a published task: lead, coordinators, deadline, with a reason. The clock stands at 01/06/2026.</summary>
public sealed class TaskEditTest
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private const string NoiVu = "canbo.noivu@example.vn";
    private const string TaiChinh = "canbo.taichinh@example.vn";
    private const string TuPhap = "canbo.tuphap@example.vn";
    private const string Office = "theodoi@example.vn";
    private static readonly CancellationToken Ct = CancellationToken.None;

    /// <summary>A plan of the test's own, imported by <see cref="TrackingServices.Office"/>: task 1 is led by Sở Nội vụ with Sở Tài chính, due 30/6/2026.</summary>
    private sealed record EditStory(TrackingServices App, Actor Office, IReadOnlyDictionary<string, string> Users, int TaskId)
    {
        public async Task<TaskSummary> TaskAsync() => (await App.InScopeAsync(s => s.GetRequiredService<TaskCatalog>().GetAsync(Office, TaskId, Ct))).Task;

        public Task<TaskEditOutcome> EditAsync(Actor actor, TaskEditInput input) =>
            App.InScopeAsync(s => s.GetRequiredService<TaskWorkflow>().EditAsync(actor, TaskId, input, Ct));

        public Task<List<AuditEntryRow>> EditsAsync() => App.InScopeAsync(s => s.GetRequiredService<DonDocDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.TaskId == TaskId && a.Action == "task.edit").OrderBy(a => a.Id).Select(a => new AuditEntryRow(a.UserName, a.Before, a.After)).ToListAsync());

        public Task<List<NotificationEntity>> ChangeNoticesAsync() => App.InScopeAsync(s => s.GetRequiredService<DonDocDbContext>().Notifications.AsNoTracking()
            .Where(n => n.TaskId == TaskId && n.Rule == "task_changed" && n.Channel == NotificationChannels.InApp).OrderBy(n => n.Id).ToListAsync());

        public async Task<Actor> OfficerAsync(string email, string agency)
        {
            var agencyId = await App.InScopeAsync(s => s.GetRequiredService<AgencyDirectoryStore>().FindAgencyIdAsync(agency, Ct));
            return new Actor(Users[email], email, new HashSet<string> { Roles.AgencyOfficer }, agencyId);
        }

        public string EmailOf(string userId) => Users.Single(u => u.Value == userId).Key;
    }

    private sealed record AuditEntryRow(string UserName, string? Before, string? After);

    private static async Task<EditStory> PublishAsync(TrackingServices app)
    {
        var users = new Dictionary<string, string>
        {
            [Office] = await app.AddUserAsync(Office, Roles.MonitoringOffice, null, "Phòng Tổng hợp"),
            [NoiVu] = await app.AddUserAsync(NoiVu, Roles.AgencyOfficer, "Sở Nội vụ", "Phạm Minh Đức"),
            [TaiChinh] = await app.AddUserAsync(TaiChinh, Roles.AgencyOfficer, "Sở Tài chính", "Võ Thị Hạnh"),
            [TuPhap] = await app.AddUserAsync(TuPhap, Roles.AgencyOfficer, "Sở Tư pháp", "Đặng Quốc Huy"),
        };
        var (_, ids) = await PlanRows.PublishAsync(app, "Kế hoạch số hóa văn bản đến năm 2026",
        [
            new("Xây dựng quy chế lưu trữ hồ sơ điện tử", "Sở Nội vụ", "Sở Tài chính", "30/6/2026"),
            new("Bố trí kinh phí số hóa tài liệu", "Sở Tài chính", null, "Quý III/2026"),
        ]);
        return new EditStory(app, TrackingServices.Office, users, ids[0]);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_edit_moves_the_lead_and_the_deadline_refreshes_the_status_audits_it_and_tells_the_old_and_the_new_lead(DatabaseProvider provider)
    {
        await using var app = await TrackingServices.CreateAsync(provider, ReminderStory.At(2026, 6, 1));
        var story = await PublishAsync(app);
        var before = await story.TaskAsync();

        var outcome = await story.EditAsync(story.Office, new TaskEditInput(
            "Theo Quyết định điều chỉnh phân công của Chủ tịch UBND tỉnh", Lead: "Sở Tư pháp", Coordinators: ["Sở Tài chính"], Deadline: "15/5/2026", Version: before.Version));

        var after = await story.TaskAsync();
        Assert.Equal("not_yet_due", before.Status);
        Assert.Equal(("overdue", before.Version + 1), (outcome.Status, outcome.Version));
        Assert.Equal(("Sở Tư pháp", new DateOnly(2026, 5, 15), "overdue", "15/5/2026"), (after.LeadAgency, after.Due, after.Status, after.DeadlineRaw));
        Assert.Equal(["Sở Tài chính"], after.CoordinatorAgencies);

        var audit = Assert.Single(await story.EditsAsync());
        using (var was = JsonDocument.Parse(audit.Before!))
        using (var now = JsonDocument.Parse(audit.After!))
        {
            Assert.Equal(("Sở Nội vụ", "Sở Tư pháp"), (was.RootElement.GetProperty("lead").GetString(), now.RootElement.GetProperty("lead").GetString()));
            Assert.Equal(("30/6/2026", "15/5/2026"), (was.RootElement.GetProperty("deadline").GetString(), now.RootElement.GetProperty("deadline").GetString()));
            Assert.Equal(("not_yet_due", "overdue"), (was.RootElement.GetProperty("status").GetString(), now.RootElement.GetProperty("status").GetString()));
            Assert.Equal("Theo Quyết định điều chỉnh phân công của Chủ tịch UBND tỉnh", now.RootElement.GetProperty("reason").GetString());
            Assert.False(was.RootElement.TryGetProperty("coordinators", out _));
        }

        // The agency dropped, the agency added and the coordinator that stays: each of their people once.
        var notices = await story.ChangeNoticesAsync();
        Assert.Equal([NoiVu, TaiChinh, TuPhap], notices.Select(n => story.EmailOf(n.RecipientId)).Order(StringComparer.Ordinal).ToList());
        Assert.All(notices, n => Assert.Equal(
            "Văn phòng đã điều chỉnh nhiệm vụ. Cơ quan chủ trì: Sở Nội vụ → Sở Tư pháp. Thời hạn: 30/6/2026 → 15/5/2026. Hạn đang áp dụng: 30/06/2026 → 15/05/2026. Lý do: Theo Quyết định điều chỉnh phân công của Chủ tịch UBND tỉnh",
            n.Message));
        Assert.All(notices, n => Assert.Equal(("Văn phòng theo dõi", new DateOnly(2026, 5, 15)), (n.SenderName, n.DueOn)));

        // The new lead reports; the old one no longer sees the task.
        var tuPhap = await story.OfficerAsync(TuPhap, "Sở Tư pháp");
        var noiVu = await story.OfficerAsync(NoiVu, "Sở Nội vụ");
        Assert.True((await app.InScopeAsync(s => s.GetRequiredService<TaskCatalog>().GetAsync(tuPhap, story.TaskId, Ct))).Can.ReportAsLead);
        var hidden = await Assert.ThrowsAsync<WorkflowException>(() => app.InScopeAsync(s => s.GetRequiredService<TaskCatalog>().GetAsync(noiVu, story.TaskId, Ct)));
        Assert.Equal(WorkflowFailure.NotFound, hidden.Failure);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_edit_without_a_reason_or_naming_an_agency_not_in_the_directory_is_refused_in_Vietnamese_and_changes_nothing(DatabaseProvider provider)
    {
        await using var app = await TrackingServices.CreateAsync(provider, ReminderStory.At(2026, 6, 1));
        var story = await PublishAsync(app);
        var before = await story.TaskAsync();

        var noReason = await Assert.ThrowsAsync<WorkflowException>(() => story.EditAsync(story.Office, new TaskEditInput("  ", Lead: "Sở Tư pháp", Version: before.Version)));
        var unknownLead = await Assert.ThrowsAsync<WorkflowException>(() => story.EditAsync(story.Office, new TaskEditInput("Phân công lại", Lead: "UBND xã Hòa Phú", Version: before.Version)));
        var unknownCoordinator = await Assert.ThrowsAsync<WorkflowException>(() => story.EditAsync(story.Office, new TaskEditInput("Phân công lại", Coordinators: ["Sở Tài chính", "Phòng Văn hóa xã Hòa Phú"], Version: before.Version)));
        var unreadDeadline = await Assert.ThrowsAsync<WorkflowException>(() => story.EditAsync(story.Office, new TaskEditInput("Lùi hạn", Deadline: "Văn bản số 12/2025", Version: before.Version)));
        var nothing = await Assert.ThrowsAsync<WorkflowException>(() => story.EditAsync(story.Office, new TaskEditInput("Không đổi", Lead: "Sở Nội vụ", Deadline: "30/6/2026", Version: before.Version)));

        Assert.All([noReason, unknownLead, unknownCoordinator, unreadDeadline, nothing], e => Assert.Equal(WorkflowFailure.Invalid, e.Failure));
        Assert.Equal("Sửa nhiệm vụ cần ghi rõ lý do.", noReason.Vietnamese);
        Assert.StartsWith("Cơ quan chủ trì: không có cơ quan nào mang đúng tên \"UBND xã Hòa Phú\" trong danh mục", unknownLead.Vietnamese, StringComparison.Ordinal);
        Assert.StartsWith("Cơ quan phối hợp: không có cơ quan nào mang đúng tên \"Phòng Văn hóa xã Hòa Phú\"", unknownCoordinator.Vietnamese, StringComparison.Ordinal);
        Assert.StartsWith("Chưa hiểu được thời hạn \"Văn bản số 12/2025\"", unreadDeadline.Vietnamese, StringComparison.Ordinal);
        Assert.Equal("Không có thay đổi nào so với nhiệm vụ hiện tại.", nothing.Vietnamese);

        var after = await story.TaskAsync();
        Assert.Equal((before.Version, before.LeadAgency, before.DeadlineRaw, before.Due, before.Status), (after.Version, after.LeadAgency, after.DeadlineRaw, after.Due, after.Status));
        Assert.Equal(before.CoordinatorAgencies, after.CoordinatorAgencies);
        Assert.Empty(await story.EditsAsync());
        Assert.Empty(await story.ChangeNoticesAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_edit_sent_with_a_stale_version_is_refused_with_the_current_task(DatabaseProvider provider)
    {
        await using var app = await TrackingServices.CreateAsync(provider, ReminderStory.At(2026, 6, 1));
        var story = await PublishAsync(app);
        var version = (await story.TaskAsync()).Version;
        await story.EditAsync(story.Office, new TaskEditInput("Bổ sung sản phẩm", Product: "Quy chế và hướng dẫn", Version: version));

        var stale = await Assert.ThrowsAsync<WorkflowException>(() => story.EditAsync(story.Office, new TaskEditInput("Đổi chủ trì", Lead: "Sở Tư pháp", Version: version)));

        Assert.Equal(WorkflowFailure.Conflict, stale.Failure);
        var current = Assert.IsType<TaskSummary>(stale.Current);
        Assert.Equal((version + 1, "Sở Nội vụ"), (current.Version, current.LeadAgency));
        Assert.Single(await story.EditsAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_officer_of_the_lead_agency_or_an_office_that_does_not_manage_the_plan_cannot_edit_the_task(DatabaseProvider provider)
    {
        await using var app = await TrackingServices.CreateAsync(provider, ReminderStory.At(2026, 6, 1));
        var story = await PublishAsync(app);
        var officer = await story.OfficerAsync(NoiVu, "Sở Nội vụ");
        var otherOffice = new Actor(story.Users[Office], "Phòng Tổng hợp", new HashSet<string> { Roles.MonitoringOffice }, null);

        var refused = await Assert.ThrowsAsync<WorkflowException>(() => story.EditAsync(officer, new TaskEditInput("Xin đổi hạn", Deadline: "31/12/2026")));
        var notTheirs = await Assert.ThrowsAsync<WorkflowException>(() => story.EditAsync(otherOffice, new TaskEditInput("Đổi hạn", Deadline: "31/12/2026")));

        Assert.Equal((WorkflowFailure.Forbidden, WorkflowFailure.Forbidden), (refused.Failure, notTheirs.Failure));
        Assert.Equal("Chỉ văn phòng quản lý kế hoạch này mới thực hiện được thao tác này.", refused.Vietnamese);
        Assert.Equal("30/6/2026", (await story.TaskAsync()).DeadlineRaw);
        Assert.Empty(await story.EditsAsync());
    }
}
