namespace DonDoc.Data.Tracking;

/// <summary>
/// A plan's reporting cycle (<see cref="DonDoc.Core.Reports.ReportCycle"/>): each period every agency with tasks in the plan
/// submits one report by its due day; the office consolidates by its own.
/// </summary>
public sealed class ReportCycleEntity
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    /// <summary>The <see cref="DonDoc.Core.Reports.PeriodLength"/> name.</summary>
    public string Length { get; set; } = string.Empty;

    public int AgencyDueDay { get; set; }

    public int OfficeDueDay { get; set; }

    public bool DueAfterPeriod { get; set; }

    /// <summary>The first period reports are asked for, written as the command line writes it ("2026-11").</summary>
    public string FirstPeriod { get; set; } = string.Empty;

    /// <summary>The plan's own words the cycle was read from, when it was.</summary>
    public string? Source { get; set; }

    /// <summary>The office's rating formula (its written form, "tasks=100;late=5;missing=10"); the default when empty.</summary>
    public string? RatingFormula { get; set; }

    public string UpdatedBy { get; set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; set; }

    public int Version { get; set; }
}

/// <summary>One agency's report for one period of a plan. No row: not submitted.</summary>
public sealed class PeriodReportEntity
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    /// <summary>The period, written as the command line writes it ("2026-11").</summary>
    public string Period { get; set; } = string.Empty;

    public int AgencyId { get; set; }

    public PeriodReportState State { get; set; }

    /// <summary>The agency's due date for the period when the report was submitted.</summary>
    public DateOnly DueOn { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    public string SubmittedById { get; set; } = string.Empty;

    public string SubmittedBy { get; set; } = string.Empty;

    /// <summary>Whether the last submission came by the due date (Vietnam time).</summary>
    public bool OnTime { get; set; }

    /// <summary>Kết quả đạt được.</summary>
    public string Results { get; set; } = string.Empty;

    /// <summary>Tồn tại, hạn chế, nguyên nhân.</summary>
    public string? Shortcomings { get; set; }

    /// <summary>Nhiệm vụ trọng tâm kỳ tới.</summary>
    public string? NextTasks { get; set; }

    /// <summary>Đề xuất, kiến nghị.</summary>
    public string? Proposals { get; set; }

    public string? ReturnReason { get; set; }

    public string? DecidedBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public int Version { get; set; }

    public List<PeriodReportItemEntity> Items { get; set; } = [];
}

public enum PeriodReportState
{
    Submitted,
    Returned,
    Accepted,
}

/// <summary>A task's line in a period report: the progress report (with its evidence) it recorded on the task.</summary>
public sealed class PeriodReportItemEntity
{
    public int Id { get; set; }

    public int ReportId { get; set; }

    public int TaskId { get; set; }

    public int ProgressReportId { get; set; }
}

/// <summary>The consolidated report's narrative for a plan and period, as the office edited it before export.</summary>
public sealed class PeriodNarrativeEntity
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    public string Period { get; set; } = string.Empty;

    public string Results { get; set; } = string.Empty;

    public string Shortcomings { get; set; } = string.Empty;

    public string NextTasks { get; set; } = string.Empty;

    public string Proposals { get; set; } = string.Empty;

    public string UpdatedBy { get; set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; set; }
}
