using DonDoc.Core.Tracking;
using DonDoc.Data.Storage;
using DonDoc.Tracking.Formatting;
using DonDoc.Tracking.Tasks;
using DonDoc.Tracking.Workflow;
using DonDoc.Web.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Pages.DonVi;

/// <summary>An agency officer's home: the agency's tasks by status, and the next deadlines.</summary>
public sealed class IndexModel(TaskCatalog catalog, TaskStatusReader statuses, DonDocDbContext db) : DonDocPageModel
{
    public string AgencyName { get; private set; } = "";

    public IReadOnlyList<(string Label, string Colour, int Count)> ByStatus { get; private set; } = [];

    public IReadOnlyList<TaskSummary> Upcoming { get; private set; } = [];

    public IReadOnlyList<TaskSummary> Leading { get; private set; } = [];

    public IReadOnlyList<TaskSummary> Coordinating { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Actor.AgencyId is not { } agencyId)
        {
            return Redirect("/");
        }

        AgencyName = await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.Name).FirstOrDefaultAsync(cancellationToken) ?? "";
        var tasks = await catalog.ListAsync(Actor, new TaskFilter(AgencyId: agencyId), cancellationToken);
        Leading = tasks.Where(t => t.LeadAgencyId == agencyId).ToList();
        Coordinating = tasks.Where(t => t.LeadAgencyId != agencyId).ToList();
        ByStatus = Leading.GroupBy(t => t.Status)
            .Select(g => (TaskStatusText.ParseStatus(g.Key)!.Value.ToVietnamese(), g.First().Colour, g.Count()))
            .OrderByDescending(g => g.Item3)
            .ToList();
        var today = statuses.Today;
        Upcoming = tasks.Where(t => t.Due is { } due && due >= today && t.Status is "due_soon" or "not_yet_due" && !t.Cancelled).Take(10).ToList();
        return Page();
    }
}
