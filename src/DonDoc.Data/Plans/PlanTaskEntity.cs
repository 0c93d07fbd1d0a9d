namespace DonDoc.Data.Plans;

/// <summary>A stored task of a plan, with its deadline as printed and as understood at import.</summary>
public sealed class PlanTaskEntity
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    public PlanEntity? Plan { get; set; }

    /// <summary>The row's position in the plan, from 0.</summary>
    public int Position { get; set; }

    public string? SectionId { get; set; }

    public string? SectionTitle { get; set; }

    public string? Number { get; set; }

    public string Content { get; set; } = string.Empty;

    public string? Lead { get; set; }

    public string? Coordinators { get; set; }

    public string? DeadlineRaw { get; set; }

    /// <summary>The schema name of the deadline's kind: date, period_end, recurring, …</summary>
    public string DeadlineKind { get; set; } = "unknown";

    public DateOnly? DeadlineDue { get; set; }

    public string? DeadlineDetail { get; set; }

    public string? Product { get; set; }

    public string? Evidence { get; set; }

    public long? BudgetVnd { get; set; }

    public string? Note { get; set; }

    /// <summary>The source text of the row exactly as it was read.</summary>
    public string? RawText { get; set; }
}
