using DonDoc.Core.Access;
using DonDoc.Data.Plans;
using DonDoc.Tracking.Formatting;
using DonDoc.Tracking.Tasks;
using DonDoc.Tracking.Workflow;
using DonDoc.Web.Common;
using Microsoft.AspNetCore.Mvc;

namespace DonDoc.Web.Pages.Plans;

public sealed class DetailsModel(TaskCatalog catalog, TaskWorkflow workflow) : DonDocPageModel
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

    public bool CanManage => TaskAccess.CanManage(Actor, Plan.OwnerId);

    public Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => ReadAsync(() => LoadAsync(id, cancellationToken));

    public Task<IActionResult> OnPostCloseAsync(int id, string? reason, bool cancel, int? version, CancellationToken cancellationToken) =>
        ChangeAsync(
            () => workflow.ClosePlanAsync(Actor, id, cancel, reason, version, cancellationToken),
            cancel ? "Đã hủy kế hoạch." : "Đã lưu trữ kế hoạch.",
            () => Redirect($"/Plans/{id}"),
            async () => { await LoadAsync(id, cancellationToken); return Page(); });

    private async Task LoadAsync(int id, CancellationToken cancellationToken)
    {
        Plan = await catalog.GetPlanAsync(Actor, id, cancellationToken);
        var all = await catalog.ListAsync(Actor, new TaskFilter(PlanId: id), cancellationToken);
        Sections = all.Where(t => t.SectionId is not null).Select(t => (t.SectionId!, t.SectionTitle)).Distinct().ToList();
        Agencies = all.Where(t => t.LeadAgencyId is not null).Select(t => (t.LeadAgencyId!.Value, t.LeadAgency!)).Distinct().OrderBy(a => a.Item2, StringComparer.Ordinal).ToList();
        Tasks = all
            .Where(t => string.IsNullOrEmpty(Section) || t.SectionId == Section)
            .Where(t => Agency is null || t.LeadAgencyId == Agency)
            .Where(t => string.IsNullOrEmpty(Status) || t.Status == Status)
            .ToList();
    }
}
