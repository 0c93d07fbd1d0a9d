using System.Text;
using DonDoc.Data.Plans;
using DonDoc.Data.Storage;
using DonDoc.Data.Tests.Storage;
using DonDoc.Tracking.Imports;
using DonDoc.Tracking.Periods;
using DonDoc.Tracking.Tests.Hosting;
using DonDoc.Tracking.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Tracking.Tests.Imports;

/// <summary>
/// The review page proposes the reporting cycle a plan's own words state; the reviewer keeps, changes or declines it, and the
/// plan is published with it (starting with the period of publication) in the same transaction.
/// </summary>
public sealed class DraftCycleTest
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    // 09:00 on Thursday 03/12/2026 in Vietnam.
    private static readonly DateTimeOffset ReviewedOn = new(2026, 12, 3, 2, 0, 0, TimeSpan.Zero);

    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private const string Plan =
        "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK\nSố: 52/KH-UBND\nKẾ HOẠCH\nCải cách hành chính năm 2027\n\n" +
        "TT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời hạn\tSản phẩm\n" +
        "1\tRà soát thủ tục hành chính của tỉnh\tSở Nội vụ\t\t30/06/2027\tBáo cáo rà soát\n" +
        "2\tTheo dõi việc thực hiện cải cách hành chính ở các sở\tSở Nội vụ\t\tThường xuyên\tBáo cáo\n" +
        "3\tCác cơ quan báo cáo kết quả thực hiện kế hoạch về Sở Nội vụ trước ngày 18 hằng tháng để tổng hợp, báo cáo UBND tỉnh trước ngày 22 hằng tháng\tSở Tư pháp\tSở Nội vụ\tHằng tháng\tBáo cáo tháng\n";

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_cycle_the_plan_states_is_proposed_and_the_plan_is_published_with_it(DatabaseProvider provider)
    {
        await using var app = await TrackingServices.CreateAsync(provider, ReviewedOn);
        var id = await CreateAsync(app);

        var draft = await Drafts(app, d => d.GetAsync(TrackingServices.Office, id, Ct));
        Assert.Null(draft.Cycle);
        var proposal = draft.CycleProposal!;
        Assert.Equal(("Month", 18, 22, false), (proposal.Length, proposal.AgencyDueDay, proposal.OfficeDueDay, proposal.DueAfterPeriod));
        Assert.Contains("trước ngày 18 hằng tháng", proposal.Source, StringComparison.Ordinal);
        Assert.Equal("Báo cáo hằng tháng: các cơ quan trước ngày 18, Văn phòng tổng hợp trước ngày 22 hằng tháng", proposal.Description);

        // The reviewer keeps the rhythm but gives the agencies until the 20th; the draft keeps it until publication.
        var version = await SaveAsync(app, draft, new CycleInput("Month", 20, 22, Source: proposal.Source));
        draft = await Drafts(app, d => d.GetAsync(TrackingServices.Office, id, Ct));
        Assert.Equal(("Month", 20, 22), (draft.Cycle!.Length, draft.Cycle.AgencyDueDay, draft.Cycle.OfficeDueDay));
        Assert.Equal(version, draft.Version);

        await Drafts(app, d => d.PublishAsync(TrackingServices.Office, id, Ct));

        var cycle = await Periods(app, p => p.CycleAsync(TrackingServices.Office, id, Ct));
        Assert.Equal(("Month", 20, 22, "2026-12"), (cycle!.Length, cycle.AgencyDueDay, cycle.OfficeDueDay, cycle.FirstPeriod));
        Assert.Contains("trước ngày 18 hằng tháng", cycle.Source, StringComparison.Ordinal);
        // The continuous task owes December's report, due on Sunday 20/12, so on Friday 18/12.
        var continuous = await ContinuousAsync(app, id);
        Assert.Equal((TaskPhase.Reporting, new DateOnly(2026, 12, 18)), (continuous.Phase, continuous.PeriodReportDue));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_declined_cycle_is_not_set_and_an_impossible_day_is_refused_with_nothing_saved(DatabaseProvider provider)
    {
        await using var app = await TrackingServices.CreateAsync(provider, ReviewedOn);
        var id = await CreateAsync(app);
        var draft = await Drafts(app, d => d.GetAsync(TrackingServices.Office, id, Ct));

        var refused = await Assert.ThrowsAsync<WorkflowException>(() => SaveAsync(app, draft, new CycleInput("Month", 32, 22), title: "Tên đã sửa"));
        Assert.Equal("Ngày các cơ quan báo cáo phải từ 1 đến 31.", refused.Vietnamese);
        var unchanged = await Drafts(app, d => d.GetAsync(TrackingServices.Office, id, Ct));
        Assert.Equal((draft.Version, draft.Title, null), (unchanged.Version, unchanged.Title, unchanged.Cycle));

        await SaveAsync(app, draft, new CycleInput("Quarter", 15, 20));
        draft = await Drafts(app, d => d.GetAsync(TrackingServices.Office, id, Ct));
        Assert.Equal("Quarter", draft.Cycle!.Length);
        await SaveAsync(app, draft, new CycleInput(null, null, null));
        draft = await Drafts(app, d => d.GetAsync(TrackingServices.Office, id, Ct));
        Assert.Null(draft.Cycle);
        Assert.NotNull(draft.CycleProposal);

        await Drafts(app, d => d.PublishAsync(TrackingServices.Office, id, Ct));
        Assert.Null(await Periods(app, p => p.CycleAsync(TrackingServices.Office, id, Ct)));
        var continuous = await ContinuousAsync(app, id);
        Assert.Null(continuous.PeriodReportDue);
    }

    private static async Task<PlanTaskEntity> ContinuousAsync(TrackingServices app, int planId) =>
        (await app.InScopeAsync(s => s.GetRequiredService<DonDocDbContext>().Tasks.AsNoTracking().Where(t => t.PlanId == planId).ToListAsync(Ct)))
        .Single(t => t.Content.StartsWith("Theo dõi việc thực hiện", StringComparison.Ordinal));

    private static Task<int> CreateAsync(TrackingServices app) =>
        Drafts(app, d => d.CreateAsync(TrackingServices.Office, "ke-hoach-52.txt", Encoding.UTF8.GetBytes(Plan), Ct));

    private static Task<int> SaveAsync(TrackingServices app, DraftView draft, CycleInput cycle, string? title = null) =>
        Drafts(app, d => d.SaveAsync(TrackingServices.Office, draft.Id, new DraftEdit(draft.Version, draft.Number, draft.Issuer, draft.IssuedOn, title ?? draft.Title, [], cycle), Ct));

    private static Task<T> Drafts<T>(TrackingServices app, Func<ImportDrafts, Task<T>> work) =>
        app.InScopeAsync(s => work(s.GetRequiredService<ImportDrafts>()));

    private static Task<T> Periods<T>(TrackingServices app, Func<PeriodReports, Task<T>> work) =>
        app.InScopeAsync(s => work(s.GetRequiredService<PeriodReports>()));
}
