using DonDoc.Core.Access;
using DonDoc.Core.Calendar;
using DonDoc.Core.Reports;
using DonDoc.Core.Tracking;
using DonDoc.Data.Agencies;
using DonDoc.Data.Plans;
using DonDoc.Data.Storage;
using DonDoc.Data.Tracking;
using DonDoc.Tracking.Auditing;
using DonDoc.Tracking.Calendar;
using DonDoc.Tracking.Reports;
using DonDoc.Tracking.Tasks;
using DonDoc.Tracking.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Tracking.Periods;

/// <summary>The office's setting of a plan's cycle; the period's length by name (Month, Quarter, HalfYear, Year).</summary>
/// <param name="RatingFormula">The emulation rating's formula, written as <c>tasks=100;late=5;missing=10</c>; the default when empty.</param>
public sealed record CycleInput(string? Length, int? AgencyDueDay, int? OfficeDueDay, bool DueAfterPeriod = false, string? FirstPeriod = null, string? Source = null, int? Version = null, string? RatingFormula = null);

/// <summary>A plan's cycle as stored.</summary>
public sealed record CycleView(int PlanId, string Length, int AgencyDueDay, int OfficeDueDay, bool DueAfterPeriod, string FirstPeriod, string? Source, string Description, string RatingFormula, int Version);

/// <summary>The emulation rating of a period: the formula in words and the agencies ranked within their groups.</summary>
public sealed record PeriodRating(string Period, string PeriodName, DateOnly AsOf, string Formula, string FormulaText, IReadOnlyList<RatedGroup> Groups);

/// <summary>One task's line of a submission: its progress and result in the period.</summary>
public sealed record SubmissionItemInput(int TaskId, int? Percent, string? Progress, string? Result = null);

/// <summary>An agency's report for one period: a line per task it leads and the four narrative parts.</summary>
public sealed record SubmissionInput(IReadOnlyList<SubmissionItemInput> Items, string? Results, string? Shortcomings = null, string? NextTasks = null, string? Proposals = null, int? Version = null);

/// <summary>The office's decision on a submission: accept, or return with a reason.</summary>
public sealed record PeriodDecisionInput(string? Decision = null, string? Reason = null, bool? Accepted = null)
{
    public bool? Accept => Workflow.Decision.Read(Decision, Accepted);
}

/// <summary>The state of one agency's report for a period, as the office's view names it.</summary>
public enum SubmissionState
{
    NotSubmitted,
    Late,
    SubmittedOnTime,
    SubmittedLate,
    Returned,
    Accepted,
}

/// <summary>An agency's line in the office's view of a period.</summary>
public sealed record PeriodAgencyRow(int AgencyId, string Agency, int Tasks, SubmissionState State, string StateText, DateTimeOffset? SubmittedAt, bool? OnTime, int? ReportId, string? ReturnReason);

/// <summary>The office's view of a period: who has submitted, who is late.</summary>
public sealed record PeriodOverview(int PlanId, string PlanTitle, string Period, string PeriodName, DateOnly AgencyDueOn, DateOnly OfficeDueOn, IReadOnlyList<PeriodAgencyRow> Agencies)
{
    public int Submitted => Agencies.Count(a => a.State is SubmissionState.SubmittedOnTime or SubmissionState.SubmittedLate or SubmissionState.Accepted);
}

/// <summary>One task's line of an agency's report: prefilled from the progress recorded when nothing was submitted yet.</summary>
public sealed record PeriodTaskLine(int TaskId, string? Number, string Content, string? Deadline, int? Percent, string Progress, string? Result, IReadOnlyList<PeriodEvidence> Evidence);

/// <summary>An evidence file recorded on the task in the period.</summary>
public sealed record PeriodEvidence(int FileId, string FileName);

/// <summary>An agency's report for a period, submitted or to be written.</summary>
public sealed record AgencyPeriodReport(
    int PlanId, string PlanTitle, string Period, string PeriodName, int AgencyId, string Agency, DateOnly DueOn,
    SubmissionState State, string StateText, int? ReportId, int Version, DateTimeOffset? SubmittedAt, string? SubmittedBy, string? ReturnReason,
    string Results, string? Shortcomings, string? NextTasks, string? Proposals, IReadOnlyList<PeriodTaskLine> Tasks);

/// <summary>The consolidated narrative the office edits before export.</summary>
public sealed record NarrativeInput(string? Results, string? Shortcomings, string? NextTasks, string? Proposals);

/// <summary>
/// The periodic reporting cycle of a plan: the office sets it; each period every agency that leads tasks in the plan
/// submits one report (a line per task, recorded on the task as its progress for the period, and the narrative); the
/// office returns or accepts it; continuous and recurring tasks are judged by their lead's periods
/// (<see cref="PlanTaskEntity.PeriodReportDue"/>). Every change is one transaction with its audit entry.
/// </summary>
public sealed class PeriodReports(
    DonDocDbContext db,
    TaskStateWriter states,
    TaskStatusReader statuses,
    CurrentCalendar calendar,
    AuditLog audit,
    Webhooks.WebhookOutbox webhooks,
    EvidenceStore evidence,
    TimeProvider clock)
{
    private WorkingDayCalendar Calendar => calendar.Calendar;

    private DateOnly Today => VietnamTime.Today(clock);

    /// <summary>The plan's cycle, or null while none is set.</summary>
    public async Task<CycleView?> CycleAsync(Actor actor, int planId, CancellationToken cancellationToken)
    {
        await ReadablePlanAsync(actor, planId, cancellationToken);
        var cycle = await db.ReportCycles.AsNoTracking().FirstOrDefaultAsync(c => c.PlanId == planId, cancellationToken);
        return cycle is null ? null : ViewOf(cycle);
    }

    /// <summary>The cycle the plan's own words state (its tasks' contents, deadlines, headings and products), or null.</summary>
    public async Task<ReportCycleProposal?> ProposeCycleAsync(Actor actor, int planId, CancellationToken cancellationToken)
    {
        await ReadablePlanAsync(actor, planId, cancellationToken);
        return await ProposalAsync(planId, cancellationToken);
    }

    /// <summary>The proposal for a plan or draft the caller has already let the actor read.</summary>
    internal async Task<ReportCycleProposal?> ProposalAsync(int planId, CancellationToken cancellationToken)
    {
        // What the whole document stated when it was imported (its body too), else what its rows say.
        var notes = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => p.ImportNotesJson).FirstOrDefaultAsync(cancellationToken);
        if (Imports.ImportNotes.Read(notes).Cycle is { } read && Enum.TryParse<PeriodLength>(read.Length, out var length))
        {
            return new ReportCycleProposal(new ReportCycle(length, read.AgencyDueDay, read.OfficeDueDay, read.DueAfterPeriod) { Source = read.Source });
        }

        var texts = await db.Tasks.AsNoTracking().Where(t => t.PlanId == planId).OrderBy(t => t.Position)
            .Select(t => new { t.Content, t.DeadlineRaw, t.SectionTitle })
            .ToListAsync(cancellationToken);
        // A task about reporting and its deadline cell read as one sentence: "Báo cáo tình hình … – Ngày 25 hằng tháng".
        return ReportCycleReader.Read(texts.SelectMany(t => new[] { t.SectionTitle, $"{t.Content} – {t.DeadlineRaw}" }).Distinct());
    }

    /// <summary>The cycle stored for a plan or draft, as Core's value (with its source), or null.</summary>
    internal async Task<ReportCycle?> StoredCycleAsync(int planId, CancellationToken cancellationToken) =>
        await db.ReportCycles.AsNoTracking().FirstOrDefaultAsync(c => c.PlanId == planId, cancellationToken) is { } stored ? CycleOf(stored) : null;

    /// <summary>Whether the actor manages the plan (sets its cycle, decides on its reports).</summary>
    public async Task<bool> CanManageAsync(Actor actor, int planId, CancellationToken cancellationToken) =>
        TaskAccess.CanManage(actor, await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => p.OwnerId).FirstOrDefaultAsync(cancellationToken));

    /// <summary>Sets or changes the plan's cycle (the office that owns it) and judges its continuous and recurring tasks again.</summary>
    public async Task<CycleView> SetCycleAsync(Actor actor, int planId, CycleInput input, CancellationToken cancellationToken)
    {
        var plan = await ManagedPlanAsync(actor, planId, cancellationToken);
        var published = plan.PublishedAt is { } at ? DateOnly.FromDateTime(at.ToOffset(VietnamTime.Offset).DateTime) : Today;
        var (cycle, formula) = Checked(input, published);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var stored = await db.ReportCycles.FirstOrDefaultAsync(c => c.PlanId == planId, cancellationToken);
        if (stored is not null && input.Version is { } version && version != stored.Version)
        {
            throw WorkflowException.Stale(ViewOf(stored));
        }

        stored = Write(actor, planId, stored, cycle, formula, input.Source);
        await db.SaveChangesAsync(cancellationToken);
        await JudgeAsync(planId, null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ViewOf(stored);
    }

    /// <summary>
    /// The cycle a draft will have when it is published, as the review page sets it (none when <see cref="CycleInput.Length"/>
    /// is empty), written in the caller's transaction; the draft's first period is the one it is saved in, and
    /// <see cref="StartCycleAsync"/> moves it to the period of publication.
    /// </summary>
    internal async Task SaveDraftCycleAsync(Actor actor, int planId, CycleInput input, CancellationToken cancellationToken)
    {
        var stored = await db.ReportCycles.FirstOrDefaultAsync(c => c.PlanId == planId, cancellationToken);
        if (string.IsNullOrWhiteSpace(input.Length))
        {
            if (stored is not null)
            {
                audit.Record(actor, "report_cycle", planId, null, ViewOf(stored), null);
                db.ReportCycles.Remove(stored);
            }

            return;
        }

        var (cycle, formula) = Checked(input with { FirstPeriod = null }, Today);
        if (stored is not null && stored.Length == cycle.Length.ToString() && stored.AgencyDueDay == cycle.AgencyDueDay
            && stored.OfficeDueDay == cycle.OfficeDueDay && stored.DueAfterPeriod == cycle.DueAfterPeriod)
        {
            return;
        }

        Write(actor, planId, stored, cycle, formula, input.Source);
    }

    /// <summary>At publication, in the caller's transaction: the draft's cycle (if it has one) starts with the period of publication and judges the tasks.</summary>
    internal async Task StartCycleAsync(int planId, CancellationToken cancellationToken)
    {
        var stored = await db.ReportCycles.FirstOrDefaultAsync(c => c.PlanId == planId, cancellationToken);
        if (stored is null)
        {
            return;
        }

        stored.FirstPeriod = ReportPeriod.Containing(Today, Enum.Parse<PeriodLength>(stored.Length)).ToString();
        await db.SaveChangesAsync(cancellationToken);
        await JudgeAsync(planId, null, cancellationToken);
    }

    /// <summary>The cycle and formula an input asks for, or the reason they cannot be.</summary>
    private static (ReportCycle Cycle, RatingFormula Formula) Checked(CycleInput input, DateOnly published)
    {
        if (!Enum.TryParse<PeriodLength>(input.Length, ignoreCase: true, out var length) || !Enum.IsDefined(length))
        {
            throw WorkflowException.Invalid("Hãy chọn kỳ báo cáo: tháng, quý, 6 tháng hoặc năm.", $"unknown period length '{input.Length}'");
        }

        if (input.AgencyDueDay is not { } agencyDay || input.OfficeDueDay is not { } officeDay)
        {
            throw WorkflowException.Invalid("Hãy nhập ngày các cơ quan báo cáo và ngày Văn phòng tổng hợp báo cáo.", "cycle without its due days");
        }

        ReportPeriod first;
        if (string.IsNullOrWhiteSpace(input.FirstPeriod))
        {
            first = ReportPeriod.Containing(published, length);
        }
        else
        {
            var parsed = ReportPeriod.Parse(input.FirstPeriod);
            first = parsed.Period ?? throw WorkflowException.Invalid(parsed.Error!, $"bad first period '{input.FirstPeriod}'");
        }

        var cycle = new ReportCycle(length, agencyDay, officeDay, input.DueAfterPeriod) { FirstPeriod = first };
        if (cycle.Problem() is { } problem)
        {
            throw WorkflowException.Invalid(problem, $"unsound cycle {length} {agencyDay}/{officeDay} from {first}");
        }

        var (formula, formulaProblem) = RatingFormula.Parse(input.RatingFormula);
        if (formula is null)
        {
            throw WorkflowException.Invalid(formulaProblem!, $"bad rating formula '{input.RatingFormula}'");
        }

        return (cycle, formula);
    }

    /// <summary>Writes a checked cycle over the stored one (a new row when none), with its audit entry.</summary>
    private ReportCycleEntity Write(Actor actor, int planId, ReportCycleEntity? stored, ReportCycle cycle, RatingFormula formula, string? source)
    {
        var before = stored is null ? null : ViewOf(stored);
        if (stored is null)
        {
            stored = new ReportCycleEntity { PlanId = planId };
            db.ReportCycles.Add(stored);
        }

        stored.Length = cycle.Length.ToString();
        stored.AgencyDueDay = cycle.AgencyDueDay;
        stored.OfficeDueDay = cycle.OfficeDueDay;
        stored.DueAfterPeriod = cycle.DueAfterPeriod;
        stored.FirstPeriod = cycle.FirstPeriod!.Value.ToString();
        stored.Source = Clean(source) is { } text ? text[..Math.Min(text.Length, 500)] : stored.Source;
        stored.RatingFormula = formula == RatingFormula.Default ? null : formula.ToString();
        stored.UpdatedBy = actor.Name;
        stored.UpdatedAt = clock.GetUtcNow();
        stored.Version++;
        audit.Record(actor, "report_cycle", planId, null, before, ViewOf(stored));
        return stored;
    }

    /// <summary>The office's view of a period: every agency that leads tasks in the plan and where its report stands.</summary>
    public async Task<PeriodOverview> OverviewAsync(Actor actor, int planId, string? period, CancellationToken cancellationToken)
    {
        var plan = await ReadablePlanAsync(actor, planId, cancellationToken);
        var (cycle, reported) = await CycleAndPeriodAsync(planId, period, cancellationToken);
        var due = cycle.AgencyDueOn(reported, Calendar);
        var leads = await LeadsAsync(planId, cancellationToken);
        var key = reported.ToString();
        var reports = await db.PeriodReports.AsNoTracking().Where(r => r.PlanId == planId && r.Period == key).ToDictionaryAsync(r => r.AgencyId, cancellationToken);
        var rows = leads
            .Where(l => actor.ReadsEverything || l.AgencyId == actor.AgencyId)
            .Select(l =>
            {
                var report = reports.GetValueOrDefault(l.AgencyId);
                var state = StateOf(report, due);
                return new PeriodAgencyRow(l.AgencyId, l.Name, l.Tasks, state, Describe(state), report?.SubmittedAt, report?.OnTime, report?.Id, report?.ReturnReason);
            })
            .OrderBy(r => r.State switch { SubmissionState.Late => 0, SubmissionState.NotSubmitted => 1, SubmissionState.SubmittedLate or SubmissionState.SubmittedOnTime => 2, SubmissionState.Returned => 3, _ => 4 })
            .ThenBy(r => r.Agency, StringComparer.Ordinal)
            .ToList();
        return new PeriodOverview(planId, plan.Title ?? plan.Number ?? $"Kế hoạch {planId}", key, reported.ToVietnamese(), due, cycle.OfficeDueOn(reported, Calendar), rows);
    }

    /// <summary>
    /// An agency's report for a period: the one submitted, or for its officers the form prefilled from the progress
    /// recorded on its tasks during the period (else the latest progress).
    /// </summary>
    public async Task<AgencyPeriodReport> ReportAsync(Actor actor, int planId, string? period, int agencyId, CancellationToken cancellationToken)
    {
        var plan = await ReadablePlanAsync(actor, planId, cancellationToken);
        if (!actor.ReadsEverything && actor.AgencyId != agencyId)
        {
            throw WorkflowException.Forbidden("Chỉ xem được báo cáo của cơ quan mình.", $"user {actor.UserId} cannot read agency {agencyId}'s period report");
        }

        var (cycle, reported) = await CycleAndPeriodAsync(planId, period, cancellationToken);
        var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == agencyId, cancellationToken) ?? throw WorkflowException.NotFound($"agency {agencyId}");
        var key = reported.ToString();
        var due = cycle.AgencyDueOn(reported, Calendar);
        var report = await db.PeriodReports.AsNoTracking().Include(r => r.Items).FirstOrDefaultAsync(r => r.PlanId == planId && r.Period == key && r.AgencyId == agencyId, cancellationToken);
        var tasks = await db.Tasks.AsNoTracking()
            .Where(t => t.PlanId == planId && t.LeadAgencyId == agencyId && !t.Cancelled)
            .OrderBy(t => t.Position)
            .Select(t => new { t.Id, t.Number, t.Content, t.DeadlineRaw, t.PercentDone })
            .ToListAsync(cancellationToken);
        if (tasks.Count == 0 && report is null)
        {
            throw WorkflowException.Invalid($"{agency.Name} không chủ trì nhiệm vụ nào của kế hoạch này.", $"agency {agencyId} leads no task of plan {planId}");
        }

        var ids = tasks.Select(t => t.Id).ToList();
        var linked = report?.Items.Select(i => i.ProgressReportId).ToHashSet() ?? [];
        var end = EndOfDay(reported.End);
        var progress = await db.Reports.AsNoTracking().Include(r => r.Files)
            .Where(r => ids.Contains(r.TaskId) && r.AgencyId == agencyId && r.Kind != ReportKind.Contribution)
            .ToListAsync(cancellationToken);
        // SQLite cannot compare offsets in SQL: the latest first, in memory (a task's reports are few).
        progress = progress.OrderByDescending(r => r.CreatedAt).ToList();
        var start = EndOfDay(reported.Start.AddDays(-1));
        var lines = tasks.Select(t =>
        {
            var mine = progress.Where(p => p.TaskId == t.Id).ToList();
            var chosen = mine.FirstOrDefault(p => linked.Contains(p.Id))
                ?? (report is null ? mine.FirstOrDefault(p => p.Period == key) ?? mine.FirstOrDefault(p => p.CreatedAt > start && p.CreatedAt <= end) ?? mine.FirstOrDefault(p => p.CreatedAt <= end) : null);
            var evidence = mine.Where(p => p.CreatedAt > start).SelectMany(p => p.Files).Select(f => new PeriodEvidence(f.Id, f.FileName)).ToList();
            return new PeriodTaskLine(t.Id, t.Number, t.Content, t.DeadlineRaw, chosen?.Percent ?? t.PercentDone, chosen?.Summary ?? string.Empty, chosen?.Proposals, evidence);
        }).ToList();
        var state = StateOf(report, due);
        return new AgencyPeriodReport(
            planId, plan.Title ?? plan.Number ?? $"Kế hoạch {planId}", key, reported.ToVietnamese(), agencyId, agency.Name, due,
            state, Describe(state), report?.Id, report?.Version ?? 0, report?.SubmittedAt, report?.SubmittedBy, report?.ReturnReason,
            report?.Results ?? string.Empty, report?.Shortcomings, report?.NextTasks, report?.Proposals, lines);
    }

    /// <summary>
    /// An agency officer submits the agency's report for a period (again, after it was returned): each line becomes the
    /// task's progress report for the period, the narrative is kept, the submission is judged on time or late.
    /// </summary>
    public Task<int> SubmitAsync(Actor actor, int planId, string? period, SubmissionInput input, CancellationToken cancellationToken) =>
        SubmitAsync(actor, planId, period, input, new Dictionary<int, IReadOnlyList<UploadedFile>>(), cancellationToken);

    /// <summary>The same, with evidence files for some of the tasks (by task id), stored on each task's progress report for the period.</summary>
    public async Task<int> SubmitAsync(Actor actor, int planId, string? period, SubmissionInput input, IReadOnlyDictionary<int, IReadOnlyList<UploadedFile>> files, CancellationToken cancellationToken)
    {
        if (!actor.Roles.Contains(Roles.AgencyOfficer) || actor.AgencyId is not { } agencyId)
        {
            throw WorkflowException.Forbidden("Chỉ cán bộ của cơ quan chủ trì mới nộp được báo cáo định kỳ.", $"user {actor.UserId} is no agency officer");
        }

        var plan = await ReadablePlanAsync(actor, planId, cancellationToken);
        if (plan.State != PlanState.Published)
        {
            throw WorkflowException.Invalid("Không thể nộp báo cáo: kế hoạch đã được lưu trữ hoặc hủy.", $"plan {planId} is {plan.State}");
        }

        var (cycle, reported) = await CycleAndPeriodAsync(planId, period, cancellationToken);
        var today = Today;
        if (reported.Start > today)
        {
            throw WorkflowException.Invalid($"Kỳ {reported.ToVietnamese()} chưa bắt đầu.", $"period {reported} has not begun on {today}");
        }

        if (string.IsNullOrWhiteSpace(input.Results))
        {
            throw WorkflowException.Invalid("Hãy ghi kết quả đạt được trong kỳ.", "period report without results");
        }

        var tasks = await db.Tasks.Include(t => t.Plan)
            .Where(t => t.PlanId == planId && t.LeadAgencyId == agencyId && !t.Cancelled)
            .ToListAsync(cancellationToken);
        if (tasks.Count == 0)
        {
            throw WorkflowException.Forbidden("Cơ quan của bạn không chủ trì nhiệm vụ nào của kế hoạch này.", $"agency {agencyId} leads no task of plan {planId}");
        }

        var byId = tasks.ToDictionary(t => t.Id);
        foreach (var item in input.Items)
        {
            if (!byId.ContainsKey(item.TaskId))
            {
                throw WorkflowException.Forbidden($"Nhiệm vụ số {item.TaskId} không do cơ quan của bạn chủ trì trong kế hoạch này.", $"task {item.TaskId} is not led by agency {agencyId} in plan {planId}");
            }

            if (item.Percent is < 0 or > 100)
            {
                throw WorkflowException.Invalid("Tỷ lệ hoàn thành phải từ 0 đến 100%.", $"percent {item.Percent} out of range");
            }
        }

        if (input.Items.GroupBy(i => i.TaskId).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw WorkflowException.Invalid("Mỗi nhiệm vụ chỉ ghi một dòng trong báo cáo.", $"task {twice.Key} reported twice");
        }

        if (files.Where(f => f.Value.Count > 0 && input.Items.All(i => i.TaskId != f.Key)).Select(f => f.Key).FirstOrDefault() is > 0 and var stray)
        {
            throw WorkflowException.Invalid("Tệp minh chứng phải gắn với một nhiệm vụ của báo cáo.", $"files for task {stray}, which has no line in the report");
        }

        var checkedFiles = files.ToDictionary(f => f.Key, f => evidence.Check(f.Value));
        using var upload = evidence.BeginUpload();

        var key = reported.ToString();
        var due = cycle.AgencyDueOn(reported, Calendar);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var report = await db.PeriodReports.Include(r => r.Items).FirstOrDefaultAsync(r => r.PlanId == planId && r.Period == key && r.AgencyId == agencyId, cancellationToken);
        if (report?.State == PeriodReportState.Accepted)
        {
            throw WorkflowException.Invalid($"Báo cáo {reported.ToVietnamese()} đã được tiếp nhận; không nộp lại được.", $"period report {report.Id} already accepted");
        }

        if (report is not null && input.Version is { } version && version != report.Version)
        {
            throw WorkflowException.Stale(new { report.Id, report.Version, state = report.State.ToString() });
        }

        var now = clock.GetUtcNow();
        var before = report is null ? null : new { state = report.State.ToString(), report.SubmittedAt, report.OnTime };
        if (report is null)
        {
            report = new PeriodReportEntity { PlanId = planId, Period = key, AgencyId = agencyId };
            db.PeriodReports.Add(report);
        }

        report.State = PeriodReportState.Submitted;
        report.DueOn = due;
        report.SubmittedAt = now;
        report.SubmittedById = actor.UserId;
        report.SubmittedBy = actor.Name;
        report.OnTime = today <= due;
        report.Results = input.Results.Trim();
        report.Shortcomings = Clean(input.Shortcomings);
        report.NextTasks = Clean(input.NextTasks);
        report.Proposals = Clean(input.Proposals);
        report.ReturnReason = null;
        report.DecidedBy = null;
        report.DecidedAt = null;
        report.Version++;
        report.Items.Clear();

        var progress = new List<(SubmissionItemInput Item, ProgressReportEntity Entry)>();
        var noFiles = (IReadOnlyList<(UploadedFile File, string Type)>)[];
        // A line left as the form prefilled it (no text, no file, the percent the task already has) records nothing.
        foreach (var item in input.Items.Where(i => !string.IsNullOrWhiteSpace(i.Progress) || checkedFiles.GetValueOrDefault(i.TaskId, noFiles).Count > 0
                     || (i.Percent is { } percent && percent != byId[i.TaskId].PercentDone)))
        {
            var task = byId[item.TaskId];
            var entry = new ProgressReportEntity
            {
                TaskId = task.Id,
                AgencyId = agencyId,
                AuthorId = actor.UserId,
                AuthorName = actor.Name,
                Kind = ReportKind.Progress,
                Percent = item.Percent,
                Summary = Clean(item.Progress) ?? $"Báo cáo {reported.ToVietnamese()}",
                Proposals = Clean(item.Result),
                Period = key,
                CreatedAt = now,
            };
            db.Reports.Add(entry);
            progress.Add((item, entry));
            task.LastProgressAt = now;
            if (item.Percent is { } percent && !TaskStatusReader.IsPeriodic(task))
            {
                task.PercentDone = percent;
            }

            task.Version++;
        }

        await db.SaveChangesAsync(cancellationToken);
        var stored = 0;
        foreach (var (item, entry) in progress)
        {
            report.Items.Add(new PeriodReportItemEntity { TaskId = item.TaskId, ProgressReportId = entry.Id });
            foreach (var (file, type) in checkedFiles.GetValueOrDefault(item.TaskId, noFiles))
            {
                var kept = await upload.AddAsync(file, type, cancellationToken);
                db.EvidenceFiles.Add(kept.Row(item.TaskId, entry.Id, null, actor.Name, now));
                stored++;
            }
        }

        audit.Record(actor, "period_report.submit", planId, null, before, new { period = key, agencyId, onTime = report.OnTime, tasks = progress.Count, files = stored });
        await db.SaveChangesAsync(cancellationToken);
        await webhooks.PeriodReportAsync(Webhooks.WebhookEvents.PeriodReportSubmitted, actor, plan, new
        {
            reportId = report.Id,
            period = key,
            agencyId,
            onTime = report.OnTime,
            dueOn = due,
            tasks = progress.Count,
        }, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await JudgeAsync(planId, agencyId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        upload.Complete();
        return report.Id;
    }

    /// <summary>The office that owns the plan accepts a submitted report, or returns it with a reason (the period is then unreported again).</summary>
    public async Task<SubmissionState> DecideAsync(Actor actor, int planId, string? period, int agencyId, PeriodDecisionInput input, CancellationToken cancellationToken)
    {
        var plan = await ManagedPlanAsync(actor, planId, cancellationToken);
        var (cycle, reported) = await CycleAndPeriodAsync(planId, period, cancellationToken);
        var key = reported.ToString();
        var report = await db.PeriodReports.FirstOrDefaultAsync(r => r.PlanId == planId && r.Period == key && r.AgencyId == agencyId, cancellationToken)
            ?? throw WorkflowException.Invalid("Cơ quan này chưa nộp báo cáo kỳ này.", $"agency {agencyId} has no report for {key} of plan {planId}");
        if (report.State != PeriodReportState.Submitted)
        {
            throw WorkflowException.Invalid("Báo cáo này đã được xử lý; chỉ xử lý báo cáo đang chờ tiếp nhận.", $"period report {report.Id} is {report.State}");
        }

        if (input.Accept is not { } accept)
        {
            throw WorkflowException.Invalid("Hãy chọn tiếp nhận hoặc trả lại báo cáo.", $"unknown decision '{input.Decision}'");
        }

        if (!accept && string.IsNullOrWhiteSpace(input.Reason))
        {
            throw WorkflowException.Invalid("Trả lại báo cáo cần ghi rõ lý do.", "return without a reason");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        report.State = accept ? PeriodReportState.Accepted : PeriodReportState.Returned;
        report.ReturnReason = accept ? null : input.Reason!.Trim();
        report.DecidedBy = actor.Name;
        report.DecidedAt = clock.GetUtcNow();
        report.Version++;
        audit.Record(actor, accept ? "period_report.accept" : "period_report.return", planId, null, new { state = "Submitted" },
            new { period = key, agencyId, state = report.State.ToString(), reason = report.ReturnReason });
        await db.SaveChangesAsync(cancellationToken);
        await JudgeAsync(plan.Id, agencyId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return StateOf(report, cycle.AgencyDueOn(reported, Calendar));
    }

    /// <summary>
    /// The emulation rating of a period (those who read every plan): each lead agency's tasks as they stood on the period's last
    /// day (or today), its report for the period (on time, late, or missing once due), scored by the plan's formula and ranked
    /// within its group of agencies.
    /// </summary>
    public async Task<PeriodRating> RatingAsync(Actor actor, int planId, string? period, CancellationToken cancellationToken)
    {
        if (!actor.ReadsEverything)
        {
            throw WorkflowException.Forbidden("Xếp hạng thi đua dành cho văn phòng theo dõi và lãnh đạo.", $"user {actor.UserId} cannot read the rating");
        }

        await ReadablePlanAsync(actor, planId, cancellationToken);
        var (cycle, reported) = await CycleAndPeriodAsync(planId, period, cancellationToken);
        var stored = await db.ReportCycles.AsNoTracking().Where(c => c.PlanId == planId).Select(c => c.RatingFormula).FirstAsync(cancellationToken);
        var formula = RatingFormula.Parse(stored).Formula ?? RatingFormula.Default;
        var today = Today;
        var asOf = reported.End < today ? reported.End : today;
        var day = statuses.DayOf(asOf);
        var due = cycle.AgencyDueOn(reported, Calendar);
        var key = reported.ToString();
        var tasks = await (
            from task in db.Tasks.AsNoTracking()
            join agency in db.Agencies.AsNoTracking() on task.LeadAgencyId equals agency.Id
            where task.PlanId == planId && task.Phase != TaskPhase.Cancelled && task.Phase != TaskPhase.Draft
            select new { agency.Id, agency.Name, agency.Kind, task.Phase, task.DueKey })
            .ToListAsync(cancellationToken);
        var reports = await db.PeriodReports.AsNoTracking().Where(r => r.PlanId == planId && r.Period == key).ToDictionaryAsync(r => r.AgencyId, cancellationToken);
        var figures = tasks.GroupBy(t => (t.Id, t.Name, t.Kind)).Select(g =>
        {
            var statusOf = g.Select(t => StoredStatus.Of(t.Phase, t.DueKey, day)).ToList();
            var report = reports.GetValueOrDefault(g.Key.Id);
            var inReport = report is { State: not PeriodReportState.Returned };
            return new AgencyPeriodFigures(
                g.Key.Id, g.Key.Name, g.Key.Kind, statusOf.Count,
                statusOf.Count(s => s == TrackingStatus.DoneOnTime),
                statusOf.Count(s => s == TrackingStatus.DoneLate),
                statusOf.Count(s => s == TrackingStatus.Overdue),
                statusOf.Count(s => StatusClassification.Bucket(s) == StatisticsBucket.WithinDeadline),
                inReport && report!.OnTime ? 1 : 0,
                inReport && !report!.OnTime ? 1 : 0,
                !inReport && due < today ? 1 : 0);
        });
        return new PeriodRating(key, reported.ToVietnamese(), asOf, formula.ToString(), formula.Describe(), EmulationRating.Rate(figures, formula));
    }

    /// <summary>The consolidated narrative of a period: the office's edit, else the accepted (or submitted) reports' parts, agency by agency.</summary>
    public async Task<ReportNarrative> NarrativeAsync(int planId, ReportPeriod period, CancellationToken cancellationToken)
    {
        var key = period.ToString();
        var edited = await db.PeriodNarratives.AsNoTracking().FirstOrDefaultAsync(n => n.PlanId == planId && n.Period == key, cancellationToken);
        if (edited is not null)
        {
            return new ReportNarrative(edited.Results, edited.Shortcomings, edited.NextTasks, edited.Proposals);
        }

        var reports = await (
            from report in db.PeriodReports.AsNoTracking()
            join agency in db.Agencies.AsNoTracking() on report.AgencyId equals agency.Id
            where report.PlanId == planId && report.Period == key && report.State != PeriodReportState.Returned
            orderby agency.Name
            select new { agency.Name, report.State, report.Results, report.Shortcomings, report.NextTasks, report.Proposals })
            .ToListAsync(cancellationToken);
        var used = reports.Any(r => r.State == PeriodReportState.Accepted) ? reports.Where(r => r.State == PeriodReportState.Accepted).ToList() : reports;
        string? Join(Func<string?[], string?> pick) => string.Join("\n", used
            .Select(r => (r.Name, Text: pick([r.Results, r.Shortcomings, r.NextTasks, r.Proposals])))
            .Where(r => !string.IsNullOrWhiteSpace(r.Text))
            .Select(r => $"- {r.Name}: {r.Text!.Trim()}")) is { Length: > 0 } text ? text : null;
        return new ReportNarrative(Join(p => p[0]), Join(p => p[1]), Join(p => p[2]), Join(p => p[3]));
    }

    /// <summary>The office keeps its edit of the consolidated narrative for the period.</summary>
    public async Task SaveNarrativeAsync(Actor actor, int planId, string? period, NarrativeInput input, CancellationToken cancellationToken)
    {
        await ManagedPlanAsync(actor, planId, cancellationToken);
        var (_, reported) = await CycleAndPeriodAsync(planId, period, cancellationToken);
        var key = reported.ToString();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var stored = await db.PeriodNarratives.FirstOrDefaultAsync(n => n.PlanId == planId && n.Period == key, cancellationToken);
        if (stored is null)
        {
            stored = new PeriodNarrativeEntity { PlanId = planId, Period = key };
            db.PeriodNarratives.Add(stored);
        }

        stored.Results = input.Results?.Trim() ?? string.Empty;
        stored.Shortcomings = input.Shortcomings?.Trim() ?? string.Empty;
        stored.NextTasks = input.NextTasks?.Trim() ?? string.Empty;
        stored.Proposals = input.Proposals?.Trim() ?? string.Empty;
        stored.UpdatedBy = actor.Name;
        stored.UpdatedAt = clock.GetUtcNow();
        audit.Record(actor, "period_report.narrative", planId, null, null, new { period = key });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Judges the continuous and recurring tasks of a plan (of one lead agency when given) by the cycle: each gets the due date
    /// of the earliest period its lead has not reported, or the next period's once all are in; none without a cycle.
    /// </summary>
    public async Task JudgeAsync(int planId, int? agencyId, CancellationToken cancellationToken)
    {
        var stored = await db.ReportCycles.AsNoTracking().FirstOrDefaultAsync(c => c.PlanId == planId, cancellationToken);
        var tasks = await db.Tasks.Include(t => t.Plan)
            .Where(t => t.PlanId == planId && (t.DeadlineKind == "continuous" || t.DeadlineKind == "recurring"))
            .Where(t => agencyId == null || t.LeadAgencyId == agencyId)
            .ToListAsync(cancellationToken);
        var cycle = stored is null ? null : CycleOf(stored);
        var reported = cycle is null ? [] : (await db.PeriodReports.AsNoTracking()
                .Where(r => r.PlanId == planId && r.State != PeriodReportState.Returned)
                .Select(r => new { r.AgencyId, r.Period })
                .ToListAsync(cancellationToken))
            .Select(r => (r.AgencyId, r.Period)).ToHashSet();
        var today = Today;
        foreach (var task in tasks)
        {
            task.PeriodReportDue = cycle is null || task.LeadAgencyId is not { } lead ? null : FirstUnreported(cycle, lead, reported);
            states.Refresh(task, task.Plan!.State, task.Plan.IssuedOn?.Year, today);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Judges one tracked task as it now stands (a new lead, a deadline become continuous or dated), in the caller's unit of
    /// work: the due date of its lead's earliest unreported period, or none when it is no longer periodic or has no cycle.
    /// </summary>
    internal async Task JudgeTaskAsync(PlanTaskEntity task, CancellationToken cancellationToken)
    {
        var stored = await db.ReportCycles.AsNoTracking().FirstOrDefaultAsync(c => c.PlanId == task.PlanId, cancellationToken);
        if (stored is null || task.DeadlineKind is not ("continuous" or "recurring") || task.LeadAgencyId is not { } lead)
        {
            task.PeriodReportDue = null;
            return;
        }

        var reported = (await db.PeriodReports.AsNoTracking()
                .Where(r => r.PlanId == task.PlanId && r.AgencyId == lead && r.State != PeriodReportState.Returned)
                .Select(r => r.Period)
                .ToListAsync(cancellationToken))
            .Select(period => (lead, period)).ToHashSet();
        task.PeriodReportDue = FirstUnreported(CycleOf(stored), lead, reported);
    }

    /// <summary>
    /// The due date of the lead's earliest period not reported (a period reported early is done, even before its due date);
    /// a period that has not begun cannot be reported, so the walk ends at the latest with the next one.
    /// </summary>
    private DateOnly FirstUnreported(ReportCycle cycle, int agencyId, HashSet<(int AgencyId, string Period)> reported)
    {
        var period = cycle.FirstPeriod!.Value;
        while (true)
        {
            var due = cycle.AgencyDueOn(period, Calendar);
            if (!reported.Contains((agencyId, period.ToString())))
            {
                return due;
            }

            period = period.Next();
        }
    }

    private SubmissionState StateOf(PeriodReportEntity? report, DateOnly due) => report switch
    {
        null => due < Today ? SubmissionState.Late : SubmissionState.NotSubmitted,
        { State: PeriodReportState.Accepted } => SubmissionState.Accepted,
        { State: PeriodReportState.Returned } => SubmissionState.Returned,
        { OnTime: true } => SubmissionState.SubmittedOnTime,
        _ => SubmissionState.SubmittedLate,
    };

    /// <summary>The Vietnamese words for a state, as every page and export writes them.</summary>
    public static string Describe(SubmissionState state) => state switch
    {
        SubmissionState.NotSubmitted => "Chưa nộp",
        SubmissionState.Late => "Chưa nộp (quá hạn)",
        SubmissionState.SubmittedOnTime => "Nộp đúng hạn",
        SubmissionState.SubmittedLate => "Nộp muộn",
        SubmissionState.Returned => "Bị trả lại",
        _ => "Đã tiếp nhận",
    };

    private async Task<(ReportCycle Cycle, ReportPeriod Period)> CycleAndPeriodAsync(int planId, string? period, CancellationToken cancellationToken)
    {
        var stored = await db.ReportCycles.AsNoTracking().FirstOrDefaultAsync(c => c.PlanId == planId, cancellationToken)
            ?? throw WorkflowException.Invalid("Kế hoạch chưa đặt chu kỳ báo cáo định kỳ.", $"plan {planId} has no report cycle");
        var cycle = CycleOf(stored);
        ReportPeriod reported;
        if (string.IsNullOrWhiteSpace(period))
        {
            // The period whose agency date comes next, or the last one while the current has not begun.
            reported = ReportPeriod.Containing(Today, cycle.Length);
            if (reported.Start < cycle.FirstPeriod!.Value.Start)
            {
                reported = cycle.FirstPeriod.Value;
            }
        }
        else
        {
            var parsed = ReportPeriod.Parse(period);
            reported = parsed.Period ?? throw WorkflowException.Invalid(parsed.Error!, $"bad period '{period}'");
        }

        if (reported.Length != cycle.Length)
        {
            throw WorkflowException.Invalid($"Kế hoạch báo cáo theo {LengthName(cycle.Length)}; kỳ {reported.ToVietnamese()} không thuộc chu kỳ này.", $"period {reported} does not fit a {cycle.Length} cycle");
        }

        if (reported.Start < cycle.FirstPeriod!.Value.Start)
        {
            throw WorkflowException.Invalid($"Chu kỳ báo cáo bắt đầu từ {cycle.FirstPeriod.Value.ToVietnamese()}.", $"period {reported} is before the first period {cycle.FirstPeriod}");
        }

        return (cycle, reported);
    }

    private async Task<List<(int AgencyId, string Name, int Tasks)>> LeadsAsync(int planId, CancellationToken cancellationToken) =>
        (await (
            from task in db.Tasks.AsNoTracking()
            join agency in db.Agencies.AsNoTracking() on task.LeadAgencyId equals agency.Id
            where task.PlanId == planId && !task.Cancelled
            group task by new { agency.Id, agency.Name } into g
            select new { g.Key.Id, g.Key.Name, Count = g.Count() })
            .ToListAsync(cancellationToken))
        .Select(l => (l.Id, l.Name, l.Count)).ToList();

    private async Task<PlanEntity> ReadablePlanAsync(Actor actor, int planId, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId && p.State != PlanState.Draft, cancellationToken)
            ?? throw WorkflowException.NotFound($"plan {planId}");
        if (!actor.ReadsEverything && !await db.Tasks.AnyAsync(t => t.PlanId == planId && t.Assignments.Any(a => a.AgencyId == actor.AgencyId), cancellationToken))
        {
            throw WorkflowException.NotFound($"plan {planId}");
        }

        return plan;
    }

    private async Task<PlanEntity> ManagedPlanAsync(Actor actor, int planId, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId && p.State != PlanState.Draft, cancellationToken)
            ?? throw WorkflowException.NotFound($"plan {planId}");
        if (!TaskAccess.CanManage(actor, plan.OwnerId))
        {
            throw WorkflowException.Forbidden("Chỉ văn phòng quản lý kế hoạch này mới thực hiện được thao tác này.", $"user {actor.UserId} does not manage plan {planId}");
        }

        return plan;
    }

    /// <summary>A stored cycle as Core's <see cref="ReportCycle"/>: the one mapping the service and the reminders' source read.</summary>
    internal static ReportCycle CycleOf(ReportCycleEntity stored) =>
        new(Enum.Parse<PeriodLength>(stored.Length), stored.AgencyDueDay, stored.OfficeDueDay, stored.DueAfterPeriod)
        {
            FirstPeriod = ReportPeriod.Parse(stored.FirstPeriod).Period,
            Source = stored.Source,
        };

    private static CycleView ViewOf(ReportCycleEntity stored)
    {
        var formula = RatingFormula.Parse(stored.RatingFormula).Formula ?? RatingFormula.Default;
        return new CycleView(stored.PlanId, stored.Length, stored.AgencyDueDay, stored.OfficeDueDay, stored.DueAfterPeriod, stored.FirstPeriod, stored.Source, Describe(CycleOf(stored)), formula.ToString(), stored.Version);
    }

    /// <summary>A cycle in the words every page writes: "Báo cáo hằng tháng: các cơ quan trước ngày 23, Văn phòng tổng hợp trước ngày 25 hằng tháng".</summary>
    public static string Describe(ReportCycle cycle)
    {
        var month = cycle.DueAfterPeriod ? "tháng sau kỳ" : "tháng cuối kỳ";
        return cycle.Length == PeriodLength.Month && !cycle.DueAfterPeriod
            ? $"Báo cáo hằng tháng: các cơ quan trước ngày {cycle.AgencyDueDay}, Văn phòng tổng hợp trước ngày {cycle.OfficeDueDay} hằng tháng"
            : $"Báo cáo {LengthName(cycle.Length)}: các cơ quan trước ngày {cycle.AgencyDueDay}, Văn phòng tổng hợp trước ngày {cycle.OfficeDueDay} của {month}";
    }

    private static string LengthName(PeriodLength length) => length switch
    {
        PeriodLength.Month => "tháng",
        PeriodLength.Quarter => "quý",
        PeriodLength.HalfYear => "6 tháng",
        _ => "năm",
    };

    private static DateTimeOffset EndOfDay(DateOnly day) => new(day.ToDateTime(new TimeOnly(23, 59, 59)), VietnamTime.Offset);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
