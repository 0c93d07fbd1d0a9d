using DonDoc.Core.Access;
using DonDoc.Core.Deadlines;
using DonDoc.Core.Text;
using DonDoc.Core.Tracking;
using DonDoc.Data.Plans;
using DonDoc.Data.Storage;
using DonDoc.Data.Tracking;
using DonDoc.Tracking.Auditing;
using DonDoc.Tracking.Formatting;
using DonDoc.Tracking.Tasks;
using DonDoc.Tracking.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Tracking.Workflow;

/// <summary>The request to record an event or a met condition.</summary>
/// <param name="OccurredOn">When it happened or was met; <c>date</c> is read too.</param>
public sealed record EventInput(string? Name, DateOnly? OccurredOn, bool IsCondition = false, DateOnly? DueOn = null, string? DocumentNumber = null, DateOnly? DocumentDate = null, int? PlanId = null, DateOnly? Date = null);

public sealed record EventView(int Id, string Name, bool IsCondition, DateOnly OccurredOn, DateOnly? DueOn, string? DocumentNumber, DateOnly? DocumentDate, int? PlanId, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>The outcome of recording an event: the tasks that got a concrete deadline from it.</summary>
public sealed record EventOutcome(EventView Event, IReadOnlyList<int> TriggeredTaskIds);

/// <summary>An event or condition as published tasks word what they wait for, with how many wait and the first of them.</summary>
/// <param name="Name">The wording of the deadline, to record the event under: a name that matches it dates the tasks.</param>
public sealed record AwaitedEvent(string Name, bool IsCondition, int TaskCount, IReadOnlyList<AwaitedTask> Tasks);

/// <summary>A task waiting for an event or condition, as the events page names it.</summary>
public sealed record AwaitedTask(int Id, int PlanId, string? PlanNumber, string? Number, string Content, string? DeadlineRaw);

/// <summary>A task an event gave a deadline, with that deadline.</summary>
public sealed record DatedTask(int Id, int PlanId, string? PlanNumber, string? Number, string Content, DateOnly? Due);

/// <summary>
/// Records events and met conditions, and gives every event-relative or conditional task that waits
/// on one its concrete deadline.
/// </summary>
public sealed class EventTriggers(DonDocDbContext db, DeadlineParser parser, TaskStatusEvaluator evaluator, TaskStateWriter states, AuditLog audit, TimeProvider clock)
{
    public async Task<EventOutcome> RecordAsync(Actor actor, EventInput input, CancellationToken cancellationToken)
    {
        if (!TaskAccess.CanImport(actor))
        {
            throw WorkflowException.Forbidden("Chỉ văn phòng theo dõi mới ghi nhận sự kiện.", "recording events requires monitor or admin");
        }

        if (string.IsNullOrWhiteSpace(input.Name))
        {
            throw WorkflowException.Invalid("Hãy ghi tên sự kiện hoặc điều kiện.", "event without a name");
        }

        if ((input.OccurredOn ?? input.Date) is not { } occurredOn)
        {
            throw WorkflowException.Invalid("Hãy nhập ngày diễn ra (dd/mm/yyyy).", "event without a date");
        }

        if (occurredOn > Core.Calendar.VietnamTime.Today(clock))
        {
            throw WorkflowException.Invalid($"Ngày {VietnameseFormat.Date(occurredOn)} chưa tới; chỉ ghi nhận sự kiện đã diễn ra.", $"event date {occurredOn} is in the future");
        }

        if (input.PlanId is { } planId && !await db.Plans.AnyAsync(p => p.Id == planId && p.State != PlanState.Draft, cancellationToken))
        {
            throw WorkflowException.Invalid("Kế hoạch đã chọn không tồn tại.", $"plan {planId} not found");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var recorded = new RecordedEventEntity
        {
            Name = input.Name!.Trim(),
            IsCondition = input.IsCondition,
            OccurredOn = occurredOn,
            DueOn = input.DueOn,
            DocumentNumber = string.IsNullOrWhiteSpace(input.DocumentNumber) ? null : input.DocumentNumber.Trim(),
            DocumentDate = input.DocumentDate,
            PlanId = input.PlanId,
            RecordedBy = actor.Name,
            RecordedAt = clock.GetUtcNow(),
        };
        db.Events.Add(recorded);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(actor, "event.record", input.PlanId, null, null, new { recorded.Name, recorded.OccurredOn, recorded.DueOn, recorded.DocumentNumber, recorded.IsCondition });

        // Only a task that waits on an event of this name can get a new deadline from it: find those in a light read,
        // then load them whole. Names match as the evaluator matches them: one contains the other, folded.
        var name = Fold(recorded.Name);
        var candidates = await db.Tasks.AsNoTracking()
            .Where(t => t.Plan!.State == PlanState.Published && !t.Cancelled && (t.DeadlineKind == "event_relative" || t.DeadlineKind == "conditional"))
            .Where(t => input.PlanId == null || t.PlanId == input.PlanId)
            .Where(t => !db.Extensions.Any(e => e.TaskId == t.Id && e.State == ExtensionState.Approved))
            .Select(t => new { t.Id, t.WaitingFor })
            .ToListAsync(cancellationToken);
        var ids = candidates.Where(c => Fold(c.WaitingFor ?? "") is { Length: > 0 } waitingFor && (waitingFor.Contains(name, StringComparison.Ordinal) || name.Contains(waitingFor, StringComparison.Ordinal)))
            .Select(c => c.Id).ToList();
        var waiting = ids.Count == 0 ? [] : await db.Tasks.Include(t => t.Plan).Where(t => ids.Contains(t.Id)).ToListAsync(cancellationToken);
        var triggered = await ApplyAsync(actor, waiting, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new EventOutcome(ToView(recorded), triggered);
    }

    /// <summary>At publishing: tasks waiting on an event already recorded get their deadline at once.</summary>
    public async Task ApplyToAsync(IReadOnlyList<PlanTaskEntity> tasks, CancellationToken cancellationToken)
    {
        var waiting = tasks.Where(t => t.DeadlineKind is "event_relative" or "conditional").ToList();
        if (waiting.Count > 0)
        {
            await ApplyAsync(null, waiting, cancellationToken);
        }
    }

    private async Task<IReadOnlyList<int>> ApplyAsync(Actor? actor, IReadOnlyList<PlanTaskEntity> tasks, CancellationToken cancellationToken)
    {
        var events = await db.Events.AsNoTracking().ToListAsync(cancellationToken);
        var taskIds = tasks.Select(t => t.Id).Where(id => id > 0).ToList();
        var extended = taskIds.Count == 0
            ? []
            : (await db.Extensions.Where(e => e.State == ExtensionState.Approved && taskIds.Contains(e.TaskId)).Select(e => e.TaskId).ToListAsync(cancellationToken)).ToHashSet();
        var today = Core.Calendar.VietnamTime.Today(clock);
        var triggered = new List<int>();
        foreach (var task in tasks.Where(t => !extended.Contains(t.Id)))
        {
            var relevant = events.Where(e => e.PlanId is null || e.PlanId == task.PlanId)
                .Select(e => new RecordedEvent(e.Name, e.OccurredOn, e.DueOn)).ToList();
            var due = evaluator.Evaluate(parser.Parse(task.DeadlineRaw, task.Plan?.IssuedOn?.Year), today, events: relevant).Due;
            if (due is null || due == task.CurrentDue)
            {
                continue;
            }

            if (actor is not null)
            {
                audit.Record(actor, "deadline.trigger", task.PlanId, task.Id, new { due = task.CurrentDue }, new { due });
            }

            task.CurrentDue = due;
            task.Version++;
            states.Refresh(task, task.Plan!.State, task.Plan.IssuedOn?.Year, today);
            triggered.Add(task.Id);
        }

        return triggered;
    }

    /// <summary>One page of the recorded events, the latest first, for those who record them (the /Events page's rule): they name plans and recorders an agency may not see.</summary>
    public async Task<Page<EventView>> ListAsync(Actor actor, PageRequest page, CancellationToken cancellationToken)
    {
        if (!TaskAccess.CanImport(actor))
        {
            throw WorkflowException.Forbidden("Chỉ văn phòng theo dõi mới xem danh sách sự kiện.", $"user {actor.UserId} may not list events");
        }

        var size = page.Size;
        var events = db.Events.AsNoTracking();
        if (DateIdPosition.Parse(page.After) is { } after)
        {
            var (date, id) = (after.Date, after.Id);
            events = events.Where(e => e.OccurredOn < date || (e.OccurredOn == date && e.Id < id));
        }

        var rows = await events.OrderByDescending(e => e.OccurredOn).ThenByDescending(e => e.Id).Take(size + 1).ToListAsync(cancellationToken);
        return Page<EventView>.From(rows, size, e => new DateIdPosition(e.OccurredOn, e.Id).ToString(), ToView);
    }

    /// <summary>How many events the page lists, those most tasks wait for first, and how many of each one's tasks it names.</summary>
    public const int AwaitedEventsShown = 100;

    public const int AwaitedTasksShown = 10;

    /// <summary>
    /// The events and conditions the live tasks of published plans wait for, grouped by their wording (folded, so that
    /// "Đại hội Đảng bộ tỉnh" and "đại hội đảng bộ tỉnh" are one), most tasks first: what the office picks from to record.
    /// </summary>
    public async Task<IReadOnlyList<AwaitedEvent>> AwaitedAsync(Actor actor, CancellationToken cancellationToken)
    {
        if (!TaskAccess.CanImport(actor))
        {
            throw WorkflowException.Forbidden("Chỉ văn phòng theo dõi mới xem các sự kiện đang chờ.", $"user {actor.UserId} may not list awaited events");
        }

        var waiting = db.Tasks.AsNoTracking()
            .Where(t => t.Phase == TaskPhase.Waiting && !t.Cancelled && t.Plan!.State == PlanState.Published && t.WaitingFor != null);
        var wordings = await waiting.GroupBy(t => new { t.WaitingFor, t.DeadlineKind })
            .Select(g => new { g.Key.WaitingFor, g.Key.DeadlineKind, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var groups = wordings
            .GroupBy(w => Fold(w.WaitingFor!))
            .Select(g => new
            {
                Name = g.OrderByDescending(w => w.Count).ThenBy(w => w.WaitingFor, StringComparer.Ordinal).First().WaitingFor!,
                Wordings = g.Select(w => w.WaitingFor!).Distinct().ToList(),
                IsCondition = g.Where(w => w.DeadlineKind == "conditional").Sum(w => w.Count) > g.Where(w => w.DeadlineKind != "conditional").Sum(w => w.Count),
                Count = g.Sum(w => w.Count),
            })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Name, StringComparer.Ordinal)
            .Take(AwaitedEventsShown)
            .ToList();
        var shownWordings = groups.SelectMany(g => g.Wordings).ToList();
        var tasks = shownWordings.Count == 0
            ? []
            : await waiting.Where(t => shownWordings.Contains(t.WaitingFor!))
                .OrderBy(t => t.Id)
                .Take(AwaitedEventsShown * AwaitedTasksShown)
                .Select(t => new { t.WaitingFor, Task = new AwaitedTask(t.Id, t.PlanId, t.Plan!.Number, t.Number, t.Content, t.DeadlineRaw) })
                .ToListAsync(cancellationToken);
        var byName = tasks.GroupBy(t => Fold(t.WaitingFor!)).ToDictionary(g => g.Key, g => g.Select(t => t.Task).Take(AwaitedTasksShown).ToList());
        return groups.Select(g => new AwaitedEvent(g.Name, g.IsCondition, g.Count, byName.GetValueOrDefault(Fold(g.Name)) ?? [])).ToList();
    }

    /// <summary>The tasks named, as they stand after an event dated them: what the page shows after recording one.</summary>
    public async Task<IReadOnlyList<DatedTask>> DatedAsync(Actor actor, IReadOnlyCollection<int> taskIds, CancellationToken cancellationToken)
    {
        if (!TaskAccess.CanImport(actor))
        {
            throw WorkflowException.Forbidden("Chỉ văn phòng theo dõi mới xem kết quả ghi nhận sự kiện.", $"user {actor.UserId} may not read dated tasks");
        }

        if (taskIds.Count == 0)
        {
            return [];
        }

        return await db.Tasks.AsNoTracking().Where(t => taskIds.Contains(t.Id))
            .OrderBy(t => t.CurrentDue).ThenBy(t => t.Id)
            .Select(t => new DatedTask(t.Id, t.PlanId, t.Plan!.Number, t.Number, t.Content, t.CurrentDue))
            .ToListAsync(cancellationToken);
    }

    private static string Fold(string text) => VietnameseText.CollapseWhiteSpace(VietnameseText.Fold(text));

    private static EventView ToView(RecordedEventEntity e) =>
        new(e.Id, e.Name, e.IsCondition, e.OccurredOn, e.DueOn, e.DocumentNumber, e.DocumentDate, e.PlanId, e.RecordedBy, e.RecordedAt);
}
