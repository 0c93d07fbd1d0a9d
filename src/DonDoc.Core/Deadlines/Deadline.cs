namespace DonDoc.Core.Deadlines;

/// <summary>
/// A deadline as printed (<see cref="Raw"/>) and as understood: a sequence of terms, in the order the
/// text gives them. The first term with a concrete date decides the kind and the due date; without
/// one, the first term does.
/// </summary>
public sealed record Deadline(string? Raw, IReadOnlyList<DeadlineTerm> Terms)
{
    /// <summary>No deadline in the source.</summary>
    public static Deadline None { get; } = new(null, [new UnknownTerm("no deadline given")]);

    private DeadlineTerm? Leading => Terms.FirstOrDefault(t => t.Due is not null) ?? Terms.FirstOrDefault();

    public DeadlineKind Kind => Leading?.Kind ?? DeadlineKind.Unknown;

    /// <summary>The first concrete due date, when one follows from the text alone.</summary>
    public DateOnly? Due => Leading?.Due;

    /// <summary>The hour of the due date, when the text gives one ("16h").</summary>
    public TimeOnly? DueTime => (Leading as DateTerm)?.Time;

    public string Detail => string.Join("; ", Terms.Select(t => t.Detail));

    public bool Equals(Deadline? other) =>
        other is not null && Raw == other.Raw && Terms.SequenceEqual(other.Terms);

    public override int GetHashCode() => HashCode.Combine(Raw, Terms.Count);
}
