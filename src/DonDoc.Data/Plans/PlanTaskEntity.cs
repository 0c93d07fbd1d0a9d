namespace DonDoc.Data.Plans;

/// <summary>A stored task of a plan, with its deadline as printed and as understood, its assignments and where it stands.</summary>
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

    /// <summary>The due date the plan itself gives.</summary>
    public DateOnly? DeadlineDue { get; set; }

    public string? DeadlineDetail { get; set; }

    /// <summary>The due date in force: an approved extension, else the date a recorded event gave, else the plan's.</summary>
    public DateOnly? CurrentDue { get; set; }

    public string? Product { get; set; }

    public string? Evidence { get; set; }

    public long? BudgetVnd { get; set; }

    public string? Note { get; set; }

    /// <summary>The source text of the row exactly as it was read.</summary>
    public string? RawText { get; set; }

    /// <summary>At review: how a row with several leads or a group lead becomes tasks (a <c>LeadChoice</c> name).</summary>
    public string? LeadChoice { get; set; }

    /// <summary>Content, agencies and plan title folded (no case, no diacritics), for search.</summary>
    public string SearchText { get; set; } = string.Empty;

    public int PercentDone { get; set; }

    public CompletionState Completion { get; set; }

    /// <summary>The day the lead agency reported the task done.</summary>
    public DateOnly? ReportedDoneOn { get; set; }

    /// <summary>The completion date the monitoring office accepted.</summary>
    public DateOnly? CompletedOn { get; set; }

    public string? ReviewNote { get; set; }

    public bool Cancelled { get; set; }

    public string? CancelReason { get; set; }

    public int Version { get; set; }

    public DateTimeOffset? LastProgressAt { get; set; }

    public List<TaskAssignmentEntity> Assignments { get; set; } = [];
}

public enum CompletionState
{
    None,
    Reported,
    Accepted,
    Returned,
}

/// <summary>An agency's part in a task: the one lead, or a coordinator; with the qualifier the plan wrote in parentheses.</summary>
public sealed class TaskAssignmentEntity
{
    public int Id { get; set; }

    public int TaskId { get; set; }

    public PlanTaskEntity? Task { get; set; }

    public int AgencyId { get; set; }

    public Agencies.AgencyEntity? Agency { get; set; }

    public AssignmentRole Role { get; set; }

    public string? Note { get; set; }
}

public enum AssignmentRole
{
    Lead,
    Coordinator,
}
