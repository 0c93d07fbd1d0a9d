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

    /// <summary>For a recurring task: the date its next periodic report is due (moved on as the days, and later the reported periods, pass).</summary>
    public DateOnly? NextReportDue { get; set; }

    /// <summary>
    /// For a continuous or recurring task of a plan with a report cycle: the lead agency's due date of the earliest period
    /// it has not reported (a returned report is not reported); once every period due is in, the next period's date.
    /// </summary>
    public DateOnly? PeriodReportDue { get; set; }

    /// <summary>For an event-relative or conditional deadline: the event or condition it waits for, as the plan names it.</summary>
    public string? WaitingFor { get; set; }

    /// <summary>Where the task stands apart from the day: the part of its status that does not change with the date (see <see cref="TaskPhase"/>).</summary>
    public TaskPhase Phase { get; set; }

    /// <summary>
    /// The date the status is judged by and lists are sorted by: the due date in force, else the next report date;
    /// <see cref="DateOnly.MaxValue"/> when the task has neither, so that undated tasks sort last on every database.
    /// </summary>
    public DateOnly DueKey { get; set; } = DateOnly.MaxValue;

    /// <summary>The lead agency (the task's one lead assignment), kept on the task so that an agency's tasks are read from one index.</summary>
    public int? LeadAgencyId { get; set; }

    public string? Product { get; set; }

    public string? Evidence { get; set; }

    public long? BudgetVnd { get; set; }

    public string? Note { get; set; }

    /// <summary>The source text of the row exactly as it was read.</summary>
    public string? RawText { get; set; }

    /// <summary>At review: how a row with several leads or a group lead becomes tasks (a <c>LeadChoice</c> name).</summary>
    public string? LeadChoice { get; set; }

    /// <summary>What the task is (content, section, product) folded for the full-text index: lower case, no diacritics, letters and digits only.</summary>
    public string SearchMain { get; set; } = string.Empty;

    /// <summary>The plan's number and title, folded as <see cref="SearchMain"/>.</summary>
    public string SearchPlan { get; set; } = string.Empty;

    /// <summary>The lead as printed and as resolved, folded.</summary>
    public string SearchLead { get; set; } = string.Empty;

    /// <summary>The coordinators as printed and as resolved, folded: ranked below content and plan.</summary>
    public string SearchCoordinators { get; set; } = string.Empty;

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

/// <summary>
/// The stored, date-independent part of a task's status. With <see cref="PlanTaskEntity.DueKey"/>, today and the
/// due-soon date it gives the status: the database evaluates it in every list, filter and count.
/// </summary>
public enum TaskPhase
{
    /// <summary>A row of a plan still under review: in no list.</summary>
    Draft = 0,

    /// <summary>Open with a due date in force: not yet due, due soon or overdue by <see cref="PlanTaskEntity.DueKey"/>.</summary>
    Dated = 1,

    /// <summary>Recurring: not yet due or due soon by its next report date.</summary>
    Periodic = 2,

    /// <summary>No due date could be read: not yet due, flagged for a person.</summary>
    Undated = 3,

    /// <summary>Waits for an event or condition to be recorded.</summary>
    Waiting = 4,

    /// <summary>"Thường xuyên": judged by its periodic reports.</summary>
    Continuous = 5,

    DoneOnTime = 6,

    DoneLate = 7,

    /// <summary>The task, or its whole plan, was cancelled.</summary>
    Cancelled = 8,

    /// <summary>
    /// Continuous or recurring, judged by its plan's report cycle: not yet due, due soon or overdue by the due date of
    /// the earliest period its lead has not reported (<see cref="PlanTaskEntity.PeriodReportDue"/>).
    /// </summary>
    Reporting = 9,
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
