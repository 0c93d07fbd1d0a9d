using DonDoc.Tracking.Workflow;
using DonDoc.Tracking.WorkQueue;
using DonDoc.Web.Common;
using Microsoft.AspNetCore.Mvc;

namespace DonDoc.Web.Pages.VanPhong;

/// <summary>The office's work queue: completions to accept, extensions to decide, periodic reports to review, tasks waiting for an event, each with its action.</summary>
public sealed class ViecCanXuLyModel(OfficeWorkQueue queue, TaskWorkflow workflow) : DonDocPageModel
{
    public const string Path = "/VanPhong/ViecCanXuLy";

    public OfficeWorkQueueView? Queue { get; private set; }

    public Pager CompletionsPager { get; private set; } = new(null, null, null);

    public Pager ExtensionsPager { get; private set; } = new(null, null, null);

    public Pager WaitingPager { get; private set; } = new(null, null, null);

    public Pager ReportsPager { get; private set; } = new(null, null, null);

    [FromQuery(Name = "completions_after")]
    public string? CompletionsAfter { get; set; }

    [FromQuery(Name = "extensions_after")]
    public string? ExtensionsAfter { get; set; }

    [FromQuery(Name = "waiting_after")]
    public string? WaitingAfter { get; set; }

    [FromQuery(Name = "reports_after")]
    public string? ReportsAfter { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        OfficeWorkQueue.Has(Actor) ? await ReadAsync(() => LoadAsync(cancellationToken)) : Forbid();

    public Task<IActionResult> OnPostReviewAsync(int taskId, string? decision, string? reason, int? version, CancellationToken cancellationToken) =>
        Change(() => workflow.ReviewAsync(Actor, taskId, new ReviewInput(decision, reason, version), cancellationToken),
            decision == "accept" ? "Đã xác nhận hoàn thành." : "Đã trả lại nhiệm vụ.", cancellationToken);

    public Task<IActionResult> OnPostDecideAsync(int extensionId, string? decision, string? note, CancellationToken cancellationToken) =>
        Change(() => workflow.DecideExtensionAsync(Actor, extensionId, new ExtensionDecisionInput(decision, note), cancellationToken), "Đã xử lý đề nghị gia hạn.", cancellationToken);

    private Task<IActionResult> Change(Func<Task> change, string done, CancellationToken cancellationToken) =>
        ChangeAsync(change, done, () => Redirect(Path), async () =>
        {
            await LoadAsync(cancellationToken);
            return Page();
        });

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Queue = await queue.ReadAsync(Actor, new WorkQueuePages(CompletionsAfter, ExtensionsAfter, WaitingAfter, ReportsAfter: ReportsAfter), cancellationToken);
        CompletionsPager = Pager.For(this, "completions_after", Queue.Completions, "báo cáo hoàn thành");
        ExtensionsPager = Pager.For(this, "extensions_after", Queue.Extensions, "đề nghị gia hạn");
        WaitingPager = Pager.For(this, "waiting_after", Queue.Waiting);
        ReportsPager = Pager.For(this, "reports_after", Queue.PeriodReports, "báo cáo định kỳ");
    }
}
