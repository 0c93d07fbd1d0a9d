using DonDoc.Core.Access;
using DonDoc.Core.Calendar;
using DonDoc.Core.Deadlines;
using DonDoc.Core.Tracking;
using DonDoc.Data.Agencies;
using DonDoc.Data.Plans;
using DonDoc.Data.Storage;
using DonDoc.Data.Tracking;
using DonDoc.Tracking.Auditing;
using DonDoc.Tracking.Formatting;
using DonDoc.Tracking.Reminders;
using DonDoc.Tracking.Tasks;
using DonDoc.Tracking.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Tracking.Workflow;

public sealed record ProgressInput(int? Percent, string? Summary, string? Difficulties = null, string? Proposals = null, string? Period = null, int? Version = null);

public sealed record CompletionInput(string? Summary, DateOnly? DoneOn = null, int? Version = null);

/// <summary>A yes-or-no decision, given as <c>"decision": "accept" | "return"</c> (or approve / reject) or as <c>"accepted": true</c>.</summary>
public static class Decision
{
    private static readonly string[] Yes = ["accept", "accepted", "approve", "approved", "yes"];
    private static readonly string[] No = ["return", "returned", "reject", "rejected", "no"];

    /// <summary>True or false; null when the request says neither.</summary>
    public static bool? Read(string? decision, bool? flag) =>
        flag ?? (Yes.Contains(decision?.Trim().ToLowerInvariant()) ? true : No.Contains(decision?.Trim().ToLowerInvariant()) ? false : null);
}

/// <summary>The office's decision on a reported completion: <c>accept</c>, or <c>return</c> with a reason.</summary>
public sealed record ReviewInput(string? Decision = null, string? Reason = null, int? Version = null, bool? Accepted = null)
{
    public bool? Accept => Workflow.Decision.Read(Decision, Accepted);
}

/// <param name="NewDue">The deadline asked for; <c>requestedDue</c> is read too.</param>
public sealed record ExtensionInput(DateOnly? NewDue, string? Reason, int? Version = null, DateOnly? RequestedDue = null);

public sealed record ExtensionDecisionInput(string? Decision = null, string? Note = null, bool? Approved = null)
{
    public bool? Approve => Workflow.Decision.Read(Decision, Approved);
}

public sealed record CancelInput(string? Reason, int? Version = null);

/// <summary>
/// The office's change to a published task. A field left null keeps what the task has; <c>coordinators</c> given as an
/// empty list removes them. Agencies are named exactly as the directory names them (a name, an alias or an abbreviation).
/// </summary>
/// <param name="Reason">Why the task changes: required, kept in the audit trail and sent to the agencies.</param>
/// <param name="Deadline">The deadline as the plan would print it ("30/9/2026", "Quý IV/2026", "Sau Đại hội … 15 ngày").</param>
public sealed record TaskEditInput(
    string? Reason,
    string? Content = null,
    string? Lead = null,
    IReadOnlyList<string>? Coordinators = null,
    string? Deadline = null,
    string? Product = null,
    int? Version = null);

/// <summary>A task after the office's edit: its status and the version the next change must send.</summary>
public sealed record TaskEditOutcome(string Status, int Version);

public sealed record ChecklistInput(bool Done, int? Version = null);

/// <summary>
/// Reporting and judging the work on a published task. Every step checks who may take it, refuses a
/// stale version, keeps its files outside the database, and appends to the audit trail in the same
/// transaction as the change.
/// </summary>
public sealed class TaskWorkflow(
    DonDocDbContext db,
    TaskCatalog catalog,
    TaskStatusReader statuses,
    TaskStateWriter states,
    EvidenceStore evidence,
    AuditLog audit,
    EventNotices notices,
    Webhooks.WebhookOutbox webhooks,
    AgencyDirectoryStore directory,
    DeadlineParser parser,
    EventTriggers triggers,
    CompletionEvidenceRule evidenceRule,
    Periods.PeriodReports periods,
    TimeProvider clock)
{
    public async Task<int> PostProgressAsync(Actor actor, int taskId, ProgressInput input, IReadOnlyList<UploadedFile> files, CancellationToken cancellationToken)
    {
        var task = await LoadAsync(actor, taskId, input.Version, cancellationToken);
        var parties = TaskCatalog.Parties(task);
        var asLead = TaskAccess.CanReportAsLead(actor, parties);
        if (!asLead && !TaskAccess.CanContribute(actor, parties))
        {
            throw WorkflowException.Forbidden("Chỉ cơ quan chủ trì hoặc phối hợp mới báo cáo tiến độ nhiệm vụ này.", $"user {actor.UserId} cannot report on task {taskId}");
        }

        EnsureLive(task);
        if (string.IsNullOrWhiteSpace(input.Summary))
        {
            throw WorkflowException.Invalid("Hãy ghi kết quả đã thực hiện.", "progress without a summary");
        }

        if (input.Percent is < 0 or > 100)
        {
            throw WorkflowException.Invalid("Tỷ lệ hoàn thành phải từ 0 đến 100%.", $"percent {input.Percent} out of range");
        }

        var periodic = TaskStatusReader.IsPeriodic(task);
        var today = VietnamTime.Today(clock);
        var checkedFiles = evidence.Check(files);
        using var upload = evidence.BeginUpload();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var report = NewReport(actor, task, asLead ? ReportKind.Progress : ReportKind.Contribution, input.Percent, input.Summary);
        report.Difficulties = Clean(input.Difficulties);
        report.Proposals = Clean(input.Proposals);
        report.Period = Clean(input.Period) ?? (periodic ? $"Tháng {today.Month:00}/{today.Year}" : null);
        await AddReportAsync(actor, report, checkedFiles, upload, cancellationToken);

        var before = new { percent = task.PercentDone };
        if (asLead && input.Percent is { } percent && !periodic)
        {
            // A checklist, when the task has one, drives the percent; otherwise the lead's report does.
            var items = await db.ChecklistItems.Where(c => c.TaskId == task.Id).ToListAsync(cancellationToken);
            task.PercentDone = items.Count > 0 ? ProductChecklist.PercentDone(items.Count(i => i.Done), items.Count) : percent;
        }

        task.LastProgressAt = report.CreatedAt;
        audit.Record(actor, asLead ? "progress" : "contribution", task.PlanId, task.Id, before,
            new { percent = task.PercentDone, report.Summary, report.Period, files = checkedFiles.Select(f => f.File.FileName).ToList() });
        await webhooks.TaskEventAsync(Webhooks.WebhookEvents.TaskProgress, actor, task, new
        {
            reportId = report.Id,
            kind = asLead ? "progress" : "contribution",
            agencyId = report.AgencyId,
            percent = report.Percent,
            report.Summary,
            report.Period,
            files = checkedFiles.Count,
        }, cancellationToken);
        await SaveAsync(actor, task, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        upload.Complete();
        return report.Id;
    }

    public async Task TickChecklistAsync(Actor actor, int taskId, int itemId, ChecklistInput input, IReadOnlyList<UploadedFile> files, CancellationToken cancellationToken)
    {
        var task = await LoadAsync(actor, taskId, input.Version, cancellationToken);
        RequireLead(actor, task);
        EnsureLive(task);
        var items = await db.ChecklistItems.Where(c => c.TaskId == task.Id).ToListAsync(cancellationToken);
        var item = items.FirstOrDefault(i => i.Id == itemId) ?? throw WorkflowException.NotFound($"checklist item {itemId}");
        var checkedFiles = evidence.Check(files);
        using var upload = evidence.BeginUpload();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var before = new { item.Text, item.Done, percent = task.PercentDone };
        item.Done = input.Done;
        item.DoneAt = input.Done ? clock.GetUtcNow() : null;
        item.DoneBy = input.Done ? actor.Name : null;
        await AttachAsync(actor, task.Id, checkedFiles, upload, null, item.Id, cancellationToken);
        task.PercentDone = ProductChecklist.PercentDone(items.Count(i => i.Done), items.Count);
        task.LastProgressAt = clock.GetUtcNow();
        audit.Record(actor, "checklist", task.PlanId, task.Id, before, new { item.Text, item.Done, percent = task.PercentDone });
        await SaveAsync(actor, task, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        upload.Complete();
    }

    public async Task ReportCompletionAsync(Actor actor, int taskId, CompletionInput input, IReadOnlyList<UploadedFile> files, CancellationToken cancellationToken)
    {
        var task = await LoadAsync(actor, taskId, input.Version, cancellationToken);
        RequireLead(actor, task);
        EnsureLive(task);
        if (TaskStatusReader.IsPeriodic(task))
        {
            throw WorkflowException.Invalid(
                "Nhiệm vụ thường xuyên hoặc định kỳ không báo cáo hoàn thành; hãy báo cáo kết quả theo từng kỳ.",
                $"task {taskId} is continuous or recurring");
        }

        if (task.Completion is CompletionState.Reported or CompletionState.Accepted)
        {
            throw WorkflowException.Invalid("Nhiệm vụ đã được báo cáo hoàn thành.", $"task {taskId} already reported done");
        }

        if (string.IsNullOrWhiteSpace(input.Summary))
        {
            throw WorkflowException.Invalid("Hãy ghi sản phẩm, kết quả hoàn thành.", "completion without a summary");
        }

        var today = VietnamTime.Today(clock);
        var doneOn = input.DoneOn ?? today;
        if (doneOn > today)
        {
            throw WorkflowException.Invalid($"Ngày hoàn thành {VietnameseFormat.Date(doneOn)} chưa tới.", $"completion date {doneOn} is in the future");
        }

        // Work is not done before its plan was issued; without an issue date, a date before 2000 is a slip of the keyboard.
        var earliest = task.Plan?.IssuedOn ?? EarliestCompletion;
        if (doneOn < earliest)
        {
            throw WorkflowException.Invalid(
                task.Plan?.IssuedOn is { } issued
                    ? $"Ngày hoàn thành {VietnameseFormat.Date(doneOn)} trước ngày ban hành kế hoạch ({VietnameseFormat.Date(issued)})."
                    : $"Ngày hoàn thành {VietnameseFormat.Date(doneOn)} không hợp lệ.",
                $"completion date {doneOn} before {earliest}");
        }

        var checkedFiles = evidence.Check(files);
        if (checkedFiles.Count == 0 && evidenceRule.Requires(task.Plan!) && !await HasEvidenceAsync(task.Id, cancellationToken))
        {
            throw WorkflowException.Invalid(
                "Kế hoạch này yêu cầu tài liệu kiểm chứng khi báo cáo hoàn thành: hãy đính kèm ít nhất một tệp (văn bản, biên bản, hình ảnh…).",
                $"task {taskId}: completion without evidence, which its plan requires");
        }

        using var upload = evidence.BeginUpload();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var report = NewReport(actor, task, ReportKind.Completion, 100, input.Summary);
        await AddReportAsync(actor, report, checkedFiles, upload, cancellationToken);
        var before = new { completion = task.Completion.ToString(), task.ReportedDoneOn };
        task.Completion = CompletionState.Reported;
        task.ReportedDoneOn = doneOn;
        task.LastProgressAt = report.CreatedAt;
        audit.Record(actor, "completion.report", task.PlanId, task.Id, before, new { completion = task.Completion.ToString(), task.ReportedDoneOn, report.Summary });
        await webhooks.TaskEventAsync(Webhooks.WebhookEvents.CompletionReported, actor, task,
            new { reportId = report.Id, doneOn = task.ReportedDoneOn, report.Summary, files = checkedFiles.Count }, cancellationToken);
        await SaveAsync(actor, task, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        upload.Complete();
    }

    /// <summary>The office accepts a reported completion (on time or late, from the deadline and the report date) or returns it with a reason.</summary>
    public async Task<string> ReviewAsync(Actor actor, int taskId, ReviewInput input, CancellationToken cancellationToken)
    {
        var task = await LoadAsync(actor, taskId, input.Version, cancellationToken);
        RequireManager(actor, task);
        EnsureLive(task);
        if (task.Completion != CompletionState.Reported)
        {
            throw WorkflowException.Invalid("Nhiệm vụ chưa được báo cáo hoàn thành nên chưa thể xác nhận.", $"task {taskId} has no reported completion");
        }

        if (input.Accept is not { } accept)
        {
            throw WorkflowException.Invalid("Hãy chọn xác nhận hoàn thành hoặc trả lại.", $"unknown review decision {input.Decision}");
        }

        if (!accept && string.IsNullOrWhiteSpace(input.Reason))
        {
            throw WorkflowException.Invalid("Trả lại nhiệm vụ cần ghi rõ lý do.", "return without a reason");
        }

        if (accept && evidenceRule.Requires(task.Plan!) && !await HasEvidenceAsync(task.Id, cancellationToken))
        {
            throw WorkflowException.Invalid(
                "Kế hoạch này yêu cầu tài liệu kiểm chứng khi báo cáo hoàn thành, nhưng nhiệm vụ chưa có tệp nào: hãy trả lại để đơn vị bổ sung.",
                $"task {taskId}: accepting a completion without evidence, which its plan requires");
        }

        var before = new { completion = task.Completion.ToString(), task.CompletedOn };
        if (accept)
        {
            task.Completion = CompletionState.Accepted;
            task.CompletedOn = task.ReportedDoneOn;
            task.PercentDone = 100;
        }
        else
        {
            task.Completion = CompletionState.Returned;
        }

        task.ReviewNote = Clean(input.Reason);
        Refresh(task);
        var status = statuses.StatusOf(task);
        audit.Record(actor, accept ? "completion.accept" : "completion.return", task.PlanId, task.Id, before,
            new { completion = task.Completion.ToString(), task.CompletedOn, status = status.ToSchemaName(), reason = task.ReviewNote });
        await notices.CompletionDecidedAsync(actor, task, accept, cancellationToken);
        await webhooks.TaskEventAsync(accept ? Webhooks.WebhookEvents.CompletionAccepted : Webhooks.WebhookEvents.CompletionReturned, actor, task,
            new { completedOn = task.CompletedOn, reason = task.ReviewNote }, cancellationToken);
        await SaveAsync(actor, task, cancellationToken);
        return status.ToSchemaName();
    }

    public async Task<int> RequestExtensionAsync(Actor actor, int taskId, ExtensionInput input, CancellationToken cancellationToken)
    {
        var task = await LoadAsync(actor, taskId, input.Version, cancellationToken);
        RequireLead(actor, task);
        EnsureLive(task);
        if ((input.NewDue ?? input.RequestedDue) is not { } newDue)
        {
            throw WorkflowException.Invalid("Hãy nhập thời hạn mới đề nghị (dd/mm/yyyy).", "extension without a date");
        }

        if (string.IsNullOrWhiteSpace(input.Reason))
        {
            throw WorkflowException.Invalid("Đề nghị gia hạn cần ghi rõ lý do.", "extension without a reason");
        }

        var today = VietnamTime.Today(clock);
        if (newDue <= today || (task.CurrentDue is { } current && newDue <= current))
        {
            throw WorkflowException.Invalid(
                $"Thời hạn mới ({VietnameseFormat.Date(newDue)}) phải sau hôm nay và sau thời hạn hiện tại{(task.CurrentDue is null ? "" : $" ({VietnameseFormat.Date(task.CurrentDue)})")}.",
                $"extension date {newDue} not after today or current due");
        }

        if (await db.Extensions.AnyAsync(e => e.TaskId == taskId && e.State == ExtensionState.Pending, cancellationToken))
        {
            throw WorkflowException.Invalid("Nhiệm vụ đang có một đề nghị gia hạn chờ xử lý.", $"task {taskId} has a pending extension");
        }

        var request = new ExtensionRequestEntity
        {
            TaskId = taskId,
            PreviousDue = task.CurrentDue,
            RequestedDue = newDue,
            Reason = input.Reason.Trim(),
            RequestedBy = actor.Name,
            RequestedAt = clock.GetUtcNow(),
        };
        db.Extensions.Add(request);
        audit.Record(actor, "extension.request", task.PlanId, task.Id, new { due = task.CurrentDue }, new { requested = newDue, request.Reason });
        await SaveAsync(actor, task, cancellationToken);
        return request.Id;
    }

    public async Task DecideExtensionAsync(Actor actor, int extensionId, ExtensionDecisionInput input, CancellationToken cancellationToken)
    {
        var request = await db.Extensions.FirstOrDefaultAsync(e => e.Id == extensionId, cancellationToken) ?? throw WorkflowException.NotFound($"extension {extensionId}");
        var task = await LoadAsync(actor, request.TaskId, null, cancellationToken);
        RequireManager(actor, task);
        EnsureLive(task);
        if (request.State != ExtensionState.Pending)
        {
            throw WorkflowException.Invalid("Đề nghị gia hạn này đã được xử lý.", $"extension {extensionId} already decided");
        }

        if (input.Approve is not { } approve)
        {
            throw WorkflowException.Invalid("Hãy chọn đồng ý hoặc không đồng ý gia hạn.", $"unknown extension decision {input.Decision}");
        }

        if (!approve && string.IsNullOrWhiteSpace(input.Note))
        {
            throw WorkflowException.Invalid("Không đồng ý gia hạn cần ghi rõ lý do.", "rejection without a reason");
        }

        var before = new { due = task.CurrentDue, state = request.State.ToString() };
        request.State = approve ? ExtensionState.Approved : ExtensionState.Rejected;
        request.DecidedBy = actor.Name;
        request.DecidedAt = clock.GetUtcNow();
        request.DecisionNote = Clean(input.Note);
        if (approve)
        {
            task.CurrentDue = request.RequestedDue;
            Refresh(task);
        }

        audit.Record(actor, approve ? "extension.approve" : "extension.reject", task.PlanId, task.Id, before,
            new { due = task.CurrentDue, state = request.State.ToString(), note = request.DecisionNote });
        await notices.ExtensionDecidedAsync(actor, task, new ExtensionRequestEntityView(request.Id, approve, request.RequestedDue, request.DecisionNote), cancellationToken);
        await webhooks.TaskEventAsync(Webhooks.WebhookEvents.ExtensionDecided, actor, task, new
        {
            extensionId = request.Id,
            approved = approve,
            previousDue = request.PreviousDue,
            requestedDue = request.RequestedDue,
            note = request.DecisionNote,
        }, cancellationToken);
        await SaveAsync(actor, task, cancellationToken);
    }

    /// <summary>Cancels a task with a reason; it stays readable with its history.</summary>
    public async Task CancelAsync(Actor actor, int taskId, CancelInput input, CancellationToken cancellationToken)
    {
        var task = await LoadAsync(actor, taskId, input.Version, cancellationToken);
        RequireManager(actor, task);
        if (string.IsNullOrWhiteSpace(input.Reason))
        {
            throw WorkflowException.Invalid("Hủy nhiệm vụ cần ghi rõ lý do.", "cancel without a reason");
        }

        if (task.Cancelled)
        {
            throw WorkflowException.Invalid("Nhiệm vụ đã bị hủy.", $"task {taskId} already cancelled");
        }

        EnsureLive(task);

        task.Cancelled = true;
        task.CancelReason = input.Reason.Trim();
        Refresh(task);
        audit.Record(actor, "task.cancel", task.PlanId, task.Id, new { cancelled = false }, new { cancelled = true, reason = task.CancelReason });
        await SaveAsync(actor, task, cancellationToken);
    }

    /// <summary>
    /// The office corrects a published task — its content, lead, coordinators, deadline or product — with a reason.
    /// Agencies are bound exactly (a name that stands for no single agency is refused with the closest names), a new
    /// deadline is read again and the status follows it, and the audit trail and the agencies of before and after
    /// learn of it in the same save as the change.
    /// </summary>
    public async Task<TaskEditOutcome> EditAsync(Actor actor, int taskId, TaskEditInput input, CancellationToken cancellationToken)
    {
        var task = await LoadAsync(actor, taskId, input.Version, cancellationToken);
        RequireManager(actor, task);
        EnsureLive(task);
        if (string.IsNullOrWhiteSpace(input.Reason))
        {
            throw WorkflowException.Invalid("Sửa nhiệm vụ cần ghi rõ lý do.", "edit without a reason");
        }

        if (input.Content is not null && string.IsNullOrWhiteSpace(input.Content))
        {
            throw WorkflowException.Invalid("Nội dung nhiệm vụ không được để trống.", "edit with empty content");
        }

        var oldLead = task.Assignments.FirstOrDefault(a => a.Role == AssignmentRole.Lead)?.AgencyId;
        var oldCoordinators = task.Assignments.Where(a => a.Role == AssignmentRole.Coordinator).Select(a => a.AgencyId).ToList();
        var lead = string.IsNullOrWhiteSpace(input.Lead) ? null : await BindAsync(input.Lead, "Cơ quan chủ trì", cancellationToken);
        List<AgencyBinding>? coordinators = null;
        if (input.Coordinators is { } named)
        {
            coordinators = [];
            foreach (var name in named.Where(n => !string.IsNullOrWhiteSpace(n)))
            {
                var binding = await BindAsync(name, "Cơ quan phối hợp", cancellationToken);
                if (coordinators.All(c => c.Id != binding.Id))
                {
                    coordinators.Add(binding);
                }
            }
        }

        var leadId = lead?.Id ?? oldLead;
        var coordinatorIds = coordinators?.Select(c => c.Id!.Value).ToList() ?? oldCoordinators;
        if (leadId is { } both && coordinatorIds.Contains(both))
        {
            var name = lead?.Name ?? coordinators!.First(c => c.Id == both).Name;
            throw WorkflowException.Invalid($"\"{name}\" đã là cơ quan chủ trì; không ghi đồng thời là cơ quan phối hợp.", $"agency {both} both leads and coordinates task {taskId}");
        }

        string? deadline = null;
        if (input.Deadline is not null)
        {
            deadline = input.Deadline.Trim();
            if (deadline.Length > 0 && parser.Parse(deadline, task.Plan!.IssuedOn?.Year).Kind == DeadlineKind.Unknown)
            {
                throw WorkflowException.Invalid(
                    $"Chưa hiểu được thời hạn \"{deadline}\": hãy ghi lại (ví dụ 30/6/2026, Quý III/2026, Tháng 12/2026, Thường xuyên, Hằng quý).",
                    $"edit with an unknown deadline {deadline}");
            }
        }

        var content = input.Content?.Trim();
        var product = input.Product is null ? null : Clean(input.Product) ?? "";
        var changesContent = content is not null && content != task.Content;
        var changesProduct = product is not null && product != (task.Product ?? "");
        var changesDeadline = deadline is not null && deadline != (task.DeadlineRaw ?? "");
        var changesLead = leadId != oldLead;
        var changesCoordinators = !coordinatorIds.Order().SequenceEqual(oldCoordinators.Order());
        if (!(changesContent || changesProduct || changesDeadline || changesLead || changesCoordinators))
        {
            throw WorkflowException.Invalid("Không có thay đổi nào so với nhiệm vụ hiện tại.", $"edit of task {taskId} changes nothing");
        }

        var names = await db.Agencies.AsNoTracking()
            .Where(a => a.Id == oldLead || a.Id == leadId || oldCoordinators.Contains(a.Id) || coordinatorIds.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        string? NameOf(int? id) => id is { } known ? names.GetValueOrDefault(known) : null;
        List<string?> NamesOf(IEnumerable<int> ids) => ids.Select(id => NameOf(id)).ToList();
        var before = new Dictionary<string, object?>();
        var after = new Dictionary<string, object?>();
        void Changed(string key, object? was, object? now)
        {
            before[key] = was;
            after[key] = now;
        }

        if (changesContent)
        {
            Changed("content", task.Content, content);
            task.Content = content!;
        }

        if (changesProduct)
        {
            Changed("product", task.Product, product!.Length == 0 ? null : product);
            task.Product = product.Length == 0 ? null : product;
        }

        if (changesLead)
        {
            Changed("lead", NameOf(oldLead), NameOf(leadId));
            task.Lead = NameOf(leadId);
        }

        if (changesCoordinators)
        {
            Changed("coordinators", NamesOf(oldCoordinators), NamesOf(coordinatorIds));
            task.Coordinators = coordinatorIds.Count == 0 ? null : string.Join("; ", NamesOf(coordinatorIds));
        }

        var dueBefore = task.CurrentDue;
        var statusBefore = statuses.StatusOf(task).ToSchemaName();
        if (changesDeadline)
        {
            before["deadline"] = task.DeadlineRaw;
            after["deadline"] = deadline!.Length == 0 ? null : deadline;
            task.DeadlineRaw = deadline.Length == 0 ? null : deadline;
            // The printed deadline is the office's new word: the date in force starts from it, and an event already recorded still sets it.
            states.Interpret(task, task.Plan!.IssuedOn?.Year);
            await triggers.ApplyToAsync([task], cancellationToken);
        }

        ReplaceAssignments(task, leadId, coordinatorIds);
        TaskStateWriter.WriteSearch(task, task.Plan!.Number, task.Plan.Title, NameOf(leadId), NamesOf(coordinatorIds).OfType<string>());
        // A continuous or recurring task is judged by its lead's periods: a new lead, or a deadline become periodic, judges it again.
        await periods.JudgeTaskAsync(task, cancellationToken);
        Refresh(task);
        var status = statuses.StatusOf(task).ToSchemaName();
        if (task.CurrentDue != dueBefore)
        {
            Changed("due", dueBefore, task.CurrentDue);
        }

        if (status != statusBefore)
        {
            Changed("status", statusBefore, status);
        }

        var reason = input.Reason.Trim();
        after["reason"] = reason;
        audit.Record(actor, "task.edit", task.PlanId, task.Id, before, after);

        // The agencies of before and after: one dropped from the task learns it as one added to it does.
        var involved = new[] { oldLead }.Concat(oldCoordinators.Cast<int?>()).Append(leadId).Concat(coordinatorIds.Cast<int?>())
            .OfType<int>().Distinct().ToList();
        await notices.TaskChangedAsync(actor, task, involved, $"v{task.Version + 1}", EditNotice(before, after), cancellationToken);
        await SaveAsync(actor, task, cancellationToken);
        return new TaskEditOutcome(status, task.Version);
    }

    /// <summary>The one agency a name stands for, or a refusal that names the closest ones.</summary>
    private async Task<AgencyBinding> BindAsync(string name, string role, CancellationToken cancellationToken)
    {
        var binding = await directory.FindExactAsync(name.Trim(), cancellationToken);
        if (binding.Id is null)
        {
            throw new WorkflowException(
                WorkflowFailure.Invalid,
                $"{role}: không có cơ quan nào mang đúng tên \"{name.Trim()}\" trong danh mục (hãy chọn tên trong danh sách gợi ý){binding.CandidatesText}.",
                $"\"{name}\" names no single agency of the directory") { Current = new { name = name.Trim(), candidates = binding.Candidates } };
        }

        return binding;
    }

    /// <summary>The task's assignments become the lead and the coordinators given; a kept agency keeps its row (and its note).</summary>
    private void ReplaceAssignments(PlanTaskEntity task, int? leadId, IReadOnlyList<int> coordinatorIds)
    {
        var wanted = coordinatorIds.ToDictionary(id => id, _ => AssignmentRole.Coordinator);
        if (leadId is { } lead)
        {
            wanted[lead] = AssignmentRole.Lead;
        }

        foreach (var assignment in task.Assignments.ToList())
        {
            if (!wanted.TryGetValue(assignment.AgencyId, out var role))
            {
                task.Assignments.Remove(assignment);
                db.Remove(assignment);
            }
            else if (assignment.Role != role)
            {
                assignment.Role = role;
                assignment.Note = null;
            }
        }

        foreach (var (agencyId, role) in wanted.Where(w => task.Assignments.All(a => a.AgencyId != w.Key)))
        {
            task.Assignments.Add(new TaskAssignmentEntity { AgencyId = agencyId, Role = role });
        }

        task.LeadAgencyId = leadId;
    }

    /// <summary>What the agencies read of an edit: each change, then the reason.</summary>
    private static string EditNotice(Dictionary<string, object?> before, Dictionary<string, object?> after)
    {
        static string Show(object? value) => value switch
        {
            null => "—",
            DateOnly date => VietnameseFormat.Date(date),
            IEnumerable<string?> names => names.Any() ? string.Join("; ", names) : "—",
            _ => value.ToString() is { Length: > 0 } text ? text : "—",
        };

        var lines = new List<string>();
        foreach (var (key, label) in new[] { ("content", "Nội dung"), ("lead", "Cơ quan chủ trì"), ("coordinators", "Cơ quan phối hợp"), ("deadline", "Thời hạn"), ("due", "Hạn đang áp dụng"), ("product", "Sản phẩm") })
        {
            if (before.ContainsKey(key))
            {
                lines.Add(key == "content" ? $"{label}: {Show(after[key])}." : $"{label}: {Show(before[key])} → {Show(after[key])}.");
            }
        }

        lines.Add($"Lý do: {after["reason"]}");
        return "Văn phòng đã điều chỉnh nhiệm vụ. " + string.Join(" ", lines);
    }

    /// <summary>Archives (work over) or cancels (withdrawn) a published plan with a reason; nothing is deleted.</summary>
    /// <summary>
    /// Whether the plan requires evidence with a completion: yes, no, or (null) as the office's default. The office that
    /// manages the plan decides; it applies to completions reported and accepted from now on.
    /// </summary>
    public async Task SetCompletionEvidenceAsync(Actor actor, int planId, bool? required, int? version, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null || !(actor.ReadsEverything || TaskAccess.CanManage(actor, plan.OwnerId)))
        {
            throw WorkflowException.NotFound($"plan {planId}");
        }

        if (!TaskAccess.CanManage(actor, plan.OwnerId))
        {
            throw WorkflowException.Forbidden("Chỉ văn phòng quản lý kế hoạch này mới đặt được yêu cầu tài liệu kiểm chứng.", $"user {actor.UserId} does not manage plan {planId}");
        }

        if (version is { } expected && expected != plan.Version)
        {
            throw WorkflowException.Stale(new { plan.Id, plan.Version, requiresCompletionEvidence = plan.RequiresCompletionEvidence });
        }

        if (plan.RequiresCompletionEvidence == required)
        {
            return;
        }

        var before = new { requiresCompletionEvidence = plan.RequiresCompletionEvidence };
        plan.RequiresCompletionEvidence = required;
        plan.Version++;
        audit.Record(actor, "plan.completion_evidence", plan.Id, null, before, new { requiresCompletionEvidence = required, inForce = evidenceRule.Requires(plan) });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw WorkflowException.Stale(new { plan.Id });
        }
    }

    public async Task ClosePlanAsync(Actor actor, int planId, bool cancel, string? reason, int? version, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null || plan.State == PlanState.Draft || !(actor.ReadsEverything || TaskAccess.CanManage(actor, plan.OwnerId)))
        {
            throw WorkflowException.NotFound($"plan {planId}");
        }

        if (!TaskAccess.CanManage(actor, plan.OwnerId))
        {
            throw WorkflowException.Forbidden("Chỉ văn phòng quản lý kế hoạch này mới lưu trữ hoặc hủy được.", $"user {actor.UserId} does not manage plan {planId}");
        }

        if (version is { } expected && expected != plan.Version)
        {
            throw WorkflowException.Stale(new { plan.Id, plan.Version, state = plan.State.ToString() });
        }

        if (plan.State != PlanState.Published)
        {
            throw WorkflowException.Invalid("Kế hoạch đã được lưu trữ hoặc hủy.", $"plan {planId} is {plan.State}");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw WorkflowException.Invalid("Hãy ghi rõ lý do.", "close without a reason");
        }

        var before = new { state = plan.State.ToString() };
        plan.State = cancel ? PlanState.Cancelled : PlanState.Archived;
        plan.StateReason = reason.Trim();
        plan.Version++;
        audit.Record(actor, cancel ? "plan.cancel" : "plan.archive", plan.Id, null, before, new { state = plan.State.ToString(), reason = plan.StateReason });
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (cancel)
        {
            // Every task of a cancelled plan is cancelled; tasks are written before the plan row, in the order every task change takes.
            await db.Tasks.Where(t => t.PlanId == planId).ExecuteUpdateAsync(
                set => set
                    .SetProperty(t => t.Phase, TaskPhase.Cancelled)
                    .SetProperty(t => t.NextReportDue, (DateOnly?)null)
                    .SetProperty(t => t.DueKey, t => t.CurrentDue ?? DateOnly.MaxValue)
                    .SetProperty(t => t.Version, t => t.Version + 1),
                cancellationToken);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw WorkflowException.Stale(new { plan.Id });
        }

        await db.TouchPlansAsync([planId], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Whether any file is stored for the task: with a report or a product of its checklist.</summary>
    private Task<bool> HasEvidenceAsync(int taskId, CancellationToken cancellationToken) =>
        db.EvidenceFiles.AnyAsync(f => f.TaskId == taskId, cancellationToken);

    /// <summary>The task's stored phase and due key after a change, for today.</summary>
    private void Refresh(PlanTaskEntity task) => states.Refresh(task, task.Plan!.State, task.Plan.IssuedOn?.Year, VietnamTime.Today(clock));

    private async Task<PlanTaskEntity> LoadAsync(Actor actor, int taskId, int? expectedVersion, CancellationToken cancellationToken)
    {
        var task = await db.Tasks.Include(t => t.Plan).Include(t => t.Assignments).FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task is null || task.Plan!.State == PlanState.Draft || !TaskAccess.CanRead(actor, TaskCatalog.Parties(task)))
        {
            throw WorkflowException.NotFound($"task {taskId}");
        }

        if (expectedVersion is { } expected && expected != task.Version)
        {
            throw await StaleAsync(actor, taskId, cancellationToken);
        }

        return task;
    }

    private async Task<WorkflowException> StaleAsync(Actor actor, int taskId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return WorkflowException.Stale((await catalog.GetAsync(actor, taskId, cancellationToken)).Task);
    }

    private static void RequireLead(Actor actor, PlanTaskEntity task)
    {
        if (!TaskAccess.CanReportAsLead(actor, TaskCatalog.Parties(task)))
        {
            throw WorkflowException.Forbidden("Chỉ cơ quan chủ trì mới thực hiện được thao tác này.", $"user {actor.UserId} does not lead task {task.Id}");
        }
    }

    private static void RequireManager(Actor actor, PlanTaskEntity task)
    {
        if (!TaskAccess.CanManage(actor, task.Plan?.OwnerId))
        {
            throw WorkflowException.Forbidden("Chỉ văn phòng quản lý kế hoạch này mới thực hiện được thao tác này.", $"user {actor.UserId} does not manage plan {task.PlanId}");
        }
    }

    private static readonly DateOnly EarliestCompletion = new(2000, 1, 1);

    /// <summary>Closed work takes no more reports or decisions: a cancelled task, a plan archived or cancelled.</summary>
    private static void EnsureLive(PlanTaskEntity task)
    {
        if (task.Cancelled)
        {
            throw WorkflowException.Invalid("Không thể thực hiện: nhiệm vụ đã bị hủy.", $"task {task.Id} is cancelled");
        }

        if (task.Plan?.State != PlanState.Published)
        {
            throw WorkflowException.Invalid("Không thể thực hiện: kế hoạch đã được lưu trữ hoặc hủy.", $"plan {task.PlanId} of task {task.Id} is {task.Plan?.State}");
        }
    }

    private ProgressReportEntity NewReport(Actor actor, PlanTaskEntity task, ReportKind kind, int? percent, string summary) => new()
    {
        TaskId = task.Id,
        AgencyId = actor.AgencyId!.Value,
        AuthorId = actor.UserId,
        AuthorName = actor.Name,
        Kind = kind,
        Percent = percent,
        Summary = summary.Trim(),
        CreatedAt = clock.GetUtcNow(),
    };

    /// <summary>Saves a report to get its id, then its files beside it.</summary>
    private async Task AddReportAsync(Actor actor, ProgressReportEntity report, IReadOnlyList<(UploadedFile File, string Type)> files, EvidenceUpload upload, CancellationToken cancellationToken)
    {
        db.Reports.Add(report);
        await db.SaveChangesAsync(cancellationToken);
        await AttachAsync(actor, report.TaskId, files, upload, report.Id, null, cancellationToken);
    }

    /// <summary>Rows for the files, which stay under temporary names until the transaction commits.</summary>
    private async Task AttachAsync(Actor actor, int taskId, IReadOnlyList<(UploadedFile File, string Type)> files, EvidenceUpload upload, int? reportId, int? itemId, CancellationToken cancellationToken)
    {
        foreach (var (file, type) in files)
        {
            var stored = await upload.AddAsync(file, type, cancellationToken);
            db.EvidenceFiles.Add(stored.Row(taskId, reportId, itemId, actor.Name, clock.GetUtcNow()));
        }
    }

    private async Task SaveAsync(Actor actor, PlanTaskEntity task, CancellationToken cancellationToken)
    {
        task.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw await StaleAsync(actor, task.Id, cancellationToken);
        }
    }

    /// <summary>An evidence file the actor may read, with its task.</summary>
    public async Task<(EvidenceFileEntity File, Stream Content)> OpenEvidenceAsync(Actor actor, int fileId, CancellationToken cancellationToken)
    {
        var file = await db.EvidenceFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId, cancellationToken) ?? throw WorkflowException.NotFound($"file {fileId}");
        await catalog.GetAsync(actor, file.TaskId, cancellationToken);
        return (file, evidence.OpenRead(file.Sha256));
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
