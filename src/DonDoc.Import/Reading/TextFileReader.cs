using System.Text.RegularExpressions;

namespace DonDoc.Import.Reading;

/// <summary>
/// Reads a plain-text plan (.txt, .md, .tsv), in UTF-8, UTF-16 or Windows-1258. Table rows come in three
/// shapes: tab-separated cells; markdown rows "| a | b |" (the "|---|---|" line under the header is not a
/// row, and "\|" is a "|" inside a cell); and the crawl form in which each cell stands on lines of its own
/// between lines holding a single "|", a row ending where a "|" line is followed at once by the next row's.
/// Other lines stay text, markdown markup ("# ", "**") removed. Text extracted from PDFs keeping their layout
/// (columns at the same character positions) gives its table's visual lines as rows (<see cref="LayoutText"/>);
/// text whose columns were flattened comes out as text lines only.
/// </summary>
public sealed partial class TextFileReader
{
    public ReadResult Read(string fileName, byte[] content) => Read(fileName, content, ReadBudget.WithDefaults());

    public ReadResult Read(string fileName, byte[] content, ReadBudget budget)
    {
        if (content.Length == 0)
        {
            return ReadResult.Fail("tệp rỗng, không có nội dung", "the file is empty");
        }

        if (FileKindDetector.LooksBinary(content))
        {
            return ReadResult.Fail("tệp không phải văn bản (có thể là tệp nhị phân hoặc bị hỏng)", "the file is not text (binary content)");
        }

        var text = TextDecoder.Decode(content);
        if (text is null)
        {
            return ReadResult.Fail("tệp văn bản không dùng bảng mã UTF-8, UTF-16 hay Windows-1258; hãy lưu lại tệp với bảng mã UTF-8", "the text file is in an unknown encoding");
        }

        return ReadResult.Ok(Parse(fileName, text, budget));
    }

    public SourceDocument Parse(string fileName, string text) => Parse(fileName, text, ReadBudget.WithDefaults());

    public SourceDocument Parse(string fileName, string text, ReadBudget budget)
    {
        text = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var rawLines = text.Split('\n');
        var tabbed = rawLines.Count(l => l.Count(c => c == '\t') >= 2);
        var piped = rawLines.Count(IsPipedRow);
        var markdown = Path.GetExtension(fileName).Equals(".md", StringComparison.OrdinalIgnoreCase)
            || rawLines.Any(IsSeparator) || rawLines.Count(IsCrawlBar) >= 4;
        var lines = new List<SourceLine>(rawLines.Length);

        // Rows are one table until a line of text comes between them.
        var table = 0;
        var inTable = false;
        for (var i = 0; i < rawLines.Length; i++)
        {
            if ((i & 1023) == 0)
            {
                budget.ThrowIfCancelled();
            }

            var raw = rawLines[i];
            if (IsCrawlBar(raw) && CrawlTable(rawLines, i, budget) is { } crawl)
            {
                table += inTable ? 1 : 0;
                lines.AddRange(crawl.Rows.Select(r => r with { Table = table }));
                table++;
                inTable = false;
                i = crawl.End - 1;
                continue;
            }

            IReadOnlyList<string>? cells = null;
            if (tabbed >= 2 && raw.Contains('\t', StringComparison.Ordinal))
            {
                cells = raw.Split('\t');
            }
            else if (piped >= 2 && IsPipedRow(raw))
            {
                if (IsSeparator(raw))
                {
                    continue;
                }

                cells = SplitPiped(raw).Select(c => markdown ? Unmark(c) : c).ToList();
            }

            if (cells is not null)
            {
                budget.CheckColumns(cells.Count);
                budget.AddCells(cells.Count);
                lines.Add(new SourceLine(i + 1, raw, cells) { Table = table });
                inTable = true;
            }
            else
            {
                lines.Add(new SourceLine(i + 1, markdown ? Unmark(raw) : raw, null));
                if (inTable && raw.Trim().Length > 0)
                {
                    table++;
                    inTable = false;
                }
            }
        }

        // No cells marked by tabs or bars: a table laid out with spaces (pdftotext -layout) is read by its columns.
        if (!lines.Any(l => l.IsTableRow) && LayoutText.Read(rawLines, budget) is { } laidOut)
        {
            return new SourceDocument(fileName, laidOut) { RowsAreVisualLines = true };
        }

        return new SourceDocument(fileName, lines);
    }

    private static bool IsPipedRow(string line)
    {
        var trimmed = line.Trim();
        return trimmed.StartsWith('|') && trimmed.Length > 1 && trimmed.Count(c => c == '|') >= 3;
    }

    /// <summary>"|---|:---:|" or "| --- | --- |": the line under a markdown header.</summary>
    private static bool IsSeparator(string line) => SeparatorRegex().IsMatch(line);

    private static bool IsCrawlBar(string line) => line.Trim() == "|";

    private static List<string> SplitPiped(string raw)
    {
        var trimmed = raw.Trim();
        var inner = trimmed.Substring(1, trimmed.EndsWith('|') && !trimmed.EndsWith("\\|", StringComparison.Ordinal) && trimmed.Length > 1 ? trimmed.Length - 2 : trimmed.Length - 1);
        var cells = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '\\' && i + 1 < inner.Length && inner[i + 1] == '|')
            {
                current.Append('|');
                i++;
            }
            else if (inner[i] == '|')
            {
                cells.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(inner[i]);
            }
        }

        cells.Add(current.ToString());
        return cells;
    }

    /// <summary>
    /// The crawl form of a table, from a line holding a single "|" that opens its first row: each cell is the
    /// text up to the next such line. A row ends where that line is followed at once by the next row's opening
    /// "|", by the "|---|" line under a header, or, in a table whose rows are not closed so, when the row has as many
    /// cells as the header (rows of a table closed so may differ in width: a merged cell is written once). Cells are
    /// written tight ("|", text, "|"; an empty cell is one blank line) or loose (blank lines around the text):
    /// in a tight table a blank line followed by text ends the table. A cell merged down is written in its first row
    /// only; the rows under it get it back (<see cref="RowSpanInference"/>). Null when the lines there do not make a
    /// row of two cells or more.
    /// </summary>
    private static (List<SourceLine> Rows, int End)? CrawlTable(string[] lines, int start, ReadBudget budget)
    {
        const int MaxCellLines = 200;
        var rows = new List<SourceLine>();
        var tight = start + 1 < lines.Length && lines[start + 1].Trim().Length > 0;
        int? width = null;
        var barredRows = false;
        var end = start;
        var i = start;
        while (i < lines.Length && IsCrawlBar(lines[i]))
        {
            var rowStart = i;
            var cells = new List<string>();
            var next = -1;
            i++;
            while (true)
            {
                var cellStart = i;
                while (i < lines.Length && !IsCrawlBar(lines[i]) && i - cellStart <= MaxCellLines)
                {
                    i++;
                }

                if (i >= lines.Length || !IsCrawlBar(lines[i]))
                {
                    // No closing "|": the table ended with the last "|" read, which closed this row's last cell.
                    if (cells.Count > 0)
                    {
                        var lastBar = cellStart - 1;
                        budget.AddCells(cells.Count);
                        rows.Add(new SourceLine(rowStart + 1, string.Join("\n", lines[rowStart..(lastBar + 1)]), cells));
                        end = lastBar + 1;
                    }

                    return rows.Count > 0 && rows.Max(r => r.Cells!.Count) >= 2 ? (RowSpanInference.Fill(rows), end) : null;
                }

                cells.Add(string.Join(" ", lines[cellStart..i].Select(l => Unmark(l).Trim()).Where(l => l.Length > 0)));
                budget.CheckColumns(cells.Count);
                var after = i + 1;
                var blankThenText = after + 1 < lines.Length && lines[after].Trim().Length == 0 && !IsCrawlBar(lines[after + 1]);
                if (after < lines.Length && IsCrawlBar(lines[after]))
                {
                    next = after;
                    barredRows = true;
                    break;
                }

                if (after < lines.Length && IsSeparator(lines[after]))
                {
                    next = NextBar(lines, after + 1);
                    break;
                }

                if (width is { } w && cells.Count >= w && !barredRows || after >= lines.Length || tight && (blankThenText || after + 1 >= lines.Length))
                {
                    next = NextBar(lines, after);
                    break;
                }

                i = after;
            }

            budget.AddCells(cells.Count);
            rows.Add(new SourceLine(rowStart + 1, string.Join("\n", lines[rowStart..(i + 1)]), cells));
            width ??= cells.Count;
            end = i + 1;
            if (next < 0 || tight && next != i + 1)
            {
                break;
            }

            i = next;
        }

        return rows.Count > 0 && rows.Max(r => r.Cells!.Count) >= 2 ? (RowSpanInference.Fill(rows), end) : null;
    }

    /// <summary>The next line holding a single "|" after blank lines only, or -1.</summary>
    private static int NextBar(string[] lines, int from)
    {
        for (var i = from; i < lines.Length; i++)
        {
            if (IsCrawlBar(lines[i]))
            {
                return i;
            }

            if (lines[i].Trim().Length > 0)
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>Markdown emphasis, headings and escapes removed: what the text says, not how it was styled.</summary>
    private static string Unmark(string text)
    {
        var value = MarkdownHeading().Replace(text, string.Empty);
        value = Emphasis().Replace(value, string.Empty);
        value = BreakTag().Replace(value, " ");
        return EscapedCharacter().Replace(value, "$1");
    }

    [GeneratedRegex(@"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")]
    private static partial Regex SeparatorRegex();

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+")]
    private static partial Regex MarkdownHeading();

    [GeneratedRegex(@"\*\*|__")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex BreakTag();

    [GeneratedRegex(@"\\([\\`*_{}\[\]()#+\-.!|])")]
    private static partial Regex EscapedCharacter();
}
