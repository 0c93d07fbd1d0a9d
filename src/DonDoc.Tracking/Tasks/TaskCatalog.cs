using System.Linq.Expressions;
using DonDoc.Core.Access;
using DonDoc.Core.Deadlines;
using DonDoc.Core.Tracking;
using DonDoc.Data.Plans;
using DonDoc.Data.Storage;
using DonDoc.Data.Tracking;
using DonDoc.Tracking.Dashboard;
using DonDoc.Tracking.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace DonDoc.Tracking.Tasks;

/// <summary>
/// Reads plans and tasks as the actor may see them. Access is applied in the query itself: an agency
/// officer's lists hold only tasks their agency leads or coordinates, and anything else answers "not found".
/// Every list is one keyset-paged query over an index, sorted by the database; statuses are the stored
/// phase and due key compared with today (<see cref="StoredStatus"/>).
/// </summary>
public sealed class TaskCatalog(DonDocDbContext db, TaskStatusReader statuses, TaskSearch search, DashboardCounts counts, DeadlineParser parser, CompletionEvidenceRule evidenceRule)
{
    /// <summary>One page of the tasks the actor may read that pass the filter: by due date (then id), or by relevance for a search.</summary>
    public async Task<Page<TaskSummary>> ListAsync(Actor actor, TaskFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        var day = statuses.Day;
        var query = string.IsNullOrWhiteSpace(filter.Query) ? null : SearchQuery.Parse(filter.Query);
        IReadOnlyCollection<TrackingStatus>? wanted = TaskStatusText.ParseStatus(filter.Status) is { } status ? [status] : null;
        if (query?.Statuses is { } named)
        {
            wanted = wanted is null ? named.Distinct().ToList() : wanted.Intersect(named).ToList();
        }

        if (wanted is { Count: 0 })
        {
            return Page<TaskSummary>.Empty;
        }

        var scope = Scope(actor, filter);
        if (wanted is not null)
        {
            scope = StoredStatus.WhereAny(scope, wanted, day);
        }

        if (query is { HasText: true })
        {
            return await SearchAsync(scope, query, page, day, cancellationToken);
        }

        var counted = page.WithTotal && wanted is not null ? await CountedAsync(actor, filter, wanted, day, cancellationToken) : null;
        var listed = await ByDueAsync(scope, page with { WithTotal = page.WithTotal && counted is null }, day, filter.LatestDueFirst, cancellationToken);
        return counted is null ? listed : listed with { Total = counted };
    }

    /// <summary>
    /// The number of tasks of some statuses, over every plan or one plan, as the day's figures hold it
    /// (<see cref="DashboardCounts"/>): the overdue list of a million tasks then shows its total without counting
    /// 150,000 rows on every page. Null when the filter narrows in a way the figures do not count.
    /// </summary>
    private async Task<int?> CountedAsync(Actor actor, TaskFilter filter, IReadOnlyCollection<TrackingStatus> wanted, StatusDay day, CancellationToken cancellationToken)
    {
        if (!actor.ReadsEverything || filter is not { AgencyId: null, DueBefore: null, SectionId: null, Role: null, NeedsAction: null } || filter.Colours is { Count: > 0 })
        {
            return null;
        }

        if (filter.PlanId is { } planId)
        {
            var plans = await counts.ByPlanAsync(db, day, [planId], cancellationToken);
            return plans.TryGetValue(planId, out var plan) ? wanted.Sum(s => plan.ByStatus.GetValueOrDefault(s)) : null;
        }

        var figures = await counts.AllAsync(db, day, cancellationToken);
        return wanted.Sum(figures.Total.Count);
    }

    /// <summary>The tasks of the filter that the actor may read, unsorted. An agency's tasks are read from its assignments, not by testing every task.</summary>
    internal IQueryable<PlanTaskEntity> Scope(Actor actor, TaskFilter filter)
    {
        IQueryable<PlanTaskEntity> tasks = db.Tasks.AsNoTracking();
        // The agency whose tasks are listed (with the filter's role), and for an officer the own agency that bounds what they read.
        var target = filter.AgencyId ?? (actor.ReadsEverything ? null : (int?)(actor.AgencyId ?? -1));
        int? bound = actor.ReadsEverything ? null : actor.AgencyId ?? -1;
        if (bound is { } own && own != target)
        {
            tasks = Through(tasks, own, null);
            if (target is { } other)
            {
                tasks = filter.Role switch
                {
                    AssignmentRole.Lead => tasks.Where(t => t.LeadAgencyId == other),
                    AssignmentRole.Coordinator => tasks.Where(t => t.Assignments.Any(a => a.AgencyId == other && a.Role == AssignmentRole.Coordinator)),
                    _ => tasks.Where(t => t.Assignments.Any(a => a.AgencyId == other)),
                };
            }
        }
        else if (target is { } agency)
        {
            tasks = Through(tasks, agency, filter.Role);
        }

        tasks = tasks.Where(t => t.Phase != TaskPhase.Draft);
        if (filter.PlanId is { } planId)
        {
            tasks = tasks.Where(t => t.PlanId == planId);
        }

        if (!string.IsNullOrEmpty(filter.SectionId))
        {
            tasks = tasks.Where(t => t.SectionId == filter.SectionId);
        }

        if (filter.DueBefore is { } dueBefore)
        {
            tasks = tasks.Where(t => t.DueKey <= dueBefore && t.CurrentDue != null);
        }

        if (filter.Colours is { Count: > 0 } colours)
        {
            tasks = OfColours(tasks, colours, statuses.Day);
        }

        if (filter.NeedsAction is { } needsAction)
        {
            var soon = statuses.Day.DueSoonUntil;
            tasks = needsAction
                ? tasks.Where(t => t.Completion != CompletionState.Reported
                    && (((t.Phase == TaskPhase.Dated || t.Phase == TaskPhase.Periodic || t.Phase == TaskPhase.Reporting) && t.DueKey <= soon) || t.Completion == CompletionState.Returned))
                : tasks.Where(t => !(t.Completion != CompletionState.Reported
                    && (((t.Phase == TaskPhase.Dated || t.Phase == TaskPhase.Periodic || t.Phase == TaskPhase.Reporting) && t.DueKey <= soon) || t.Completion == CompletionState.Returned)));
        }

        return tasks;
    }

    /// <summary>The tasks of the given colours: the rule of <see cref="StatusClassification.Colour"/> over the stored phase, due key and progress.</summary>
    private static IQueryable<PlanTaskEntity> OfColours(IQueryable<PlanTaskEntity> tasks, IReadOnlyCollection<StatusColour> colours, StatusDay day)
    {
        var today = day.Today;
        var green = colours.Contains(StatusColour.Green);
        var orange = colours.Contains(StatusColour.Orange);
        var red = colours.Contains(StatusColour.Red);
        var blue = colours.Contains(StatusColour.Blue);
        var grey = colours.Contains(StatusColour.Grey);
        return tasks.Where(t =>
            (green && t.Phase == TaskPhase.DoneOnTime)
            || (orange && t.Phase == TaskPhase.DoneLate)
            || (red && t.Phase == TaskPhase.Dated && t.DueKey < today)
            || (grey && t.Phase == TaskPhase.Cancelled)
            || ((blue || grey)
                && t.Phase != TaskPhase.DoneOnTime && t.Phase != TaskPhase.DoneLate && t.Phase != TaskPhase.Cancelled
                && !(t.Phase == TaskPhase.Dated && t.DueKey < today)
                && ((blue && (t.PercentDone > 0 || t.LastProgressAt != null)) || (grey && !(t.PercentDone > 0 || t.LastProgressAt != null)))));
    }

    /// <summary>An agency's tasks, read from the lead index or from its assignments.</summary>
    private IQueryable<PlanTaskEntity> Through(IQueryable<PlanTaskEntity> tasks, int agency, AssignmentRole? role)
    {
        if (role == AssignmentRole.Lead)
        {
            return tasks.Where(t => t.LeadAgencyId == agency);
        }

        var assignments = db.Assignments.Where(a => a.AgencyId == agency);
        if (role == AssignmentRole.Coordinator)
        {
            assignments = assignments.Where(a => a.Role == AssignmentRole.Coordinator);
        }

        return from a in assignments join t in tasks on a.TaskId equals t.Id select t;
    }

    /// <summary>By due date and id, earliest first, or latest first (the same index read backwards).</summary>
    private async Task<Page<TaskSummary>> ByDueAsync(IQueryable<PlanTaskEntity> scope, PageRequest page, StatusDay day, bool latestFirst, CancellationToken cancellationToken)
    {
        var size = page.Size;
        var total = page.WithTotal ? await scope.CountAsync(cancellationToken) : (int?)null;
        var position = DateIdPosition.Parse(page.After);
        var ordered = latestFirst
            ? Before(scope, position).OrderByDescending(t => t.DueKey).ThenByDescending(t => t.Id)
            : After(scope, position).OrderBy(t => t.DueKey).ThenBy(t => t.Id);
        var rows = await ordered
            .Take(size + 1)
            .Select(RowOf(day))
            .ToListAsync(cancellationToken);
        return await PageOfAsync(rows, size, r => new DateIdPosition(r.DueKey, r.Id).ToString(), total, day, cancellationToken);
    }

    /// <summary>The phases of a task that is open and falls due by its <see cref="PlanTaskEntity.DueKey"/>.</summary>
    private static readonly IReadOnlyList<TaskPhase> OpenPhases = [TaskPhase.Dated, TaskPhase.Periodic, TaskPhase.Reporting];

    /// <summary>Deadlines in force: a dated task's deadline, a recurring task's next report (the <see cref="OpenPhases"/>).</summary>
    internal static IQueryable<PlanTaskEntity> Open(IQueryable<PlanTaskEntity> tasks) =>
        tasks.Where(t => t.Phase == TaskPhase.Dated || t.Phase == TaskPhase.Periodic || t.Phase == TaskPhase.Reporting);

    /// <summary>
    /// Open tasks (dated, or recurring by their next report) due between two days, by due date: one ordered range
    /// read of the (Phase, DueKey, Id) index per open phase, merged (<see cref="OpenByDueAsync"/>).
    /// </summary>
    public async Task<Page<TaskSummary>> OpenDueBetweenAsync(Actor actor, int? planId, DateOnly from, DateOnly until, PageRequest page, CancellationToken cancellationToken)
    {
        var day = statuses.Day;
        var size = page.Size;
        var scope = Scope(actor, new TaskFilter(PlanId: planId)).Where(t => t.DueKey >= from && t.DueKey <= until);
        var rows = await OpenByDueAsync(scope, DateIdPosition.Parse(page.After), size + 1, day, cancellationToken);
        var total = page.WithTotal ? await Open(scope).CountAsync(cancellationToken) : (int?)null;
        return await PageOfAsync(rows, size, r => new DateIdPosition(r.DueKey, r.Id).ToString(), total, day, cancellationToken);
    }

    /// <summary>
    /// The first <paramref name="take"/> open tasks of <paramref name="tasks"/> by due date and id, after a position:
    /// one query per open phase, each read in the order of the (phase, due, id) index and cut at <paramref name="take"/>,
    /// then merged. A query over several phases at once sorts every task due in the window first (16,343 recurring
    /// ones in the next 14 days at a million tasks).
    /// </summary>
    internal static async Task<List<TaskRow>> OpenByDueAsync(IQueryable<PlanTaskEntity> tasks, DateIdPosition? after, int take, StatusDay day, CancellationToken cancellationToken)
    {
        var read = new List<TaskRow>();
        foreach (var phase in OpenPhases)
        {
            read.AddRange(await After(tasks.Where(t => t.Phase == phase), after).OrderBy(t => t.DueKey).ThenBy(t => t.Id).Take(take).Select(RowOf(day)).ToListAsync(cancellationToken));
        }

        return read.OrderBy(r => r.DueKey).ThenBy(r => r.Id).Take(take).ToList();
    }

    internal static IQueryable<PlanTaskEntity> After(IQueryable<PlanTaskEntity> tasks, DateIdPosition? after)
    {
        if (after is not { } position)
        {
            return tasks;
        }

        var (due, id) = (position.Date, position.Id);
        return tasks.Where(t => t.DueKey >= due && (t.DueKey > due || t.Id > id));
    }

    private static IQueryable<PlanTaskEntity> Before(IQueryable<PlanTaskEntity> tasks, DateIdPosition? before)
    {
        if (before is not { } position)
        {
            return tasks;
        }

        var (due, id) = (position.Date, position.Id);
        return tasks.Where(t => t.DueKey <= due && (t.DueKey < due || t.Id < id));
    }

    private async Task<Page<TaskSummary>> SearchAsync(IQueryable<PlanTaskEntity> scope, SearchQuery query, PageRequest page, StatusDay day, CancellationToken cancellationToken)
    {
        var size = page.Size;
        var tiers = search.Tiers(query);
        var after = NumberIdPosition.Parse(page.After);
        var rows = new List<(int Tier, TaskRow Row)>();
        for (var tier = after?.Number ?? 0; tier < tiers.Count && rows.Count <= size; tier++)
        {
            var matching = search.Within(scope, tiers[tier]);
            if (after is { } position && position.Number == tier)
            {
                var id = position.Id;
                matching = matching.Where(t => t.Id < id);
            }

            var found = await matching.OrderByDescending(t => t.Id).Take(size + 1 - rows.Count).Select(RowOf(day)).ToListAsync(cancellationToken);
            rows.AddRange(found.Select(r => (tier, r)));
        }

        var total = page.WithTotal ? await search.Within(scope, search.Anywhere(query)).Take(TaskSearch.CountCap + 1).CountAsync(cancellationToken) : (int?)null;
        var next = rows.Count > size ? new NumberIdPosition(rows[size - 1].Tier, rows[size - 1].Row.Id).ToString() : null;
        var summaries = await SummarizeAsync(rows.Take(size).Select(r => r.Row).ToList(), day, cancellationToken);
        return new Page<TaskSummary>(summaries, next, total);
    }

    private async Task<Page<TaskSummary>> PageOfAsync(IReadOnlyList<TaskRow> rows, int size, Func<TaskRow, string> position, int? total, StatusDay day, CancellationToken cancellationToken)
    {
        var summaries = await SummarizeAsync(rows.Take(size).ToList(), day, cancellationToken);
        return new Page<TaskSummary>(summaries, rows.Count > size ? position(rows[size - 1]) : null, total);
    }

    /// <summary>The columns a list shows, the status evaluated by the database on <paramref name="day"/>.</summary>
    internal static Expression<Func<PlanTaskEntity, TaskRow>> RowOf(StatusDay day)
    {
        Expression<Func<PlanTaskEntity, TrackingStatus, TaskRow>> shape = (t, status) => new TaskRow(
            t.Id, t.PlanId, t.Plan!.Number, t.Plan.Title, t.SectionId, t.SectionTitle, t.Number, t.Content, t.Lead, t.Coordinators,
            t.DeadlineRaw, t.DeadlineKind, t.CurrentDue, t.NextReportDue, t.DueKey, t.Phase, status, t.WaitingFor,
            t.PercentDone, t.Completion, t.CompletedOn, t.Cancelled, t.Version, t.PercentDone > 0 || t.LastProgressAt != null, t.LeadAgencyId);
        var statusOf = StoredStatus.Expression(day);
        var entity = shape.Parameters[0];
        var status = ReplacingExpressionVisitor.Replace(statusOf.Parameters[0], entity, statusOf.Body);
        return Expression.Lambda<Func<PlanTaskEntity, TaskRow>>(ReplacingExpressionVisitor.Replace(shape.Parameters[1], status, shape.Body), entity);
    }

    /// <summary>Rows as summaries, with the names of their lead and coordinators read for these rows only.</summary>
    internal async Task<IReadOnlyList<TaskSummary>> SummarizeAsync(IReadOnlyList<TaskRow> rows, StatusDay day, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(r => r.Id).ToList();
        var parties = (await db.Assignments.AsNoTracking()
            .Where(a => ids.Contains(a.TaskId))
            .OrderBy(a => a.Id)
            .Select(a => new { a.TaskId, a.AgencyId, a.Role, a.Agency!.Name })
            .ToListAsync(cancellationToken))
            .ToLookup(a => a.TaskId);
        return rows.Select(r => Summarize(
            r,
            parties[r.Id].Where(a => a.Role == AssignmentRole.Lead).Select(a => (a.AgencyId, a.Name)).FirstOrDefault(),
            parties[r.Id].Where(a => a.Role == AssignmentRole.Coordinator).Select(a => a.Name).ToList(),
            day)).ToList();
    }

    private static TaskSummary Summarize(TaskRow r, (int Id, string Name) lead, IReadOnlyList<string> coordinators, StatusDay day)
    {
        var due = StoredStatus.Due(r.Phase, r.CurrentDue, r.NextReportDue);
        var reason = StoredStatus.Reason(r.Status, r.Phase, r.DeadlineKind, due, r.CompletedOn, r.WaitingFor, day.Today);
        var colour = StatusClassification.Colour(r.Status, r.Started);
        return new TaskSummary(
            r.Id, r.PlanId, r.PlanNumber, r.PlanTitle, r.SectionId, r.SectionTitle, r.Number, r.Content,
            r.Lead, r.Coordinators, lead.Name, lead.Name is null ? r.LeadAgencyId : lead.Id, coordinators,
            r.DeadlineRaw, r.DeadlineKind, due,
            r.Status.ToSchemaName(), r.Status.ToVietnamese(), reason, colour.ToString().ToLowerInvariant(),
            r.PercentDone, r.Completion.ToString(), r.Cancelled, r.Version)
        {
            DaysOverdue = r.Status == TrackingStatus.Overdue && due is { } d ? day.Today.DayNumber - d.DayNumber : 0,
        };
    }

    private static TaskRow RowOf(PlanTaskEntity t, TrackingStatus status) => new(
        t.Id, t.PlanId, t.Plan?.Number, t.Plan?.Title, t.SectionId, t.SectionTitle, t.Number, t.Content, t.Lead, t.Coordinators,
        t.DeadlineRaw, t.DeadlineKind, t.CurrentDue, t.NextReportDue, t.DueKey, t.Phase, status, t.WaitingFor,
        t.PercentDone, t.Completion, t.CompletedOn, t.Cancelled, t.Version, t.PercentDone > 0 || t.LastProgressAt != null, t.LeadAgencyId);

    public async Task<TaskDetails> GetAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        var task = await db.Tasks.AsNoTracking()
            .Include(t => t.Plan)
            .Include(t => t.Assignments).ThenInclude(a => a.Agency)
            .AsSplitQuery()
            .FirstOrDefaultAsync(t => t.Id == id && t.Phase != TaskPhase.Draft, cancellationToken);
        var parties = task is null ? null : Parties(task);
        if (task is null || !TaskAccess.CanRead(actor, parties!))
        {
            throw WorkflowException.NotFound($"task {id}");
        }

        var day = statuses.Day;
        var files = await db.EvidenceFiles.AsNoTracking().Where(f => f.TaskId == id).OrderBy(f => f.Id).ToListAsync(cancellationToken);
        var reports = await db.Reports.AsNoTracking().Where(r => r.TaskId == id).ToListAsync(cancellationToken);
        var reporting = reports.Select(r => r.AgencyId).Distinct().ToList();
        var agencyNames = reporting.Count == 0
            ? []
            : await db.Agencies.AsNoTracking().Where(a => reporting.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var checklist = await db.ChecklistItems.AsNoTracking().Where(c => c.TaskId == id).OrderBy(c => c.Position).ToListAsync(cancellationToken);
        var extensions = await db.Extensions.AsNoTracking().Where(e => e.TaskId == id).OrderByDescending(e => e.Id).ToListAsync(cancellationToken);
        var audit = await db.AuditEntries.AsNoTracking().Where(e => e.TaskId == id).OrderByDescending(e => e.Id).ToListAsync(cancellationToken);
        var lead = task.Assignments.FirstOrDefault(a => a.Role == AssignmentRole.Lead);
        var summary = Summarize(
            RowOf(task, StoredStatus.Of(task.Phase, task.DueKey, day)),
            lead is null ? default : (lead.AgencyId, lead.Agency?.Name ?? ""),
            task.Assignments.Where(a => a.Role == AssignmentRole.Coordinator).OrderBy(a => a.Id).Select(a => a.Agency?.Name ?? "").ToList(),
            day);
        return new TaskDetails(
            summary,
            task.Product, task.Evidence, task.BudgetVnd, task.Note, task.RawText, parser.Parse(task.DeadlineRaw, task.Plan?.IssuedOn?.Year).Explanation, task.DeadlineDue,
            task.ReportedDoneOn, task.CompletedOn, task.ReviewNote, task.CancelReason, task.Plan!.State.ToString(),
            task.Assignments.OrderBy(a => a.Role).ThenBy(a => a.Id).Select(a => new AssignmentView(a.AgencyId, a.Agency?.Name ?? "", a.Role.ToString(), a.Note)).ToList(),
            reports.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Select(r => new ReportView(
                r.Id, r.Kind.ToString(), agencyNames.GetValueOrDefault(r.AgencyId, ""), r.AuthorName, r.Percent, r.Summary, r.Difficulties, r.Proposals,
                r.Period, r.CreatedAt, files.Where(f => f.ReportId == r.Id).Select(ToView).ToList())).ToList(),
            checklist.Select(c => new ChecklistItemView(c.Id, c.Position, c.Text, c.Done, c.DoneAt, c.DoneBy,
                files.Where(f => f.ChecklistItemId == c.Id).Select(ToView).ToList())).ToList(),
            extensions.Select(e => new ExtensionView(e.Id, e.PreviousDue, e.RequestedDue, e.Reason, e.State.ToString(), e.RequestedBy, e.RequestedAt,
                e.DecidedBy, e.DecidedAt, e.DecisionNote)).ToList(),
            audit.Select(a => new AuditView(a.At, a.UserName, a.Action, a.Before, a.After)).ToList(),
            new TaskPermissions(
                TaskAccess.CanReportAsLead(actor, parties!) && !task.Cancelled && task.Plan.State == PlanState.Published,
                TaskAccess.CanContribute(actor, parties!) && !task.Cancelled && task.Plan.State == PlanState.Published,
                TaskAccess.CanManage(actor, task.Plan.OwnerId),
                TaskStatusReader.IsPeriodic(task)))
        {
            CompletionRequiresEvidence = evidenceRule.Requires(task.Plan),
            HasEvidence = files.Count > 0,
        };
    }

    /// <summary>How many of the tasks in the filter the actor may read are in each status, counted by the database.</summary>
    public async Task<IReadOnlyDictionary<TrackingStatus, int>> CountByStatusAsync(Actor actor, TaskFilter filter, CancellationToken cancellationToken)
    {
        var status = StoredStatus.Expression(statuses.Day);
        var grouped = await Scope(actor, filter).Select(status).GroupBy(s => s).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return grouped.ToDictionary(g => g.Key, g => g.Count);
    }

    public static TaskParties Parties(PlanTaskEntity task) => new(
        task.Plan?.OwnerId,
        task.Assignments.FirstOrDefault(a => a.Role == AssignmentRole.Lead)?.AgencyId,
        task.Assignments.Where(a => a.Role == AssignmentRole.Coordinator).Select(a => a.AgencyId).ToList());

    public static EvidenceView ToView(EvidenceFileEntity f) => new(f.Id, f.FileName, f.FileType, f.SizeBytes, f.Sha256, f.UploadedAt);

    /// <summary>
    /// One page of the plans the actor may see, newest first: drafts only for whoever may manage them; an officer's
    /// plans only where their agency has a task, counted over those tasks.
    /// </summary>
    public async Task<Page<PlanSummary>> ListPlansAsync(Actor actor, PageRequest page, CancellationToken cancellationToken)
    {
        var size = page.Size;
        var plans = db.Plans.AsNoTracking();
        List<int>? officerPlans = null;
        if (!actor.ReadsEverything)
        {
            var agency = actor.AgencyId ?? -1;
            officerPlans = await (from a in db.Assignments where a.AgencyId == agency join t in db.Tasks on a.TaskId equals t.Id select t.PlanId)
                .Distinct().ToListAsync(cancellationToken);
            plans = plans.Where(p => officerPlans.Contains(p.Id) && p.State != PlanState.Draft);
        }
        else if (!actor.IsAdministrator)
        {
            var user = actor.UserId;
            var manages = actor.IsMonitoringOffice;
            plans = plans.Where(p => p.State != PlanState.Draft || (manages && p.OwnerId == user));
        }

        var total = page.WithTotal ? await plans.CountAsync(cancellationToken) : (int?)null;
        if (DateIdPosition.Parse(page.After) is { } after)
        {
            var (date, id) = (after.Date, after.Id);
            plans = plans.Where(p => (p.IssuedOn ?? DateOnly.MinValue) < date || ((p.IssuedOn ?? DateOnly.MinValue) == date && p.Id < id));
        }

        var rows = await plans
            .OrderByDescending(p => p.IssuedOn ?? DateOnly.MinValue).ThenByDescending(p => p.Id)
            .Take(size + 1)
            .Select(p => new { p.Id, p.Number, p.Title, p.Issuer, p.IssuedOn, p.State })
            .ToListAsync(cancellationToken);
        var shown = rows.Take(size).ToList();
        var ids = shown.Select(p => p.Id).ToList();
        var draftRows = await db.Tasks.Where(t => ids.Contains(t.PlanId) && t.Phase == TaskPhase.Draft).GroupBy(t => t.PlanId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var byPlan = actor.ReadsEverything
            ? await counts.ByPlanAsync(db, statuses.Day, shown.Where(p => p.State != PlanState.Draft).Select(p => p.Id).ToList(), cancellationToken)
            : await CountByPlanAsync(actor, ids, cancellationToken);
        var items = shown.Select(p =>
        {
            var byStatus = byPlan.GetValueOrDefault(p.Id)?.ByStatus ?? new Dictionary<TrackingStatus, int>();
            return new PlanSummary(
                p.Id, p.Number, p.Title, p.Issuer, p.IssuedOn, p.State.ToString(),
                p.State == PlanState.Draft ? draftRows.GetValueOrDefault(p.Id) : byStatus.Values.Sum(),
                byStatus.Where(c => c.Value > 0).ToDictionary(c => c.Key.ToSchemaName(), c => c.Value))
            {
                Colours = byPlan.GetValueOrDefault(p.Id)?.Colours ?? [],
            };
        }).ToList();
        var next = rows.Count > size ? new DateIdPosition(shown[^1].IssuedOn ?? DateOnly.MinValue, shown[^1].Id).ToString() : null;
        return new Page<PlanSummary>(items, next, total);
    }

    /// <summary>Tasks of the given plans that the actor may read, per plan, by status and by colour.</summary>
    private async Task<IReadOnlyDictionary<int, PlanCounts>> CountByPlanAsync(Actor actor, IReadOnlyCollection<int> planIds, CancellationToken cancellationToken)
    {
        if (planIds.Count == 0)
        {
            return new Dictionary<int, PlanCounts>();
        }

        var ids = planIds.ToList();
        var grouped = await Scope(actor, new TaskFilter())
            .Where(t => ids.Contains(t.PlanId))
            .Select(StatusFact.Of(statuses.Day))
            .GroupBy(f => new { f.PlanId, f.Status, f.Started })
            .Select(g => new { g.Key.PlanId, g.Key.Status, g.Key.Started, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return grouped
            .GroupBy(g => g.PlanId)
            .ToDictionary(p => p.Key, p =>
            {
                var tally = new StatusTally();
                foreach (var g in p)
                {
                    tally.Add(g.Status, g.Started, g.Count);
                }

                return PlanCounts.Of(tally);
            });
    }

    /// <summary>The tasks of the filter that the actor may read, counted by colour in the legend's order.</summary>
    public async Task<IReadOnlyList<ColourCount>> CountByColourAsync(Actor actor, TaskFilter filter, CancellationToken cancellationToken)
    {
        var grouped = await Scope(actor, filter)
            .Select(StatusFact.Of(statuses.Day))
            .GroupBy(f => new { f.Status, f.Started })
            .Select(g => new { g.Key.Status, g.Key.Started, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var tally = new StatusTally();
        foreach (var g in grouped)
        {
            tally.Add(g.Status, g.Started, g.Count);
        }

        return ColourCount.All(tally.Colour);
    }

    /// <summary>One plan's summary, its tasks counted as the actor sees them (a draft's rows are counted as rows).</summary>
    public async Task<PlanSummary> SummarizePlanAsync(Actor actor, PlanEntity plan, CancellationToken cancellationToken)
    {
        if (plan.State == PlanState.Draft)
        {
            var rows = await db.Tasks.CountAsync(t => t.PlanId == plan.Id, cancellationToken);
            return new PlanSummary(plan.Id, plan.Number, plan.Title, plan.Issuer, plan.IssuedOn, plan.State.ToString(), rows, new Dictionary<string, int>());
        }

        var byStatus = await CountByStatusAsync(actor, new TaskFilter(PlanId: plan.Id), cancellationToken);
        return new PlanSummary(
            plan.Id, plan.Number, plan.Title, plan.Issuer, plan.IssuedOn, plan.State.ToString(), byStatus.Values.Sum(),
            byStatus.ToDictionary(c => c.Key.ToSchemaName(), c => c.Value));
    }

    /// <summary>The sections and lead agencies of a plan's tasks that the actor may read, for the plan page's filters.</summary>
    public async Task<(IReadOnlyList<(string Id, string? Title)> Sections, IReadOnlyList<(int Id, string Name)> Leads)> PlanFiltersAsync(Actor actor, int planId, CancellationToken cancellationToken)
    {
        var tasks = Scope(actor, new TaskFilter(PlanId: planId));
        var sections = await tasks.Where(t => t.SectionId != null)
            .GroupBy(t => new { t.SectionId, t.SectionTitle })
            .Select(g => new { g.Key.SectionId, g.Key.SectionTitle, First = g.Min(t => t.Position) })
            .OrderBy(s => s.First)
            .ToListAsync(cancellationToken);
        var leads = await (from t in tasks
                           join a in db.Agencies on t.LeadAgencyId equals (int?)a.Id
                           select new { a.Id, a.Name }).Distinct().ToListAsync(cancellationToken);
        return (
            sections.Select(s => (s.SectionId!, s.SectionTitle)).DistinctBy(s => s.Item1).ToList(),
            leads.OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => (a.Id, a.Name)).ToList());
    }

    /// <summary>Plans in the given states to choose from (the newest first, at most <paramref name="limit"/>), for those who read every plan.</summary>
    public async Task<IReadOnlyList<PlanChoice>> PlanChoicesAsync(IReadOnlyCollection<PlanState> states, int limit, CancellationToken cancellationToken) =>
        await db.Plans.AsNoTracking()
            .Where(p => states.Contains(p.State))
            .OrderByDescending(p => p.Id)
            .Take(limit)
            .Select(p => new PlanChoice(p.Id, p.Number, p.Title))
            .ToListAsync(cancellationToken);

    /// <summary>A plan by its id, or by its number as printed ("77/KH-UBND"): how a person names one in a form.</summary>
    public async Task<PlanChoice?> FindPlanAsync(string text, CancellationToken cancellationToken)
    {
        text = text.Trim();
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            return await db.Plans.AsNoTracking().Where(p => p.Id == id && p.State != PlanState.Draft).Select(p => new PlanChoice(p.Id, p.Number, p.Title)).FirstOrDefaultAsync(cancellationToken);
        }

        return await db.Plans.AsNoTracking().Where(p => p.Number == text && p.State != PlanState.Draft).OrderByDescending(p => p.Id)
            .Select(p => new PlanChoice(p.Id, p.Number, p.Title)).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<PlanEntity> GetPlanAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw WorkflowException.NotFound($"plan {id}");
        var readable = plan.State == PlanState.Draft
            ? TaskAccess.CanManage(actor, plan.OwnerId)
            : actor.ReadsEverything || await Scope(actor, new TaskFilter(PlanId: id)).AnyAsync(cancellationToken);
        return readable ? plan : throw WorkflowException.NotFound($"plan {id}");
    }
}

/// <summary>The columns of a task that its list row shows, with its status as the database evaluated it.</summary>
internal sealed record TaskRow(
    int Id, int PlanId, string? PlanNumber, string? PlanTitle, string? SectionId, string? SectionTitle, string? Number, string Content,
    string? Lead, string? Coordinators, string? DeadlineRaw, string DeadlineKind, DateOnly? CurrentDue, DateOnly? NextReportDue,
    DateOnly DueKey, TaskPhase Phase, TrackingStatus Status, string? WaitingFor, int PercentDone, CompletionState Completion,
    DateOnly? CompletedOn, bool Cancelled, int Version, bool Started, int? LeadAgencyId);
