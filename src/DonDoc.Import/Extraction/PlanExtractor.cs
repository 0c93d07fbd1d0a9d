using System.Text.RegularExpressions;
using DonDoc.Core.Agencies;
using DonDoc.Core.Deadlines;
using DonDoc.Core.Plans;
using DonDoc.Core.Text;
using DonDoc.Import.Reading;

namespace DonDoc.Import.Extraction;

/// <summary>
/// Builds a plan from a document whose table structure is known (tab- or pipe-separated text, Word, Excel,
/// HTML, a PDF whose grid was rebuilt): finds each task table's header and the role of each column by header
/// and content, follows headings in several levels (A/B/C, I/II, 1.1, "Lĩnh vực …"), reads rows covered by
/// merged cells whole, makes an unnumbered sub-row with its own lead or deadline a task of its own, joins rows
/// continued across page breaks, and keeps every line's fate.
/// </summary>
public sealed partial class PlanExtractor(DeadlineParser deadlines, AgencyDirectory? agencies = null)
{
    /// <summary>The parser the extractor reads deadlines with.</summary>
    public DeadlineParser Deadlines => deadlines;

    private readonly CellEvidence _evidence = new(agencies ?? AgencyDirectory.Default, deadlines);

    public Extraction Extract(SourceDocument document)
    {
        var blocks = Blocks(document);
        var warnings = new List<ExtractionWarning>();
        var dropped = new List<DroppedLine>();
        var preamble = new List<string>();

        // First the tables' layouts (the plan's year, which deadline cells need, comes from the preamble).
        var layouts = new TaskTableLayout?[blocks.Count];
        var firstTable = -1;
        TaskTableLayout? previous = null;
        var provisionalYear = PlanMetadataReader.Read(PreambleBefore(blocks, blocks.Count).Take(200).ToList()).Year;
        for (var b = 0; b < blocks.Count; b++)
        {
            if (blocks[b].Rows is not { } rows)
            {
                continue;
            }

            layouts[b] = Layout(rows, previous, provisionalYear);
            if (layouts[b] is { } layout)
            {
                previous = layout;
                firstTable = firstTable < 0 ? b : firstTable;
            }
        }

        preamble.AddRange(PreambleBefore(blocks, firstTable < 0 ? blocks.Count : firstTable));
        if (firstTable >= 0)
        {
            // Rows above the header of the first task table: a sheet's title rows.
            var rows = blocks[firstTable].Rows!;
            preamble.AddRange(rows.Take(layouts[firstTable]!.HeaderStart).SelectMany(r => r.Cells!.Where((c, i) => r.OriginOf(i) == CellOrigin.Own && !string.IsNullOrWhiteSpace(c))));
        }

        var metadata = PlanMetadataReader.Read(preamble);
        var items = new List<RowItem>();
        var firstSection = firstTable >= 0 ? FirstSectionAbove(blocks, firstTable) : -1;
        for (var b = 0; b < blocks.Count; b++)
        {
            var block = blocks[b];
            if (block.Rows is null)
            {
                var text = CellText.Clean(block.Line!.Raw);
                // The body's own headings above the first task table ("III. NHIỆM VỤ") are not sections of the table.
                if (firstTable >= 0 && (b > firstTable || b == firstSection) && text.Length > 0)
                {
                    if (HeadingLine(text) is { } heading)
                    {
                        items.Add(heading with { Line = block.Line });
                    }
                    else
                    {
                        dropped.Add(new DroppedLine(block.Line.Number, block.Line.Raw, "text outside the task table"));
                    }
                }

                continue;
            }

            if (layouts[b] is not { } layout)
            {
                if (b > firstTable && firstTable >= 0)
                {
                    foreach (var row in block.Rows)
                    {
                        dropped.Add(new DroppedLine(row.Number, row.Raw, "table outside the task table"));
                    }
                }

                continue;
            }

            items.Add(new RowItem(ItemKind.Break, null));
            var closed = false;
            for (var r = 0; r < block.Rows.Count; r++)
            {
                var row = block.Rows[r];
                if (r < layout.HeaderRows)
                {
                    if (b != firstTable)
                    {
                        dropped.Add(new DroppedLine(row.Number, row.Raw, "repeated table header"));
                    }

                    continue;
                }

                if (TableHeaderFinder.IsRepeatedHeader(row, layout.Headers))
                {
                    dropped.Add(new DroppedLine(row.Number, row.Raw, "repeated table header"));
                    items.Add(new RowItem(ItemKind.Break, null));
                    closed = false;
                    continue;
                }

                if (closed)
                {
                    dropped.Add(new DroppedLine(row.Number, row.Raw, "text after the task table"));
                    continue;
                }

                if (IsTotalRow(row, layout))
                {
                    dropped.Add(new DroppedLine(row.Number, row.Raw, "total row"));
                    continue;
                }

                if (Classify(row, layout, document.RowsAreVisualLines) is { } item)
                {
                    if (document.RowsAreVisualLines && item.Kind is ItemKind.Heading or ItemKind.Candidate && IsClosingSection(item.Title))
                    {
                        // Read by position, nothing marks where a borderless table ends: the plan's closing section
                        // ("IV. TỔ CHỨC THỰC HIỆN") does, and the text after it (its prose, "Nơi nhận") is no row.
                        dropped.Add(new DroppedLine(row.Number, row.Raw, "text after the task table"));
                        closed = true;
                        continue;
                    }

                    items.Add(item);
                }
                else if (row.Cells!.Any(c => CellText.Clean(c).Length > 0))
                {
                    dropped.Add(new DroppedLine(row.Number, row.Raw, "page number"));
                }
            }
        }

        if (firstTable < 0)
        {
            warnings.Add(new ExtractionWarning(0, "no_table", "Không tìm thấy bảng nhiệm vụ (không có dòng tiêu đề STT / Nội dung / Cơ quan chủ trì…)."));
        }

        var builders = Assemble(items, document.RowsAreVisualLines, metadata.Year);
        var tasks = new List<PlanTask>();
        foreach (var builder in builders)
        {
            var taskWarnings = new List<ExtractionWarning>();
            tasks.Add(builder.Build(deadlines, metadata.Year, taskWarnings));
            var index = tasks.Count - 1;
            warnings.AddRange(taskWarnings.Select(w => w with { Task = index }));
        }

        var plan = metadata.ToPlan(document.FileName, tasks);
        return new Extraction(plan, warnings.OrderBy(w => w.Task ?? -1).ThenBy(w => w.Line).ToList(), dropped.OrderBy(d => d.Line).ToList())
        {
            PlanYear = metadata.Year,
            TableLine = firstTable < 0 ? null : blocks[firstTable].Rows![layouts[firstTable]!.HeaderStart].Number,
        };
    }

    /// <summary>The document as text lines and tables (rows of one table, blank lines between them ignored).</summary>
    private static List<Block> Blocks(SourceDocument document)
    {
        var blocks = new List<Block>();
        List<SourceLine>? table = null;
        var tableIndex = -1;
        foreach (var line in document.Lines)
        {
            if (line.IsTableRow)
            {
                if (table is null || line.Table != tableIndex)
                {
                    table = [];
                    tableIndex = line.Table;
                    blocks.Add(new Block(null, table));
                }

                table.Add(line);
                continue;
            }

            if (string.IsNullOrWhiteSpace(line.Raw))
            {
                continue;
            }

            table = null;
            blocks.Add(new Block(line, null));
        }

        return blocks;
    }

    /// <summary>The text before the first task table: text lines, and the cells of tables that are no task table (the header block).</summary>
    private static IEnumerable<string> PreambleBefore(List<Block> blocks, int end)
    {
        for (var b = 0; b < end && b < blocks.Count; b++)
        {
            if (blocks[b].Line is { } line)
            {
                yield return line.Raw;
                continue;
            }

            foreach (var row in blocks[b].Rows!)
            {
                // The header block row by row, the left column first: issuer and number, then motto, place and date.
                foreach (var cell in row.Cells!.Where((c, i) => row.OriginOf(i) == CellOrigin.Own && !string.IsNullOrWhiteSpace(c)))
                {
                    yield return cell;
                }
            }
        }
    }

    /// <summary>The layout of a table: by its header; a table without one goes on with the previous task table's layout.</summary>
    private TaskTableLayout? Layout(List<SourceLine> rows, TaskTableLayout? previous, int? planYear)
    {
        var assigner = new ColumnRoleAssigner(_evidence);
        if (TableHeaderFinder.Find(rows) is { } header)
        {
            var body = rows.Skip(header.Start + header.Count).ToList();
            var roles = assigner.Assign(header.Headers, Columns(body, header.Headers.Length), planYear);
            if (roles is not null)
            {
                return new TaskTableLayout(header.Start + header.Count, header.Headers, roles) { HeaderStart = header.Start };
            }
        }

        var width = rows.Max(r => r.Cells!.Count);
        if (previous is not null && Math.Abs(width - previous.Roles.Count) <= 1)
        {
            // A table continued on the next page or after a heading, without its header.
            return previous with { HeaderRows = 0 };
        }

        if (previous is null && rows.Count >= 3)
        {
            // A table without a header row: its cells alone must say what each column holds.
            // A first row that opens with "STT" is a header that says nothing else we know.
            var skip = ColumnHeaders.Read(TableHeaderFinder.Own(rows[0]).FirstOrDefault() ?? string.Empty).Claim == ColumnRole.Number ? 1 : 0;
            var roles = assigner.Assign([], Columns(rows.Skip(skip).ToList(), width), planYear, headerRequired: false);
            if (roles is not null)
            {
                var headers = skip == 1 ? TableHeaderFinder.Own(rows[0]).Concat(Enumerable.Repeat(string.Empty, width)).Take(width).ToArray() : Enumerable.Repeat(string.Empty, width).ToArray();
                return new TaskTableLayout(skip, headers, roles);
            }
        }

        return null;
    }

    private static List<IReadOnlyList<string>> Columns(List<SourceLine> rows, int width)
    {
        var columns = new List<IReadOnlyList<string>>();
        var own = rows.Select(TableHeaderFinder.Own).ToList();
        for (var c = 0; c < width; c++)
        {
            columns.Add(own.Select(cells => c < cells.Length ? cells[c] : string.Empty).ToList());
        }

        return columns;
    }

    /// <summary>
    /// The index of the block that heads the first task table's first section, or -1: in an appendix ("PHỤ LỤC",
    /// "Kèm theo …" above), a numbered heading just above the table ("I. XÚC TIẾN XUẤT KHẨU", only blank lines between)
    /// begins the table's sections as the headings between its later tables go on with them. Above a table in the body
    /// such a heading is the body's ("III. NHIỆM VỤ"), not a section.
    /// </summary>
    private static int FirstSectionAbove(List<Block> blocks, int firstTable)
    {
        var b = firstTable - 1;
        while (b >= 0 && blocks[b].Rows is null && CellText.Clean(blocks[b].Line!.Raw).Length == 0)
        {
            b--;
        }

        if (b < 0 || blocks[b].Rows is not null || SectionHeading.ReadInText(CellText.Clean(blocks[b].Line!.Raw)) is not { } heading
            || heading.Mark.Kind == HeadingKind.Arabic || HeadingLine(CellText.Clean(blocks[b].Line!.Raw)) is null)
        {
            return -1;
        }

        for (var above = b - 1; above >= 0; above--)
        {
            if (blocks[above].Rows is null && CellText.Clean(blocks[above].Line!.Raw) is var text
                && (PlanMetadataReader.IsAppendixHeading(text) || VietnameseText.Fold(text).TrimStart('(', ' ').StartsWith("kem theo", StringComparison.Ordinal)))
            {
                return b;
            }
        }

        return -1;
    }

    /// <summary>A text line between task tables that is a heading: "II. DỮ LIỆU SỐ", "B – NHIỆM VỤ …", a line in capitals.</summary>
    private static RowItem? HeadingLine(string text)
    {
        if (SectionHeading.ReadInText(text) is { } heading && heading.Mark.Kind != HeadingKind.Arabic && CellEvidence.FoldedWords(text).Count <= 30)
        {
            return new RowItem(ItemKind.Heading, null) { Mark = heading.Mark, Title = heading.Title };
        }

        return SectionHeading.IsCapitals(text) && CellEvidence.FoldedWords(text).Count <= 30
            ? new RowItem(ItemKind.Heading, null) { Mark = new HeadingMark(HeadingKind.Unnumbered, null), Title = text }
            : null;
    }

    /// <summary>
    /// "Tổng cộng | 186.000.000": the sum of a budget column, in the number or content column, with no lead, coordinator
    /// or deadline of its own. It is no task.
    /// </summary>
    private static bool IsTotalRow(SourceLine line, TaskTableLayout layout)
    {
        var own = TableHeaderFinder.Own(line);
        var first = own.Select((text, i) => (text, i)).FirstOrDefault(x => x.text.Length > 0);
        if (first.text is null || (first.i != layout.IndexOf(ColumnRole.Number) && first.i != layout.IndexOf(ColumnRole.Content))
            || !TotalLabel().IsMatch(VietnameseText.Fold(first.text).Trim()))
        {
            return false;
        }

        return new[] { ColumnRole.Lead, ColumnRole.Coordinators, ColumnRole.Deadline, ColumnRole.Product }
            .All(role => layout.IndexOf(role) is var at && (at < 0 || at == first.i || at >= own.Length || own[at].Length == 0));
    }

    /// <summary>The last section of a Vietnamese plan's body, which follows its table of tasks: "TỔ CHỨC THỰC HIỆN".</summary>
    private static bool IsClosingSection(string? title) =>
        title is not null && VietnameseText.Fold(title).Trim().TrimEnd(':', '.') is "to chuc thuc hien" or "to chuc thuc hien ke hoach";

    /// <summary>What one body row is: a heading, a task, a sub-row, a continuation; null for an empty row or a page number.</summary>
    private RowItem? Classify(SourceLine line, TaskTableLayout layout, bool visualLines)
    {
        var cells = line.Cells!;
        var own = TableHeaderFinder.Own(line);
        var copied = cells.Select((c, i) => line.OriginOf(i) == CellOrigin.MergedFromAbove ? CellText.Clean(c) : string.Empty).ToArray();
        var row = new GridRow(line, layout, own, copied);
        if (own.All(c => c.Length == 0))
        {
            return copied.Any(c => c.Length > 0) && !visualLines ? new RowItem(ItemKind.Continuation, row) : null;
        }

        var number = row.Own(ColumnRole.Number);
        var content = row.Own(ColumnRole.Content);
        var hasFields = row.HasOwnFields;
        var numberAt = layout.IndexOf(ColumnRole.Number);
        var others = own.Select((text, i) => (text, i)).Where(x => x.text.Length > 0 && x.i != numberAt).ToList();
        if (number.Length > 0 && others.Count == 1 && others[0].i != layout.IndexOf(ColumnRole.Content))
        {
            // A numbered row with one text beside its number, in whatever column: a heading's title ("1.1 | Thương mại"
            // where the lead column comes first), or a task whose only text stands in the wrong column.
            content = others[0].text;
            hasFields = false;
        }

        // The whole row in one cell (a merged heading row), or the number column missing.
        var lone = own.Count(c => c.Length > 0) == 1 ? own.First(c => c.Length > 0) : null;
        // A number cell that holds no number ("Lĩnh vực nông nghiệp", a heading merged across the row) is read as text.
        var numberLike = number.Length > 0 && (CellEvidence.Number(number) > 0 || SectionHeading.ReadMark(number) is not null || SectionHeading.ReadInText(number) is not null);
        if (number.Length > 0 && !numberLike && !hasFields && content.Length == 0)
        {
            number = string.Empty;
        }

        if (number.Length > 0)
        {
            if (number.All(char.IsDigit) && content.Length == 0 && !hasFields)
            {
                return null;
            }

            if (SectionHeading.ReadMark(number) is null && SectionHeading.ReadInText(number) is { } spread && (content.Length == 0 || !hasFields))
            {
                // "II. TITLE" spread over the number cell (a merged heading row, or a title that did not fit).
                var title = string.Join(" ", new[] { spread.Title, content }.Where(t => !string.IsNullOrEmpty(t)));
                return spread.Mark.Kind == HeadingKind.Arabic && !SectionHeading.IsCapitals(title)
                    ? new RowItem(ItemKind.Candidate, row) { Mark = spread.Mark, Title = CellText.NullIfEmpty(title), Number = spread.Mark.Id }
                    : new RowItem(ItemKind.Heading, row) { Mark = spread.Mark, Title = CellText.NullIfEmpty(title) };
            }

            var mark = SectionHeading.ReadMark(number);
            if (mark is not null && mark.Kind is HeadingKind.Letter or HeadingKind.Roman or HeadingKind.Named
                && (!hasFields || SectionHeading.IsCapitals(content) || content.Length == 0))
            {
                return new RowItem(ItemKind.Heading, row) { Mark = mark, Title = CellText.NullIfEmpty(content) };
            }

            if (mark is { Kind: HeadingKind.Arabic } && !hasFields)
            {
                return new RowItem(ItemKind.Candidate, row) { Mark = mark, Title = CellText.NullIfEmpty(content), Number = number.TrimEnd('.') };
            }

            return new RowItem(ItemKind.Task, row) { Number = NumberAsPrinted(number) };
        }

        // Own text under a merged lead or deadline: a row of its own that the merged cell covers.
        var coveredTask = content.Length > 0 && (row.Copied(ColumnRole.Lead).Length > 0 || row.Copied(ColumnRole.Deadline).Length > 0);
        if (!hasFields && !coveredTask)
        {
            var text = content.Length > 0 ? content : lone ?? string.Empty;
            if (text.Length > 0 && (content.Length == 0 || lone is not null))
            {
                if (SectionHeading.ReadInText(text) is { } inText && CellEvidence.FoldedWords(text).Count <= 40)
                {
                    return inText.Mark.Kind == HeadingKind.Arabic
                        ? new RowItem(ItemKind.Candidate, row) { Mark = inText.Mark, Title = inText.Title, Number = inText.Mark.Id }
                        : new RowItem(ItemKind.Heading, row) { Mark = inText.Mark, Title = inText.Title };
                }

                if ((SectionHeading.IsCapitals(text) || SectionHeading.IsNamedWithoutNumber(text)) && !visualLines)
                {
                    return new RowItem(ItemKind.Heading, row) { Mark = new HeadingMark(HeadingKind.Unnumbered, null), Title = text };
                }
            }

            return new RowItem(ItemKind.Continuation, row);
        }

        if (!layout.Has(ColumnRole.Number) && content.Length > 0)
        {
            // A table without a number column: each row with its own text and fields is a task.
            return new RowItem(visualLines ? ItemKind.Continuation : ItemKind.Task, row);
        }

        return new RowItem(visualLines ? ItemKind.Continuation : ItemKind.SubRow, row);
    }

    /// <summary>Turns the row items into tasks: headings into the section path, sub-rows into tasks of their own.</summary>
    private List<TaskBuilder> Assemble(List<RowItem> items, bool visualLines, int? planYear)
    {
        var path = new SectionPath();
        var builders = new List<TaskBuilder>();
        TaskBuilder? current = null;
        string? lastNumber = null;
        var afterBreak = false;
        // Read by position, a borderless row may print its number level with the middle of its cells: the lines
        // from the space above the row (a padding gap) down to a numbered line belong to that number's task.
        // They wait here until a gap or a heading gives them to the task above, or a number claims them.
        var band = new List<GridRow>();
        // Read by position, a heading row's title may go on at the next line, with no gap between ("Các hoạt động
        // văn hóa, thể" above "thao"): such a line finishes the title.
        (HeadingMark Mark, string? Title)? openHeading = null;
        void GiveBandToCurrent()
        {
            foreach (var waiting in band)
            {
                Attach(waiting);
            }

            band.Clear();
        }

        // A task without a number starts at a row that holds something; an orphan (in a table that numbers its
        // rows, under no numbered row) is warned for the reviewer.
        void StartUnnumbered(GridRow row, bool orphan)
        {
            if (row.Own(ColumnRole.Content).Length == 0 && !row.HasOwnFields)
            {
                return;
            }

            current = NewTask(path, null, row, row.Text(ColumnRole.Content));
            if (orphan)
            {
                current.Warnings.Add(new ExtractionWarning(row.Line.Number, "orphan_row", "Dòng không có STT và không thuộc nhiệm vụ nào phía trên; đã tạo nhiệm vụ mới để người rà soát kiểm tra."));
            }

            builders.Add(current);
            afterBreak = false;
        }

        // A row without a number goes on with the task above; with none above, it starts an unnumbered task.
        void Attach(GridRow row)
        {
            if (current is null)
            {
                StartUnnumbered(row, orphan: true);
                return;
            }

            Continue(current, row);
        }

        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var heading = openHeading;
            openHeading = null;
            switch (item.Kind)
            {
                case ItemKind.Break:
                    GiveBandToCurrent();
                    afterBreak = current is not null;
                    continue;
                case ItemKind.Heading:
                    GiveBandToCurrent();
                    EnterHeading(path, item.Mark!, item.Title);
                    openHeading = visualLines && item.Row is not null ? (item.Mark!, item.Title) : null;
                    current = null;
                    afterBreak = false;
                    continue;
                case ItemKind.Candidate when IsHeading(items, i, lastNumber):
                    GiveBandToCurrent();
                    path.Enter(item.Mark!, item.Title);
                    openHeading = visualLines ? (item.Mark!, item.Title) : null;
                    current = null;
                    afterBreak = false;
                    continue;
            }

            var row = item.Row!;
            if (heading is { } open && item.Kind == ItemKind.Continuation && !row.Line.GapBefore && !row.HasOwnFields
                && row.Own(ColumnRole.Content) is { Length: > 0 } more && open.Title is { Length: > 0 } title && !title.EndsWith(':'))
            {
                path.Enter(open.Mark, title + " " + more);
                openHeading = (open.Mark, title + " " + more);
                continue;
            }

            if (item.Kind is ItemKind.Task or ItemKind.Candidate)
            {
                path.Task(item.Number);
                lastNumber = item.Number;
                if (band.Count > 0 && !row.Line.GapBefore)
                {
                    current = NewTask(path, item.Number, band[0], band[0].Text(ColumnRole.Content));
                    foreach (var waiting in band.Skip(1))
                    {
                        Continue(current, waiting);
                    }

                    Continue(current, row);
                    band.Clear();
                }
                else
                {
                    GiveBandToCurrent();
                    current = NewTask(path, item.Number, row, row.Text(ColumnRole.Content));
                }

                builders.Add(current);
                afterBreak = false;
                continue;
            }

            if (visualLines && item.Kind == ItemKind.Continuation && !row.Layout.Has(ColumnRole.Number))
            {
                // A borderless table without a number column: each row is the block of lines between two gaps.
                if (current is null || row.Line.GapBefore)
                {
                    StartUnnumbered(row, orphan: false);
                }
                else
                {
                    Continue(current, row);
                    afterBreak = false;
                }

                continue;
            }

            if (visualLines && item.Kind == ItemKind.Continuation && (row.Line.GapBefore || band.Count > 0 || current is null))
            {
                if (row.Line.GapBefore)
                {
                    GiveBandToCurrent();
                }

                band.Add(row);
                continue;
            }

            if (current is null)
            {
                Attach(row);
                continue;
            }

            if (item.Kind == ItemKind.SubRow && !afterBreak && !visualLines && StartsSubTask(current, row))
            {
                var parent = current;
                if (parent.IsGroupRow)
                {
                    // "1. Tuyên truyền:" without a lead or deadline, whose sub-rows each have theirs: a group, not a task.
                    builders.Remove(parent);
                }

                var content = row.Own(ColumnRole.Content).Length > 0 ? row.Own(ColumnRole.Content)
                    : row.Copied(ColumnRole.Content).Length > 0 ? row.Copied(ColumnRole.Content) : parent.Content ?? string.Empty;
                current = NewTask(path, parent.Number, row, content, parent.Section);
                var reason = row.Own(ColumnRole.Lead).Length > 0 ? "cơ quan chủ trì riêng"
                    : row.Own(ColumnRole.Deadline).Length > 0 ? "thời hạn riêng" : "nội dung riêng dưới ô gộp";
                current.Warnings.Add(new ExtractionWarning(row.Line.Number, "sub_row",
                    $"Dòng không có STT có {reason}: đã tách thành nhiệm vụ riêng (số {parent.Number ?? "—"}); cần kiểm tra."));
                if (parent.IsGroupRow)
                {
                    current.RawLines.InsertRange(0, parent.RawLines);
                }

                builders.Add(current);
                afterBreak = false;
                continue;
            }

            Continue(current, row);
            afterBreak = false;
        }

        GiveBandToCurrent();

        // Without a lead column, a heading that names an agency ("Sở Nội vụ chủ trì:") leads the tasks under it.
        foreach (var builder in builders.Where(b => b.Lead is null && !b.HasLeadColumn && b.Section?.Title is not null))
        {
            builder.Lead = ImplicitLead(builder.Section!.Title!);
        }

        return builders;
    }

    private static void EnterHeading(SectionPath path, HeadingMark mark, string? title)
    {
        // "C" after "B" is a part, not the Roman hundred; "I" after "H" too.
        if (mark.Kind == HeadingKind.Roman && mark.Id is { Length: 1 } letter && path.ContinuesLetters(letter))
        {
            mark = mark with { Kind = HeadingKind.Letter };
        }

        path.Enter(mark, title);
    }

    /// <summary>
    /// Whether a numbered row without lead, deadline or product is a group heading: its title is in capitals, or
    /// the next numbered row is inside it ("5" then "5.1", "a)", "-") or starts the numbering again ("1").
    /// </summary>
    private static bool IsHeading(List<RowItem> items, int at, string? lastTask)
    {
        var item = items[at];
        if (item.Title is { } title && SectionHeading.IsCapitals(title))
        {
            return true;
        }

        // Numbering that runs on through groups ("6", then group "1. Công nghiệp", then "7"): a number that follows
        // neither the last task's nor is followed by the next row's is no task's.
        var nextNumber = items.Skip(at + 1).FirstOrDefault(n => n.Kind is ItemKind.Task or ItemKind.Candidate)?.Number;
        if (lastTask is not null && item.Number is { } own && !Follows(lastTask, own) && (nextNumber is null || !Follows(own, nextNumber)))
        {
            return true;
        }

        for (var i = at + 1; i < items.Count; i++)
        {
            var next = items[i];
            if (next.Kind is ItemKind.Break or ItemKind.Continuation)
            {
                continue;
            }

            if (next.Kind is ItemKind.Heading or ItemKind.SubRow)
            {
                return false;
            }

            var number = next.Number ?? string.Empty;
            var id = item.Number ?? string.Empty;
            if (number.StartsWith(id + ".", StringComparison.Ordinal))
            {
                return true;
            }

            if (SectionHeading.ReadMark(number) is not { Kind: HeadingKind.Arabic })
            {
                // "a)", "-", "+": lettered or bulleted rows inside the group.
                return number.Length > 0 && !char.IsUpper(number[0]);
            }

            var parts = id.Split('.');
            var nextParts = number.Split('.');
            return nextParts[^1] == "1" && !(parts.Length == nextParts.Length && parts[^1] == "0");
        }

        return false;
    }

    /// <summary>
    /// Whether an unnumbered row with a lead or deadline is a task of its own: it names a second lead or deadline,
    /// or it has its own text under a lead or deadline (its own, or a merged cell's that covers it), or the row
    /// above was only a group. Otherwise it completes the task above (a lead or deadline that row lacked).
    /// </summary>
    /// <summary>Whether <paramref name="number"/> can come after <paramref name="last"/> in one numbering: 6 → 7, 1.2 → 1.3 or 2, 1 → 1.1.</summary>
    private static bool Follows(string last, string number)
    {
        var previous = last.Split('.');
        var next = number.Split('.');
        if (!previous.All(p => int.TryParse(p, out _)) || !next.All(p => int.TryParse(p, out _)))
        {
            return true;
        }

        var a = previous.Select(int.Parse).ToArray();
        var b = next.Select(int.Parse).ToArray();
        for (var depth = 0; depth < a.Length; depth++)
        {
            if (b.Length == depth + 1 && b.Take(depth).SequenceEqual(a.Take(depth)) && b[depth] == a[depth] + 1)
            {
                return true;
            }
        }

        return b.Length == a.Length + 1 && b.Take(a.Length).SequenceEqual(a) && b[^1] == 1;
    }

    private static bool StartsSubTask(TaskBuilder current, GridRow row)
    {
        var ownLead = row.Own(ColumnRole.Lead).Length > 0;
        var ownDeadline = row.Own(ColumnRole.Deadline).Length > 0;
        if ((ownLead && current.Lead is not null) || (ownDeadline && current.Deadline is not null))
        {
            return true;
        }

        var ownContent = row.Own(ColumnRole.Content).Length > 0;
        var leadOrDeadline = row.Text(ColumnRole.Lead).Length > 0 || row.Text(ColumnRole.Deadline).Length > 0;
        return ownContent && (current.IsGroupRow || (leadOrDeadline && (current.Lead is not null || current.Deadline is not null)));
    }

    private static TaskBuilder NewTask(SectionPath path, string? number, GridRow row, string content, Section? section = null)
    {
        var builder = new TaskBuilder(section ?? path.For(number), number, row.Line.Number)
        {
            Content = CellText.NullIfEmpty(content),
            RowContent = CellText.NullIfEmpty(content),
            Lead = CellText.NullIfEmpty(row.Text(ColumnRole.Lead)),
            Coordinators = CellText.NullIfEmpty(row.Text(ColumnRole.Coordinators)),
            Deadline = CellText.NullIfEmpty(row.Text(ColumnRole.Deadline)),
            Product = CellText.NullIfEmpty(row.Text(ColumnRole.Product)),
            Evidence = CellText.NullIfEmpty(row.Text(ColumnRole.Evidence)),
            Budget = CellText.NullIfEmpty(row.Text(ColumnRole.Budget)),
            Note = CellText.NullIfEmpty(row.Text(ColumnRole.Note)),
            HasLeadColumn = row.Layout.Has(ColumnRole.Lead),
            BudgetUnit = row.Layout.IndexOf(ColumnRole.Budget) is var budget and >= 0 ? BudgetParser.UnitOf(row.Layout.Headers[budget]) : 1,
            IsGroupRow = !row.HasOwnFields && row.Own(ColumnRole.Lead).Length == 0 && row.Copied(ColumnRole.Lead).Length == 0
                && row.Copied(ColumnRole.Deadline).Length == 0,
        };
        builder.RawLines.Add(row.Line.Raw);
        return builder;
    }

    /// <summary>A row that goes on with the task above: its own cells only (a merged cell's copy is already there).</summary>
    private static void Continue(TaskBuilder task, GridRow row)
    {
        task.RawLines.Add(row.Line.Raw);
        task.Content = CellText.Append(task.Content, row.Own(ColumnRole.Content));
        task.Lead = CellText.Append(task.Lead, row.Own(ColumnRole.Lead));
        task.Coordinators = CellText.Append(task.Coordinators, row.Own(ColumnRole.Coordinators));
        task.Deadline = CellText.Append(task.Deadline, row.Own(ColumnRole.Deadline));
        task.Product = CellText.Append(task.Product, row.Own(ColumnRole.Product));
        task.Evidence = CellText.Append(task.Evidence, row.Own(ColumnRole.Evidence));
        task.Budget = CellText.Append(task.Budget, row.Own(ColumnRole.Budget));
        task.Note = CellText.Append(task.Note, row.Own(ColumnRole.Note));
        if (row.HasOwnFields)
        {
            task.IsGroupRow = false;
        }
    }

    /// <summary>"SỞ NỘI VỤ CHỦ TRÌ:" → "Sở Nội vụ"; a heading that names no agency gives none.</summary>
    private string? ImplicitLead(string heading)
    {
        var text = heading.Trim().TrimEnd(':', '.', ';', ' ');
        var folded = VietnameseText.Fold(text);
        var cut = folded.IndexOf(" chu tri", StringComparison.Ordinal);
        if (cut > 0)
        {
            text = text[..cut].Trim(' ', ',');
        }

        if (_evidence.Agency(text) < 0.5 && _evidence.Agency(OfficialNameCasing.FromCapitals(text)) < 0.5)
        {
            return null;
        }

        return AgencyNameCasing.FromHeading(text);
    }

    private static string NumberAsPrinted(string number) => number.Trim().TrimEnd('.').Trim();

    [GeneratedRegex(@"^(tong cong|tong so|tong kinh phi|tong|cong)(\s*\(.*\))?\s*[:.]?$", RegexOptions.CultureInvariant)]
    private static partial Regex TotalLabel();

    private sealed record Block(SourceLine? Line, List<SourceLine>? Rows);

    private enum ItemKind
    {
        Break,
        Heading,
        Candidate,
        Task,
        SubRow,
        Continuation,
    }

    private sealed record RowItem(ItemKind Kind, GridRow? Row)
    {
        public HeadingMark? Mark { get; init; }

        public string? Title { get; init; }

        public string? Number { get; init; }

        public SourceLine? Line { get; init; }
    }

    /// <summary>A table row read through its layout: each role's own text, and the text a merged cell copied into it.</summary>
    private sealed class GridRow(SourceLine line, TaskTableLayout layout, string[] own, string[] copied)
    {
        public SourceLine Line { get; } = line;

        public TaskTableLayout Layout { get; } = layout;

        public string Own(ColumnRole role) => At(own, role);

        public string Copied(ColumnRole role) => At(copied, role);

        /// <summary>Own text, else the merged cell's.</summary>
        public string Text(ColumnRole role) => Own(role) is { Length: > 0 } text ? text : Copied(role);

        /// <summary>The row has its own lead, coordinators, deadline, product, evidence or budget.</summary>
        public bool HasOwnFields =>
            Own(ColumnRole.Lead).Length > 0 || Own(ColumnRole.Deadline).Length > 0 || Own(ColumnRole.Coordinators).Length > 0
            || Own(ColumnRole.Product).Length > 0 || Own(ColumnRole.Evidence).Length > 0 || Own(ColumnRole.Budget).Length > 0;

        private string At(string[] cells, ColumnRole role)
        {
            var index = Layout.IndexOf(role);
            return index >= 0 && index < cells.Length ? cells[index] : string.Empty;
        }
    }
}
