using DonDoc.Core.Access;
using DonDoc.Data.Plans;
using DonDoc.Tracking.Exchange;
using DonDoc.Tracking.Formatting;
using DonDoc.Tracking.Reports;
using DonDoc.Tracking.Tasks;
using DonDoc.Tracking.Workflow;
using DonDoc.Web.Common;
using Microsoft.AspNetCore.Mvc;

namespace DonDoc.Web.Pages.Plans;

public sealed class DetailsModel(TaskCatalog catalog, TaskWorkflow workflow, PlanExchange exchange, ConsolidatedReportBuilder reports, TaskListWorkbook workbooks, CompletionEvidenceRule evidenceRule, TimeProvider clock) : DonDocPageModel
{
    public PlanEntity Plan { get; private set; } = new();

    public IReadOnlyList<TaskSummary> Tasks { get; private set; } = [];

    public IReadOnlyList<(string Id, string? Title)> Sections { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name)> Agencies { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Section { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Agency { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public Pager Pager { get; private set; } = new(null, null, null);

    public bool CanManage => TaskAccess.CanManage(Actor, Plan.OwnerId);

    /// <summary>Whether completions of this plan must carry evidence: its own setting, else the office's default.</summary>
    public bool RequiresEvidence => evidenceRule.Requires(Plan);

    public bool OfficeRequiresEvidence => evidenceRule.OfficeDefault;

    public Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => ReadAsync(() => LoadAsync(id, cancellationToken));

    /// <summary>The plan in the exchange format (<c>?handler=Export&amp;format=json|xlsx</c>), as the API's export writes it.</summary>
    public Task<IActionResult> OnGetExportAsync(int id, string? format, CancellationToken cancellationToken) =>
        DownloadAsync(id, () => exchange.ExportAsync(Actor, id, format, cancellationToken), cancellationToken);

    /// <summary>The consolidated report of a period (<c>?handler=Report&amp;period=2026-11&amp;format=docx|xlsx</c>), as the API writes it.</summary>
    public Task<IActionResult> OnGetReportAsync(int id, string? period, string? format, CancellationToken cancellationToken) =>
        DownloadAsync(id, () => reports.FileAsync(Actor, id, period, format, cancellationToken), cancellationToken);

    /// <summary>The plan's tasks the actor may read as Excel (<c>?handler=Tasks</c>), in the consolidated report's layout.</summary>
    public Task<IActionResult> OnGetTasksAsync(int id, CancellationToken cancellationToken) =>
        DownloadAsync(id, () => workbooks.ForPlanAsync(Actor, id, cancellationToken), cancellationToken);

    /// <summary>
    /// A file the plan page offers: the download itself; not found as 404; any other refusal as the plan page
    /// with the refusal's message and status.
    /// </summary>
    private async Task<IActionResult> DownloadAsync(int id, Func<Task<DownloadFile>> produce, CancellationToken cancellationToken)
    {
        try
        {
            var file = await produce();
            return File(file.Content, file.ContentType, file.FileName);
        }
        catch (WorkflowException refused) when (refused.Failure == WorkflowFailure.NotFound)
        {
            return NotFound();
        }
        catch (WorkflowException refused)
        {
            var page = await ReadAsync(() => LoadAsync(id, cancellationToken));
            Error = refused.Vietnamese;
            Response.StatusCode = refused.StatusCode;
            return page;
        }
    }

    /// <summary>The period a report form proposes: last month.</summary>
    public string LastMonth
    {
        get
        {
            var month = Core.Calendar.VietnamTime.Today(clock).AddMonths(-1);
            return $"{month.Year:0000}-{month.Month:00}";
        }
    }

    /// <param name="required">Yes, no, or empty for the office's default.</param>
    public Task<IActionResult> OnPostEvidenceAsync(int id, bool? required, int? version, CancellationToken cancellationToken) =>
        ChangeAsync(
            () => workflow.SetCompletionEvidenceAsync(Actor, id, required, version, cancellationToken),
            "Đã lưu yêu cầu tài liệu kiểm chứng.",
            () => Redirect($"/Plans/{id}"),
            async () => { await LoadAsync(id, cancellationToken); return Page(); });

    public Task<IActionResult> OnPostCloseAsync(int id, string? reason, bool cancel, int? version, CancellationToken cancellationToken) =>
        ChangeAsync(
            () => workflow.ClosePlanAsync(Actor, id, cancel, reason, version, cancellationToken),
            cancel ? "Đã hủy kế hoạch." : "Đã lưu trữ kế hoạch.",
            () => Redirect($"/Plans/{id}"),
            async () => { await LoadAsync(id, cancellationToken); return Page(); });

    private async Task LoadAsync(int id, CancellationToken cancellationToken)
    {
        Plan = await catalog.GetPlanAsync(Actor, id, cancellationToken);
        (Sections, Agencies) = await catalog.PlanFiltersAsync(Actor, id, cancellationToken);
        var status = TaskStatusText.ParseStatus(Status) is null ? null : Status;
        var page = await catalog.ListAsync(
            Actor,
            new TaskFilter(PlanId: id, AgencyId: Agency, Status: status, SectionId: string.IsNullOrEmpty(Section) ? null : Section, Role: Agency is null ? null : Data.Plans.AssignmentRole.Lead),
            new PageRequest(After, WithTotal: true),
            cancellationToken);
        Tasks = page.Items;
        Pager = Pager.For(this, "after", page);
    }
}
