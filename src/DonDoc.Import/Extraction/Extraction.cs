using DonDoc.Core.Plans;

namespace DonDoc.Import.Extraction;

/// <summary>What the extractor made of a document: the plan, what a person should review, and what was dropped.</summary>
public sealed record Extraction(Plan Plan, IReadOnlyList<ExtractionWarning> Warnings, IReadOnlyList<DroppedLine> DroppedLines)
{
    /// <summary>The year that fills deadlines printed without one, from the issue date or the title.</summary>
    public int? PlanYear { get; init; }
}

/// <summary>Something a reviewer should look at, with the source line it concerns (Vietnamese message).</summary>
public sealed record ExtractionWarning(int Line, string Code, string Message)
{
    /// <summary>The task it concerns: its index in <see cref="Plan.Tasks"/>; null when it concerns the document or a dropped line.</summary>
    public int? Task { get; init; }
}

/// <summary>A source line that is not part of any task, heading or metadata, and why (page numbers, repeated headers, footers).</summary>
public sealed record DroppedLine(int Line, string Text, string Reason);
