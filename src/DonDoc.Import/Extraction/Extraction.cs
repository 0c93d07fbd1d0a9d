using DonDoc.Core.Plans;

namespace DonDoc.Import.Extraction;

/// <summary>What the extractor made of a document: the plan, what a person should review, and what was dropped.</summary>
public sealed record Extraction(Plan Plan, IReadOnlyList<ExtractionWarning> Warnings, IReadOnlyList<DroppedLine> DroppedLines)
{
    /// <summary>The year that fills deadlines printed without one, from the issue date or the title.</summary>
    public int? PlanYear { get; init; }

    /// <summary>The source line where the task table begins (its header), when the tasks come from a table.</summary>
    public int? TableLine { get; init; }

    /// <summary>
    /// This extraction with the tasks a plan's body assigns before its table: the body's tasks first, in the
    /// order of the document; warnings keep pointing at their tasks.
    /// </summary>
    public Extraction WithBodyTasks(Extraction body)
    {
        var offset = body.Plan.Tasks.Count;
        return this with
        {
            Plan = Plan with { Tasks = [.. body.Plan.Tasks, .. Plan.Tasks] },
            Warnings = [.. body.Warnings, .. Warnings.Select(w => w.Task is { } task ? w with { Task = task + offset } : w)],
            DroppedLines = [.. body.DroppedLines.Concat(DroppedLines).OrderBy(d => d.Line)],
        };
    }
}

/// <summary>Something a reviewer should look at, with the source line it concerns (Vietnamese message).</summary>
public sealed record ExtractionWarning(int Line, string Code, string Message)
{
    /// <summary>The task it concerns: its index in <see cref="Plan.Tasks"/>; null when it concerns the document or a dropped line.</summary>
    public int? Task { get; init; }
}

/// <summary>A source line that is not part of any task, heading or metadata, and why (page numbers, repeated headers, footers).</summary>
public sealed record DroppedLine(int Line, string Text, string Reason);
