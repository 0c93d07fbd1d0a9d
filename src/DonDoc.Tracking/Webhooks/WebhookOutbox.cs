using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using DonDoc.Core.Access;
using DonDoc.Core.Calendar;
using DonDoc.Core.Tracking;
using DonDoc.Data.Plans;
using DonDoc.Data.Reminders;
using DonDoc.Data.Storage;
using DonDoc.Data.Webhooks;
using DonDoc.Tracking.Reminders;
using DonDoc.Tracking.Tasks;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Tracking.Webhooks;

/// <summary>
/// Queues webhook deliveries for what happened: a row per subscription that wants the event, with the JSON body
/// it will be sent, added to the caller's unit of work so that a delivery exists exactly when its change was
/// saved. Overdue tasks are found by the daily run, once per task and due date.
/// </summary>
public sealed class WebhookOutbox(DonDocDbContext db, TaskStatusReader statuses, AppLinks links, TimeProvider clock)
{
    private const int OverduePage = 1000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // The body is UTF-8 JSON: Vietnamese stays readable in a receiver's log.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private List<WebhookSubscriptionEntity>? _active;

    /// <summary>A plan was published: one delivery per subscription, listing every task it assigned.</summary>
    public async Task PublishedAsync(Actor actor, PlanEntity plan, IReadOnlyList<PlanTaskEntity> tasks, CancellationToken cancellationToken)
    {
        foreach (var subscription in await WantingAsync(WebhookEvents.TaskPublished, cancellationToken))
        {
            Add(subscription, WebhookEvents.TaskPublished, null, plan.Id, null, id => new
            {
                id,
                @event = WebhookEvents.TaskPublished,
                occurredAt = clock.GetUtcNow(),
                actor = actor.Name,
                plan = PlanOf(plan),
                tasks = tasks.Select(TaskOf).ToList(),
            });
        }
    }

    /// <summary>Something happened to one task (progress, a completion reported or decided, an extension decided).</summary>
    /// <param name="details">What the event adds: the report's summary and percent, the office's note, the new deadline.</param>
    public async Task TaskEventAsync(string eventName, Actor actor, PlanTaskEntity task, object? details, CancellationToken cancellationToken)
    {
        foreach (var subscription in await WantingAsync(eventName, cancellationToken))
        {
            Add(subscription, eventName, null, task.PlanId, task.Id, id => new
            {
                id,
                @event = eventName,
                occurredAt = clock.GetUtcNow(),
                actor = actor.Name,
                plan = task.Plan is { } plan ? PlanOf(plan) : null,
                task = TaskOf(task),
                details,
            });
        }
    }

    /// <summary>Something happened to a plan as a whole (an agency's period report submitted).</summary>
    public async Task PeriodReportAsync(string eventName, Actor actor, PlanEntity plan, object details, CancellationToken cancellationToken)
    {
        foreach (var subscription in await WantingAsync(eventName, cancellationToken))
        {
            Add(subscription, eventName, null, plan.Id, null, id => new
            {
                id,
                @event = eventName,
                occurredAt = clock.GetUtcNow(),
                actor = actor.Name,
                plan = PlanOf(plan),
                details,
            });
        }
    }

    /// <summary>
    /// Queues <c>task.overdue</c> for every open dated task whose deadline in force passed before <paramref name="today"/>
    /// while the subscription existed, once per task and deadline, and saves. Returns how many were queued.
    /// </summary>
    public async Task<int> QueueOverdueAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var queued = 0;
        foreach (var subscription in await WantingAsync(WebhookEvents.TaskOverdue, cancellationToken))
        {
            var since = DateOnly.FromDateTime(subscription.CreatedAt.ToOffset(VietnamTime.Offset).DateTime);
            var subscriptionId = subscription.Id;
            var after = 0;
            while (true)
            {
                var page = await db.Tasks.AsNoTracking().Include(t => t.Plan).Include(t => t.Assignments)
                    .Where(t => t.Id > after && t.Phase == TaskPhase.Dated && !t.Cancelled && t.Plan!.State == PlanState.Published
                        && t.Completion != CompletionState.Reported && t.Completion != CompletionState.Accepted
                        && t.DueKey < today && t.DueKey >= since
                        && !db.WebhookDeliveries.Any(d => d.SubscriptionId == subscriptionId && d.Event == WebhookEvents.TaskOverdue && d.TaskId == t.Id && d.DueOn == t.DueKey))
                    .OrderBy(t => t.Id)
                    .Take(OverduePage)
                    .ToListAsync(cancellationToken);
                foreach (var task in page)
                {
                    var delivery = Add(subscription, WebhookEvents.TaskOverdue, $"overdue:{task.Id}:{task.DueKey:yyyy-MM-dd}", task.PlanId, task.Id, id => new
                    {
                        id,
                        @event = WebhookEvents.TaskOverdue,
                        occurredAt = clock.GetUtcNow(),
                        actor = (string?)null,
                        plan = PlanOf(task.Plan!),
                        task = TaskOf(task),
                        details = new { dueOn = task.DueKey, daysOverdue = today.DayNumber - task.DueKey.DayNumber },
                    });
                    delivery.DueOn = task.DueKey;
                }

                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                queued += page.Count;
                if (page.Count < OverduePage)
                {
                    break;
                }

                after = page[^1].Id;
            }
        }

        return queued;
    }

    /// <summary>The administrator's test delivery to one subscription, whatever events it chose; saved at once.</summary>
    public async Task<string> PingAsync(Actor actor, int subscriptionId, CancellationToken cancellationToken)
    {
        WebhookSubscriptions.RequireAdministrator(actor);
        var subscription = await db.WebhookSubscriptions.SingleOrDefaultAsync(h => h.Id == subscriptionId, cancellationToken)
            ?? throw Workflow.WorkflowException.NotFound($"webhook {subscriptionId}");
        var delivery = Add(subscription, WebhookEvents.Ping, null, null, null, id => new
        {
            id,
            @event = WebhookEvents.Ping,
            occurredAt = clock.GetUtcNow(),
            actor = actor.Name,
            details = new { message = "Kiểm tra kết nối webhook của DonDoc.", subscription = subscription.Name },
        });
        await db.SaveChangesAsync(cancellationToken);
        return delivery.DeliveryId;
    }

    private async Task<IReadOnlyList<WebhookSubscriptionEntity>> WantingAsync(string eventName, CancellationToken cancellationToken)
    {
        _active ??= await db.WebhookSubscriptions.AsNoTracking().Where(h => h.DisabledAt == null).OrderBy(h => h.Id).ToListAsync(cancellationToken);
        return _active.Where(h => WebhookEvents.Split(h.Events).Contains(eventName)).ToList();
    }

    private WebhookDeliveryEntity Add(WebhookSubscriptionEntity subscription, string eventName, string? dedupeKey, int? planId, int? taskId, Func<string, object> body)
    {
        var deliveryId = "whd_" + Guid.CreateVersion7(clock.GetUtcNow()).ToString("N");
        var delivery = new WebhookDeliveryEntity
        {
            SubscriptionId = subscription.Id,
            DeliveryId = deliveryId,
            Event = eventName,
            DedupeKey = dedupeKey ?? deliveryId,
            PlanId = planId,
            TaskId = taskId,
            Payload = JsonSerializer.Serialize(body(deliveryId), Json),
            State = DeliveryState.Queued,
            CreatedAt = clock.GetUtcNow(),
        };
        db.WebhookDeliveries.Add(delivery);
        return delivery;
    }

    private static object PlanOf(PlanEntity plan) => new { id = plan.Id, plan.Number, plan.Title, plan.Issuer, plan.IssuedOn };

    private object TaskOf(PlanTaskEntity task) => new
    {
        id = task.Id,
        planId = task.PlanId,
        task.Number,
        task.SectionId,
        task.Content,
        task.Lead,
        task.Coordinators,
        deadline = task.DeadlineRaw,
        deadlineKind = task.DeadlineKind,
        dueOn = task.CurrentDue,
        status = statuses.StatusOf(task).ToSchemaName(),
        completion = task.Completion.ToString().ToLowerInvariant(),
        task.PercentDone,
        agencies = task.Assignments.Select(a => new { agencyId = a.AgencyId, role = a.Role == AssignmentRole.Lead ? "lead" : "coordinator" }).ToList(),
        links = new { api = "/api/tasks/" + task.Id.ToString(CultureInfo.InvariantCulture), page = links.Task(task.Id) },
    };
}
