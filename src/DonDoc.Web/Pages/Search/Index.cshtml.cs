using DonDoc.Tracking.Formatting;
using DonDoc.Tracking.Tasks;
using DonDoc.Tracking.Workflow;
using DonDoc.Web.Common;
using Microsoft.AspNetCore.Mvc;

namespace DonDoc.Web.Pages.Search;

/// <summary>One box over task content, agencies and plan titles, without case or diacritics; status words ("quá hạn") filter by status.</summary>
public sealed class IndexModel(TaskCatalog catalog) : DonDocPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<TaskSummary> Results { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(Q))
        {
            Results = await catalog.ListAsync(Actor, new TaskFilter(Query: Q), cancellationToken);
        }

        return Page();
    }
}
