using DonDoc.Core.Access;
using DonDoc.Data.Agencies;
using DonDoc.Data.Storage;
using DonDoc.Data.Tests.Storage;
using DonDoc.Tracking.Imports;
using DonDoc.Tracking.Periods;
using DonDoc.Tracking.Tasks;
using DonDoc.Tracking.Tests.Hosting;
using DonDoc.Tracking.Workflow;
using DonDoc.Tracking.WorkQueue;

namespace DonDoc.Tracking.Tests.WorkQueue;

/// <summary>The office's work queue through the application services: the plans it manages only, keyset-paged, counted.</summary>
public sealed class OfficeWorkQueueTest
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static readonly DateTimeOffset May2026 = new(2026, 5, 4, 2, 0, 0, TimeSpan.Zero);

    private static readonly Actor OtherOffice = new("office-2", "Văn phòng khác", new HashSet<string> { Roles.MonitoringOffice }, null);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Reported_completions_are_paged_by_id_and_counted_for_the_office_that_manages_the_plan_only(DatabaseProvider provider)
    {
        await using var app = await TrackingServices.CreateAsync(provider, May2026);
        var ct = CancellationToken.None;
        var content = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "ke-hoach-chuyen-doi-so.txt"), ct);
        var planId = await app.InScopeAsync(async s =>
        {
            var drafts = s.GetRequiredService<ImportDrafts>();
            var draft = await drafts.CreateAsync(TrackingServices.Office, "ke-hoach-chuyen-doi-so.txt", content, ct);
            await drafts.PublishAsync(TrackingServices.Office, draft, ct);
            return draft;
        });
        var tasks = (await app.InScopeAsync(s => s.GetRequiredService<TaskCatalog>().ListAsync(TrackingServices.Office, new TaskFilter(PlanId: planId), PageRequest.First(), ct))).Items;
        foreach (var task in tasks.Where(t => t.Number is "1" or "2"))
        {
            var lead = await app.InScopeAsync(s => s.GetRequiredService<AgencyDirectoryStore>().FindAgencyIdAsync(task.LeadAgency!, ct));
            await app.InScopeAsync(async s =>
            {
                await s.GetRequiredService<TaskWorkflow>().ReportCompletionAsync(TrackingServices.Officer(lead!.Value), task.Id, new CompletionInput("Đã xong."), [], ct);
                return 0;
            });
        }

        var first = await app.InScopeAsync(s => s.GetRequiredService<OfficeWorkQueue>().ReadAsync(TrackingServices.Office, new WorkQueuePages(Limit: 1), ct));
        var second = await app.InScopeAsync(s => s.GetRequiredService<OfficeWorkQueue>().ReadAsync(TrackingServices.Office, new WorkQueuePages(CompletionsAfter: first.Completions.Next, Limit: 1), ct));
        var menu = await app.InScopeAsync(s => s.GetRequiredService<OfficeWorkQueue>().DecisionCountAsync(TrackingServices.Office, ct));
        var foreign = await app.InScopeAsync(s => s.GetRequiredService<OfficeWorkQueue>().ReadAsync(OtherOffice, new WorkQueuePages(), ct));

        Assert.Equal(new WorkQueueCounts(2, 0, 0), first.Counts);
        Assert.Equal(2, menu);
        Assert.NotNull(first.Completions.Next);
        Assert.Null(second.Completions.Next);
        Assert.Equal(
            tasks.Where(t => t.Number is "1" or "2").Select(t => t.Id).Order().ToArray(),
            first.Completions.Items.Concat(second.Completions.Items).Select(c => c.Task.Id).ToArray());
        Assert.All(first.Completions.Items.Concat(second.Completions.Items), c => Assert.Equal("Đã xong.", c.Summary));
        Assert.Equal(new WorkQueueCounts(0, 0, 0), foreign.Counts);
        Assert.Empty(foreign.Completions.Items);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Submitted_periodic_reports_wait_in_the_queue_until_the_office_accepts_or_returns_them(DatabaseProvider provider)
    {
        await using var app = await TrackingServices.CreateAsync(provider, Reports.NovemberPlan.Published);
        var ct = CancellationToken.None;
        var planId = await Reports.NovemberPlan.ImportAsync(app);
        var yTe = await Reports.NovemberPlan.AgencyAsync(app, "Sở Y tế");
        var noiVu = await Reports.NovemberPlan.AgencyAsync(app, "Sở Nội vụ");
        Task<T> Periods<T>(Func<PeriodReports, Task<T>> work) => app.InScopeAsync(s => work(s.GetRequiredService<PeriodReports>()));
        Task<OfficeWorkQueueView> QueueAsync(Actor actor, WorkQueuePages pages) => app.InScopeAsync(s => s.GetRequiredService<OfficeWorkQueue>().ReadAsync(actor, pages, ct));
        await Periods(p => p.SetCycleAsync(TrackingServices.Office, planId, new CycleInput("Month", 23, 25, FirstPeriod: "2026-11"), ct));

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 3, 0, 0, TimeSpan.Zero));
        await Periods(p => p.SubmitAsync(TrackingServices.Officer(yTe), planId, "2026-11", new SubmissionInput([], "Hoàn thành kiểm tra 7 huyện."), ct));
        app.Clock.SetUtcNow(Reports.NovemberPlan.ReadOn);
        await Periods(p => p.SubmitAsync(TrackingServices.Officer(noiVu), planId, "2026-11", new SubmissionInput([], "Tổng hợp đủ báo cáo."), ct));

        var first = await QueueAsync(TrackingServices.Office, new WorkQueuePages(Limit: 1));
        var second = await QueueAsync(TrackingServices.Office, new WorkQueuePages(ReportsAfter: first.PeriodReports.Next, Limit: 1));
        Assert.Equal(new WorkQueueCounts(0, 0, 0, 2), first.Counts);
        Assert.Equal(2, await app.InScopeAsync(s => s.GetRequiredService<OfficeWorkQueue>().DecisionCountAsync(TrackingServices.Office, ct)));
        var onTime = Assert.Single(first.PeriodReports.Items);
        var late = Assert.Single(second.PeriodReports.Items);
        Assert.Null(second.PeriodReports.Next);
        Assert.Equal(("Sở Y tế", true, "tháng 11/2026", new DateOnly(2026, 11, 23)), (onTime.Agency, onTime.OnTime, onTime.PeriodName, onTime.DueOn));
        Assert.Equal(("Sở Nội vụ", false), (late.Agency, late.OnTime));
        Assert.Equal($"/KeHoach/{planId}/BaoCaoDinhKy?ky=2026-11&agency={yTe}", onTime.Link);
        Assert.Equal(new WorkQueueCounts(0, 0, 0, 0), (await QueueAsync(OtherOffice, new WorkQueuePages())).Counts);

        await Periods(p => p.DecideAsync(TrackingServices.Office, planId, "2026-11", yTe, new PeriodDecisionInput("accept"), ct));
        await Periods(p => p.DecideAsync(TrackingServices.Office, planId, "2026-11", noiVu, new PeriodDecisionInput("return", "Thiếu số liệu."), ct));
        Assert.Equal(0, (await QueueAsync(TrackingServices.Office, new WorkQueuePages())).Counts.Decisions);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_agency_officer_is_refused_the_work_queue_and_counts_nothing(DatabaseProvider provider)
    {
        await using var app = await TrackingServices.CreateAsync(provider, May2026);
        var officer = TrackingServices.Officer(1);

        var refused = await Assert.ThrowsAsync<WorkflowException>(() => app.InScopeAsync(s => s.GetRequiredService<OfficeWorkQueue>().ReadAsync(officer, new WorkQueuePages(), CancellationToken.None)));
        var count = await app.InScopeAsync(s => s.GetRequiredService<OfficeWorkQueue>().DecisionCountAsync(officer, CancellationToken.None));

        Assert.Equal(WorkflowFailure.Forbidden, refused.Failure);
        Assert.Equal(0, count);
    }
}
