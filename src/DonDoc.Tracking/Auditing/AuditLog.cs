using System.Text.Encodings.Web;
using System.Text.Json;
using DonDoc.Core.Access;
using DonDoc.Data.Auditing;
using DonDoc.Data.Storage;
using Microsoft.Extensions.Logging;

namespace DonDoc.Tracking.Auditing;

/// <summary>Appends to the audit trail, within the caller's unit of work: the entry is saved with the change it records.</summary>
public sealed class AuditLog(DonDocDbContext db, TimeProvider clock, ILogger<AuditLog> logger)
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public void Record(Actor actor, string action, int? planId, int? taskId, object? before, object? after)
    {
        db.AuditEntries.Add(new AuditEntryEntity
        {
            At = clock.GetUtcNow(),
            UserId = actor.UserId,
            UserName = actor.Name,
            PlanId = planId,
            TaskId = taskId,
            Action = action,
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
        });
        logger.LogInformation("Audit {Action} on plan {PlanId} task {TaskId} by {UserId}", action, planId, taskId, actor.UserId);
    }
}
