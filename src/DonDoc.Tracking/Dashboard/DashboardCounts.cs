using System.Linq.Expressions;
using DonDoc.Core.Tracking;
using DonDoc.Data.Plans;
using DonDoc.Data.Storage;
using DonDoc.Tracking.Tasks;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Tracking.Dashboard;

/// <summary>What an aggregate counts a task by: its plan, its lead agency, its status on the day, whether work has started, the month its completion was accepted.</summary>
public sealed class StatusFact
{
    public int PlanId { get; init; }

    public int? LeadAgencyId { get; init; }

    public TrackingStatus Status { get; init; }

    public bool Started { get; init; }

    /// <summary>Year × 12 + month − 1 of an accepted completion; 0 for a task not completed.</summary>
    public int CompletedMonth { get; init; }

    /// <summary>Open and due from today to <see cref="DashboardBuilder.UpcomingDays"/> days on: in the dashboard's list of what is next.</summary>
    public bool Upcoming { get; init; }

    /// <summary>The facts of a task as the database computes them on <paramref name="day"/>.</summary>
    public static Expression<Func<PlanTaskEntity, StatusFact>> Of(StatusDay day)
    {
        var today = day.Today;
        var until = day.Today.AddDays(DashboardBuilder.UpcomingDays);
        Expression<Func<PlanTaskEntity, TrackingStatus, StatusFact>> shape = (t, status) => new StatusFact
        {
            PlanId = t.PlanId,
            LeadAgencyId = t.LeadAgencyId,
            Status = status,
            Started = t.PercentDone > 0 || t.LastProgressAt != null,
            CompletedMonth = t.CompletedOn != null && (t.Phase == TaskPhase.DoneOnTime || t.Phase == TaskPhase.DoneLate)
                ? (t.CompletedOn.Value.Year * 12) + t.CompletedOn.Value.Month - 1
                : 0,
            Upcoming = (t.Phase == TaskPhase.Dated || t.Phase == TaskPhase.Periodic || t.Phase == TaskPhase.Reporting) && t.DueKey >= today && t.DueKey <= until,
        };
        var statusOf = StoredStatus.Expression(day);
        var entity = shape.Parameters[0];
        var status = Microsoft.EntityFrameworkCore.Query.ReplacingExpressionVisitor.Replace(statusOf.Parameters[0], entity, statusOf.Body);
        return Expression.Lambda<Func<PlanTaskEntity, StatusFact>>(
            Microsoft.EntityFrameworkCore.Query.ReplacingExpressionVisitor.Replace(shape.Parameters[1], status, shape.Body), entity);
    }
}

/// <summary>Tasks counted by status and by whether work has started: what colours, buckets and rankings are made of.</summary>
public sealed class StatusTally
{
    private readonly int[] _counts = new int[Enum.GetValues<TrackingStatus>().Length * 2];

    public void Add(TrackingStatus status, bool started, int count) => _counts[((int)status * 2) + (started ? 1 : 0)] += count;

    public void Add(StatusTally other)
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }

        Upcoming += other.Upcoming;
    }

    /// <summary>Open tasks due from today to <see cref="DashboardBuilder.UpcomingDays"/> days on (<see cref="StatusFact.Upcoming"/>).</summary>
    public int Upcoming { get; private set; }

    public void AddUpcoming(int count) => Upcoming += count;

    public int Count(TrackingStatus status) => _counts[(int)status * 2] + _counts[((int)status * 2) + 1];

    /// <summary>Every task but the cancelled ones: what the dashboard counts.</summary>
    public int Total => Enum.GetValues<TrackingStatus>().Where(s => s != TrackingStatus.Cancelled).Sum(Count);

    public int Colour(StatusColour colour) => Enum.GetValues<TrackingStatus>()
        .Where(s => s != TrackingStatus.Cancelled)
        .Sum(s => (StatusClassification.Colour(s, false) == colour ? _counts[(int)s * 2] : 0) + (StatusClassification.Colour(s, true) == colour ? _counts[((int)s * 2) + 1] : 0));

    public int Bucket(StatisticsBucket bucket) => Enum.GetValues<TrackingStatus>()
        .Where(s => s != TrackingStatus.Cancelled && StatusClassification.Bucket(s) == bucket)
        .Sum(Count);

    public IReadOnlyDictionary<TrackingStatus, int> ByStatus() => Enum.GetValues<TrackingStatus>()
        .Where(s => Count(s) > 0)
        .ToDictionary(s => s, Count);
}

/// <summary>A plan's tasks counted by status and by colour, for the plan list.</summary>
public sealed record PlanCounts(IReadOnlyDictionary<TrackingStatus, int> ByStatus, IReadOnlyList<ColourCount> Colours)
{
    public static PlanCounts Of(StatusTally tally) => new(tally.ByStatus(), ColourCount.All(tally.Colour));
}

/// <summary>One plan's counts, with its completions per month.</summary>
public sealed record PlanTally(int PlanId, string? Number, string? Title, StatusTally Tally, IReadOnlyDictionary<int, (int OnTime, int Late)> Completions);

/// <summary>The counts behind a dashboard: overall, per plan (by id), per lead agency (in rank order), completions per month.</summary>
public sealed record DashboardFigures(
    StatusTally Total,
    IReadOnlyList<PlanTally> Plans,
    IReadOnlyList<(int AgencyId, AgencyScore Score)> Ranking,
    IReadOnlyDictionary<int, (int OnTime, int Late)> Completions)
{
    private DashboardTables? _tables;

    /// <summary>The plans' table and the ranking as rows, sorted once per order for this count (the count is kept for the day).</summary>
    public DashboardTables Tables => LazyInitializer.EnsureInitialized(ref _tables, () => new DashboardTables(this));
}

/// <summary>
/// The dashboard's counts, computed by the database (one GROUP BY over the status expression) and kept for the
/// day. Each plan carries a <see cref="PlanEntity.TaskRevision"/> that every change to its tasks raises in the same
/// transaction: a request compares the sum of those revisions with the one it counted from, and reads again only
/// the plans that moved and the lead agencies they involve. A new day, or a new due-soon date, counts everything again.
/// Shared by every request of the app instance (each instance of a cluster keeps its own, checked against the
/// same database).
/// </summary>
public sealed class DashboardCounts
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Snapshot? _current;

    /// <summary>Every published, archived or cancelled plan.</summary>
    public async Task<DashboardFigures> AllAsync(DonDocDbContext db, StatusDay day, CancellationToken cancellationToken) =>
        (await CurrentAsync(db, day, cancellationToken)).Figures;

    /// <summary>The given plans' counts by status and by colour (plans without tasks, or drafts, are absent).</summary>
    public async Task<IReadOnlyDictionary<int, PlanCounts>> ByPlanAsync(DonDocDbContext db, StatusDay day, IReadOnlyCollection<int> planIds, CancellationToken cancellationToken)
    {
        if (planIds.Count == 0)
        {
            return new Dictionary<int, PlanCounts>();
        }

        var snapshot = await CurrentAsync(db, day, cancellationToken);
        return planIds.Where(snapshot.Plans.ContainsKey).ToDictionary(id => id, id => PlanCounts.Of(snapshot.Plans[id].Tally.Tally));
    }

    /// <summary>One plan's figures, counted now (a plan holds at most a few thousand tasks).</summary>
    public static async Task<DashboardFigures> PlanAsync(DonDocDbContext db, int planId, StatusDay day, CancellationToken cancellationToken)
    {
        var groups = await GroupAsync(db.Tasks.Where(t => t.PlanId == planId), day, cancellationToken);
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => new { p.Number, p.Title }).FirstOrDefaultAsync(cancellationToken);
        var names = await NamesAsync(db, groups.Select(g => g.LeadAgencyId), cancellationToken);
        var tally = PlanTallyOf(planId, plan?.Number, plan?.Title, groups);
        return new DashboardFigures(tally.Tally, groups.Count == 0 ? [] : [tally], Rank(AgencyTallies(groups), names), tally.Completions);
    }

    private async Task<Snapshot> CurrentAsync(DonDocDbContext db, StatusDay day, CancellationToken cancellationToken)
    {
        var snapshot = _current;
        if (snapshot is not null && snapshot.Day == day && snapshot.Signature == await SignatureAsync(db, cancellationToken))
        {
            return snapshot;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            snapshot = _current;
            // Revisions are read before the counts: a change that lands in between is counted and read again next time, never missed.
            var plans = await db.Plans.AsNoTracking().Where(p => p.State != PlanState.Draft)
                .Select(p => new PlanStamp(p.Id, p.TaskRevision, p.Version)).ToListAsync(cancellationToken);
            var signature = new Signature(plans.Count, plans.Sum(p => (long)p.Revision + p.Version));
            if (snapshot is not null && snapshot.Day == day && snapshot.Signature == signature)
            {
                return snapshot;
            }

            _current = snapshot = snapshot is null || snapshot.Day != day
                ? await CountAllAsync(db, day, plans, signature, cancellationToken)
                : await CountChangedAsync(db, day, snapshot, plans, signature, cancellationToken);
            return snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static async Task<Signature> SignatureAsync(DonDocDbContext db, CancellationToken cancellationToken)
    {
        // One round trip: the number of plans and the sum of their revisions.
        var read = await db.Plans.Where(p => p.State != PlanState.Draft).GroupBy(p => 1)
            .Select(g => new { Count = g.Count(), Sum = g.Sum(p => (long)p.TaskRevision + p.Version) })
            .FirstOrDefaultAsync(cancellationToken);
        return read is null ? new Signature(0, 0) : new Signature(read.Count, read.Sum);
    }

    private static async Task<Snapshot> CountAllAsync(DonDocDbContext db, StatusDay day, IReadOnlyList<PlanStamp> plans, Signature signature, CancellationToken cancellationToken)
    {
        var groups = await GroupAsync(db.Tasks, day, cancellationToken);
        var titles = await db.Plans.AsNoTracking().Where(p => p.State != PlanState.Draft)
            .Select(p => new { p.Id, p.Number, p.Title }).ToDictionaryAsync(p => p.Id, cancellationToken);
        var byPlan = groups.ToLookup(g => g.PlanId);
        var entries = plans.ToDictionary(p => p.Id, p => new PlanEntry(
            p,
            PlanTallyOf(p.Id, titles.GetValueOrDefault(p.Id)?.Number, titles.GetValueOrDefault(p.Id)?.Title, byPlan[p.Id]),
            byPlan[p.Id].Select(g => g.LeadAgencyId).OfType<int>().Distinct().ToArray()));
        var agencies = AgencyTallies(groups);
        var names = await NamesAsync(db, agencies.Keys.Cast<int?>(), cancellationToken);
        return Snapshot.Of(day, signature, entries, agencies, names);
    }

    private static async Task<Snapshot> CountChangedAsync(DonDocDbContext db, StatusDay day, Snapshot before, IReadOnlyList<PlanStamp> plans, Signature signature, CancellationToken cancellationToken)
    {
        var stale = plans.Where(p => !before.Plans.TryGetValue(p.Id, out var entry) || entry.Stamp != p).Select(p => p.Id).ToList();
        var present = plans.Select(p => p.Id).ToHashSet();
        var removed = before.Plans.Keys.Where(id => !present.Contains(id)).ToList();
        var groups = stale.Count == 0 ? [] : await GroupAsync(db.Tasks.Where(t => stale.Contains(t.PlanId)), day, cancellationToken);
        var titles = stale.Count == 0
            ? []
            : await db.Plans.AsNoTracking().Where(p => stale.Contains(p.Id)).Select(p => new { p.Id, p.Number, p.Title }).ToDictionaryAsync(p => p.Id, cancellationToken);
        var byPlan = groups.ToLookup(g => g.PlanId);
        var entries = new Dictionary<int, PlanEntry>(before.Plans);
        foreach (var id in removed)
        {
            entries.Remove(id);
        }

        var stamps = plans.ToDictionary(p => p.Id);
        foreach (var id in stale)
        {
            entries[id] = new PlanEntry(
                stamps[id],
                PlanTallyOf(id, titles.GetValueOrDefault(id)?.Number, titles.GetValueOrDefault(id)?.Title, byPlan[id]),
                byPlan[id].Select(g => g.LeadAgencyId).OfType<int>().Distinct().ToArray());
        }

        // The lead agencies of the plans that moved, before and after: their counts over every plan are read again.
        var affected = stale.Concat(removed)
            .SelectMany(id => before.Plans.TryGetValue(id, out var entry) ? entry.Leads : [])
            .Concat(stale.SelectMany(id => entries[id].Leads))
            .Distinct()
            .ToList();
        var agencies = new Dictionary<int, StatusTally>(before.Agencies);
        if (affected.Count > 0)
        {
            var recounted = AgencyTallies(await GroupAsync(db.Tasks.Where(t => t.LeadAgencyId != null && affected.Contains(t.LeadAgencyId.Value)), day, cancellationToken));
            foreach (var id in affected)
            {
                if (recounted.TryGetValue(id, out var tally))
                {
                    agencies[id] = tally;
                }
                else
                {
                    agencies.Remove(id);
                }
            }
        }

        var names = new Dictionary<int, string>(before.Names);
        var unnamed = agencies.Keys.Where(id => !names.ContainsKey(id)).Cast<int?>().ToList();
        foreach (var (id, name) in await NamesAsync(db, unnamed, cancellationToken))
        {
            names[id] = name;
        }

        return Snapshot.Of(day, signature, entries, agencies, names);
    }

    private sealed record Group(int PlanId, int? LeadAgencyId, TrackingStatus Status, bool Started, int CompletedMonth, bool Upcoming, int Count);

    private static async Task<List<Group>> GroupAsync(IQueryable<PlanTaskEntity> tasks, StatusDay day, CancellationToken cancellationToken) =>
        await tasks.AsNoTracking()
            .Where(t => t.Phase != TaskPhase.Draft)
            .Select(StatusFact.Of(day))
            .GroupBy(f => new { f.PlanId, f.LeadAgencyId, f.Status, f.Started, f.CompletedMonth, f.Upcoming })
            .Select(g => new Group(g.Key.PlanId, g.Key.LeadAgencyId, g.Key.Status, g.Key.Started, g.Key.CompletedMonth, g.Key.Upcoming, g.Count()))
            .ToListAsync(cancellationToken);

    private static PlanTally PlanTallyOf(int planId, string? number, string? title, IEnumerable<Group> groups)
    {
        var tally = new StatusTally();
        var completions = new Dictionary<int, (int OnTime, int Late)>();
        foreach (var group in groups)
        {
            tally.Add(group.Status, group.Started, group.Count);
            if (group.Upcoming)
            {
                tally.AddUpcoming(group.Count);
            }

            if (group.CompletedMonth > 0)
            {
                var (onTime, late) = completions.GetValueOrDefault(group.CompletedMonth);
                completions[group.CompletedMonth] = group.Status == TrackingStatus.DoneLate ? (onTime, late + group.Count) : (onTime + group.Count, late);
            }
        }

        return new PlanTally(planId, number, title, tally, completions);
    }

    private static Dictionary<int, StatusTally> AgencyTallies(IEnumerable<Group> groups)
    {
        var agencies = new Dictionary<int, StatusTally>();
        foreach (var group in groups.Where(g => g.LeadAgencyId is not null))
        {
            if (!agencies.TryGetValue(group.LeadAgencyId!.Value, out var tally))
            {
                agencies[group.LeadAgencyId.Value] = tally = new StatusTally();
            }

            tally.Add(group.Status, group.Started, group.Count);
        }

        return agencies;
    }

    private static async Task<Dictionary<int, string>> NamesAsync(DonDocDbContext db, IEnumerable<int?> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.OfType<int>().Distinct().ToList();
        if (wanted.Count == 0)
        {
            return [];
        }

        // Many names are read as the whole directory (a few thousand rows) rather than as a list of as many parameters.
        var agencies = wanted.Count > 200 ? db.Agencies.AsNoTracking() : db.Agencies.AsNoTracking().Where(a => wanted.Contains(a.Id));
        return await agencies.ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
    }

    private static IReadOnlyList<(int AgencyId, AgencyScore Score)> Rank(IReadOnlyDictionary<int, StatusTally> agencies, IReadOnlyDictionary<int, string> names)
    {
        var scores = agencies
            .Select(a => (Id: a.Key, Score: new AgencyScore(
                names.GetValueOrDefault(a.Key, ""),
                a.Value.Total,
                a.Value.Count(TrackingStatus.DoneOnTime),
                a.Value.Count(TrackingStatus.DoneLate),
                a.Value.Count(TrackingStatus.Overdue),
                a.Value.Bucket(StatisticsBucket.WithinDeadline))))
            .Where(a => a.Score.Total > 0)
            .ToList();
        return AgencyRanking.Rank(scores, s => s.Score).Select(s => (s.Id, s.Score)).ToList();
    }

    private readonly record struct PlanStamp(int Id, int Revision, int Version);

    private readonly record struct Signature(int Plans, long Sum);

    private sealed record PlanEntry(PlanStamp Stamp, PlanTally Tally, int[] Leads);

    private sealed record Snapshot(
        StatusDay Day,
        Signature Signature,
        IReadOnlyDictionary<int, PlanEntry> Plans,
        IReadOnlyDictionary<int, StatusTally> Agencies,
        IReadOnlyDictionary<int, string> Names,
        DashboardFigures Figures)
    {
        public static Snapshot Of(StatusDay day, Signature signature, Dictionary<int, PlanEntry> plans, Dictionary<int, StatusTally> agencies, Dictionary<int, string> names)
        {
            var total = new StatusTally();
            var completions = new Dictionary<int, (int OnTime, int Late)>();
            foreach (var entry in plans.Values)
            {
                total.Add(entry.Tally.Tally);
                foreach (var (month, (onTime, late)) in entry.Tally.Completions)
                {
                    var (o, l) = completions.GetValueOrDefault(month);
                    completions[month] = (o + onTime, l + late);
                }
            }

            var figures = new DashboardFigures(
                total,
                plans.Values.Where(p => p.Tally.Tally.Total > 0 || p.Tally.Tally.Count(TrackingStatus.Cancelled) > 0).Select(p => p.Tally).OrderBy(p => p.PlanId).ToList(),
                Rank(agencies, names),
                completions);
            return new Snapshot(day, signature, plans, agencies, names, figures);
        }
    }
}
