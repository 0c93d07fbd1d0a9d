using DonDoc.Core.Plans;

namespace DonDoc.Import.Extraction;

/// <summary>What the extractor made of a document: the plan, what a person should review, and what was dropped.</summary>
public sealed record Extraction(Plan Plan, IReadOnlyList<ExtractionWarning> Warnings, IReadOnlyList<DroppedLine> DroppedLines)
{
    /// <summary>The year that fills deadlines printed without one, from the issue date or the title.</summary>
    public int? PlanYear { get; init; }

    /// <summary>The source line where the task table begins (its header), when the tasks come from a table.</summary>
    public int? TableLine { get; init; }

    /// <summary>The reporting cycle the document's own words state (its body, headings and rows), for the review to propose.</summary>
    public Core.Reports.ReportCycleProposal? CycleProposal { get; init; }

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
/// <param name="Reason">Why, in English, for logs and JSON ("repeated table header").</param>
public sealed record DroppedLine(int Line, string Text, string Reason)
{
    private static readonly Dictionary<string, string> VietnameseReasons = new(StringComparer.Ordinal)
    {
        ["repeated table header"] = "dòng tiêu đề bảng lặp lại",
        ["page number"] = "số trang",
        ["page header or footer"] = "đầu trang hoặc chân trang",
        ["text outside the task table"] = "nội dung ngoài bảng nhiệm vụ",
        ["table outside the task table"] = "bảng ngoài bảng nhiệm vụ",
        ["plan text outside the task sections"] = "nội dung kế hoạch ngoài các mục nhiệm vụ",
        ["text before the first row"] = "nội dung trước dòng nhiệm vụ đầu tiên",
        ["closing formula, recipients and signature"] = "phần kết, nơi nhận và chữ ký",
    };

    /// <summary>Why, in Vietnamese: what the review page shows.</summary>
    public string Explanation => Vietnamese(Reason);

    /// <summary>The Vietnamese of a reason in English; a reason not known is returned as it is.</summary>
    public static string Vietnamese(string reason) => VietnameseReasons.GetValueOrDefault(reason, reason);

    /// <summary>The English reasons, longest first, so that a stored "reason: text" note can be read back.</summary>
    public static IEnumerable<string> KnownReasons => VietnameseReasons.Keys.OrderByDescending(k => k.Length);
}
