using DonDoc.Core.Access;
using DonDoc.Data.Agencies;
using DonDoc.Data.Storage;
using DonDoc.Data.Tests.Storage;
using DonDoc.Tracking.Imports;
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
