namespace DonDoc.Data.Tracking;

/// <summary>A report on a task: the lead's progress or completion, a coordinator's contribution, or a period's report.</summary>
public sealed class ProgressReportEntity
{
    public int Id { get; set; }

    public int TaskId { get; set; }

    public int AgencyId { get; set; }

    public string AuthorId { get; set; } = string.Empty;

    public string AuthorName { get; set; } = string.Empty;

    public ReportKind Kind { get; set; }

    public int? Percent { get; set; }

    public string Summary { get; set; } = string.Empty;

    public string? Difficulties { get; set; }

    public string? Proposals { get; set; }

    /// <summary>For continuous and recurring tasks: the period reported ("Tháng 11/2026").</summary>
    public string? Period { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<EvidenceFileEntity> Files { get; set; } = [];
}

public enum ReportKind
{
    Progress,
    Contribution,
    Completion,
}

/// <summary>An evidence file: its bytes live outside the database, under the storage folder, named by their SHA-256.</summary>
public sealed class EvidenceFileEntity
{
    public int Id { get; set; }

    public int TaskId { get; set; }

    public int? ReportId { get; set; }

    public int? ChecklistItemId { get; set; }

    public string FileName { get; set; } = string.Empty;

    /// <summary>The type found in the content: pdf, docx, xlsx, jpg, png.</summary>
    public string FileType { get; set; } = string.Empty;

    public string ContentType { get; set; } = string.Empty;

    public long SizeBytes { get; set; }

    public string Sha256 { get; set; } = string.Empty;

    public string UploadedBy { get; set; } = string.Empty;

    public DateTimeOffset UploadedAt { get; set; }
}

/// <summary>One product of a task's "Sản phẩm", ticked by the lead agency.</summary>
public sealed class ChecklistItemEntity
{
    public int Id { get; set; }

    public int TaskId { get; set; }

    public int Position { get; set; }

    public string Text { get; set; } = string.Empty;

    public bool Done { get; set; }

    public DateTimeOffset? DoneAt { get; set; }

    public string? DoneBy { get; set; }
}

/// <summary>A request for a new deadline (gia hạn) and the monitoring office's decision.</summary>
public sealed class ExtensionRequestEntity
{
    public int Id { get; set; }

    public int TaskId { get; set; }

    /// <summary>The due date in force when the request was made.</summary>
    public DateOnly? PreviousDue { get; set; }

    public DateOnly RequestedDue { get; set; }

    public string Reason { get; set; } = string.Empty;

    public ExtensionState State { get; set; }

    public string RequestedBy { get; set; } = string.Empty;

    public DateTimeOffset RequestedAt { get; set; }

    public string? DecidedBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? DecisionNote { get; set; }
}

public enum ExtensionState
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>An event that happened or a condition that was met, as the monitoring office recorded it.</summary>
public sealed class RecordedEventEntity
{
    public int Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public bool IsCondition { get; set; }

    public DateOnly OccurredOn { get; set; }

    /// <summary>For a condition: the deadline set when it was met; the day it was met when empty.</summary>
    public DateOnly? DueOn { get; set; }

    /// <summary>The document that carried it: "Hướng dẫn số 12-HD/TW".</summary>
    public string? DocumentNumber { get; set; }

    public DateOnly? DocumentDate { get; set; }

    /// <summary>The plan it concerns; every plan when empty.</summary>
    public int? PlanId { get; set; }

    public string RecordedBy { get; set; } = string.Empty;

    public DateTimeOffset RecordedAt { get; set; }
}
