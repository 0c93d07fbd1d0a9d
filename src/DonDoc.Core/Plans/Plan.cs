namespace DonDoc.Core.Plans;

/// <summary>A plan (Kế hoạch) with the tasks of its appendix (Phụ lục).</summary>
public sealed record Plan
{
    /// <summary>Số ký hiệu as printed, e.g. "376-KH/TU".</summary>
    public string? Number { get; init; }

    /// <summary>Cơ quan ban hành.</summary>
    public string? Issuer { get; init; }

    public DateOnly? IssuedOn { get; init; }

    public string? Title { get; init; }

    /// <summary>The file the plan was read from, as the user named it.</summary>
    public string? SourceFile { get; init; }

    public IReadOnlyList<PlanTask> Tasks { get; init; } = [];

    /// <summary>The sections in the order they first appear among the tasks.</summary>
    public IReadOnlyList<Section> Sections =>
        Tasks.Select(t => t.Section).OfType<Section>().Distinct().ToList();

    /// <summary>The year that fills deadlines written without one ("Trong năm", "31/3").</summary>
    public int? Year => IssuedOn?.Year;
}
