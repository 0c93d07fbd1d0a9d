namespace DonDoc.Data.Auditing;

/// <summary>
/// One change, appended to a log that no role can edit or delete: the database context refuses to
/// update or remove an entry, and the database's own triggers refuse it too.
/// </summary>
public sealed class AuditEntryEntity
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public string UserId { get; set; } = string.Empty;

    public string UserName { get; set; } = string.Empty;

    public int? PlanId { get; set; }

    public int? TaskId { get; set; }

    /// <summary>What the entry is about when it is not a plan or a task: "user:{id}", "agency:{id}", "group:{name}".</summary>
    public string? Subject { get; set; }

    /// <summary>What was done, in English for logs and filters: "progress", "extension.approve", …</summary>
    public string Action { get; set; } = string.Empty;

    /// <summary>The values before the change, as JSON; null for a creation.</summary>
    public string? Before { get; set; }

    /// <summary>The values after the change, as JSON.</summary>
    public string? After { get; set; }
}
