using DonDoc.Core.Access;
using DonDoc.Core.Tracking;
using DonDoc.Tracking.Formatting;
using DonDoc.Tracking.Tasks;
using DonDoc.Tracking.Workflow;

namespace DonDoc.Tracking.Dashboard;

public sealed record ColourCount(string Colour, string Label, string Css, int Count);

public sealed record BucketCounts(int Done, int WithinDeadline, int Overdue)
{
    public int Total => Done + WithinDeadline + Overdue;
}

public sealed record PlanRow(int PlanId, string? Number, string? Title, int Total, IReadOnlyList<ColourCount> Colours, BucketCounts Buckets);

public sealed record AgencyRow(int Rank, string Agency, int Total, int DoneOnTime, int DoneLate, int Overdue, int WithinDeadline, double? OnTimeRate);

public sealed record MonthCount(string Month, int DoneOnTime, int DoneLate);

/// <summary>What the monitoring office and leaders look at: counts in the office colours, the official buckets, the ranking, what is late and what is next.</summary>
public sealed record DashboardReport(
    DateOnly Today,
    int Total,
    IReadOnlyList<ColourCount> Colours,
    BucketCounts Buckets,
    IReadOnlyList<PlanRow> Plans,
    IReadOnlyList<AgencyRow> Agencies,
    IReadOnlyList<TaskSummary> Overdue,
    IReadOnlyList<TaskSummary> Upcoming,
    IReadOnlyList<MonthCount> CompletionByMonth);

/// <summary>Builds the dashboard from the tasks the actor may read.</summary>
public sealed class DashboardBuilder(TaskCatalog catalog, TaskStatusReader statuses)
{
    public const int UpcomingDays = 14;

    public async Task<DashboardReport> BuildAsync(Actor actor, int? planId, CancellationToken cancellationToken)
    {
        if (!actor.ReadsEverything)
        {
            throw WorkflowException.Forbidden("Bảng tổng hợp dành cho văn phòng theo dõi và lãnh đạo.", "dashboard requires monitor, leader or admin");
        }

        var today = statuses.Today;
        var tasks = (await catalog.ListAsync(actor, new TaskFilter(PlanId: planId), cancellationToken)).Where(t => !t.Cancelled).ToList();
        var plans = tasks.GroupBy(t => t.PlanId)
            .Select(g => new PlanRow(g.Key, g.First().PlanNumber, g.First().PlanTitle, g.Count(), Colours(g), Buckets(g)))
            .OrderBy(p => p.PlanId)
            .ToList();
        var ranking = AgencyRanking.Rank(tasks.Where(t => t.LeadAgency is not null).Select(t => (t.LeadAgency!, StatusOf(t))));
        var agencies = ranking.Select((s, i) => new AgencyRow(i + 1, s.Agency, s.Total, s.DoneOnTime, s.DoneLate, s.Overdue, s.WithinDeadline, s.OnTimeRate)).ToList();
        var overdue = tasks.Where(t => t.Status == "overdue").OrderByDescending(t => t.DaysOverdue).ToList();
        var upcoming = tasks
            .Where(t => t.Due is { } due && due >= today && due.DayNumber - today.DayNumber <= UpcomingDays && StatusClassification.Bucket(StatusOf(t)) != StatisticsBucket.Done)
            .OrderBy(t => t.Due)
            .ToList();
        return new DashboardReport(today, tasks.Count, Colours(tasks), Buckets(tasks), plans, agencies, overdue, upcoming, await CompletionByMonthAsync(actor, planId, today, cancellationToken));
    }

    private async Task<IReadOnlyList<MonthCount>> CompletionByMonthAsync(Actor actor, int? planId, DateOnly today, CancellationToken cancellationToken)
    {
        var done = await catalog.CompletionsAsync(actor, planId, cancellationToken);
        var months = Enumerable.Range(0, 12).Select(i => new DateOnly(today.Year, today.Month, 1).AddMonths(i - 11)).ToList();
        return months.Select(m => new MonthCount(
            $"{m.Month:00}/{m.Year}",
            done.Count(d => d.CompletedOn.Year == m.Year && d.CompletedOn.Month == m.Month && d.OnTime),
            done.Count(d => d.CompletedOn.Year == m.Year && d.CompletedOn.Month == m.Month && !d.OnTime))).ToList();
    }

    private static TrackingStatus StatusOf(TaskSummary task) => TaskStatusText.ParseStatus(task.Status)!.Value;

    private static IReadOnlyList<ColourCount> Colours(IEnumerable<TaskSummary> tasks)
    {
        var counts = tasks.GroupBy(t => t.Colour).ToDictionary(g => g.Key, g => g.Count());
        return Enum.GetValues<StatusColour>()
            .Select(c => new ColourCount(c.ToString().ToLowerInvariant(), c.ToVietnamese(), c.Css(), counts.GetValueOrDefault(c.ToString().ToLowerInvariant())))
            .ToList();
    }

    private static BucketCounts Buckets(IEnumerable<TaskSummary> tasks)
    {
        var buckets = tasks.Select(t => StatusClassification.Bucket(StatusOf(t))).ToList();
        return new BucketCounts(
            buckets.Count(b => b == StatisticsBucket.Done),
            buckets.Count(b => b == StatisticsBucket.WithinDeadline),
            buckets.Count(b => b == StatisticsBucket.Overdue));
    }
}
