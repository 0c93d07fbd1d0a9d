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
    /// <summary>The plans offered in the drop-down: the newest; any other is named by its number in the box beside it.</summary>
    public const int PlanChoices = 100;

    /// <summary>Rows per page of the dashboard's lists: the figures come first, the lists follow a page at a time.</summary>
    public const int ListRows = 20;

    public DashboardReport? Report { get; private set; }

    public IReadOnlyList<PlanChoice> Plans { get; private set; } = [];

    public PlanChoice? Chosen { get; private set; }

    [BindProperty(SupportsGet = true)]
    public int? Plan { get; set; }

    /// <summary>A plan named by its number ("77/KH-UBND") or id.</summary>
    [BindProperty(SupportsGet = true, Name = "plan_number")]
    public string? PlanNumber { get; set; }

    public Pager PlansPager { get; private set; } = new(null, null, null);

    public Pager AgenciesPager { get; private set; } = new(null, null, null);

    public Pager OverduePager { get; private set; } = new(null, null, null);

    public Pager UpcomingPager { get; private set; } = new(null, null, null);

    public async Task<IActionResult> OnGetAsync(
        [FromQuery(Name = "plans_after")] string? plansAfter,
        [FromQuery(Name = "agencies_after")] string? agenciesAfter,
        [FromQuery(Name = "overdue_after")] string? overdueAfter,
        [FromQuery(Name = "upcoming_after")] string? upcomingAfter,
        [FromQuery(Name = "ranking")] string? ranking,
        [FromQuery(Name = "plans")] string? plans,
        [FromQuery(Name = "overdue")] string? overdue,
        CancellationToken cancellationToken)
    {
        if (!Actor.ReadsEverything)
        {
            return Forbid();
        }

        return await ReadAsync(async () =>
        {
            await ChoosePlanAsync(cancellationToken);
            Report = await dashboard.BuildAsync(Actor, Plan, new DashboardPages(plansAfter, agenciesAfter, overdueAfter, upcomingAfter, ListRows, Ranking = RankingOf(ranking), PlanSort = PlanOrderOf(plans), NewestOverdueFirst = overdue == "moi"), cancellationToken);
            PlansPager = Pager.For(this, "plans_after", Report.Plans, "kế hoạch");
            AgenciesPager = Pager.For(this, "agencies_after", Report.Agencies, "cơ quan");
            OverduePager = Pager.For(this, "overdue_after", Report.Overdue);
            UpcomingPager = Pager.For(this, "upcoming_after", Report.Upcoming);
        });
    }

    /// <summary>The order of the ranking on the page (<c>?ranking=qua-han|tong-so</c>).</summary>
    public RankingOrder Ranking { get; private set; }

    /// <summary>The order of the plans' table on the page (<c>?plans=qua-han|tong-so</c>).</summary>
    public PlanOrder PlanSort { get; private set; }

    /// <summary>Whether the overdue list shows the tasks that fell due last first (<c>?overdue=moi</c>), not the longest overdue.</summary>
    public bool NewestOverdueFirst { get; private set; }

    private static RankingOrder RankingOf(string? name) => name switch
    {
        "qua-han" => RankingOrder.MostOverdue,
        "tong-so" => RankingOrder.MostTasks,
        _ => RankingOrder.Rank,
    };

    private static PlanOrder PlanOrderOf(string? name) => name switch
    {
        "qua-han" => PlanOrder.MostOverdue,
        "tong-so" => PlanOrder.MostTasks,
        _ => PlanOrder.AsImported,
    };

    private static string? NameOf(RankingOrder order) => order switch
    {
        RankingOrder.MostOverdue => "qua-han",
        RankingOrder.MostTasks => "tong-so",
        _ => null,
    };

    private static string? NameOf(PlanOrder order) => order switch
    {
        PlanOrder.MostOverdue => "qua-han",
        PlanOrder.MostTasks => "tong-so",
        _ => null,
    };

    /// <summary>The dashboard with the ranking in another order (back to its first page), keeping the chosen plan and the plans' order.</summary>
    public string RankingUrl(string? order) => DashboardUrl(order, NameOf(PlanSort), NewestOverdueFirst, "ranking");

    /// <summary>The dashboard with the plans' table in another order (back to its first page), keeping the chosen plan and the ranking's order.</summary>
    public string PlansUrl(string? order) => DashboardUrl(NameOf(Ranking), order, NewestOverdueFirst, "plans");

    /// <summary>The dashboard with the overdue list in the other order (back to its first page), keeping the other orders.</summary>
    public string OverdueUrl(bool newestFirst) => DashboardUrl(NameOf(Ranking), NameOf(PlanSort), newestFirst, "overdue");

    private string DashboardUrl(string? ranking, string? plans, bool newestOverdueFirst, string anchor)
    {
        var query = new List<string>();
        if (Plan is { } planId)
        {
            query.Add($"plan={planId.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }

        if (ranking is not null)
        {
            query.Add($"ranking={ranking}");
        }

        if (plans is not null)
        {
            query.Add($"plans={plans}");
        }

        if (newestOverdueFirst)
        {
            query.Add("overdue=moi");
        }

        return "/Dashboard" + (query.Count == 0 ? "" : "?" + string.Join("&", query)) + "#" + anchor;
    }

    /// <summary>The task list behind a figure: the tasks of these colours ("green,orange"), of the chosen plan or another, of one lead agency.</summary>
    public string TasksOf(string colours, int? plan = null, int? agency = null)
    {
        var url = $"/Tasks?colour={Uri.EscapeDataString(colours)}";
        if ((plan ?? Plan) is { } planId)
        {
            url += $"&plan={planId.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        }

        return agency is { } agencyId ? url + $"&agency={agencyId.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : url;
    }

    public async Task<IActionResult> OnGetExportAsync(string table, CancellationToken cancellationToken)
    {
        if (!Actor.ReadsEverything || !DashboardExport.Tables.ContainsKey(table))
        {
            return NotFound();
        }

        var rows = await dashboard.TableAsync(Actor, Plan, table, DashboardExport.MaxRows, cancellationToken);
        var bytes = DashboardExport.ToXlsx(rows, table);
        return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"dondoc-{table}-{rows.Today:yyyyMMdd}.xlsx");
    }

    private async Task ChoosePlanAsync(CancellationToken cancellationToken)
    {
        Plans = await catalog.PlanChoicesAsync([PlanState.Published, PlanState.Archived, PlanState.Cancelled], PlanChoices, cancellationToken);
        if (!string.IsNullOrWhiteSpace(PlanNumber))
        {
            Chosen = await catalog.FindPlanAsync(PlanNumber, cancellationToken)
                ?? throw WorkflowException.Invalid($"Không tìm thấy kế hoạch \"{PlanNumber.Trim()}\".", $"no plan {PlanNumber}");
            Plan = Chosen.Id;
        }
        else if (Plan is { } id)
        {
            Chosen = Plans.FirstOrDefault(p => p.Id == id) ?? await catalog.FindPlanAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        }
    }
}
