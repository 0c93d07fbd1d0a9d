using DonDoc.Core.Access;
using DonDoc.Data.Plans;
using DonDoc.Data.Storage;
using DonDoc.Data.Tracking;
using DonDoc.Tracking.Tasks;
using DonDoc.Tracking.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Tracking.WorkQueue;

/// <summary>How many items wait for the office: the decisions (completions, extensions, periodic reports) and the tasks waiting for an event.</summary>
public sealed record WorkQueueCounts(int Completions, int Extensions, int Waiting, int PeriodReports = 0)
{
    /// <summary>What the office must decide: the number the menu shows. Tasks waiting for an event wait for the world, not for a decision.</summary>
    public int Decisions => Completions + Extensions + PeriodReports;
}

/// <summary>An agency's periodic report submitted and not yet accepted or returned; <see cref="Link"/> opens it on the period page.</summary>
public sealed record PeriodReportToReview(
    int ReportId, int PlanId, string PlanTitle, string Period, string PeriodName, int AgencyId, string Agency,
    DateOnly DueOn, DateTimeOffset SubmittedAt, string SubmittedBy, bool OnTime)
{
    public string Link => $"/KeHoach/{PlanId}/BaoCaoDinhKy?ky={Uri.EscapeDataString(Period)}&agency={AgencyId}";
}

/// <summary>A completion the lead reported, awaiting the office's acceptance or return.</summary>
public sealed record CompletionToAccept(TaskSummary Task, DateOnly? ReportedDoneOn, string? Summary, string? ReportedBy);

/// <summary>An extension request awaiting the office's decision.</summary>
public sealed record ExtensionToDecide(int ExtensionId, TaskSummary Task, DateOnly? PreviousDue, DateOnly RequestedDue, string Reason, string RequestedBy, DateTimeOffset RequestedAt);

/// <summary>A task whose deadline waits for an event or condition the office records.</summary>
public sealed record TaskWaitingForEvent(TaskSummary Task, string? WaitingFor);

/// <summary>Which page of each of the queue's three lists (each keyset-paged by id, oldest first).</summary>
public sealed record WorkQueuePages(string? CompletionsAfter = null, string? ExtensionsAfter = null, string? WaitingAfter = null, int? Limit = null, string? ReportsAfter = null);

/// <summary>The office's work queue on one page: four lists, a page each, with their counts.</summary>
public sealed record OfficeWorkQueueView(
    WorkQueueCounts Counts,
    Page<CompletionToAccept> Completions,
    Page<ExtensionToDecide> Extensions,
    Page<TaskWaitingForEvent> Waiting,
    Page<PeriodReportToReview> PeriodReports);

/// <summary>
/// What waits for the monitoring office in the plans it manages (an administrator: in every plan): completions to accept
/// or return, extension requests to decide, agencies' periodic reports to accept or return, tasks waiting for an event.
/// Not the notifications inbox (<see cref="Reminders.Inbox"/>): these are the items that stay until someone decides.
/// Each list is one keyset-paged query; the counts are COUNTs, never rows read.
/// </summary>
public sealed class OfficeWorkQueue(DonDocDbContext db, TaskCatalog catalog, TaskStatusReader statuses)
{
    /// <summary>Whether the actor has a work queue: the monitoring office and administrators.</summary>
    public static bool Has(Actor actor) => actor.IsAdministrator || actor.IsMonitoringOffice;

    /// <summary>The number of decisions waiting, for the menu: three COUNT queries.</summary>
    public async Task<int> DecisionCountAsync(Actor actor, CancellationToken cancellationToken)
    {
        if (!Has(actor))
        {
            return 0;
        }

        return await ReportedCompletions(actor).CountAsync(cancellationToken) + await PendingExtensions(actor).CountAsync(cancellationToken)
            + await SubmittedReports(actor).CountAsync(cancellationToken);
    }

    public async Task<OfficeWorkQueueView> ReadAsync(Actor actor, WorkQueuePages pages, CancellationToken cancellationToken)
    {
        if (!Has(actor))
        {
            throw WorkflowException.Forbidden("Trang việc cần xử lý dành cho văn phòng theo dõi.", "work queue requires monitor or admin");
        }

        var size = new PageRequest(null, pages.Limit).Size;
        var counts = new WorkQueueCounts(
            await ReportedCompletions(actor).CountAsync(cancellationToken),
            await PendingExtensions(actor).CountAsync(cancellationToken),
            await Waiting(actor).CountAsync(cancellationToken),
            await SubmittedReports(actor).CountAsync(cancellationToken));
        return new OfficeWorkQueueView(
            counts,
            await CompletionsAsync(actor, Position(pages.CompletionsAfter), size, counts.Completions, cancellationToken),
            await ExtensionsAsync(actor, Position(pages.ExtensionsAfter), size, counts.Extensions, cancellationToken),
            await WaitingAsync(actor, Position(pages.WaitingAfter), size, counts.Waiting, cancellationToken),
            await PeriodReportsAsync(actor, Position(pages.ReportsAfter), size, counts.PeriodReports, cancellationToken));
    }

    /// <summary>The live tasks of the plans the actor manages (<see cref="TaskAccess.CanManage"/>).</summary>
    private IQueryable<PlanTaskEntity> Managed(Actor actor)
    {
        var tasks = db.Tasks.AsNoTracking().Where(t => !t.Cancelled && t.Phase != TaskPhase.Draft && t.Plan!.State == PlanState.Published);
        if (!actor.IsAdministrator)
        {
            var user = actor.UserId;
            tasks = tasks.Where(t => t.Plan!.OwnerId == user);
        }

        return tasks;
    }

    private IQueryable<PlanTaskEntity> ReportedCompletions(Actor actor) => Managed(actor).Where(t => t.Completion == CompletionState.Reported);

    private IQueryable<ExtensionRequestEntity> PendingExtensions(Actor actor)
    {
        var tasks = Managed(actor);
        return from e in db.Extensions.AsNoTracking()
               where e.State == ExtensionState.Pending
               join t in tasks on e.TaskId equals t.Id
               select e;
    }

    /// <summary>Periodic reports submitted to the plans the actor manages, awaiting acceptance or return.</summary>
    private IQueryable<PeriodReportEntity> SubmittedReports(Actor actor)
    {
        var plans = db.Plans.AsNoTracking().Where(p => p.State == PlanState.Published);
        if (!actor.IsAdministrator)
        {
            var user = actor.UserId;
            plans = plans.Where(p => p.OwnerId == user);
        }

        return from r in db.PeriodReports.AsNoTracking()
               where r.State == PeriodReportState.Submitted
               join p in plans on r.PlanId equals p.Id
               select r;
    }

    private IQueryable<PlanTaskEntity> Waiting(Actor actor) => Managed(actor).Where(t => t.Phase == TaskPhase.Waiting);

    private static int Position(string? after) => NumberIdPosition.Parse(after)?.Id ?? 0;

    private static string PositionOf(int id) => new NumberIdPosition(0, id).ToString();

    private async Task<Page<CompletionToAccept>> CompletionsAsync(Actor actor, int after, int size, int total, CancellationToken cancellationToken)
    {
        var day = statuses.Day;
        var rows = await ReportedCompletions(actor).Where(t => t.Id > after).OrderBy(t => t.Id).Take(size + 1)
            .Select(TaskCatalog.RowOf(day)).ToListAsync(cancellationToken);
        var shown = rows.Take(size).ToList();
        var ids = shown.Select(r => r.Id).ToList();
        var reportedOn = await db.Tasks.AsNoTracking().Where(t => ids.Contains(t.Id)).Select(t => new { t.Id, t.ReportedDoneOn })
            .ToDictionaryAsync(t => t.Id, t => t.ReportedDoneOn, cancellationToken);
        // The newest completion report of each task: its id is the largest.
        var reports = (await db.Reports.AsNoTracking().Where(r => ids.Contains(r.TaskId) && r.Kind == ReportKind.Completion)
                .Select(r => new { r.Id, r.TaskId, r.Summary, r.AuthorName }).ToListAsync(cancellationToken))
            .GroupBy(r => r.TaskId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Id)!);
        var summaries = await catalog.SummarizeAsync(shown, day, cancellationToken);
        var items = summaries.Select(s => new CompletionToAccept(
            s, reportedOn.GetValueOrDefault(s.Id), reports.GetValueOrDefault(s.Id)?.Summary, reports.GetValueOrDefault(s.Id)?.AuthorName)).ToList();
        return new Page<CompletionToAccept>(items, rows.Count > size ? PositionOf(shown[^1].Id) : null, total);
    }

    private async Task<Page<ExtensionToDecide>> ExtensionsAsync(Actor actor, int after, int size, int total, CancellationToken cancellationToken)
    {
        var day = statuses.Day;
        var requests = await PendingExtensions(actor).Where(e => e.Id > after).OrderBy(e => e.Id).Take(size + 1)
            .Select(e => new { e.Id, e.TaskId, e.PreviousDue, e.RequestedDue, e.Reason, e.RequestedBy, e.RequestedAt })
            .ToListAsync(cancellationToken);
        var shown = requests.Take(size).ToList();
        var taskIds = shown.Select(e => e.TaskId).Distinct().ToList();
        var rows = await db.Tasks.AsNoTracking().Where(t => taskIds.Contains(t.Id)).Select(TaskCatalog.RowOf(day)).ToListAsync(cancellationToken);
        var tasks = (await catalog.SummarizeAsync(rows, day, cancellationToken)).ToDictionary(t => t.Id);
        var items = shown.Where(e => tasks.ContainsKey(e.TaskId))
            .Select(e => new ExtensionToDecide(e.Id, tasks[e.TaskId], e.PreviousDue, e.RequestedDue, e.Reason, e.RequestedBy, e.RequestedAt))
            .ToList();
        return new Page<ExtensionToDecide>(items, requests.Count > size ? PositionOf(shown[^1].Id) : null, total);
    }

    private async Task<Page<TaskWaitingForEvent>> WaitingAsync(Actor actor, int after, int size, int total, CancellationToken cancellationToken)
    {
        var day = statuses.Day;
        var rows = await Waiting(actor).Where(t => t.Id > after).OrderBy(t => t.Id).Take(size + 1)
            .Select(TaskCatalog.RowOf(day)).ToListAsync(cancellationToken);
        var shown = rows.Take(size).ToList();
        var summaries = await catalog.SummarizeAsync(shown, day, cancellationToken);
        var waitingFor = shown.ToDictionary(r => r.Id, r => r.WaitingFor);
        return new Page<TaskWaitingForEvent>(
            summaries.Select(s => new TaskWaitingForEvent(s, waitingFor.GetValueOrDefault(s.Id))).ToList(),
            rows.Count > size ? PositionOf(shown[^1].Id) : null,
            total);
    }

    private async Task<Page<PeriodReportToReview>> PeriodReportsAsync(Actor actor, int after, int size, int total, CancellationToken cancellationToken)
    {
        var rows = await (
                from r in SubmittedReports(actor)
                where r.Id > after
                join p in db.Plans.AsNoTracking() on r.PlanId equals p.Id
                join a in db.Agencies.AsNoTracking() on r.AgencyId equals a.Id
                orderby r.Id
                select new { r.Id, r.PlanId, p.Title, p.Number, r.Period, r.AgencyId, Agency = a.Name, r.DueOn, r.SubmittedAt, r.SubmittedBy, r.OnTime })
            .Take(size + 1).ToListAsync(cancellationToken);
        var shown = rows.Take(size).ToList();
        var items = shown.Select(r => new PeriodReportToReview(
                r.Id, r.PlanId, r.Title ?? r.Number ?? $"Kế hoạch {r.PlanId}", r.Period,
                Core.Reports.ReportPeriod.Parse(r.Period).Period?.ToVietnamese() ?? r.Period,
                r.AgencyId, r.Agency, r.DueOn, r.SubmittedAt, r.SubmittedBy, r.OnTime))
            .ToList();
        return new Page<PeriodReportToReview>(items, rows.Count > size ? PositionOf(shown[^1].Id) : null, total);
    }
}
