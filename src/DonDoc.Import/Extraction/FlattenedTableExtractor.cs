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

    public Extraction? TryExtract(SourceDocument document)
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
        var body = new List<(int Number, string Raw, string Text)>();
        for (var i = headerEnd; i < lines.Count; i++)
        {
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
        var tasks = ReadRows(body, roles, metadata.Year, warnings, dropped);
        var plan = new Plan
        {
            Number = metadata.Number,
            Issuer = metadata.Issuer,
            IssuedOn = metadata.IssuedOn,
            Title = metadata.Title,
            SourceFile = document.FileName,
            Tasks = tasks,
        };
        return new Extraction(plan, warnings, dropped.OrderBy(d => d.Line).ToList()) { PlanYear = metadata.Year };
    }

    private List<PlanTask> ReadRows(
        List<(int Number, string Raw, string Text)> body,
        IReadOnlyList<ColumnRole> roles,
        int? planYear,
        List<ExtractionWarning> warnings,
        List<DroppedLine> dropped)
    {
        var cellRoles = roles.Where(r => r != ColumnRole.Number).ToList();
        var hasLead = cellRoles.Contains(ColumnRole.Lead);
        var rows = new List<PendingRow>();
        var sections = new List<PendingSection>();
        PendingSection? section = null;
        PendingRow? row = null;
        string? lastNumber = null;
        var titleLineOpen = false;
        foreach (var line in body)
        {
            var text = line.Text;
            if (ReadSectionHeading(text) is { } heading)
            {
                section = new PendingSection(heading.Id) { Title = heading.Title };
                sections.Add(section);
                titleLineOpen = heading.Title is not null;
                row = null;
                lastNumber = null;
                continue;
            }

            if (IsCapitalsHeading(text) && section is not null && (section.Title is null || titleLineOpen))
            {
                // A group heading, printed in capitals, that the extraction may have displaced into the rows.
                section.Title = section.Title is null ? text : section.Title + " " + text;
                titleLineOpen = true;
                continue;
            }

            titleLineOpen = false;
            var start = RowStart().Match(text);
            if (start.Success && IsSuccessor(lastNumber, start.Groups["number"].Value))
            {
                lastNumber = start.Groups["number"].Value;
                row = new PendingRow(section, NormaliseNumber(lastNumber), line.Number);
                rows.Add(row);
                var rest = start.Groups["rest"].Value.Trim();
                row.Lines.Add(rest);
                row.Raw.Add(line.Raw);
                continue;
            }

            if (StandaloneNumber().IsMatch(text))
            {
                dropped.Add(new DroppedLine(line.Number, line.Raw, "page number"));
                continue;
            }

            if (row is null)
            {
                dropped.Add(new DroppedLine(line.Number, line.Raw, "text before the first row"));
                continue;
            }

            row.Lines.Add(text);
            row.Raw.Add(line.Raw);
        }

        var tasks = new List<PlanTask>();
        foreach (var pending in rows)
        {
            var tokens = RowSegmenter.Tokenize(pending.Lines.Where(l => l.Length > 0));
            var segmentation = _segmenter.Segment(tokens, cellRoles, planYear);
            if (segmentation.Margin < 1.0)
            {
                warnings.Add(new ExtractionWarning(pending.FirstLine, "uncertain_columns", $"Nhiệm vụ {pending.Number}: việc tách các cột chưa chắc chắn; cần kiểm tra."));
            }

            var builder = new TaskBuilder(pending.Section is null ? null : new Section(pending.Section.Id, pending.Section.Title), pending.Number, pending.FirstLine);
            for (var c = 0; c < cellRoles.Count; c++)
            {
                var cell = segmentation.Cells[c];
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

            if (!hasLead && pending.Section?.Title is { } groupTitle)
            {
                builder.Lead = AgencyNameCasing.FromHeading(groupTitle);
            }

            builder.RawLines.AddRange(pending.Raw);
            tasks.Add(builder.Build(deadlines, planYear, warnings));
        }

        return tasks;
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

    private sealed class PendingRow(PendingSection? section, string number, int firstLine)
    {
        public PendingSection? Section { get; } = section;

        public string Number { get; } = number;

        public int FirstLine { get; } = firstLine;

        public List<string> Lines { get; } = [];

        public List<string> Raw { get; } = [];
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

    [GeneratedRegex(@"^([IVXLC]+)(?:\s*[.:\-–)]?\s+(.*))?$")]
    private static partial Regex RomanSection();
}
