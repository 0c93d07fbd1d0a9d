using DonDoc.Core.Access;
using DonDoc.Core.Text;
using DonDoc.Core.Tracking;
using DonDoc.Data.Plans;
using DonDoc.Data.Storage;
using DonDoc.Data.Tracking;
using DonDoc.Tracking.Formatting;
using DonDoc.Tracking.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Tracking.Tasks;

/// <summary>
/// Reads plans and tasks as the actor may see them. Access is applied in the query itself: an agency
/// officer's lists hold only tasks their agency leads or coordinates, and anything else answers "not found".
/// </summary>
public sealed class TaskCatalog(DonDocDbContext db, TaskStatusReader statuses)
{
    /// <summary>The published (and archived or cancelled) tasks the actor may read.</summary>
    private IQueryable<PlanTaskEntity> Visible(Actor actor)
    {
        var tasks = db.Tasks.AsNoTracking().Where(t => t.Plan!.State != PlanState.Draft);
        if (!actor.ReadsEverything)
        {
            var agency = actor.AgencyId ?? -1;
            tasks = tasks.Where(t => t.Assignments.Any(a => a.AgencyId == agency));
        }

        return tasks;
    }

    public async Task<IReadOnlyList<TaskSummary>> ListAsync(Actor actor, TaskFilter filter, CancellationToken cancellationToken)
    {
        var query = Visible(actor);
        if (filter.PlanId is { } planId)
        {
            query = query.Where(t => t.PlanId == planId);
        }

        if (filter.AgencyId is { } agencyId)
        {
            query = query.Where(t => t.Assignments.Any(a => a.AgencyId == agencyId));
        }

        if (!string.IsNullOrEmpty(filter.SectionId))
        {
            query = query.Where(t => t.SectionId == filter.SectionId);
        }

        if (filter.DueBefore is { } dueBefore)
        {
            query = query.Where(t => t.CurrentDue != null && t.CurrentDue <= dueBefore);
        }

        var wanted = TaskStatusText.ParseStatus(filter.Status) is { } status ? new HashSet<TrackingStatus> { status } : null;
        if (!string.IsNullOrWhiteSpace(filter.Query))
        {
            var search = SearchQuery.Parse(filter.Query);
            foreach (var word in search.Words)
            {
                query = query.Where(t => t.SearchText.Contains(word));
            }

            if (search.Statuses is { } statusesInQuery)
            {
                wanted = wanted is null ? statusesInQuery.ToHashSet() : wanted.Intersect(statusesInQuery).ToHashSet();
            }
        }

        // Only the columns a list shows: not the raw text, the search text or the plan's import notes.
        var rows = await query
            .OrderBy(t => t.PlanId).ThenBy(t => t.Position)
            .Select(t => new PlanTaskEntity
            {
                Id = t.Id,
                PlanId = t.PlanId,
                Plan = new PlanEntity { Id = t.PlanId, Number = t.Plan!.Number, Title = t.Plan.Title, IssuedOn = t.Plan.IssuedOn, State = t.Plan.State },
                SectionId = t.SectionId,
                SectionTitle = t.SectionTitle,
                Number = t.Number,
                Content = t.Content,
                Lead = t.Lead,
                Coordinators = t.Coordinators,
                DeadlineRaw = t.DeadlineRaw,
                DeadlineKind = t.DeadlineKind,
                DeadlineDue = t.DeadlineDue,
                CurrentDue = t.CurrentDue,
                PercentDone = t.PercentDone,
                Completion = t.Completion,
                CompletedOn = t.CompletedOn,
                Cancelled = t.Cancelled,
                Version = t.Version,
                LastProgressAt = t.LastProgressAt,
                Assignments = t.Assignments.Select(a => new TaskAssignmentEntity
                {
                    AgencyId = a.AgencyId,
                    Role = a.Role,
                    Agency = new Data.Agencies.AgencyEntity { Id = a.AgencyId, Name = a.Agency!.Name },
                }).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return rows
            .Select(Summarize)
            .Where(t => wanted is null || wanted.Contains(TaskStatusText.ParseStatus(t.Status)!.Value))
            .OrderBy(t => t.Due is null)
            .ThenBy(t => t.Due)
            .ThenBy(t => t.PlanId)
            .ToList();
    }

    public TaskSummary Summarize(PlanTaskEntity task)
    {
        var assessment = statuses.Assess(task, task.Plan?.IssuedOn?.Year);
        var lead = task.Assignments.FirstOrDefault(a => a.Role == AssignmentRole.Lead);
        var started = task.PercentDone > 0 || task.LastProgressAt is not null;
        var colour = StatusClassification.Colour(assessment.Status, started);
        var overdue = assessment.Status == TrackingStatus.Overdue && assessment.Due is { } due ? statuses.Today.DayNumber - due.DayNumber : 0;
        return new TaskSummary(
            task.Id, task.PlanId, task.Plan?.Number, task.Plan?.Title, task.SectionId, task.SectionTitle, task.Number, task.Content,
            task.Lead, task.Coordinators, lead?.Agency?.Name, lead?.AgencyId,
            task.Assignments.Where(a => a.Role == AssignmentRole.Coordinator).Select(a => a.Agency?.Name ?? "").ToList(),
            task.DeadlineRaw, task.DeadlineKind, assessment.Due,
            assessment.Status.ToSchemaName(), assessment.Status.ToVietnamese(), assessment.Reason, colour.ToString().ToLowerInvariant(),
            task.PercentDone, task.Completion.ToString(), task.Cancelled, task.Version)
        {
            DaysOverdue = overdue,
        };
    }

    public async Task<TaskDetails> GetAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        var task = await Visible(actor)
            .Include(t => t.Plan)
            .Include(t => t.Assignments).ThenInclude(a => a.Agency)
            .FirstOrDefaultAsync(t => t.Id == id, cancellationToken)
            ?? throw WorkflowException.NotFound($"task {id}");
        var parties = Parties(task);
        var files = await db.EvidenceFiles.AsNoTracking().Where(f => f.TaskId == id).OrderBy(f => f.Id).ToListAsync(cancellationToken);
        var reports = await db.Reports.AsNoTracking().Where(r => r.TaskId == id).ToListAsync(cancellationToken);
        var reporting = reports.Select(r => r.AgencyId).Distinct().ToList();
        var agencyNames = await db.Agencies.AsNoTracking().Where(a => reporting.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var checklist = await db.ChecklistItems.AsNoTracking().Where(c => c.TaskId == id).OrderBy(c => c.Position).ToListAsync(cancellationToken);
        var extensions = await db.Extensions.AsNoTracking().Where(e => e.TaskId == id).OrderByDescending(e => e.Id).ToListAsync(cancellationToken);
        var audit = await db.AuditEntries.AsNoTracking().Where(e => e.TaskId == id).OrderByDescending(e => e.Id).ToListAsync(cancellationToken);
        var deadline = statuses.Deadline(task, task.Plan?.IssuedOn?.Year);
        return new TaskDetails(
            Summarize(task),
            task.Product, task.Evidence, task.BudgetVnd, task.Note, task.RawText, deadline.Detail, deadline.Due,
            task.ReportedDoneOn, task.CompletedOn, task.ReviewNote, task.CancelReason, task.Plan!.State.ToString(),
            task.Assignments.OrderBy(a => a.Role).Select(a => new AssignmentView(a.AgencyId, a.Agency?.Name ?? "", a.Role.ToString(), a.Note)).ToList(),
            reports.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Select(r => new ReportView(
                r.Id, r.Kind.ToString(), agencyNames.GetValueOrDefault(r.AgencyId, ""), r.AuthorName, r.Percent, r.Summary, r.Difficulties, r.Proposals,
                r.Period, r.CreatedAt, files.Where(f => f.ReportId == r.Id).Select(ToView).ToList())).ToList(),
            checklist.Select(c => new ChecklistItemView(c.Id, c.Position, c.Text, c.Done, c.DoneAt, c.DoneBy,
                files.Where(f => f.ChecklistItemId == c.Id).Select(ToView).ToList())).ToList(),
            extensions.Select(e => new ExtensionView(e.Id, e.PreviousDue, e.RequestedDue, e.Reason, e.State.ToString(), e.RequestedBy, e.RequestedAt,
                e.DecidedBy, e.DecidedAt, e.DecisionNote)).ToList(),
            audit.Select(a => new AuditView(a.At, a.UserName, a.Action, a.Before, a.After)).ToList(),
            new TaskPermissions(
                TaskAccess.CanReportAsLead(actor, parties) && !task.Cancelled && task.Plan.State == PlanState.Published,
                TaskAccess.CanContribute(actor, parties) && !task.Cancelled && task.Plan.State == PlanState.Published,
                TaskAccess.CanManage(actor, task.Plan.OwnerId),
                TaskStatusReader.IsPeriodic(task)));
    }

    /// <summary>Accepted completions of the tasks the actor may read: when, and whether on time.</summary>
    public async Task<IReadOnlyList<(DateOnly CompletedOn, bool OnTime)>> CompletionsAsync(Actor actor, int? planId, CancellationToken cancellationToken)
    {
        var done = await Visible(actor)
            .Where(t => t.Completion == CompletionState.Accepted && t.CompletedOn != null && (planId == null || t.PlanId == planId))
            .Select(t => new { CompletedOn = t.CompletedOn!.Value, t.CurrentDue })
            .ToListAsync(cancellationToken);
        return done.Select(d => (d.CompletedOn, d.CurrentDue is null || d.CompletedOn <= d.CurrentDue)).ToList();
    }

    public static TaskParties Parties(PlanTaskEntity task) => new(
        task.Plan?.OwnerId,
        task.Assignments.FirstOrDefault(a => a.Role == AssignmentRole.Lead)?.AgencyId,
        task.Assignments.Where(a => a.Role == AssignmentRole.Coordinator).Select(a => a.AgencyId).ToList());

    public static EvidenceView ToView(EvidenceFileEntity f) => new(f.Id, f.FileName, f.FileType, f.SizeBytes, f.Sha256, f.UploadedAt);

    /// <summary>The plans the actor may see: drafts only for whoever may manage them; an officer's plans only where their agency has a task.</summary>
    public async Task<IReadOnlyList<PlanSummary>> ListPlansAsync(Actor actor, CancellationToken cancellationToken)
    {
        var plans = await db.Plans.AsNoTracking()
            .OrderByDescending(p => p.IssuedOn).ThenByDescending(p => p.Id)
            .Select(p => new PlanEntity { Id = p.Id, Number = p.Number, Title = p.Title, Issuer = p.Issuer, IssuedOn = p.IssuedOn, State = p.State, OwnerId = p.OwnerId })
            .ToListAsync(cancellationToken);
        var byPlan = (await ListAsync(actor, new TaskFilter(), cancellationToken)).ToLookup(t => t.PlanId);
        var draftCounts = await db.Tasks.Where(t => t.Plan!.State == PlanState.Draft).GroupBy(t => t.PlanId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        return plans
            .Where(p => p.State == PlanState.Draft ? TaskAccess.CanManage(actor, p.OwnerId) : actor.ReadsEverything || byPlan[p.Id].Any())
            .Select(p => Summarize(p, byPlan[p.Id], draftCounts.GetValueOrDefault(p.Id)))
            .ToList();
    }

    /// <summary>One plan's summary from its tasks as the actor sees them (a draft's rows are counted in the database).</summary>
    public async Task<PlanSummary> SummarizePlanAsync(PlanEntity plan, IReadOnlyList<TaskSummary> tasks, CancellationToken cancellationToken) =>
        Summarize(plan, tasks, plan.State == PlanState.Draft ? await db.Tasks.CountAsync(t => t.PlanId == plan.Id, cancellationToken) : 0);

    private static PlanSummary Summarize(PlanEntity plan, IEnumerable<TaskSummary> tasks, int draftRows) => new(
        plan.Id, plan.Number, plan.Title, plan.Issuer, plan.IssuedOn, plan.State.ToString(),
        plan.State == PlanState.Draft ? draftRows : tasks.Count(),
        tasks.GroupBy(t => t.Status).ToDictionary(g => g.Key, g => g.Count()));

    /// <summary>Plans in the given states to choose from, for the pages of those who read every plan (dashboard, events).</summary>
    public async Task<IReadOnlyList<PlanChoice>> PlanChoicesAsync(IReadOnlyCollection<PlanState> states, CancellationToken cancellationToken) =>
        await db.Plans.AsNoTracking()
            .Where(p => states.Contains(p.State))
            .OrderByDescending(p => p.IssuedOn).ThenByDescending(p => p.Id)
            .Select(p => new PlanChoice(p.Id, p.Number, p.Title))
            .ToListAsync(cancellationToken);

    public async Task<PlanEntity> GetPlanAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw WorkflowException.NotFound($"plan {id}");
        var readable = plan.State == PlanState.Draft
            ? TaskAccess.CanManage(actor, plan.OwnerId)
            : actor.ReadsEverything || await Visible(actor).AnyAsync(t => t.PlanId == id, cancellationToken);
        return readable ? plan : throw WorkflowException.NotFound($"plan {id}");
    }
}

/// <summary>A search box's text: the words to find, folded, and the statuses it names ("quá hạn", "sắp đến hạn").</summary>
public sealed record SearchQuery(IReadOnlyList<string> Words, IReadOnlyList<TrackingStatus>? Statuses)
{
    private static readonly (string Phrase, TrackingStatus[] Statuses)[] StatusPhrases =
    [
        ("hoan thanh dung han", [TrackingStatus.DoneOnTime]),
        ("hoan thanh qua han", [TrackingStatus.DoneLate]),
        ("hoan thanh tre han", [TrackingStatus.DoneLate]),
        ("hoan thanh", [TrackingStatus.DoneOnTime, TrackingStatus.DoneLate]),
        ("sap den han", [TrackingStatus.DueSoon]),
        ("chua den han", [TrackingStatus.NotYetDue]),
        ("qua han", [TrackingStatus.Overdue]),
        ("tre han", [TrackingStatus.Overdue]),
        ("thuong xuyen", [TrackingStatus.Continuous]),
        ("cho su kien", [TrackingStatus.WaitingForTrigger]),
    ];

    public static SearchQuery Parse(string text)
    {
        var folded = " " + VietnameseText.CollapseWhiteSpace(VietnameseText.Fold(TextNormalizer.Normalize(text))).Trim() + " ";
        List<TrackingStatus>? statuses = null;
        foreach (var (phrase, named) in StatusPhrases)
        {
            var at = folded.IndexOf(" " + phrase + " ", StringComparison.Ordinal);
            if (at >= 0)
            {
                (statuses ??= []).AddRange(named);
                folded = folded.Remove(at, phrase.Length + 1);
            }
        }

        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();
        return new SearchQuery(words, statuses);
    }

    /// <summary>The folded text a task is found by.</summary>
    public static string TextOf(params IEnumerable<string?> parts) =>
        VietnameseText.CollapseWhiteSpace(VietnameseText.Fold(TextNormalizer.Normalize(string.Join(" ", parts.Where(p => !string.IsNullOrWhiteSpace(p))))));
}
