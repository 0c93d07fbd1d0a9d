namespace DonDoc.Core.Deadlines;

/// <summary>The kinds of a deadline interpretation (shared/SCHEMA.md).</summary>
public enum DeadlineKind
{
    Date,
    PeriodEnd,
    Recurring,
    Continuous,
    EventRelative,
    Conditional,
    Done,
    Unknown,
}

public static class DeadlineKindNames
{
    /// <summary>The schema's name: date, period_end, recurring, continuous, event_relative, conditional, done, unknown.</summary>
    public static string ToSchemaName(this DeadlineKind kind) => kind switch
    {
        DeadlineKind.Date => "date",
        DeadlineKind.PeriodEnd => "period_end",
        DeadlineKind.Recurring => "recurring",
        DeadlineKind.Continuous => "continuous",
        DeadlineKind.EventRelative => "event_relative",
        DeadlineKind.Conditional => "conditional",
        DeadlineKind.Done => "done",
        _ => "unknown",
    };
}
