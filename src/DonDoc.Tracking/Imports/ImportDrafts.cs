using System.Security.Cryptography;
using System.Text.Json;
using DonDoc.Core.Access;
using DonDoc.Core.Agencies;
using DonDoc.Core.Deadlines;
using DonDoc.Core.Tracking;
using DonDoc.Data.Agencies;
using DonDoc.Data.Plans;
using DonDoc.Data.Storage;
using DonDoc.Data.Tracking;
using DonDoc.Import.Importing;
using DonDoc.Tracking.Auditing;
using DonDoc.Tracking.Formatting;
using DonDoc.Tracking.Reminders;
using DonDoc.Tracking.Tasks;
using DonDoc.Tracking.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DonDoc.Tracking.Imports;

/// <summary>
/// Upload → review → publish. A draft is a plan in the Draft state, stored as soon as the file is read
/// (so it survives a restart); publishing resolves every row to one lead agency and makes the tasks live;
/// discarding a draft removes it and its rows entirely.
/// </summary>
public sealed partial class ImportDrafts(
    DonDocDbContext db,
    DeadlineParser parser,
    AgencyDirectoryStore directoryStore,
    AuditLog audit,
    EventTriggers triggers,
    TaskStateWriter states,
    ImportCapacityOptions capacity,
    ImportGate gate,
    EventNotices notices,
    Webhooks.WebhookOutbox webhooks,
    Periods.PeriodReports periods,
    TimeProvider clock,
    ILogger<ImportDrafts> logger)
{
    private static readonly string[] AcceptedExtensions = [".txt", ".tsv", ".md", ".docx", ".xlsx", ".pdf", ".html", ".htm", ".json"];

    public async Task<int> CreateAsync(Actor actor, string fileName, byte[] content, CancellationToken cancellationToken)
    {
        if (!TaskAccess.CanImport(actor))
        {
            throw WorkflowException.Forbidden("Chỉ văn phòng theo dõi hoặc quản trị mới được nhập kế hoạch.", "import requires monitor or admin");
        }

        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (!AcceptedExtensions.Contains(extension))
        {
            throw WorkflowException.Invalid(
                $"Tệp \"{Path.GetFileName(fileName)}\" không được hỗ trợ. Hãy tải lên tệp .txt, .docx, .xlsx, .pdf hoặc tệp trao đổi .json.",
                $"unsupported extension {extension}");
        }

        if (content.Length == 0)
        {
            throw WorkflowException.Invalid("Tệp rỗng.", "empty file");
        }

        using var slot = gate.TryEnter() ?? throw new WorkflowException(
            WorkflowFailure.Busy,
            "Hệ thống đang đọc các tệp kế hoạch khác; hãy thử lại sau ít phút.",
            $"every import slot ({capacity.MaxConcurrent}) is taken");

        // One time budget for the whole import, reading and storing: a plan large enough to keep the server
        // busy past it is refused, and the transaction that stores it rolls back, so nothing is half-written.
        using var budget = new CancellationTokenSource(capacity.TimeBudget, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        try
        {
            return await ReadAndStoreAsync(actor, fileName, content, linked.Token);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("Import of {File} cancelled: the request was abandoned", fileName);
            throw;
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested)
        {
            logger.LogWarning("Import of {File} refused: reading and storing ran past the time budget of {Budget}", fileName, capacity.TimeBudget);
            throw WorkflowException.Invalid(
                $"Không đọc được tệp: tệp cần quá nhiều thời gian để đọc và lưu (quá {capacity.TimeBudget.TotalSeconds:0} giây); hãy tách tệp hoặc lưu lại dưới dạng Word/Excel.",
                $"import failed: reading and storing ran past the time budget of {capacity.TimeBudget}");
        }
    }

    private async Task<int> ReadAndStoreAsync(Actor actor, string fileName, byte[] content, CancellationToken cancellationToken)
    {
        var directory = await directoryStore.LoadAsync(cancellationToken);
        // The deadline in the token bounds the reading too; the importer's own, longer budget is for the command line.
        var importer = new PlanImporter(parser, directory) { Clock = clock };
        logger.LogInformation("Importing {File} ({Bytes} bytes)", fileName, content.Length);
        var result = importer.Import(fileName, content, cancellationToken: cancellationToken);
        if (result.Extraction is not { } extraction)
        {
            logger.LogWarning("Import of {File} refused: {Reason}", fileName, result.Failure?.English);
            throw WorkflowException.Invalid($"Không đọc được tệp: {result.Failure?.Vietnamese}.", $"import failed: {result.Failure?.English}");
        }

        var plan = extraction.Plan with { SourceFile = Path.GetFileName(fileName) };
        var entity = plan.ToEntity(clock.GetUtcNow());
        entity.OwnerId = actor.UserId;
        entity.SourceSha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        // The rows go in one bulk write, not through the change tracker: a 6,000-row plan was 2 s of EF inserts
        // and the tracker's copy of every row.
        var rows = entity.Tasks;
        entity.Tasks = [];

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Plans.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var row in rows)
        {
            row.PlanId = entity.Id;
            row.CurrentDue = row.DeadlineDue;
        }

        await using (var writer = BulkWriter.InCurrentTransaction(db))
        {
            await writer.WriteAsync(rows, cancellationToken);
        }

        // A warning about one task is kept with that row's id, so that the review shows it on the row (and it goes with the row).
        var rowIds = await db.Tasks.Where(t => t.PlanId == entity.Id).OrderBy(t => t.Position).Select(t => t.Id).ToListAsync(cancellationToken);
        entity.ImportNotesJson = JsonSerializer.Serialize(new ImportNotes(
            extraction.Warnings.Select(w => new DraftNote(w.Line, w.Code, w.Message, w.Task is { } index && index < rowIds.Count ? rowIds[index] : null)).ToList(),
            extraction.DroppedLines.Select(d => new DraftNote(d.Line, "dropped", $"{d.Explanation}: {d.Text}", null, d.Text)).ToList())
        {
            Cycle = DraftCycleOf(extraction.CycleProposal?.Cycle),
        });
        audit.Record(actor, AuditActions.DraftImport, entity.Id, null, null,
            new { file = entity.SourceFile, sha256 = entity.SourceSha256, rows = rows.Count, warnings = extraction.Warnings.Count, dropped = extraction.DroppedLines.Count });
        await db.SaveChangesAsync(cancellationToken);
        await db.TouchPlansAsync([entity.Id], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Imported {File} as draft plan {PlanId} with {Count} tasks", fileName, entity.Id, rows.Count);
        return entity.Id;
    }

    public async Task<DraftView> GetAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        var plan = await LoadDraftAsync(actor, id, tracked: false, cancellationToken);
        // Names are read in the issuer's plan: "Sở Nội vụ" of a plan of UBND tỉnh Đồng Tháp is that province's.
        var directory = (await directoryStore.LoadAsync(cancellationToken)).InPlanOf(plan.Issuer);
        var notes = ImportNotes.Read(plan.ImportNotesJson);
        var notesByRow = notes.Warnings.Where(w => w.Row is not null).ToLookup(w => w.Row!.Value);
        var rows = plan.Tasks.OrderBy(t => t.Position).Select(t => Row(t, plan.IssuedOn?.Year, directory, notesByRow[t.Id])).ToList();
        return new DraftView(plan.Id, plan.Number, plan.Issuer, plan.IssuedOn, plan.Title, plan.SourceFile, plan.Version, rows, notes.Warnings, notes.Dropped.Select(InVietnamese).ToList())
        {
            Cycle = DraftCycleOf(await periods.StoredCycleAsync(id, cancellationToken)),
            CycleProposal = DraftCycleOf((await periods.ProposalAsync(id, cancellationToken))?.Cycle),
        };
    }

    internal static DraftCycle? DraftCycleOf(Core.Reports.ReportCycle? cycle) => cycle is null
        ? null
        : new DraftCycle(cycle.Length.ToString(), cycle.AgencyDueDay, cycle.OfficeDueDay, cycle.DueAfterPeriod, cycle.Source, Periods.PeriodReports.Describe(cycle));

    /// <summary>Drafts imported before the reasons were stored in Vietnamese keep "page number: …"; the page shows them in Vietnamese too.</summary>
    private static DraftNote InVietnamese(DraftNote note)
    {
        foreach (var reason in global::DonDoc.Import.Extraction.DroppedLine.KnownReasons)
        {
            if (note.Message.StartsWith(reason + ":", StringComparison.Ordinal))
            {
                return note with { Message = global::DonDoc.Import.Extraction.DroppedLine.Vietnamese(reason) + note.Message[reason.Length..] };
            }
        }

        return note;
    }

    private DraftRow Row(PlanTaskEntity task, int? year, AgencyDirectory directory, IEnumerable<DraftNote> notes)
    {
        var deadline = parser.Parse(task.DeadlineRaw, year);
        var lead = directory.Resolve(task.Lead);
        var coordinators = directory.Resolve(task.Coordinators);
        var problem = LeadRule.Check(lead);
        var (choice, chosen) = ParseChoice(task.LeadChoice);
        var outcome = AssignmentPlanner.Plan(directory, lead, coordinators, choice, chosen);
        return new DraftRow(
            task.Id, task.Position, task.SectionId, task.SectionTitle, task.Number, task.Content, task.Lead, task.Coordinators,
            task.DeadlineRaw, deadline.Kind.ToSchemaName(), deadline.Due, DeadlineExplanation.Describe(deadline),
            task.Product, task.Evidence, task.BudgetVnd, task.Note, task.RawText,
            lead.Select(ToCell).ToList(), AssignmentPlanner.Expand(directory, lead).Select(a => a.Name).ToList(), coordinators.Select(ToCell).ToList(),
            problem?.Choices.Where(c => c != LeadChoice.ResolveUnknown).Select(c => c.ToString()).ToList() ?? [],
            task.LeadChoice, outcome.Problem, outcome.Tasks.Count,
            DraftIssues.Of(task.Content, task.DeadlineRaw, deadline, outcome.Problem, notes));
    }

    private static AgencyCell ToCell(AgencyMatch match) => new(
        match.Text, match.Name, match.Kind.ToString().ToLowerInvariant(), match.Candidates, match.Note);

    public static (LeadChoice? Choice, string? Chosen) ParseChoice(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return (null, null);
        }

        var parts = text.Split(':', 2);
        return Enum.TryParse<LeadChoice>(parts[0], out var choice) ? (choice, parts.Length > 1 ? parts[1] : null) : (null, null);
    }

    /// <summary>Saves a reviewer's corrections in one go; a stale version is refused with the current draft. Returns the new version.</summary>
    /// <remarks>An emptied content is saved (it stays a blocking issue until it is filled in), so that no other correction is lost.</remarks>
    public async Task<int> SaveAsync(Actor actor, int id, DraftEdit edit, CancellationToken cancellationToken)
    {
        var plan = await LoadDraftAsync(actor, id, tracked: true, cancellationToken);
        if (plan.Version != edit.Version)
        {
            throw WorkflowException.Stale(await GetAsync(actor, id, cancellationToken));
        }

        var before = new { plan.Number, plan.Issuer, plan.IssuedOn, plan.Title, plan.Version };
        plan.Number = Clean(edit.Number);
        plan.Issuer = Clean(edit.Issuer);
        plan.IssuedOn = edit.IssuedOn;
        plan.Title = Clean(edit.Title);
        foreach (var row in edit.Rows)
        {
            var task = plan.Tasks.FirstOrDefault(t => t.Id == row.Id)
                ?? throw WorkflowException.Invalid($"Dòng {row.Id} không thuộc bản nháp này.", $"row {row.Id} is not in draft {id}");
            task.Content = row.Content?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim() ?? string.Empty;
            task.Lead = Clean(row.Lead);
            task.Coordinators = Clean(row.Coordinators);
            task.DeadlineRaw = Clean(row.DeadlineRaw);
            task.Product = Clean(row.Product);
            task.Note = Clean(row.Note);
            task.LeadChoice = Clean(row.LeadChoice);
            if (row.Number is not null)
            {
                task.Number = Clean(row.Number);
            }

            if (row.Evidence is not null)
            {
                task.Evidence = Clean(row.Evidence);
            }

            if (row.Budget is not null)
            {
                var budget = Import.Extraction.BudgetParser.Parse(row.Budget, out var malformed);
                if (malformed)
                {
                    throw WorkflowException.Invalid($"Kinh phí \"{row.Budget}\" của nhiệm vụ {task.Number} không đọc được (ví dụ: 1.250.000.000).", $"unreadable budget {row.Budget} in row {row.Id}");
                }

                task.BudgetVnd = budget;
            }
        }

        foreach (var task in plan.Tasks)
        {
            states.Interpret(task, plan.IssuedOn?.Year);
        }

        if (edit.Cycle is { } cycle)
        {
            await periods.SaveDraftCycleAsync(actor, plan.Id, cycle, cancellationToken);
        }

        plan.Version++;
        audit.Record(actor, AuditActions.DraftEdit, plan.Id, null, before, new { plan.Number, plan.Issuer, plan.IssuedOn, plan.Title, plan.Version, rows = edit.Rows.Count });
        await SaveOrConflictAsync(actor, id, cancellationToken);
        return plan.Version;
    }

    /// <summary>A reviewer's answer to an unknown name: an alias of a known agency, or a new agency. Remembered for the next import.</summary>
    public async Task RememberAgencyAsync(Actor actor, string? text, string? aliasOf, AgencyKind? newKind, CancellationToken cancellationToken)
    {
        if (!TaskAccess.CanImport(actor))
        {
            throw WorkflowException.Forbidden("Bạn không có quyền sửa danh mục cơ quan.", "directory change requires monitor or admin");
        }

        text = AgencyDirectoryStore.CleanName(text ?? "");
        if (text.Length == 0)
        {
            throw WorkflowException.Invalid("Hãy ghi tên cơ quan cần ghi nhớ (trường \"text\").", "empty agency text");
        }

        var directory = await directoryStore.LoadAsync(cancellationToken);
        Agency agency;
        if (!string.IsNullOrEmpty(aliasOf))
        {
            var known = directory.FindAgency(aliasOf) ?? throw WorkflowException.Invalid($"Không có cơ quan \"{aliasOf}\" trong danh mục.", $"no agency {aliasOf}");
            agency = known with { Aliases = [text] };
        }
        else
        {
            agency = new Agency(text, newKind ?? AgencyKind.Other);
        }

        try
        {
            await directoryStore.UpsertAsync([agency], cancellationToken);
        }
        catch (DirectoryConflictException conflict)
        {
            throw WorkflowException.Invalid("Không lưu được: " + conflict.Vietnamese + ".", conflict.Message);
        }

        audit.Record(actor, AuditActions.AgencyRemember, null, null, null, new { text, aliasOf, kind = newKind?.ToString() });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Makes the tasks live: every row becomes one task per lead agency, with its assignments and checklist. All or nothing.</summary>
    public async Task<int> PublishAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        var plan = await LoadDraftAsync(actor, id, tracked: true, cancellationToken);
        await directoryStore.SeedDefaultAsync(cancellationToken);
        var directory = (await directoryStore.LoadAsync(cancellationToken)).InPlanOf(plan.Issuer);
        var planned = new List<(PlanTaskEntity Row, IReadOnlyList<TaskAssignment> Tasks)>();
        var problems = new List<string>();
        if (plan.Tasks.Count == 0)
        {
            problems.Add("Bản nháp không còn dòng nhiệm vụ nào; hãy thêm nhiệm vụ hoặc hủy bản nháp.");
        }

        foreach (var task in plan.Tasks.OrderBy(t => t.Position))
        {
            var (choice, chosen) = ParseChoice(task.LeadChoice);
            var outcome = AssignmentPlanner.Plan(directory, directory.Resolve(task.Lead), directory.Resolve(task.Coordinators), choice, chosen);
            var deadline = parser.Parse(task.DeadlineRaw, plan.IssuedOn?.Year);
            problems.AddRange(DraftIssues.Of(task.Content, task.DeadlineRaw, deadline, outcome.Problem, [])
                .Where(i => i.Blocking)
                .Select(i => $"Nhiệm vụ {Label(task)}: {i.Message}"));
            planned.Add((task, outcome.Tasks));
        }

        if (problems.Count > 0)
        {
            throw new WorkflowException(WorkflowFailure.Invalid,
                $"Chưa thể ban hành: còn {problems.Count} dòng cần xử lý. " + string.Join(" ", problems.Take(10)) + (problems.Count > 10 ? " …" : ""),
                $"publish refused: {problems.Count} rows unresolved") { Current = problems };
        }

        var agencyIds = await db.Agencies.ToDictionaryAsync(a => a.Name, a => a.Id, StringComparer.Ordinal, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Positions are unique per plan: move the rows below the lowest one, in one statement (not one per row),
        // before numbering the final tasks. Each row's new position is below every old one and unique.
        var lowest = plan.Tasks.Min(t => t.Position);
        await db.Tasks.Where(t => t.PlanId == plan.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.Position, t => 2 * lowest - 1 - t.Position), cancellationToken);
        foreach (var entry in db.ChangeTracker.Entries<PlanTaskEntity>().Where(e => e.Entity.PlanId == plan.Id))
        {
            entry.Entity.Position = 2 * lowest - 1 - entry.Entity.Position;
            entry.Property(t => t.Position).OriginalValue = entry.Entity.Position;
        }
        var position = 0;
        var published = new List<PlanTaskEntity>();
        var assignments = new List<(PlanTaskEntity Task, TaskAssignmentEntity Assignment)>();
        foreach (var (row, tasks) in planned)
        {
            for (var i = 0; i < tasks.Count; i++)
            {
                var task = i == 0 ? row : Copy(row);
                if (i > 0)
                {
                    plan.Tasks.Add(task);
                }

                task.Position = position++;
                states.Interpret(task, plan.IssuedOn?.Year);
                task.LeadAgencyId = agencyIds[tasks[i].Lead.Name];
                assignments.Add((task, new TaskAssignmentEntity { AgencyId = agencyIds[tasks[i].Lead.Name], Role = AssignmentRole.Lead, Note = tasks[i].Lead.Note }));
                foreach (var coordinator in tasks[i].Coordinators)
                {
                    assignments.Add((task, new TaskAssignmentEntity { AgencyId = agencyIds[coordinator.Name], Role = AssignmentRole.Coordinator, Note = coordinator.Note }));
                }

                TaskStateWriter.WriteSearch(task, plan.Number, plan.Title, tasks[i].Lead.Name, tasks[i].Coordinators.Select(c => c.Name));
                published.Add(task);
            }
        }

        plan.State = PlanState.Published;
        plan.PublishedAt = clock.GetUtcNow();
        plan.Version++;
        await triggers.ApplyToAsync(published, cancellationToken);
        var today = Core.Calendar.VietnamTime.Today(clock);
        foreach (var task in published)
        {
            states.Refresh(task, plan.State, plan.IssuedOn?.Year, today);
        }

        await db.SaveChangesAsync(cancellationToken);

        // The assignments (two or three per task) in one bulk write once every task has its id, then read back so
        // that each task's Assignments holds them for the notices and the webhook: EF's inserts were half the publish.
        foreach (var (task, assignment) in assignments)
        {
            assignment.TaskId = task.Id;
        }

        await using (var writer = BulkWriter.InCurrentTransaction(db))
        {
            await writer.WriteAsync(assignments.Select(a => a.Assignment).ToList(), cancellationToken);
        }

        await db.Assignments.Where(a => a.Task!.PlanId == plan.Id).LoadAsync(cancellationToken);

        // A product cell that lists several products becomes a checklist; a single product is just the task's product.
        foreach (var task in published)
        {
            var items = ProductChecklist.Items(task.Product);
            if (items.Count < 2)
            {
                continue;
            }

            for (var i = 0; i < items.Count; i++)
            {
                db.ChecklistItems.Add(new ChecklistItemEntity { TaskId = task.Id, Position = i, Text = items[i] });
            }
        }

        await periods.StartCycleAsync(plan.Id, cancellationToken);
        await notices.AssignedAsync(actor, plan, published, cancellationToken);
        await webhooks.PublishedAsync(actor, plan, published, cancellationToken);
        audit.Record(actor, "plan.publish", plan.Id, null, null, new { plan.Number, plan.Title, rows = planned.Count, tasks = published.Count });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Published plan {PlanId}: {Rows} rows became {Tasks} tasks", plan.Id, planned.Count, published.Count);
        return published.Count;
    }

    /// <summary>Removes a draft and everything imported with it.</summary>
    public async Task DiscardAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        var plan = await LoadDraftAsync(actor, id, tracked: true, cancellationToken);
        db.Plans.Remove(plan);
        audit.Record(actor, AuditActions.DraftDiscard, plan.Id, null, new { plan.Number, plan.Title, file = plan.SourceFile, rows = plan.Tasks.Count }, null);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Discarded draft plan {PlanId}", id);
    }

    /// <summary>Whether the plan was published (or archived or cancelled) since its draft was opened: the review page then shows the plan.</summary>
    public Task<bool> IsPublishedAsync(int id, CancellationToken cancellationToken) =>
        db.Plans.AnyAsync(p => p.Id == id && p.State != PlanState.Draft, cancellationToken);

    private async Task<PlanEntity> LoadDraftAsync(Actor actor, int id, bool tracked, CancellationToken cancellationToken)
    {
        var plans = tracked ? db.Plans : db.Plans.AsNoTracking();
        var plan = await plans.Include(p => p.Tasks).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (plan is null || !TaskAccess.CanManage(actor, plan.OwnerId))
        {
            throw WorkflowException.NotFound($"draft {id}");
        }

        if (plan.State != PlanState.Draft)
        {
            throw WorkflowException.Invalid("Kế hoạch này đã được ban hành, không còn là bản nháp.", $"plan {id} is not a draft");
        }

        return plan;
    }

    private async Task SaveOrConflictAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw WorkflowException.Stale(await GetAsync(actor, id, cancellationToken));
        }
    }

    private static PlanTaskEntity Copy(PlanTaskEntity row) => new()
    {
        PlanId = row.PlanId,
        SectionId = row.SectionId,
        SectionTitle = row.SectionTitle,
        Number = row.Number,
        Content = row.Content,
        Lead = row.Lead,
        Coordinators = row.Coordinators,
        DeadlineRaw = row.DeadlineRaw,
        DeadlineKind = row.DeadlineKind,
        DeadlineDue = row.DeadlineDue,
        DeadlineDetail = row.DeadlineDetail,
        CurrentDue = row.CurrentDue,
        Product = row.Product,
        Evidence = row.Evidence,
        BudgetVnd = row.BudgetVnd,
        Note = row.Note,
        RawText = row.RawText,
        LeadChoice = row.LeadChoice,
    };

    private static string Label(PlanTaskEntity task) =>
        string.Join(".", new[] { task.SectionId, task.Number }.Where(p => !string.IsNullOrEmpty(p))) is { Length: > 0 } label
            ? label
            : (task.Position + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
