using DonDoc.Core.Plans;

namespace DonDoc.Core.Exchange;

/// <summary>
/// A plan in the exchange format: shared/SCHEMA.md's plan and tasks, plus, for a plan that is being tracked,
/// where each task stands (status, due date in force, assignments, completion, progress). What DonDoc hands on
/// to another system, and what it loads from one.
/// </summary>
public sealed record ExchangePlan(ExchangeHeader Header, IReadOnlyList<ExchangeTask> Tasks)
{
    /// <summary>The plan and its tasks as Core reads them (tracking aside), the source file named as given.</summary>
    public Plan ToPlan(string? sourceFile) => new()
    {
        Number = Header.Number,
        Issuer = Header.Issuer,
        IssuedOn = Header.IssuedOn,
        Title = Header.Title,
        SourceFile = sourceFile,
        Tasks = Tasks.Select(t => t.Task).ToList(),
    };
}

/// <summary>The format's name and version, written in every file so that a reader knows the file by its content.</summary>
public static class ExchangeFormat
{
    public const string Name = "dondoc-exchange";

    public const int Version = 1;
}

/// <summary>The plan's header (SCHEMA.md's <c>plan</c> and <c>document</c>) and where the plan stands.</summary>
public sealed record ExchangeHeader
{
    public string? Number { get; init; }

    public string? Issuer { get; init; }

    public DateOnly? IssuedOn { get; init; }

    public string? Title { get; init; }

    /// <summary>The file the plan was first read from.</summary>
    public string? Document { get; init; }

    /// <summary>draft, published, archived or cancelled; null when the file does not say (another system's file).</summary>
    public string? State { get; init; }

    public DateTimeOffset? ExportedAt { get; init; }
}

/// <summary>A task: its row of the plan, and where it stands when the plan is tracked (null for a draft or another system's row).</summary>
public sealed record ExchangeTask(PlanTask Task, ExchangeTracking? Tracking);

/// <summary>Where a tracked task stands on the day of the export.</summary>
public sealed record ExchangeTracking
{
    /// <summary>The status's machine name: not_yet_due, due_soon, overdue, done_on_time, done_late, waiting_for_trigger, continuous, cancelled.</summary>
    public required string Status { get; init; }

    /// <summary>The due date in force: an approved extension, else the date a recorded event gave, else the plan's.</summary>
    public DateOnly? Due { get; init; }

    /// <summary>For a recurring or continuous task: the date its next periodic report is due.</summary>
    public DateOnly? NextReportDue { get; init; }

    /// <summary>The event or condition the deadline waits for.</summary>
    public string? WaitingFor { get; init; }

    public IReadOnlyList<ExchangeAssignment> Assignments { get; init; } = [];

    public int PercentDone { get; init; }

    /// <summary>none, reported, accepted or returned.</summary>
    public string Completion { get; init; } = "none";

    /// <summary>The day the lead agency reported the task done.</summary>
    public DateOnly? ReportedDoneOn { get; init; }

    /// <summary>The completion date the monitoring office accepted.</summary>
    public DateOnly? CompletedOn { get; init; }

    public bool Cancelled { get; init; }

    public string? CancelReason { get; init; }

    public ExchangeProgress Progress { get; init; } = ExchangeProgress.None;
}

/// <summary>An agency's part in a task, by the directory's name: role <c>lead</c> (exactly one) or <c>coordinator</c>.</summary>
public sealed record ExchangeAssignment(string Agency, string Role, string? Note);

/// <summary>A summary of a task's reports: how many, and the latest.</summary>
public sealed record ExchangeProgress(int Reports, DateTimeOffset? LastAt, int? LastPercent, string? LastSummary)
{
    public static ExchangeProgress None { get; } = new(0, null, null, null);
}
