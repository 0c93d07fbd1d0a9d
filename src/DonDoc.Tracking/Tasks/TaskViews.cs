using DonDoc.Core.Tracking;
using DonDoc.Data.Plans;

namespace DonDoc.Tracking.Tasks;

/// <summary>What the task lists and the API show of a task.</summary>
public sealed record TaskSummary(
    int Id,
    int PlanId,
    string? PlanNumber,
    string? PlanTitle,
    string? SectionId,
    string? SectionTitle,
    string? Number,
    string Content,
    string? Lead,
    string? Coordinators,
    string? LeadAgency,
    int? LeadAgencyId,
    IReadOnlyList<string> CoordinatorAgencies,
    string? DeadlineRaw,
    string DeadlineKind,
    DateOnly? Due,
    string Status,
    string StatusText,
    string StatusReason,
    string Colour,
    int PercentDone,
    string Completion,
    bool Cancelled,
    int Version)
{
    /// <summary>Days past the deadline in force; 0 when not overdue.</summary>
    public int DaysOverdue { get; init; }
}

/// <summary>A plan in the list, with its tasks counted by status.</summary>
public sealed record PlanSummary(
    int Id,
    string? Number,
    string? Title,
    string? Issuer,
    DateOnly? IssuedOn,
    string State,
    int TaskCount,
    IReadOnlyDictionary<string, int> CountsByStatus)
{
    /// <summary>The tasks by colour in the legend's order, for the plan list (the API keeps <see cref="CountsByStatus"/>).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<DonDoc.Tracking.Dashboard.ColourCount> Colours { get; init; } = [];
}

/// <summary>A plan as a choice in a list.</summary>
public sealed record PlanChoice(int Id, string? Number, string? Title);

/// <summary>Filters of the task list: all optional.</summary>
/// <param name="Role">With an agency (the filter's, or an officer's own): only the tasks it leads, or only those it coordinates.</param>
/// <param name="Colours">Only tasks of these colours (the dashboard's figures), as <see cref="StatusClassification.Colour"/> gives them.</param>
/// <param name="NeedsAction">True: only the tasks that wait for their agency (overdue or due soon, a report due, a completion returned);
/// false: only the others. Tasks whose completion waits for the office's decision wait for the office, not the agency.</param>
public sealed record TaskFilter(
    int? PlanId = null,
    int? AgencyId = null,
    string? Status = null,
    string? Query = null,
    DateOnly? DueBefore = null,
    string? SectionId = null,
    AssignmentRole? Role = null,
    IReadOnlyCollection<StatusColour>? Colours = null,
    bool? NeedsAction = null,
    bool LatestDueFirst = false);

public sealed record AssignmentView(int AgencyId, string Agency, string Role, string? Note);

public sealed record EvidenceView(int Id, string FileName, string FileType, long SizeBytes, string Sha256, DateTimeOffset UploadedAt);

public sealed record ReportView(
    int Id, string Kind, string Agency, string Author, int? Percent, string Summary, string? Difficulties, string? Proposals,
    string? Period, DateTimeOffset CreatedAt, IReadOnlyList<EvidenceView> Files);

public sealed record ChecklistItemView(int Id, int Position, string Text, bool Done, DateTimeOffset? DoneAt, string? DoneBy, IReadOnlyList<EvidenceView> Files);

public sealed record ExtensionView(
    int Id, DateOnly? PreviousDue, DateOnly RequestedDue, string Reason, string State, string RequestedBy, DateTimeOffset RequestedAt,
    string? DecidedBy, DateTimeOffset? DecidedAt, string? DecisionNote);

public sealed record AuditView(DateTimeOffset At, string UserName, string Action, string? Before, string? After);

/// <summary>Everything the task page shows, and what the actor may do on it.</summary>
public sealed record TaskDetails(
    TaskSummary Task,
    string? Product,
    string? Evidence,
    long? BudgetVnd,
    string? Note,
    string? RawText,
    string DeadlineExplanation,
    DateOnly? PrintedDue,
    DateOnly? ReportedDoneOn,
    DateOnly? CompletedOn,
    string? ReviewNote,
    string? CancelReason,
    string PlanState,
    IReadOnlyList<AssignmentView> Assignments,
    IReadOnlyList<ReportView> Reports,
    IReadOnlyList<ChecklistItemView> Checklist,
    IReadOnlyList<ExtensionView> Extensions,
    IReadOnlyList<AuditView> Audit,
    TaskPermissions Can)
{
    /// <summary>Whether its plan (or the office) requires evidence with the completion report (<see cref="Workflow.CompletionEvidenceRule"/>), for the completion form.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool CompletionRequiresEvidence { get; init; }

    /// <summary>Whether a file is already stored for the task, which then counts as its evidence.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool HasEvidence { get; init; }
}

public sealed record TaskPermissions(bool ReportAsLead, bool Contribute, bool Manage, bool Periodic);

public static class TaskStatusText
{
    public static string CompletionText(string completion) => completion switch
    {
        "Reported" => "Đã báo cáo hoàn thành, chờ xác nhận",
        "Accepted" => "Đã xác nhận hoàn thành",
        "Returned" => "Bị trả lại",
        _ => "",
    };

    public static TrackingStatus? ParseStatus(string? name) =>
        Enum.GetValues<TrackingStatus>().Cast<TrackingStatus?>().FirstOrDefault(s => s!.Value.ToSchemaName() == name);
}
