using DonDoc.Data.Agencies;
using DonDoc.Data.Storage;
using DonDoc.Data.Tests.Storage;
using DonDoc.Tracking.Dashboard;
using DonDoc.Tracking.Imports;
using DonDoc.Tracking.Tasks;
using DonDoc.Tracking.Tests.Hosting;
using DonDoc.Tracking.Workflow;
using DonDoc.Web.Tests.Tracking;

namespace DonDoc.Tracking.Tests.Workflow;

/// <summary>
/// The office's and an agency's work through the application services alone, as a command or a
/// scheduled job would do it: no HTTP, the same rules.
/// </summary>
public sealed class TrackingStoryTest
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static readonly DateTimeOffset May2026 = new(2026, 5, 4, 2, 0, 0, TimeSpan.Zero); // 09:00 in Vietnam; PostgreSQL stores UTC offsets only

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_plan_is_imported_published_reported_on_and_accepted_without_the_web_app(DatabaseProvider provider)
    {
        await using var app = await TrackingServices.CreateAsync(provider, May2026);
        var ct = CancellationToken.None;
        var content = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "ke-hoach-chuyen-doi-so.txt"), ct);

        var planId = await app.InScopeAsync(async s =>
        {
            var drafts = s.GetRequiredService<ImportDrafts>();
            var draft = await drafts.CreateAsync(TrackingServices.Office, "ke-hoach-chuyen-doi-so.txt", content, ct);
            Assert.Equal(3, await drafts.PublishAsync(TrackingServices.Office, draft, ct));
            return draft;
        });
        var noiVu = await app.InScopeAsync(s => s.GetRequiredService<AgencyDirectoryStore>().FindAgencyIdAsync("Sở Nội vụ", ct));
        Assert.NotNull(noiVu);
        var officer = TrackingServices.Officer(noiVu.Value);

        var led = await app.InScopeAsync(s => s.GetRequiredService<TaskCatalog>().ListAsync(officer, new TaskFilter(PlanId: planId), PageRequest.First(), ct));
        var ledTasks = led.Items;
        Assert.Equal(["1", "2", "3"], ledTasks.Select(t => t.Number).Order());
        var task = Assert.Single(ledTasks, t => t.Number == "1");
        Assert.Equal("Sở Nội vụ", task.LeadAgency);
        Assert.Equal(new DateOnly(2026, 6, 30), task.Due);

        await app.InScopeAsync(s => s.GetRequiredService<TaskWorkflow>().PostProgressAsync(
            officer, task.Id, new ProgressInput(60, "Đã lập danh mục hồ sơ."), [new UploadedFile("danh-muc.pdf", Evidence.Pdf("danh muc"))], ct));
        app.Clock.Advance(TimeSpan.FromDays(10));
        await app.InScopeAsync(async s =>
        {
            await s.GetRequiredService<TaskWorkflow>().ReportCompletionAsync(
                officer, task.Id, new CompletionInput("Kho dữ liệu đã vận hành.", new DateOnly(2026, 5, 14)), [new UploadedFile("bien-ban.pdf", Evidence.Pdf("bien ban"))], ct);
            return 0;
        });
        var outcome = await app.InScopeAsync(s => s.GetRequiredService<TaskWorkflow>().ReviewAsync(TrackingServices.Office, task.Id, new ReviewInput("accept"), ct));
        Assert.False(string.IsNullOrWhiteSpace(outcome));

        var details = await app.InScopeAsync(s => s.GetRequiredService<TaskCatalog>().GetAsync(officer, task.Id, ct));
        Assert.Equal("done_on_time", details.Task.Status);
        var dashboard = await app.InScopeAsync(s => s.GetRequiredService<DashboardBuilder>().BuildAsync(TrackingServices.Office, planId, new DashboardPages(), ct));
        Assert.Equal(3, dashboard.Total);
        Assert.Equal(1, dashboard.Buckets.Done);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_officer_cannot_report_on_a_task_of_another_agency(DatabaseProvider provider)
    {
        await using var app = await TrackingServices.CreateAsync(provider, May2026);
        var ct = CancellationToken.None;
        var content = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "ke-hoach-chuyen-doi-so.txt"), ct);
        var planId = await app.InScopeAsync(async s =>
        {
            var drafts = s.GetRequiredService<ImportDrafts>();
            var draft = await drafts.CreateAsync(TrackingServices.Office, "kh.txt", content, ct);
            await drafts.PublishAsync(TrackingServices.Office, draft, ct);
            return draft;
        });
        var tuPhap = await app.InScopeAsync(s => s.GetRequiredService<AgencyDirectoryStore>().FindAgencyIdAsync("Sở Tư pháp", ct));
        var all = await app.InScopeAsync(s => s.GetRequiredService<TaskCatalog>().ListAsync(TrackingServices.Office, new TaskFilter(PlanId: planId), PageRequest.First(), ct));
        var task = Assert.Single(all.Items, t => t.Number == "1");

        var refusal = await Assert.ThrowsAsync<WorkflowException>(() => app.InScopeAsync(s => s.GetRequiredService<TaskWorkflow>().PostProgressAsync(
            TrackingServices.Officer(tuPhap!.Value), task.Id, new ProgressInput(10, "Báo cáo nhầm."), [], ct)));
        Assert.Equal(404, refusal.StatusCode);
    }
}
