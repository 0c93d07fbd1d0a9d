using DonDoc.Data.Plans;
using DonDoc.Tracking.Dashboard;
using DonDoc.Tracking.Formatting;
using DonDoc.Tracking.Tasks;
using DonDoc.Tracking.Workflow;
using DonDoc.Web.Common;
using DonDoc.Web.Dashboard;
using Microsoft.AspNetCore.Mvc;

namespace DonDoc.Web.Pages.Dashboard;

public sealed class IndexModel(DashboardBuilder dashboard, TaskCatalog catalog) : DonDocPageModel
{
    public DashboardReport? Report { get; private set; }

    public IReadOnlyList<PlanChoice> Plans { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public int? Plan { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!Actor.ReadsEverything)
        {
            return Forbid();
        }

        Report = await dashboard.BuildAsync(Actor, Plan, cancellationToken);
        Plans = await catalog.PlanChoicesAsync([PlanState.Published, PlanState.Archived, PlanState.Cancelled], cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(string table, CancellationToken cancellationToken)
    {
        if (!Actor.ReadsEverything || !DashboardExport.Tables.ContainsKey(table))
        {
            return NotFound();
        }

        var report = await dashboard.BuildAsync(Actor, Plan, cancellationToken);
        var bytes = await DashboardExport.ToExcelAsync(report, table, cancellationToken);
        return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"dondoc-{table}-{report.Today:yyyyMMdd}.xlsx");
    }
}
