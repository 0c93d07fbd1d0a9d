using DonDoc.Core.Access;
using DonDoc.Core.Calendar;
using DonDoc.Core.Reminders;
using DonDoc.Data.Plans;
using DonDoc.Data.Reminders;
using DonDoc.Data.Storage;
using DonDoc.Tracking.Auditing;
using DonDoc.Tracking.Tasks;
using DonDoc.Tracking.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Tracking.Reminders;

/// <summary>
/// Notices of what happened to a task — assigned on publishing, a completion returned or accepted, an
/// extension decided — and the office's own "Đôn đốc". They join the caller's unit of work, so that a notice
/// exists exactly when its change was saved.
/// </summary>
public sealed class EventNotices(
    DonDocDbContext db,
    ReminderRuleStore ruleStore,
    SmtpOptions smtp,
    TelegramOptions telegram,
    WorkingDayCalendar calendar,
    AuditLog audit,
    TimeProvider clock)
{
    public const int MaxManualMessage = 2000;

    /// <summary>The longest message a notice keeps (the column's length).</summary>
    private const int MaxMessage = 4000;

    /// <summary>Every published task told to its lead agency's people, and to each coordinator's as its own notice.</summary>
    public async Task AssignedAsync(Actor actor, PlanEntity plan, IReadOnlyList<PlanTaskEntity> tasks, CancellationToken cancellationToken)
    {
        if (!(await ruleStore.LoadAsync(cancellationToken)).For(plan.Id).OnAssignment)
        {
            return;
        }

        var people = await PeopleAsync(cancellationToken);
        foreach (var task in tasks)
        {
            foreach (var assignment in task.Assignments)
            {
                var role = assignment.Role == AssignmentRole.Lead ? "Chủ trì" : "Phối hợp";
                Add(people, ReminderKind.Assigned, task, "", people.OfAgency(assignment.AgencyId), $"Cơ quan được giao: {role}.", actor.Name);
            }
        }
    }

    /// <summary>The office accepted or returned a reported completion: the lead agency is told, with the office's note.</summary>
    public async Task CompletionDecidedAsync(Actor actor, PlanTaskEntity task, bool accepted, CancellationToken cancellationToken)
    {
        if (!(await ruleStore.LoadAsync(cancellationToken)).For(task.PlanId).OnCompletionDecision)
        {
            return;
        }

        var people = await PeopleAsync(cancellationToken);
        Add(people, accepted ? ReminderKind.CompletionAccepted : ReminderKind.CompletionReturned, task, $"v{task.Version}", people.OfAgency(LeadOf(task)),
            task.ReviewNote, actor.Name);
    }

    public async Task ExtensionDecidedAsync(Actor actor, PlanTaskEntity task, ExtensionRequestEntityView extension, CancellationToken cancellationToken)
    {
        if (!(await ruleStore.LoadAsync(cancellationToken)).For(task.PlanId).OnExtensionDecision)
        {
            return;
        }

        var people = await PeopleAsync(cancellationToken);
        var text = extension.Approved
            ? $"Đồng ý gia hạn đến {Formatting.VietnameseFormat.Date(extension.RequestedDue)}." + (extension.Note is null ? "" : " " + extension.Note)
            : $"Không đồng ý gia hạn. {extension.Note}";
        Add(people, ReminderKind.ExtensionDecided, task, $"ext{extension.Id}", people.OfAgency(LeadOf(task)), text, actor.Name);
    }

    /// <summary>
    /// The office changed a published task: every agency it concerned before or concerns now is told what changed and why,
    /// each person once. Follows the assignment rule's switch (a change of assignment is an assignment).
    /// </summary>
    public async Task TaskChangedAsync(Actor actor, PlanTaskEntity task, IReadOnlyCollection<int> agencyIds, string occasion, string message, CancellationToken cancellationToken)
    {
        if (!(await ruleStore.LoadAsync(cancellationToken)).For(task.PlanId).OnAssignment)
        {
            return;
        }

        var people = await PeopleAsync(cancellationToken);
        var recipients = agencyIds.SelectMany(a => people.OfAgency(a)).DistinctBy(p => p.UserId).ToList();
        Add(people, ReminderKind.TaskChanged, task, occasion, recipients, message.Length <= MaxMessage ? message : message[..(MaxMessage - 1)] + "…", actor.Name);
    }

    /// <summary>
    /// The office urges the lead agencies of some tasks (and, if it says so, their coordinators) with its own
    /// words; recorded in each task's audit trail. Returns how many notices were queued.
    /// </summary>
    public async Task<int> SendManualAsync(Actor actor, IReadOnlyCollection<int> taskIds, string? message, bool coordinatorsToo, CancellationToken cancellationToken)
    {
        if (!TaskAccess.CanImport(actor))
        {
            throw WorkflowException.Forbidden("Chỉ văn phòng theo dõi mới gửi đôn đốc.", "manual reminder requires monitor or admin");
        }

        var text = message?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw WorkflowException.Invalid("Hãy ghi nội dung đôn đốc.", "manual reminder without a message");
        }

        if (text.Length > MaxManualMessage)
        {
            throw WorkflowException.Invalid($"Nội dung đôn đốc dài quá {MaxManualMessage} ký tự.", "manual reminder too long");
        }

        if (taskIds.Count == 0)
        {
            throw WorkflowException.Invalid("Hãy chọn ít nhất một nhiệm vụ.", "manual reminder without tasks");
        }

        var ids = taskIds.Distinct().ToList();
        var tasks = await db.Tasks.Include(t => t.Plan).Include(t => t.Assignments)
            .Where(t => ids.Contains(t.Id) && t.Plan!.State == PlanState.Published).ToListAsync(cancellationToken);
        if (tasks.Count != ids.Count)
        {
            throw WorkflowException.NotFound("task");
        }

        if (tasks.FirstOrDefault(t => t.Cancelled) is { } cancelled)
        {
            throw WorkflowException.Invalid($"Nhiệm vụ {cancelled.Number ?? cancelled.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)} đã bị hủy; không gửi đôn đốc.", $"task {cancelled.Id} cancelled");
        }

        var people = await PeopleAsync(cancellationToken);
        var occasion = Guid.NewGuid().ToString("N");
        var count = 0;
        foreach (var task in tasks)
        {
            var recipients = task.Assignments
                .Where(a => a.Role == AssignmentRole.Lead || coordinatorsToo)
                .SelectMany(a => people.OfAgency(a.AgencyId))
                .DistinctBy(p => p.UserId)
                .ToList();
            var added = Add(people, ReminderKind.Manual, task, occasion, recipients, text, actor.Name);
            count += added;
            audit.Record(actor, "reminder.manual", task.PlanId, task.Id, null, new
            {
                message = text,
                recipients = recipients.Select(r => r.Name).ToList(),
                notices = added,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return count;
    }

    private Task<RecipientDirectory> PeopleAsync(CancellationToken cancellationToken) =>
        RecipientDirectory.LoadAsync(db, clock, smtp.Enabled, telegram.Enabled, cancellationToken);

    private static int? LeadOf(PlanTaskEntity task) => task.Assignments.FirstOrDefault(a => a.Role == AssignmentRole.Lead)?.AgencyId;

    private int Add(RecipientDirectory people, ReminderKind kind, PlanTaskEntity task, string occasion, IEnumerable<Recipient> recipients, string? message, string sender)
    {
        var today = VietnamTime.Today(clock);
        var now = clock.GetUtcNow();
        int? left = task.CurrentDue is { } due ? new ReminderCalendar(calendar, today).WorkingDaysLeft(due) : null;
        var count = 0;
        foreach (var person in recipients)
        {
            foreach (var channel in people.ChannelsFor(person, kind))
            {
                var notice = new PlannedNotice(kind, ReminderPlanner.Subject(task.Id), occasion, today, person, channel, task.Id, task.PlanId, task.CurrentDue, left, message, sender);
                db.Notifications.Add(new NotificationEntity
                {
                    Rule = kind.ToSchemaName(),
                    Subject = notice.Subject,
                    Occasion = occasion,
                    OnDate = today,
                    RecipientId = person.UserId,
                    Channel = channel,
                    TaskId = task.Id,
                    PlanId = task.PlanId,
                    DueOn = task.CurrentDue,
                    WorkingDaysLeft = left,
                    Message = message,
                    SenderName = sender,
                    Digest = OutboxWriter.HeldForDigest(notice),
                    // In the app a notice is there as soon as it exists; mail and Telegram wait for a sender.
                    State = channel == NotificationChannels.InApp ? DeliveryState.Sent : DeliveryState.Queued,
                    SentAt = channel == NotificationChannels.InApp ? now : null,
                    CreatedAt = now,
                });
                count++;
            }
        }

        return count;
    }
}

/// <summary>What a notice says of a decided extension.</summary>
public sealed record ExtensionRequestEntityView(int Id, bool Approved, DateOnly RequestedDue, string? Note);
