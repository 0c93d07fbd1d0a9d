using DonDoc.Core.Access;
using DonDoc.Core.Tracking;
using DonDoc.Data.Storage;
using DonDoc.Tracking.Tasks;
using DonDoc.Tracking.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Tracking.Dashboard;

/// <summary>How many tasks are of one colour, with the colour's name, label and hex (<see cref="StatusClassification.Looks"/>).</summary>
public sealed record ColourCount(string Colour, string Label, string Css, int Count)
{
    /// <summary>The CSS class of the colour's badge.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string CssClass => StatusClassification.ParseColour(Colour)?.Look().CssClass ?? "colour";

    /// <summary>Every colour in the legend's order, counted by <paramref name="count"/>.</summary>
    public static IReadOnlyList<ColourCount> All(Func<StatusColour, int> count) =>
        StatusClassification.Looks.Select(l => new ColourCount(l.Name, l.Label, l.Hex, count(l.Colour))).ToList();
}

public sealed record BucketCounts(int Done, int WithinDeadline, int Overdue)
{
    public int Total => Done + WithinDeadline + Overdue;

    /// <summary>The official buckets as sums of the colours: a card and a legend can never disagree.</summary>
    public static BucketCounts Of(IReadOnlyList<ColourCount> colours)
    {
        int Sum(StatisticsBucket bucket) => colours.Where(c => StatusClassification.ParseColour(c.Colour)?.Look().Bucket == bucket).Sum(c => c.Count);
        return new(Sum(StatisticsBucket.Done), Sum(StatisticsBucket.WithinDeadline), Sum(StatisticsBucket.Overdue));
    }
}

public sealed record PlanRow(int PlanId, string? Number, string? Title, int Total, IReadOnlyList<ColourCount> Colours, BucketCounts Buckets);

public sealed record AgencyRow(int Rank, int AgencyId, string Agency, int Total, int DoneOnTime, int DoneLate, int Overdue, int WithinDeadline, double? OnTimeRate);

public sealed record MonthCount(string Month, int DoneOnTime, int DoneLate);

/// <summary>Which page of each of the dashboard's lists (each keyset-paged on its own), and how many rows a page holds.</summary>
/// <param name="RankingOrder">How the ranking is sorted: by its rank (on-time rate, the default), or by most overdue, or by most tasks.</param>
/// <param name="PlanOrder">How the plans' table is sorted: as the plans came in (the default), or by most overdue, or by most tasks.</param>
/// <param name="NewestOverdueFirst">The overdue list with the tasks that fell due last first, instead of the longest overdue.</param>
public sealed record DashboardPages(
    string? PlansAfter = null, string? AgenciesAfter = null, string? OverdueAfter = null, string? UpcomingAfter = null, int? Limit = null,
    RankingOrder RankingOrder = RankingOrder.Rank, PlanOrder PlanOrder = PlanOrder.AsImported, bool NewestOverdueFirst = false);

/// <summary>The orders a reader can sort the plans' table in.</summary>
public enum PlanOrder
{
    AsImported,
    MostOverdue,
    MostTasks,
}

/// <summary>The orders a reader can sort the agency ranking in; each agency keeps its rank by on-time rate.</summary>
public enum RankingOrder
{
    Rank,
    MostOverdue,
    MostTasks,
}

/// <summary>What the monitoring office and leaders look at: counts in the office colours, the official buckets, the ranking, what is late and what is next; every list one page.</summary>
public sealed record DashboardReport(
    DateOnly Today,
    int Total,
    IReadOnlyList<ColourCount> Colours,
    BucketCounts Buckets,
    Page<PlanRow> Plans,
    Page<AgencyRow> Agencies,
    Page<TaskSummary> Overdue,
    Page<TaskSummary> Upcoming,
    IReadOnlyList<MonthCount> CompletionByMonth);

/// <summary>One dashboard table, whole, for an export; <paramref name="PlanLabel"/> names the plan it counts, or all plans.</summary>
public sealed record DashboardTable(DateOnly Today, string PlanLabel, IReadOnlyList<PlanRow> Plans, IReadOnlyList<AgencyRow> Agencies, IReadOnlyList<TaskSummary> Tasks);

/// <summary>Builds the dashboard from counts the database makes (<see cref="DashboardCounts"/>) and lists read a page at a time.</summary>
public sealed class DashboardBuilder(DonDocDbContext db, TaskCatalog catalog, TaskStatusReader statuses, DashboardCounts counts)
{
    public const int UpcomingDays = 14;

    public async Task<DashboardReport> BuildAsync(Actor actor, int? planId, DashboardPages pages, CancellationToken cancellationToken)
    {
        var (day, figures) = await FiguresAsync(actor, planId, cancellationToken);
        var colours = Colours(figures.Total);
        var size = new PageRequest(null, pages.Limit).Size;
        var overdue = await catalog.ListAsync(actor, new TaskFilter(PlanId: planId, Status: TrackingStatus.Overdue.ToSchemaName(), LatestDueFirst: pages.NewestOverdueFirst), new PageRequest(pages.OverdueAfter, size), cancellationToken);
        var upcoming = await catalog.OpenDueBetweenAsync(actor, planId, day.Today, day.Today.AddDays(UpcomingDays), new PageRequest(pages.UpcomingAfter, size), cancellationToken);
        return new DashboardReport(
            day.Today, figures.Total.Total, colours, BucketCounts.Of(colours),
            PlanRows(figures, pages.PlansAfter, size, pages.PlanOrder),
            AgencyRows(figures, pages.AgenciesAfter, size, pages.RankingOrder),
            overdue with { Total = figures.Total.Count(TrackingStatus.Overdue) },
            upcoming with { Total = figures.Total.Upcoming },
            CompletionByMonth(figures.Completions, day.Today));
    }

    /// <summary>The rows of one of the dashboard's tables (<see cref="DashboardExport.Tables"/>), at most <paramref name="cap"/>, for an export.</summary>
    public async Task<DashboardTable> TableAsync(Actor actor, int? planId, string table, int cap, CancellationToken cancellationToken)
    {
        var (day, figures) = await FiguresAsync(actor, planId, cancellationToken);
        var label = "Tất cả kế hoạch đang theo dõi";
        if (planId is { } id)
        {
            var plan = await db.Plans.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Number, p.Title }).FirstOrDefaultAsync(cancellationToken);
            label = plan is null ? $"Kế hoạch {id}" : $"Kế hoạch số {plan.Number ?? "(chưa có số)"}" + (string.IsNullOrWhiteSpace(plan.Title) ? "" : $" – {plan.Title}");
        }

        switch (table)
        {
            case "tong-hop":
                return new DashboardTable(day.Today, label, PlanRows(figures, null, figures.Plans.Count + 1).Items.Take(cap).ToList(), [], []);
            case "xep-hang":
                return new DashboardTable(day.Today, label, [], AgencyRows(figures, null, figures.Ranking.Count + 1).Items.Take(cap).ToList(), []);
            case "qua-han" or "sap-den-han":
                var tasks = new List<TaskSummary>();
                string? after = null;
                do
                {
                    var page = new PageRequest(after, Math.Min(PageRequest.MaxLimit, cap - tasks.Count));
                    var read = table == "qua-han"
                        ? await catalog.ListAsync(actor, new TaskFilter(PlanId: planId, Status: TrackingStatus.Overdue.ToSchemaName()), page, cancellationToken)
                        : await catalog.OpenDueBetweenAsync(actor, planId, day.Today, day.Today.AddDays(UpcomingDays), page, cancellationToken);
                    tasks.AddRange(read.Items);
                    after = read.Next;
                }
                while (after is not null && tasks.Count < cap);
                return new DashboardTable(day.Today, label, [], [], tasks);
            default:
                throw WorkflowException.Invalid("Không có bảng này.", $"unknown dashboard table {table}");
        }
    }

    private async Task<(StatusDay Day, DashboardFigures Figures)> FiguresAsync(Actor actor, int? planId, CancellationToken cancellationToken)
    {
        if (!actor.ReadsEverything)
        {
            throw WorkflowException.Forbidden("Bảng tổng hợp dành cho văn phòng theo dõi và lãnh đạo.", "dashboard requires monitor, leader or admin");
        }

        var day = statuses.Day;
        var figures = planId is { } id
            ? await DashboardCounts.PlanAsync(db, id, day, cancellationToken)
            : await counts.AllAsync(db, day, cancellationToken);
        return (day, figures);
    }

    /// <summary>The plans in the order asked, from a place on (the place of the last row shown in that order, as the ranking pages).</summary>
    private static Page<PlanRow> PlanRows(DashboardFigures figures, string? after, int size, PlanOrder order = PlanOrder.AsImported)
    {
        var from = NumberIdPosition.Parse(after)?.Number ?? 0;
        var rows = figures.Tables.Plans(order).Skip(from).Take(size + 1).Select((p, i) => (Place: from + i + 1, Row: p)).ToList();
        return Page<PlanRow>.From(rows, size, p => new NumberIdPosition(p.Place, p.Row.PlanId).ToString(), p => p.Row, figures.Plans.Count);
    }

    /// <summary>
    /// The ranking in the order asked, from a place on: its position is the place of the last row shown in that order
    /// (the ranking is sorted once per count); every row keeps its rank by on-time rate.
    /// </summary>
    private static Page<AgencyRow> AgencyRows(DashboardFigures figures, string? after, int size, RankingOrder order = RankingOrder.Rank)
    {
        var from = NumberIdPosition.Parse(after)?.Number ?? 0;
        var rows = figures.Tables.Agencies(order).Skip(from).Take(size + 1).Select((a, i) => (Place: from + i + 1, Row: a)).ToList();
        return Page<AgencyRow>.From(rows, size, a => new NumberIdPosition(a.Place, a.Row.AgencyId).ToString(), a => a.Row, figures.Ranking.Count);
    }

    private static IReadOnlyList<MonthCount> CompletionByMonth(IReadOnlyDictionary<int, (int OnTime, int Late)> completions, DateOnly today)
    {
        var thisMonth = (today.Year * 12) + today.Month - 1;
        return Enumerable.Range(thisMonth - 11, 12).Select(m =>
        {
            var (onTime, late) = completions.GetValueOrDefault(m);
            return new MonthCount($"{(m % 12) + 1:00}/{m / 12}", onTime, late);
        }).ToList();
    }

    private static IReadOnlyList<ColourCount> Colours(StatusTally tally) => ColourCount.All(tally.Colour);
}

/// <summary>
/// The plans' table and the ranking of one count, each sorted once per order it is asked in: a dashboard request
/// then takes a page of rows instead of colouring and sorting thousands of plans and agencies again.
/// </summary>
public sealed class DashboardTables(DashboardFigures figures)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<PlanOrder, IReadOnlyList<PlanRow>> _plans = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<RankingOrder, IReadOnlyList<AgencyRow>> _agencies = new();

    public IReadOnlyList<PlanRow> Plans(PlanOrder order) => _plans.GetOrAdd(order, o =>
    {
        var plans = figures.Plans.Select(p =>
        {
            var colours = ColourCount.All(p.Tally.Colour);
            return new PlanRow(p.PlanId, p.Number, p.Title, p.Tally.Total, colours, BucketCounts.Of(colours));
        });
        return (o switch
        {
            PlanOrder.MostOverdue => plans.OrderByDescending(p => p.Buckets.Overdue).ThenBy(p => p.PlanId),
            PlanOrder.MostTasks => plans.OrderByDescending(p => p.Total).ThenBy(p => p.PlanId),
            _ => plans.OrderBy(p => p.PlanId),
        }).ToList();
    });

    public IReadOnlyList<AgencyRow> Agencies(RankingOrder order) => _agencies.GetOrAdd(order, o =>
    {
        var ranked = figures.Ranking
            .Select((a, i) => new AgencyRow(i + 1, a.AgencyId, a.Score.Agency, a.Score.Total, a.Score.DoneOnTime, a.Score.DoneLate, a.Score.Overdue, a.Score.WithinDeadline, a.Score.OnTimeRate));
        return (o switch
        {
            RankingOrder.MostOverdue => ranked.OrderByDescending(a => a.Overdue).ThenBy(a => a.Rank),
            RankingOrder.MostTasks => ranked.OrderByDescending(a => a.Total).ThenBy(a => a.Rank),
            _ => ranked.OrderBy(a => a.Rank),
        }).ToList();
    });
}
