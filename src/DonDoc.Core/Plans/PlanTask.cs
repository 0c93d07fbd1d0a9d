using DonDoc.Core.Deadlines;

namespace DonDoc.Core.Plans;

/// <summary>One row of a plan's task table.</summary>
public sealed record PlanTask
{
    public Section? Section { get; init; }

    /// <summary>STT as printed: "1", "1.1", "Hoạt động 2"; null when the row has none.</summary>
    public string? Number { get; init; }

    public required string Content { get; init; }

    /// <summary>Cơ quan chủ trì, as printed.</summary>
    public string? Lead { get; init; }

    /// <summary>Cơ quan phối hợp, as printed.</summary>
    public string? Coordinators { get; init; }

    /// <summary>Thời hạn as printed, and its interpretation.</summary>
    public Deadline Deadline { get; init; } = Deadline.None;

    public string? Product { get; init; }

    public string? Evidence { get; init; }

    public long? BudgetVnd { get; init; }

    public string? Note { get; init; }

    /// <summary>The source text of the row, exactly as it was read, so that nothing is ever lost.</summary>
    public string? RawText { get; init; }
}
