using System.Text.Encodings.Web;
using System.Text.Json;
using DonDoc.Core.Access;
using DonDoc.Data.Auditing;
using DonDoc.Data.Storage;
using Microsoft.Extensions.Logging;

namespace DonDoc.Tracking.Auditing;

/// <summary>
/// Appends to the audit trail, within the caller's unit of work: the entry is saved with the change it
/// records. Every feature that changes something records it here — the workflow, drafts, accounts, the
/// directory, and the report and reminder features (<see cref="AuditActions"/> names their actions).
/// </summary>
public sealed class AuditLog(DonDocDbContext db, TimeProvider clock, ILogger<AuditLog> logger)
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public void Record(Actor actor, string action, int? planId, int? taskId, object? before, object? after) =>
        Add(actor, action, planId, taskId, null, before, after);

    /// <summary>A change of something that is not a plan or a task: an account ("user:{id}"), an agency ("agency:{id}"), a group, a calendar day.</summary>
    public void RecordAbout(Actor actor, string action, string subject, object? before, object? after) =>
        Add(actor, action, null, null, subject, before, after);

    private void Add(Actor actor, string action, int? planId, int? taskId, string? subject, object? before, object? after)
    {
        db.AuditEntries.Add(new AuditEntryEntity
        {
            At = clock.GetUtcNow(),
            UserId = actor.UserId,
            UserName = actor.Name,
            PlanId = planId,
            TaskId = taskId,
            Subject = subject,
            Action = action,
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
        });
        logger.LogInformation("Audit {Action} on plan {PlanId} task {TaskId} {Subject} by {UserId}", action, planId, taskId, subject, actor.UserId);
    }
}

/// <summary>The actions of the audit trail, in one list, so that every feature names its acts the same way.</summary>
public static class AuditActions
{
    public const string AccountCreate = "account.create";
    public const string AccountUpdate = "account.update";
    public const string AccountLock = "account.lock";
    public const string AccountUnlock = "account.unlock";
    public const string AccountPasswordReset = "account.password-reset";
    public const string AccountPasswordChange = "account.password-change";
    public const string AccountPasswordResetLink = "account.password-reset-link";
    public const string AccountPasswordResetByEmail = "account.password-reset-by-email";
    public const string ApiKeyCreate = "apikey.create";
    public const string ApiKeyRevoke = "apikey.revoke";
    public const string WebhookCreate = "webhook.create";
    public const string WebhookDisable = "webhook.disable";

    public const string AgencyCreate = "agency.create";
    public const string AgencyUpdate = "agency.update";
    public const string AgencyGroup = "agency.group";
    public const string AgencyRemember = "agency.remember";

    /// <summary>A day off or a worked weekend day of an announcement, added by the administrator on /Admin/Calendar.</summary>
    public const string CalendarAnnounce = "calendar.announce";

    /// <summary>An announced line removed by the administrator.</summary>
    public const string CalendarRemove = "calendar.remove";

    public const string DraftImport = "draft.import";
    public const string DraftEdit = "draft.edit";
    public const string DraftDiscard = "draft.discard";
    public const string DraftRowAdd = "draft.row.add";
    public const string DraftRowDelete = "draft.row.delete";
    public const string DraftRowSplit = "draft.row.split";
    public const string DraftRowMerge = "draft.row.merge";

    /// <summary>A periodic report submitted by an agency (the report cycle records it).</summary>
    public const string ReportSubmit = "report.submit";

    /// <summary>The office's decision on a periodic report.</summary>
    public const string ReportDecide = "report.decide";

    /// <summary>A reminder sent on a channel (the reminder senders record it).</summary>
    public const string ReminderSend = "reminder.send";

    public static string User(string userId) => "user:" + userId;

    public static string Agency(int agencyId) => "agency:" + agencyId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Group(string name) => "group:" + name;

    /// <summary>An announced line of the calendar, named by its first day: "calendar:2027-02-05".</summary>
    public static string CalendarDay(DateOnly from) => "calendar:" + from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
