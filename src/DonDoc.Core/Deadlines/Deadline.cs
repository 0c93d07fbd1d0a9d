namespace DonDoc.Core.Deadlines;

/// <summary>
/// A deadline as printed (<see cref="Raw"/>) and as understood: a sequence of terms, in the order the
/// text gives them. The first term with a concrete date decides the kind and the due date (an expected
/// date yields to a binding one); without one, "thường xuyên", else the first term.
/// </summary>
public sealed record Deadline(string? Raw, IReadOnlyList<DeadlineTerm> Terms)
{
    /// <summary>No deadline in the source.</summary>
    public static Deadline None { get; } = new(null, [new UnknownTerm(UnknownReason.NotGiven, string.Empty)]);

    // Without a date, "thường xuyên" decides over a reporting schedule beside it ("Thường xuyên; báo cáo
    // hằng quý"): the work never ends, and its reports are how it is judged (shared/DESIGN.md, vocabulary).
    private DeadlineTerm? Leading =>
        Terms.FirstOrDefault(t => t.Due is not null && !t.Tentative)
        ?? Terms.FirstOrDefault(t => t.Due is not null)
        ?? Terms.FirstOrDefault(t => t is ContinuousTerm)
        ?? Terms.FirstOrDefault();

    public DeadlineKind Kind => Leading?.Kind ?? DeadlineKind.Unknown;

    /// <summary>The binding due date, when one follows from the text alone.</summary>
    public DateOnly? Due => Leading?.Due;

    /// <summary>The hour of the due date, when the text gives one ("16h").</summary>
    public TimeOnly? DueTime => (Leading as DateTerm)?.Time;

    /// <summary>English, for logs and the JSON "detail".</summary>
    public string Detail => string.Join("; ", Terms.Select(t => t.Milestone is null ? t.Detail : $"{t.Milestone}: {t.Detail}"));

    /// <summary>Vietnamese, dates dd/mm/yyyy: what a page shows.</summary>
    public string Explanation => string.Join("; ", Terms.Select(t => t.Milestone is null ? t.Explanation : $"{t.Milestone}: {t.Explanation}"));

    public bool Equals(Deadline? other) =>
        other is not null && Raw == other.Raw && Terms.SequenceEqual(other.Terms);

    public override int GetHashCode() => HashCode.Combine(Raw, Terms.Count);
}
