using DonDoc.Data.Agencies;
using DonDoc.Data.Storage;
using DonDoc.Tracking.Tasks;
using DonDoc.Tracking.Tests.Hosting;
using DonDoc.Tracking.Workflow;
using DonDoc.Web.Tests.Tracking;

namespace DonDoc.Tracking.Tests.Workflow;

/// <summary>A plan, or the office by default, can require evidence with a completion report (issue #17 item 14).</summary>
public sealed class CompletionEvidenceTest
{
    private static readonly DateTimeOffset Start = new(2026, 5, 4, 2, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly PlanLine[] Rows =
    [
        new("Ban hành quy chế phối hợp", "Sở Nội vụ", null, "30/06/2026"),
        new("Rà soát thủ tục hành chính", "Sở Nội vụ", null, "30/06/2026"),
        new("Kiểm tra công tác văn thư", "Sở Nội vụ", null, "30/06/2026"),
    ];

    [Fact]
    public async Task A_plan_requiring_evidence_refuses_a_completion_without_a_file_unless_the_task_already_holds_one()
    {
        await using var app = await TrackingServices.CreateAsync(DatabaseProvider.Sqlite, Start);
        var (planId, ids) = await PlanRows.PublishAsync(app, "Kế hoạch cải cách hành chính", Rows);
        var officer = TrackingServices.Officer(await NoiVuAsync(app));

        var notTheirs = await Assert.ThrowsAsync<WorkflowException>(() => Run(app, w => w.SetCompletionEvidenceAsync(officer, planId, true, null, Ct)));
        await Run(app, w => w.SetCompletionEvidenceAsync(TrackingServices.Office, planId, true, null, Ct));
        var bare = await Assert.ThrowsAsync<WorkflowException>(() => Run(app, w => w.ReportCompletionAsync(officer, ids[0], new CompletionInput("Đã ban hành quy chế"), [], Ct)));
        await Run(app, w => w.ReportCompletionAsync(officer, ids[0], new CompletionInput("Đã ban hành quy chế"), [new UploadedFile("quyet-dinh.pdf", Evidence.Pdf("quyet dinh"))], Ct));
        await Run(app, async w => { await w.PostProgressAsync(officer, ids[1], new ProgressInput(80, "Đã rà soát 40 thủ tục"), [new UploadedFile("danh-muc.pdf", Evidence.Pdf("danh muc"))], Ct); });
        await Run(app, w => w.ReportCompletionAsync(officer, ids[1], new CompletionInput("Đã rà soát xong"), [], Ct));
        var details = await app.InScopeAsync(s => s.GetRequiredService<TaskCatalog>().GetAsync(officer, ids[2], Ct));

        Assert.Equal(WorkflowFailure.NotFound, notTheirs.Failure);
        Assert.Equal(WorkflowFailure.Invalid, bare.Failure);
        Assert.Equal("Kế hoạch này yêu cầu tài liệu kiểm chứng khi báo cáo hoàn thành: hãy đính kèm ít nhất một tệp (văn bản, biên bản, hình ảnh…).", bare.Vietnamese);
        Assert.Contains("requires", bare.Message, StringComparison.Ordinal);
        Assert.True(details.CompletionRequiresEvidence);
        Assert.False(details.HasEvidence);
        var reported = await app.InScopeAsync(s => s.GetRequiredService<TaskCatalog>().ListAsync(TrackingServices.Office, new TaskFilter(PlanId: planId), new PageRequest(), Ct));
        Assert.Equal(["Reported", "Reported", "None"], ids.Select(id => reported.Items.Single(t => t.Id == id).Completion));
    }

    [Fact]
    public async Task The_office_default_holds_for_plans_without_their_own_setting_and_an_acceptance_without_evidence_is_refused_once_required()
    {
        await using var app = await TrackingServices.CreateAsync(DatabaseProvider.Sqlite, Start, new Dictionary<string, string?> { ["Tracking:RequireCompletionEvidence"] = "true" });
        var (planId, ids) = await PlanRows.PublishAsync(app, "Kế hoạch cải cách hành chính", Rows);
        var officer = TrackingServices.Officer(await NoiVuAsync(app));

        var byDefault = await Assert.ThrowsAsync<WorkflowException>(() => Run(app, w => w.ReportCompletionAsync(officer, ids[0], new CompletionInput("Đã ban hành quy chế"), [], Ct)));
        await Run(app, w => w.SetCompletionEvidenceAsync(TrackingServices.Office, planId, false, null, Ct));
        await Run(app, w => w.ReportCompletionAsync(officer, ids[0], new CompletionInput("Đã ban hành quy chế"), [], Ct));
        await Run(app, w => w.SetCompletionEvidenceAsync(TrackingServices.Office, planId, null, null, Ct));
        var acceptance = await Assert.ThrowsAsync<WorkflowException>(() => Run(app, async w => { await w.ReviewAsync(TrackingServices.Office, ids[0], new ReviewInput("accept"), Ct); }));
        await Run(app, async w => { await w.ReviewAsync(TrackingServices.Office, ids[0], new ReviewInput("return", "Bổ sung quyết định ban hành quy chế"), Ct); });

        Assert.Equal(WorkflowFailure.Invalid, byDefault.Failure);
        Assert.Equal(WorkflowFailure.Invalid, acceptance.Failure);
        Assert.Contains("hãy trả lại để đơn vị bổ sung", acceptance.Vietnamese, StringComparison.Ordinal);
        var task = await app.InScopeAsync(s => s.GetRequiredService<TaskCatalog>().GetAsync(TrackingServices.Office, ids[0], Ct));
        Assert.Equal("Returned", task.Task.Completion);
    }

    private static Task<int> Run(TrackingServices app, Func<TaskWorkflow, Task> work) =>
        app.InScopeAsync(async s => { await work(s.GetRequiredService<TaskWorkflow>()); return 0; });

    private static async Task<int> NoiVuAsync(TrackingServices app) =>
        await app.InScopeAsync(s => s.GetRequiredService<AgencyDirectoryStore>().FindAgencyIdAsync("Sở Nội vụ", CancellationToken.None)) ?? throw new InvalidOperationException("Sở Nội vụ");
}
