using DonDoc.Core.Deadlines;
using DonDoc.Core.Plans;
using DonDoc.Import.Reading;

namespace DonDoc.Import.Extraction;

/// <summary>
/// Builds a plan from a document whose table structure is known (tab- or pipe-separated text, Word,
/// Excel, HTML): finds the header by meaning, follows sections, joins rows continued across page breaks,
/// splits rows that name a second lead agency, and keeps every line's fate.
/// </summary>
public sealed class PlanExtractor(DeadlineParser deadlines)
{
    public Extraction Extract(SourceDocument document)
    {
        var state = new State { VisualLines = document.RowsAreVisualLines };
        var preamble = new List<string>();
        foreach (var line in document.Lines)
        {
            if (line.Cells is { } cells)
            {
                // Until rows covered by a merged cell are read as their own rows, a copy of the merged text is a continuation: empty.
                var cleaned = cells.Select((c, i) => line.OriginOf(i) == CellOrigin.Own ? CellText.Clean(c) : string.Empty).ToList();
                if (ColumnHeaders.RecogniseRow(cleaned) is { } roles)
                {
                    if (state.Roles is null)
                    {
                        state.Roles = roles.ToList();
                    }
                    else
                    {
                        state.Dropped.Add(new DroppedLine(line.Number, line.Raw, "repeated table header"));
                        state.AfterPageBreak = true;
                    }

                    continue;
                }

                if (state.Roles is null)
                {
                    preamble.Add(string.Join(" ", cleaned));
                    continue;
                }

                ReadRow(state, line, cleaned);
                continue;
            }

            var text = CellText.Clean(line.Raw);
            if (text.Length == 0)
            {
                continue;
            }

            if (state.Roles is null)
            {
                preamble.Add(text);
            }
            else
            {
                state.Dropped.Add(new DroppedLine(line.Number, line.Raw, "text outside the task table"));
            }
        }

        if (state.Roles is null)
        {
            state.Warnings.Add(new ExtractionWarning(0, "no_table", "Không tìm thấy bảng nhiệm vụ (không có dòng tiêu đề STT / Nội dung / Cơ quan chủ trì…)."));
        }

        var metadata = PlanMetadataReader.Read(preamble);
        var tasks = state.Tasks.Select(builder => builder.Build(deadlines, metadata.Year, state.Warnings)).ToList();
        var plan = metadata.ToPlan(document.FileName, tasks);
        return new Extraction(plan, state.Warnings, state.Dropped) { PlanYear = metadata.Year };
    }

    private static void ReadRow(State state, SourceLine line, List<string> cells)
    {
        var roles = state.Roles!;
        string Cell(ColumnRole role)
        {
            var index = roles.IndexOf(role);
            return index >= 0 && index < cells.Count ? cells[index] : string.Empty;
        }

        if (cells.All(c => c.Length == 0))
        {
            return;
        }

        var number = Cell(ColumnRole.Number);
        var content = Cell(ColumnRole.Content);
        var others = roles.Select((role, i) => (role, i)).Where(x => x.role is not (ColumnRole.Number or ColumnRole.Content) && x.i < cells.Count)
            .Select(x => cells[x.i]).ToList();

        // "II. TITLE" spread over the whole row, or "I" with its title in the content cell.
        var headingText = number.Length > 0 ? number : (others.All(o => o.Length == 0) ? content : string.Empty);
        if (headingText.Length > 0 && SectionHeading.TryRead(headingText, number.Length > 0 ? content : string.Empty, out var id, out var title)
            && (others.All(o => o.Length == 0) || number.Length > 0 && SectionHeading.IsRoman(number.TrimEnd('.'))))
        {
            state.Section = new Section(id, title?.TrimEnd());
            state.Current = null;
            state.AfterPageBreak = false;
            return;
        }

        var lead = Cell(ColumnRole.Lead);
        if (number.Length > 0 && number.All(char.IsDigit) && content.Length == 0 && others.All(o => o.Length == 0))
        {
            state.Dropped.Add(new DroppedLine(line.Number, line.Raw, "page number"));
            return;
        }

        if (number.Length > 0)
        {
            state.Current = new TaskBuilder(state.Section, number, line.Number);
            state.Tasks.Add(state.Current);
        }
        else if (state.Current is null)
        {
            state.Warnings.Add(new ExtractionWarning(line.Number, "orphan_row", "Dòng không có STT và không thuộc nhiệm vụ nào phía trên; đã tạo nhiệm vụ mới để người rà soát kiểm tra."));
            state.Current = new TaskBuilder(state.Section, null, line.Number);
            state.Tasks.Add(state.Current);
        }
        else if (!state.VisualLines && !state.AfterPageBreak && content.Length == 0 && lead.Length > 0 && state.Current.Lead is not null)
        {
            // A second lead agency for the same task, in a row of its own: one task per lead.
            var split = state.Current.SplitForAnotherLead(line.Number);
            state.Warnings.Add(new ExtractionWarning(line.Number, "second_lead", $"Nhiệm vụ {state.Current.Number} có thêm cơ quan chủ trì \"{lead}\"; đã tách thành nhiệm vụ riêng (một việc một đầu mối)."));
            state.Current = split;
            state.Tasks.Add(split);
        }

        state.AfterPageBreak = false;
        var task = state.Current;
        task.RawLines.Add(line.Raw);
        task.Content = CellText.Append(task.Content, content);
        task.Lead = CellText.Append(task.Lead, lead);
        task.Coordinators = CellText.Append(task.Coordinators, Cell(ColumnRole.Coordinators));
        task.Deadline = CellText.Append(task.Deadline, Cell(ColumnRole.Deadline));
        task.Product = CellText.Append(task.Product, Cell(ColumnRole.Product));
        task.Evidence = CellText.Append(task.Evidence, Cell(ColumnRole.Evidence));
        task.Budget = CellText.Append(task.Budget, Cell(ColumnRole.Budget));
        task.Note = CellText.Append(task.Note, Cell(ColumnRole.Note));
    }

    private sealed class State
    {
        public List<ColumnRole?>? Roles { get; set; }

        public Section? Section { get; set; }

        public TaskBuilder? Current { get; set; }

        public bool AfterPageBreak { get; set; }

        public bool VisualLines { get; init; }

        public List<TaskBuilder> Tasks { get; } = [];

        public List<ExtractionWarning> Warnings { get; } = [];

        public List<DroppedLine> Dropped { get; } = [];

        public IReadOnlyList<ColumnRole?>? RolesView => Roles;
    }
}
