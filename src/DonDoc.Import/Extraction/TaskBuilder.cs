using DonDoc.Core.Deadlines;
using DonDoc.Core.Plans;

namespace DonDoc.Import.Extraction;

/// <summary>A task being assembled from one or more source rows.</summary>
public sealed class TaskBuilder(Section? section, string? number, int firstLine)
{
    public Section? Section { get; } = section;

    public string? Number { get; } = number;

    public int FirstLine { get; } = firstLine;

    public string? Content { get; set; }

    public string? Lead { get; set; }

    public string? Coordinators { get; set; }

    public string? Deadline { get; set; }

    public string? Product { get; set; }

    public string? Evidence { get; set; }

    public string? Budget { get; set; }

    public string? Note { get; set; }

    public List<string> RawLines { get; } = [];

    /// <summary>The content printed in the task's own row, which a sub-row without content of its own shares.</summary>
    public string? RowContent { get; init; }

    /// <summary>The table has a lead column (else a heading may name the lead).</summary>
    public bool HasLeadColumn { get; init; } = true;

    /// <summary>What one written unit of <see cref="Budget"/> is worth: the budget column's "(triệu đồng)" makes it 1,000,000.</summary>
    public long BudgetUnit { get; init; } = 1;

    /// <summary>The row has no lead, deadline or product of its own: if sub-rows bring theirs, it is their group, not a task.</summary>
    public bool IsGroupRow { get; set; }

    /// <summary>What the reviewer should look at in this task, found while its rows were read.</summary>
    public List<ExtractionWarning> Warnings { get; } = [];

    /// <summary>A task with the same section, number and content, for a second lead agency.</summary>
    public TaskBuilder SplitForAnotherLead(int line) => new(Section, Number, line) { Content = Content, BudgetUnit = BudgetUnit };

    public PlanTask Build(DeadlineParser deadlines, int? planYear, List<ExtractionWarning> warnings)
    {
        warnings.AddRange(Warnings);
        if (string.IsNullOrWhiteSpace(Content))
        {
            warnings.Add(new ExtractionWarning(FirstLine, "empty_content", $"Nhiệm vụ {Number} không có nội dung công việc."));
        }

        if (string.IsNullOrWhiteSpace(Lead))
        {
            warnings.Add(new ExtractionWarning(FirstLine, "no_lead", $"Nhiệm vụ {Number} chưa có cơ quan chủ trì."));
        }

        var budget = BudgetParser.Parse(Budget, out var malformed, BudgetUnit);
        if (malformed)
        {
            warnings.Add(new ExtractionWarning(FirstLine, "malformed_budget", $"Kinh phí \"{Budget}\" của nhiệm vụ {Number} không đúng định dạng số; cần nhập lại."));
        }

        var deadline = deadlines.Parse(CellText.NullIfEmpty(Deadline), planYear);
        if (Deadline is not null && deadline.Kind == DeadlineKind.Unknown)
        {
            warnings.Add(new ExtractionWarning(FirstLine, "deadline_unknown", $"Chưa hiểu thời hạn \"{Deadline}\" của nhiệm vụ {Number}: {deadline.Explanation}"));
        }

        return new PlanTask
        {
            Section = Section,
            Number = Number,
            Content = Content ?? string.Empty,
            Lead = CellText.NullIfEmpty(Lead),
            Coordinators = CellText.NullIfEmpty(Coordinators),
            Deadline = deadline,
            Product = CellText.NullIfEmpty(Product),
            Evidence = CellText.NullIfEmpty(Evidence),
            BudgetVnd = budget,
            Note = CellText.NullIfEmpty(Note),
            RawText = string.Join("\n", RawLines),
        };
    }
}
