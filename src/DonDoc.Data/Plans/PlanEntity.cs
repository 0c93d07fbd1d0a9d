namespace DonDoc.Data.Plans;

/// <summary>A stored plan.</summary>
public sealed class PlanEntity
{
    public int Id { get; set; }

    public string? Number { get; set; }

    public string? Issuer { get; set; }

    public DateOnly? IssuedOn { get; set; }

    public string? Title { get; set; }

    public string? SourceFile { get; set; }

    public PlanState State { get; set; } = PlanState.Draft;

    public DateTimeOffset CreatedAt { get; set; }

    public List<PlanTaskEntity> Tasks { get; set; } = [];
}

public enum PlanState
{
    Draft,
    Published,
    Archived,
}
