using DonDoc.Tracking.Formatting;
using DonDoc.Tracking.Tasks;
using DonDoc.Tracking.Workflow;
using DonDoc.Web.Common;
using Microsoft.AspNetCore.Mvc;

namespace DonDoc.Web.Pages.Search;

/// <summary>
/// One box over task content, plans and agencies, without case or diacritics, on the database's full-text index;
/// the best matches first (the words as a phrase in the content, then every word in the content or plan, then
/// anywhere); "lead:" and "plan:" narrow by field; status words ("quá hạn") filter by status.
/// </summary>
public sealed class IndexModel(TaskCatalog catalog) : DonDocPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public IReadOnlyList<TaskSummary> Results { get; private set; } = [];

    public Pager Pager { get; private set; } = new(null, null, null);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Q))
        {
            return Page();
        }

        return await ReadAsync(async () =>
        {
            var page = await catalog.ListAsync(Actor, new TaskFilter(Query: Q), new PageRequest(After, WithTotal: true), cancellationToken);
            Results = page.Items;
            Pager = Pager.For(this, "after", page, "kết quả");
        });
    }
}
