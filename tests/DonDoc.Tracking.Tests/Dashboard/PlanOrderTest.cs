using System.Text;
using DonDoc.Data.Storage;
using DonDoc.Data.Tests.Storage;
using DonDoc.Tracking.Dashboard;
using DonDoc.Tracking.Imports;
using DonDoc.Tracking.Tests.Hosting;
using DonDoc.Tracking.Tests.Reports;

namespace DonDoc.Tracking.Tests.Dashboard;

/// <summary>The dashboard's lists sort as a reader asks, a page at a time: the plans' table, the overdue tasks.</summary>
public sealed class PlanOrderTest
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    // Three tasks, one overdue on 03/12/2026 (the November plan has three).
    private const string Small =
        "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK\nSố: 60/KH-UBND\nKẾ HOẠCH\nKiểm tra công vụ năm 2026\n\n" +
        "TT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời hạn\tSản phẩm\n" +
        "1\tKiểm tra công vụ tại các sở\tSở Nội vụ\t\t01/10/2026\tBiên bản\n" +
        "2\tKiểm tra công vụ tại các xã\tSở Nội vụ\t\t31/12/2026\tBiên bản\n" +
        "3\tTổng hợp kết quả kiểm tra công vụ\tSở Nội vụ\t\t31/12/2026\tBáo cáo\n";

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Plans_sort_by_most_overdue_or_most_tasks_and_page_in_that_order(DatabaseProvider provider)
    {
        await using var app = await TrackingServices.CreateAsync(provider, NovemberPlan.Published);
        var small = await app.InScopeAsync(async s =>
        {
            var drafts = s.GetRequiredService<ImportDrafts>();
            var draft = await drafts.CreateAsync(TrackingServices.Office, "ke-hoach-60.txt", Encoding.UTF8.GetBytes(Small), Ct);
            await drafts.PublishAsync(TrackingServices.Office, draft, Ct);
            return draft;
        });
        var november = await NovemberPlan.ImportAsync(app);
        app.Clock.SetUtcNow(NovemberPlan.ReadOn);
        Task<DashboardReport> Dashboard(DashboardPages pages) => app.InScopeAsync(s => s.GetRequiredService<DashboardBuilder>().BuildAsync(TrackingServices.Office, null, pages, Ct));

        var imported = await Dashboard(new DashboardPages(Limit: 10));
        var overdue = await Dashboard(new DashboardPages(Limit: 10, PlanOrder: PlanOrder.MostOverdue));
        var tasks = await Dashboard(new DashboardPages(Limit: 10, PlanOrder: PlanOrder.MostTasks));

        Assert.Equal([small, november], imported.Plans.Items.Select(p => p.PlanId));
        Assert.Equal([(november, 3), (small, 1)], overdue.Plans.Items.Select(p => (p.PlanId, p.Buckets.Overdue)));
        Assert.Equal([(november, 35), (small, 3)], tasks.Plans.Items.Select(p => (p.PlanId, p.Total)));

        // A page at a time, in the order chosen: the second page goes on from the first's last place.
        var first = await Dashboard(new DashboardPages(Limit: 1, PlanOrder: PlanOrder.MostTasks));
        var second = await Dashboard(new DashboardPages(PlansAfter: first.Plans.Next, Limit: 1, PlanOrder: PlanOrder.MostTasks));
        Assert.Equal((november, small), (Assert.Single(first.Plans.Items).PlanId, Assert.Single(second.Plans.Items).PlanId));
        Assert.Null(second.Plans.Next);
        Assert.Equal(2, first.Plans.Total);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_overdue_list_pages_the_newest_overdue_first_as_the_longest_overdue_first_read_backwards(DatabaseProvider provider)
    {
        await using var app = await TrackingServices.CreateAsync(provider, NovemberPlan.Published);
        await app.InScopeAsync(async s =>
        {
            var drafts = s.GetRequiredService<ImportDrafts>();
            var draft = await drafts.CreateAsync(TrackingServices.Office, "ke-hoach-60.txt", Encoding.UTF8.GetBytes(Small), Ct);
            return await drafts.PublishAsync(TrackingServices.Office, draft, Ct);
        });
        await NovemberPlan.ImportAsync(app);
        app.Clock.SetUtcNow(NovemberPlan.ReadOn);
        async Task<List<(DateOnly? Due, int Id)>> AllAsync(bool newestFirst)
        {
            var seen = new List<(DateOnly?, int)>();
            string? after = null;
            do
            {
                var page = await app.InScopeAsync(s => s.GetRequiredService<DashboardBuilder>().BuildAsync(
                    TrackingServices.Office, null, new DashboardPages(OverdueAfter: after, Limit: 1, NewestOverdueFirst: newestFirst), Ct));
                seen.AddRange(page.Overdue.Items.Select(t => (t.Due, t.Id)));
                after = page.Overdue.Next;
            }
            while (after is not null);
            return seen;
        }

        var longest = await AllAsync(newestFirst: false);
        var newest = await AllAsync(newestFirst: true);

        Assert.Equal(4, longest.Count);
        Assert.Equal(longest.OrderBy(t => t.Due).ThenBy(t => t.Id), longest);
        Assert.Equal(Enumerable.Reverse(longest), newest);
    }
}
