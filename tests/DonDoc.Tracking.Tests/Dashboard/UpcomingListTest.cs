using System.Text;
using DonDoc.Data.Storage;
using DonDoc.Data.Tests.Storage;
using DonDoc.Tracking.Dashboard;
using DonDoc.Tracking.Imports;
using DonDoc.Tracking.Tasks;
using DonDoc.Tracking.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Tracking.Tests.Dashboard;

/// <summary>The dashboard's list of what falls due next: open tasks of every kind due in the coming days, in due order, a page at a time.</summary>
public sealed class UpcomingListTest
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    // 15/12/2026, 09:00 in Vietnam: the list runs to 29/12/2026.
    private static readonly DateTimeOffset Today = new(2026, 12, 15, 2, 0, 0, TimeSpan.Zero);

    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private const string Plan =
        "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK\nSố: 61/KH-UBND\nKẾ HOẠCH\nCải cách hành chính tháng cuối năm 2026\n\n" +
        "TT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời hạn\tSản phẩm\n" +
        "1\tBáo cáo tiến độ cải cách hành chính\tSở Nội vụ\t\tNgày 25 hằng tháng\tBáo cáo\n" +
        "2\tRà soát thủ tục hành chính\tSở Tư pháp\t\t20/12/2026\tDanh mục\n" +
        "3\tCông bố danh mục thủ tục\tSở Tư pháp\t\t18/12/2026\tQuyết định\n" +
        "4\tTập huấn cán bộ một cửa\tSở Nội vụ\t\t10/01/2027\tTài liệu\n" +
        "5\tKiểm tra bộ phận một cửa\tSở Nội vụ\t\t01/12/2026\tBiên bản\n" +
        "6\tSơ kết cải cách hành chính\tSở Nội vụ\t\tQuý IV/2026\tBáo cáo\n";

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dated_and_recurring_tasks_due_in_the_next_14_days_are_listed_by_due_date_and_counted(DatabaseProvider provider)
    {
        await using var app = await TrackingServices.CreateAsync(provider, Today);
        await PublishAsync(app);
        Task<DashboardReport> Dashboard(DashboardPages pages) => app.InScopeAsync(s => s.GetRequiredService<DashboardBuilder>().BuildAsync(TrackingServices.Office, null, pages, Ct));

        var whole = await Dashboard(new DashboardPages(Limit: 10));
        var seen = new List<string?>();
        string? after = null;
        do
        {
            var page = await Dashboard(new DashboardPages(UpcomingAfter: after, Limit: 1));
            Assert.Equal(3, page.Upcoming.Total);
            seen.AddRange(page.Upcoming.Items.Select(t => t.Number));
            after = page.Upcoming.Next;
        }
        while (after is not null && seen.Count < 10);

        Assert.Equal(["3", "2", "1"], whole.Upcoming.Items.Select(t => t.Number));
        Assert.Equal(3, whole.Upcoming.Total);
        Assert.Null(whole.Upcoming.Next);
        Assert.Equal(["3", "2", "1"], seen);
        Assert.Equal(["5"], whole.Overdue.Items.Select(t => t.Number));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_list_total_read_from_the_days_figures_equals_the_tasks_the_list_pages_through(DatabaseProvider provider)
    {
        await using var app = await TrackingServices.CreateAsync(provider, Today);
        var plan = await PublishAsync(app);

        async Task<(int? Total, int Listed)> ListAsync(TaskFilter filter)
        {
            var listed = 0;
            int? total = null;
            string? after = null;
            do
            {
                var page = await app.InScopeAsync(s => s.GetRequiredService<TaskCatalog>().ListAsync(TrackingServices.Office, filter, new PageRequest(after, 1, WithTotal: true), Ct));
                total = page.Total;
                listed += page.Items.Count;
                after = page.Next;
            }
            while (after is not null && listed < 20);
            return (total, listed);
        }

        var leadId = await app.InScopeAsync(s => s.GetRequiredService<DonDocDbContext>().Agencies.Where(a => a.Name == "Sở Nội vụ").Select(a => a.Id).SingleAsync(Ct));
        foreach (var status in new[] { "overdue", "not_yet_due", "due_soon" })
        {
            // Over every plan and over one plan the total comes from the day's figures; for one lead it is counted.
            foreach (var filter in new[] { new TaskFilter(Status: status), new TaskFilter(PlanId: plan, Status: status), new TaskFilter(AgencyId: leadId, Status: status) })
            {
                var (total, listed) = await ListAsync(filter);
                Assert.True(total == listed, $"{filter}: total {total}, listed {listed}");
            }
        }

        Assert.Equal((1, 1), await ListAsync(new TaskFilter(Status: "overdue")));
    }

    /// <summary>Imports and publishes <see cref="Plan"/>; returns the plan's id.</summary>
    private static Task<int> PublishAsync(TrackingServices app) => app.InScopeAsync(async s =>
    {
        var drafts = s.GetRequiredService<ImportDrafts>();
        var draft = await drafts.CreateAsync(TrackingServices.Office, "ke-hoach-61.txt", Encoding.UTF8.GetBytes(Plan), Ct);
        await drafts.PublishAsync(TrackingServices.Office, draft, Ct);
        return draft;
    });
}
