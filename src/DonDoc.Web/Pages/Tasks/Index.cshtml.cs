using DonDoc.Core.Tracking;
using DonDoc.Data.Plans;
using DonDoc.Data.Storage;
using DonDoc.Tracking.Tasks;
using DonDoc.Web.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Pages.Tasks;

/// <summary>
/// The tasks behind a figure: every task the actor may read, filtered by plan, lead agency, colour ("red", or
/// "green,orange" for a bucket) or status, by due date and keyset-paged. The dashboard's figures link here.
/// </summary>
public sealed class IndexModel(TaskCatalog catalog, DonDocDbContext db) : DonDocPageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Plan { get; set; }

    /// <summary>A lead agency: only the tasks it leads.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Agency { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Colour { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public IReadOnlyList<TaskSummary> Tasks { get; private set; } = [];

    public Pager Pager { get; private set; } = new(null, null, null);

    /// <summary>The filter in words: "Quá hạn · Kế hoạch 91/KH-UBND · Chủ trì: Sở Nội vụ".</summary>
    public string Description { get; private set; } = "";

    public IReadOnlyList<StatusColour> Colours => (Colour ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(StatusClassification.ParseColour).OfType<StatusColour>().Distinct().ToList();

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => ReadAsync(async () =>
    {
        var colours = Colours;
        var status = TaskStatusText.ParseStatus(Status) is null ? null : Status;
        var page = await catalog.ListAsync(
            Actor,
            new TaskFilter(PlanId: Plan, AgencyId: Agency, Status: status, Role: Agency is null ? null : AssignmentRole.Lead, Colours: colours.Count == 0 ? null : colours),
            new PageRequest(After, WithTotal: true),
            cancellationToken);
        Tasks = page.Items;
        Pager = Pager.For(this, "after", page);

        var parts = new List<string>();
        parts.AddRange(colours.Select(c => c.ToVietnamese()));
        if (TaskStatusText.ParseStatus(status) is { } named)
        {
            parts.Add(named.ToVietnamese());
        }

        if (Plan is { } planId && await catalog.GetPlanAsync(Actor, planId, cancellationToken) is { } plan)
        {
            parts.Add($"Kế hoạch {plan.Number ?? plan.Title}");
        }

        if (Agency is { } agencyId && await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.Name).FirstOrDefaultAsync(cancellationToken) is { } agency)
        {
            parts.Add($"Chủ trì: {agency}");
        }

        Description = parts.Count == 0 ? "Tất cả nhiệm vụ" : string.Join(" · ", parts);
    });
}
