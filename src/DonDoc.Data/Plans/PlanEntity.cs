namespace DonDoc.Data.Plans;

/// <summary>A stored plan: a draft under review, then published, and at last archived or cancelled (never deleted once published).</summary>
public sealed class PlanEntity
{
    public int Id { get; set; }

    public string? Number { get; set; }

    public string? Issuer { get; set; }

    public DateOnly? IssuedOn { get; set; }

    public string? Title { get; set; }

    public string? SourceFile { get; set; }

    /// <summary>SHA-256 of the imported file, hex.</summary>
    public string? SourceSha256 { get; set; }

    public PlanState State { get; set; } = PlanState.Draft;

    /// <summary>Why the plan was archived or cancelled.</summary>
    public string? StateReason { get; set; }

    /// <summary>The monitoring-office user who imported the plan and manages it.</summary>
    public string? OwnerId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>The importer's warnings and dropped lines, as JSON, for the review page.</summary>
    public string? ImportNotesJson { get; set; }

    /// <summary>Whether a completion must carry evidence (a file); null follows the office's default (Tracking:RequireCompletionEvidence).</summary>
    public bool? RequiresCompletionEvidence { get; set; }

    /// <summary>Incremented by every change; two edits of the same version never both win.</summary>
    public int Version { get; set; }

    /// <summary>Incremented in the same transaction as every change to the plan's tasks, so that counts cached for the day know when to be read again.</summary>
    public int TaskRevision { get; set; }

    public List<PlanTaskEntity> Tasks { get; set; } = [];
}

public enum PlanState
{
    Draft,
    Published,
    Archived,
    Cancelled,
}
