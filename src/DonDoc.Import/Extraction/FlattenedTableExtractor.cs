using System.Globalization;
using System.Text.RegularExpressions;
using DonDoc.Core.Deadlines;
using DonDoc.Core.Plans;
using DonDoc.Core.Text;
using DonDoc.Import.Reading;

namespace DonDoc.Import.Extraction;

/// <summary>
/// Builds a plan from text whose table lost its grid (text extracted from a PDF): each cell broken over
/// several lines, the columns flattened into one run of lines per row. Rows are found by their sequence
/// numbers, headings and page furniture by their shape, and each row is cut into columns by meaning
/// (<see cref="RowSegmenter"/>).
/// </summary>
public sealed partial class FlattenedTableExtractor(DeadlineParser deadlines)
{
    private readonly RowSegmenter _segmenter = new(deadlines);

    /// <summary>Words that make up column headers ("Cơ quan / Chủ trì", "Thời gian / thực hiện", "Kinh phí (Đơn vị tính đồng)").</summary>
    private static readonly HashSet<string> HeaderWords = new(StringComparer.Ordinal)
    {
        "stt", "tt", "so", "thu", "tu", "noi", "dung", "cong", "viec", "nhiem", "vu", "co", "quan", "don", "vi", "chu", "tri", "phoi",
        "hop", "thoi", "gian", "han", "hoan", "thanh", "thuc", "hien", "san", "pham", "ket", "qua", "tai", "lieu", "kiem", "chung",
        "kinh", "phi", "tinh", "dong", "ghi", "hoat", "tien", "do", "trach", "moc", "du", "toan", "giai", "phap", "cu", "the",
    };

    /// <summary>Page furniture: document footers, separators, page numbers of the form "2/7".</summary>
    private static readonly Regex[] Furniture =
    [
        FurnitureRegex(@"^so va ky hieu\b"),
        FurnitureRegex(@"^ngay ban hanh\s*:"),
        FurnitureRegex(@"^tai lieu nay thuoc so huu\b"),
        FurnitureRegex(@"^-{3,}$"),
        FurnitureRegex(@"^trang\s+\d+(\s*/\s*\d+)?$"),
        FurnitureRegex(@"^\d+\s*/\s*\d+$"),
    ];

    /// <param name="cancellationToken">The import's budget and the caller's abort: checked for every body line and before each row is cut.</param>
    public Extraction? TryExtract(SourceDocument document, CancellationToken cancellationToken = default)
    {
        var lines = document.Lines
            .Select(l => (l.Number, l.Raw, Text: CellText.Clean(l.Raw)))
            .Where(l => l.Text.Length > 0)
            .ToList();
        var headerAt = lines.FindIndex(l => StartsHeader(l.Text));
        if (headerAt < 0)
        {
            return null;
        }

        var headerEnd = HeaderBlockEnd(lines.Select(l => l.Text).ToList(), headerAt);
        var roles = ColumnHeaders.RolesInOrder(string.Join(" ", lines.Skip(headerAt).Take(headerEnd - headerAt).Select(l => VietnameseText.Fold(l.Text))));
        if (!roles.Contains(ColumnRole.Content) || roles.Count < 3)
        {
            return null;
        }

        var warnings = new List<ExtractionWarning>();
        var dropped = new List<DroppedLine>();
        var metadataLines = lines.Take(headerAt).Select(l => l.Text).ToList();
        var headerLines = lines.Skip(headerAt).Take(headerEnd - headerAt).Select(l => VietnameseText.Fold(l.Text).Trim()).ToList();
        var body = new List<(int Number, string Raw, string Text)>();
        for (var i = headerEnd; i < lines.Count; i++)
        {
            // Sorting a flattened appendix of 20,000 rows into body and furniture costs seconds: an abandoned import stops here too.
            cancellationToken.ThrowIfCancellationRequested();
            var line = lines[i];
            if (StartsHeader(line.Text))
            {
                var end = HeaderBlockEnd(lines.Select(l => l.Text).ToList(), i);
                for (var j = i; j < end; j++)
                {
                    dropped.Add(new DroppedLine(lines[j].Number, lines[j].Raw, "repeated table header"));
                }

                i = end - 1;
                continue;
            }

            var folded = VietnameseText.Fold(line.Text);
            var repeated = RepeatedHeaderLines(lines, i, headerLines);
            if (repeated > 0 || IsHeaderFragment(folded))
            {
                for (var j = i; j < i + Math.Max(repeated, 1); j++)
                {
                    dropped.Add(new DroppedLine(lines[j].Number, lines[j].Raw, "repeated table header"));
                }

                i += Math.Max(repeated, 1) - 1;
                continue;
            }

            if (Furniture.Any(f => f.IsMatch(folded)))
            {
                dropped.Add(new DroppedLine(line.Number, line.Raw, "page header or footer"));
                continue;
            }

            if (PlanMetadataReader.IsAppendixHeading(line.Text) || folded.StartsWith("phu luc", StringComparison.Ordinal) || KemTheo().IsMatch(folded))
            {
                metadataLines.Add(line.Text);
                continue;
            }

            body.Add(line);
        }

        var metadata = PlanMetadataReader.Read(metadataLines);
        var budgetUnit = roles.Contains(ColumnRole.Budget) ? BudgetParser.UnitOf(string.Join(" ", headerLines)) : 1;
        var tasks = ReadRows(body, roles, budgetUnit, metadata.Year, warnings, dropped, cancellationToken);
        var plan = metadata.ToPlan(document.FileName, tasks);
        return new Extraction(plan, warnings, dropped.OrderBy(d => d.Line).ToList()) { PlanYear = metadata.Year, TableLine = lines[headerAt].Number };
    }

    private List<PlanTask> ReadRows(
        List<(int Number, string Raw, string Text)> body,
        IReadOnlyList<ColumnRole> roles,
        long budgetUnit,
        int? planYear,
        List<ExtractionWarning> warnings,
        List<DroppedLine> dropped,
        CancellationToken cancellationToken)
    {
        var cellRoles = roles.Where(r => r != ColumnRole.Number).ToList();
        var hasLead = cellRoles.Contains(ColumnRole.Lead);
        var rows = new List<PendingRow>();
        var sections = new List<PendingSection>();
        PendingSection? section = null;
        PendingRow? row = null;
        string? lastNumber = null;
        string? sectionWord = null;
        var titleLineOpen = false;
        var displaced = new List<(string Text, int Line, List<PendingSection> Candidates)>();
        foreach (var line in body)
        {
            var text = line.Text;
            if (SectionWordOnly().IsMatch(text))
            {
                // "Lĩnh vực" on a line of its own, its numeral on the next.
                sectionWord = text.Trim();
                continue;
            }

            if (ReadSectionHeading(text) is { } heading)
            {
                PlaceDisplacedHeadings(displaced, sections, rows, warnings);
                var id = heading.Id;
                if (SectionHeading.IsRoman(id) && sectionWord is not null)
                {
                    // A document whose sections are "Lĩnh vực I, II, …" names them all so, even where the word was lost.
                    id = $"{sectionWord} {id}";
                }
                else if (NamedSection().Match(text) is { Success: true } named)
                {
                    sectionWord = named.Groups[1].Value;
                }

                section = new PendingSection(id) { Title = heading.Title };
                sections.Add(section);
                titleLineOpen = heading.Title is not null;
                row = null;
                lastNumber = null;
                continue;
            }

            if (IsCapitalsHeading(text) && section is not null)
            {
                if (titleLineOpen && section.Title is not null)
                {
                    section.Title += " " + text;
                    continue;
                }

                // A group heading printed in capitals, which the extraction may have displaced into the rows
                // or past the next section's number: it goes to a section still without a title, the one whose
                // rows speak of it (assigned once every row is read).
                if (sections.Any(s => s.Title is null))
                {
                    displaced.Add((text, line.Number, []));
                    continue;
                }
            }

            titleLineOpen = false;
            var start = RowStart().Match(text);
            if (start.Success && IsSuccessor(lastNumber, start.Groups["number"].Value))
            {
                lastNumber = start.Groups["number"].Value;
                row = new PendingRow(section, NormaliseNumber(lastNumber), line.Number);
                rows.Add(row);
                row.Add(start.Groups["rest"].Value.Trim(), line.Raw);
                row.AddSourceLine(line.Number);
                continue;
            }

            if (StandaloneNumber().IsMatch(text))
            {
                dropped.Add(new DroppedLine(line.Number, line.Raw, "page number"));
                continue;
            }

            if (row is null)
            {
                if (section is null)
                {
                    dropped.Add(new DroppedLine(line.Number, line.Raw, "text before the first row"));
                    continue;
                }

                // A group with one task and no number.
                row = new PendingRow(section, null, line.Number);
                rows.Add(row);
                warnings.Add(new ExtractionWarning(line.Number, "no_number", $"Nhiệm vụ không có số thứ tự trong mục {section.Id}."));
            }

            row.Add(text, line.Raw);
            row.AddSourceLine(line.Number);
        }

        PlaceDisplacedHeadings(displaced, sections, rows, warnings);
        MarkPageBreaks(rows, dropped);
        var subheadings = SubHeadings(rows);

        var tasks = new List<PlanTask>();
        var memo = new RowSegmenter.DeadlineMemo();
        foreach (var pending in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (subheadings.Contains(pending))
            {
                continue;
            }

            var sectionTitle = pending.Section?.Title;
            var parent = subheadings.LastOrDefault(h => h.Section == pending.Section && pending.Number is not null && pending.Number.StartsWith(h.Number + ".", StringComparison.Ordinal));
            if (parent is not null)
            {
                sectionTitle = $"{sectionTitle} / {string.Join(" ", parent.Segments.SelectMany(s => s).Where(l => l.Length > 0))}";
            }

            var builder = new TaskBuilder(pending.Section is null ? null : new Section(pending.Section.Id, sectionTitle), pending.Number, pending.FirstLine) { BudgetUnit = budgetUnit };
            for (var segment = 0; segment < pending.Segments.Count; segment++)
            {
                var tokens = RowSegmenter.Tokenize(pending.Segments[segment].Where(l => l.Length > 0));
                if (tokens.Count == 0)
                {
                    continue;
                }

                // After a page break a row goes on with whatever columns were not finished: any may be empty.
                var segmentation = _segmenter.Segment(tokens, cellRoles, planYear, continuation: segment > 0, memo);
                if (segmentation.Margin < 1.0)
                {
                    warnings.Add(new ExtractionWarning(pending.FirstLine, "uncertain_columns", $"Nhiệm vụ {pending.Number}: việc tách các cột chưa chắc chắn; cần kiểm tra."));
                }

                AddCells(builder, cellRoles, segmentation.Cells);
            }

            if (!hasLead && pending.Section?.Title is { } groupTitle)
            {
                builder.Lead = AgencyNameCasing.FromHeading(groupTitle);
            }

            builder.RawLines.AddRange(pending.Raw);
            tasks.Add(builder.Build(deadlines, planYear, warnings));
        }

        return tasks;
    }

    private static void AddCells(TaskBuilder builder, List<ColumnRole> cellRoles, IReadOnlyList<string> cells)
    {
            for (var c = 0; c < cellRoles.Count; c++)
            {
                var cell = cells[c];
                switch (cellRoles[c])
                {
                    case ColumnRole.Content: builder.Content = CellText.Append(builder.Content, cell); break;
                    case ColumnRole.Lead: builder.Lead = CellText.Append(builder.Lead, cell); break;
                    case ColumnRole.Coordinators: builder.Coordinators = CellText.Append(builder.Coordinators, cell); break;
                    case ColumnRole.Deadline: builder.Deadline = CellText.Append(builder.Deadline, cell); break;
                    case ColumnRole.Product: builder.Product = CellText.Append(builder.Product, cell); break;
                    case ColumnRole.Evidence: builder.Evidence = CellText.Append(builder.Evidence, cell); break;
                    case ColumnRole.Budget: builder.Budget = CellText.Append(builder.Budget, cell); break;
                    case ColumnRole.Note: builder.Note = CellText.Append(builder.Note, cell); break;
                }
            }
    }

    /// <summary>
    /// Gives each displaced heading to the untitled section whose rows share most of its word pairs
    /// ("ĐẢNG ỦY QUÂN SỰ TỈNH" to the section whose rows speak of "Đảng bộ Quân sự tỉnh"); ties by order.
    /// </summary>
    private static void PlaceDisplacedHeadings(
        List<(string Text, int Line, List<PendingSection> Candidates)> displaced,
        List<PendingSection> sections,
        List<PendingRow> rows,
        List<ExtractionWarning> warnings)
    {
        if (displaced.Count == 0)
        {
            return;
        }

        // The candidates: the latest sections still without a title, one more than there are headings.
        var untitled = sections.Where(s => s.Title is null).TakeLast(displaced.Count + 1).ToList();
        for (var i = 0; i < displaced.Count; i++)
        {
            displaced[i] = (displaced[i].Text, displaced[i].Line, untitled);
        }

        var rowText = rows.Where(r => r.Section is not null).GroupBy(r => r.Section!)
            .ToDictionary(g => g.Key, g => VietnameseText.Fold(string.Join(" ", g.SelectMany(r => r.Texts))));
        var pairs = new List<(int Score, int Heading, int Order, PendingSection Section)>();
        for (var h = 0; h < displaced.Count; h++)
        {
            var words = Regex.Split(VietnameseText.Fold(displaced[h].Text), @"[^\p{L}\p{N}]+").Where(w => w.Length > 0).ToList();
            var bigrams = words.Zip(words.Skip(1), (a, b) => $"{a} {b}").Distinct().ToList();
            for (var c = 0; c < displaced[h].Candidates.Count; c++)
            {
                var section = displaced[h].Candidates[c];
                var text = rowText.GetValueOrDefault(section, string.Empty);
                pairs.Add((bigrams.Count(b => text.Contains(b, StringComparison.Ordinal)), h, c, section));
            }
        }

        var placed = new HashSet<int>();
        foreach (var (_, heading, _, section) in pairs.OrderByDescending(p => p.Score).ThenBy(p => p.Heading).ThenBy(p => p.Order))
        {
            if (placed.Contains(heading) || section.Title is not null)
            {
                continue;
            }

            section.Title = displaced[heading].Text;
            placed.Add(heading);
        }

        for (var h = 0; h < displaced.Count; h++)
        {
            if (!placed.Contains(h))
            {
                warnings.Add(new ExtractionWarning(displaced[h].Line, "heading_unplaced", $"Không xác định được dòng tiêu đề \"{displaced[h].Text}\" thuộc mục nào."));
            }
        }

        displaced.Clear();
    }

    /// <summary>Rows interrupted by a repeated header or a page number go on in a new segment.</summary>
    private static void MarkPageBreaks(List<PendingRow> rows, List<DroppedLine> dropped)
    {
        var breaks = dropped.Where(d => d.Reason is "repeated table header" or "page number" or "page header or footer").Select(d => d.Line).ToHashSet();
        foreach (var row in rows)
        {
            row.SplitAtBreaks(breaks);
        }
    }

    /// <summary>A numbered row followed by its first child ("2" then "2.1") is a group heading, not a task.</summary>
    private static HashSet<PendingRow> SubHeadings(List<PendingRow> rows)
    {
        var headings = new HashSet<PendingRow>();
        for (var i = 0; i + 1 < rows.Count; i++)
        {
            if (rows[i].Number is { } number && rows[i + 1].Number == number + ".1" && rows[i].Section == rows[i + 1].Section)
            {
                headings.Add(rows[i]);
            }
        }

        return headings;
    }

    private static bool StartsHeader(string text)
    {
        var folded = VietnameseText.Fold(text);
        return HeaderStart().IsMatch(folded) && IsHeaderLine(folded);
    }

    private static int HeaderBlockEnd(IReadOnlyList<string> lines, int start)
    {
        var end = start + 1;
        while (end < lines.Count && end - start < 20 && IsHeaderLine(VietnameseText.Fold(lines[end])))
        {
            end++;
        }

        return end;
    }

    /// <summary>How many lines from <paramref name="at"/> repeat two or more consecutive lines of the header ("Thời gian" / "thực hiện"); 0 if none.</summary>
    private static int RepeatedHeaderLines(List<(int Number, string Raw, string Text)> lines, int at, List<string> header)
    {
        var best = 0;
        for (var j = 0; j < header.Count; j++)
        {
            var m = 0;
            while (at + m < lines.Count && j + m < header.Count && VietnameseText.Fold(lines[at + m].Text).Trim() == header[j + m])
            {
                m++;
            }

            best = Math.Max(best, m);
        }

        return best >= 2 ? best : 0;
    }

    private static readonly string[] HeaderFragmentPhrases = ["thoi gian", "noi dung", "phoi hop", "chu tri", "san pham", "kiem chung", "ghi chu", "kinh phi", "thoi han"];

    /// <summary>Part of a repeated header without its "STT" ("Thời gian thực hiện"): header words only, naming a column.</summary>
    private static bool IsHeaderFragment(string folded)
    {
        if (!HeaderFragmentPhrases.Any(folded.Contains))
        {
            return false;
        }

        var words = Regex.Split(folded, @"[^\p{L}\p{N}]+").Where(w => w.Length > 0).ToList();
        return words.Count >= 3 && IsHeaderLine(folded);
    }

    private static bool IsHeaderLine(string folded)
    {
        var words = Regex.Split(folded, @"[^\p{L}\p{N}]+").Where(w => w.Length > 0).ToList();
        return words.Count > 0 && words.All(HeaderWords.Contains);
    }

    private static (string Id, string? Title)? ReadSectionHeading(string text)
    {
        var named = NamedSection().Match(text);
        if (named.Success)
        {
            return ($"{named.Groups[1].Value} {named.Groups[2].Value}", CellText.NullIfEmpty(named.Groups[3].Value.Trim()));
        }

        var roman = RomanSection().Match(text);
        if (roman.Success && SectionHeading.IsRoman(roman.Groups[1].Value)
            && (roman.Groups[2].Value.Length == 0 || IsCapitalsHeading(roman.Groups[2].Value)))
        {
            return (roman.Groups[1].Value, CellText.NullIfEmpty(roman.Groups[2].Value.Trim()));
        }

        return null;
    }

    private static bool IsCapitalsHeading(string text)
    {
        var letters = text.Where(char.IsLetter).ToList();
        return letters.Count >= 6 && letters.All(char.IsUpper) && text.Contains(' ', StringComparison.Ordinal);
    }

    /// <summary>Whether <paramref name="number"/> can follow <paramref name="last"/>: 1 → 2 or 1.1; 1.2 → 1.3, 2 or 2.1.</summary>
    private static bool IsSuccessor(string? last, string number)
    {
        var next = NormaliseNumber(number);
        if (next.StartsWith('0'))
        {
            return false;
        }

        var activity = next.StartsWith("Hoạt động ", StringComparison.Ordinal);
        var digits = activity ? next["Hoạt động ".Length..] : next;
        var parts = digits.Split('.');
        if (parts.Any(p => p.Length == 0 || !p.All(char.IsDigit)))
        {
            return false;
        }

        if (last is null)
        {
            return parts.All(p => p == "1") || (parts.Length == 1 && int.Parse(parts[0], CultureInfo.InvariantCulture) <= 2);
        }

        var previous = NormaliseNumber(last);
        if (previous.StartsWith("Hoạt động ", StringComparison.Ordinal) != activity)
        {
            return false;
        }

        var lastParts = (activity ? previous["Hoạt động ".Length..] : previous).Split('.').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        var nextParts = parts.Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        for (var depth = 0; depth < lastParts.Length; depth++)
        {
            // Same prefix up to this depth, then one more at this depth, then optional ".1"s.
            var candidate = lastParts.Take(depth).Append(lastParts[depth] + 1).ToArray();
            if (nextParts.Take(candidate.Length).SequenceEqual(candidate) && nextParts.Skip(candidate.Length).All(p => p == 1))
            {
                return true;
            }
        }

        return nextParts.Length == lastParts.Length + 1 && nextParts.Take(lastParts.Length).SequenceEqual(lastParts) && nextParts[^1] == 1;
    }

    private static string NormaliseNumber(string number)
    {
        var trimmed = number.Trim().TrimEnd('.');
        var activity = ActivityNumber().Match(trimmed);
        return activity.Success ? $"Hoạt động {activity.Groups[1].Value}" : trimmed;
    }

    private sealed class PendingSection(string id)
    {
        public string Id { get; } = id;

        public string? Title { get; set; }
    }

    private sealed class PendingRow(PendingSection? section, string? number, int firstLine)
    {
        private readonly List<(int Line, string Text)> _lines = [];

        public PendingSection? Section { get; } = section;

        public string? Number { get; } = number;

        public int FirstLine { get; } = firstLine;

        /// <summary>The row's text, in runs separated by page breaks.</summary>
        public List<List<string>> Segments { get; private set; } = [];

        public List<string> Raw { get; } = [];

        public IEnumerable<string> Texts => _lines.Select(l => l.Text);

        public void Add(string text, string raw)
        {
            _lines.Add((FirstLine + Raw.Count, text));
            Raw.Add(raw);
        }

        public void SplitAtBreaks(HashSet<int> breakLines)
        {
            Segments = [[]];
            var previous = -1;
            foreach (var (line, text) in _lines.Select((l, i) => (LineOf(i), l.Text)))
            {
                if (previous >= 0 && breakLines.Any(b => b > previous && b < line))
                {
                    Segments.Add([]);
                }

                Segments[^1].Add(text);
                previous = line;
            }
        }

        private readonly List<int> _sourceLines = [];

        public void AddSourceLine(int line) => _sourceLines.Add(line);

        private int LineOf(int index) => index < _sourceLines.Count ? _sourceLines[index] : FirstLine + index;
    }

    private static Regex FurnitureRegex(string pattern) => new(pattern, RegexOptions.CultureInvariant);

    [GeneratedRegex(@"^(?:stt|tt)\b")]
    private static partial Regex HeaderStart();

    [GeneratedRegex(@"\bk[eè]m theo\b.*\bs[oố]\b", RegexOptions.IgnoreCase)]
    private static partial Regex KemTheo();

    [GeneratedRegex(@"^(?<number>(?:Hoạt động|HOẠT ĐỘNG|hoạt động)\s+\d+|\d+(?:\.\d+)*)\.?(?:\s+(?<rest>.*))?$")]
    private static partial Regex RowStart();

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex StandaloneNumber();

    [GeneratedRegex(@"^(?:Hoạt động|HOẠT ĐỘNG|hoạt động)\s+(\d+)$")]
    private static partial Regex ActivityNumber();

    [GeneratedRegex(@"^(Lĩnh vực|LĨNH VỰC|Phần|PHẦN)\s+([IVXLC]+|\d+)\b\s*[.:\-–]?\s*(.*)$")]
    private static partial Regex NamedSection();

    [GeneratedRegex(@"^(Lĩnh vực|LĨNH VỰC|Phần|PHẦN)\s*$")]
    private static partial Regex SectionWordOnly();

    [GeneratedRegex(@"^([IVXLC]+)(?:\s*[.:\-–)]?\s+(.*))?$")]
    private static partial Regex RomanSection();
}
