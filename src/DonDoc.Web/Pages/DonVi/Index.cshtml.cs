using DonDoc.Core.Tracking;
using DonDoc.Data.Plans;
using DonDoc.Data.Storage;
using DonDoc.Tracking.Dashboard;
using DonDoc.Tracking.Formatting;
using DonDoc.Tracking.Tasks;
using DonDoc.Tracking.Workflow;
using DonDoc.Web.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Pages.DonVi;

/// <summary>
/// An agency officer's home: the agency's led tasks by status; then what waits for the agency (led tasks overdue or
/// due soon, reports due, completions returned: the oldest deadline first); then the rest of the led tasks and the
/// coordinated tasks, a page each.
/// </summary>
public sealed class IndexModel(TaskCatalog catalog, TaskListWorkbook workbooks, DonDocDbContext db) : DonDocPageModel
{
    public const int PageRows = 20;

    public string AgencyName { get; private set; } = "";

    /// <summary>The led tasks by colour, in the legend's order.</summary>
    public IReadOnlyList<ColourCount> ByStatus { get; private set; } = [];

    public IReadOnlyList<TaskSummary> NeedingAction { get; private set; } = [];

    public IReadOnlyList<TaskSummary> Leading { get; private set; } = [];

    public IReadOnlyList<TaskSummary> Coordinating { get; private set; } = [];

    public Pager NeedingActionPager { get; private set; } = new(null, null, null);

    public Pager LeadingPager { get; private set; } = new(null, null, null);

    public Pager CoordinatingPager { get; private set; } = new(null, null, null);

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "action_after")] string? actionAfter, [FromQuery(Name = "lead_after")] string? leadAfter, [FromQuery(Name = "coord_after")] string? coordAfter, CancellationToken cancellationToken)
    {
        if (Actor.AgencyId is not { } agencyId)
        {
            return Redirect("/");
        }

        return await ReadAsync(async () =>
        {
            AgencyName = await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.Name).FirstOrDefaultAsync(cancellationToken) ?? "";
            ByStatus = await catalog.CountByColourAsync(Actor, new TaskFilter(AgencyId: agencyId, Role: AssignmentRole.Lead), cancellationToken);
            var needing = await catalog.ListAsync(Actor, new TaskFilter(AgencyId: agencyId, Role: AssignmentRole.Lead, NeedsAction: true), new PageRequest(actionAfter, PageRows, WithTotal: true), cancellationToken);
            var leading = await catalog.ListAsync(Actor, new TaskFilter(AgencyId: agencyId, Role: AssignmentRole.Lead, NeedsAction: false), new PageRequest(leadAfter, PageRows, WithTotal: true), cancellationToken);
            var coordinating = await catalog.ListAsync(Actor, new TaskFilter(AgencyId: agencyId, Role: AssignmentRole.Coordinator), new PageRequest(coordAfter, PageRows, WithTotal: true), cancellationToken);
            NeedingAction = needing.Items;
            NeedingActionPager = Pager.For(this, "action_after", needing);
            (Leading, Coordinating) = (leading.Items, coordinating.Items);
            LeadingPager = Pager.For(this, "lead_after", leading);
            CoordinatingPager = Pager.For(this, "coord_after", coordinating);
        });
    }

    /// <summary>The agency's tasks as Excel (<c>?handler=Export</c>): an officer's own agency; the office and leaders name one (<c>&amp;agency=</c>).</summary>
    public async Task<IActionResult> OnGetExportAsync(int? agency, CancellationToken cancellationToken)
    {
        if ((agency ?? Actor.AgencyId) is not { } agencyId)
        {
            return NotFound();
        }

        try
        {
            var file = await workbooks.ForAgencyAsync(Actor, agencyId, cancellationToken);
            return File(file.Content, file.ContentType, file.FileName);
        }
        catch (WorkflowException refused) when (refused.Failure == WorkflowFailure.NotFound)
        {
            return NotFound();
        }
        catch (WorkflowException refused) when (refused.Failure == WorkflowFailure.Forbidden)
        {
            return Forbid();
        }
    }
}
