using DonDoc.Core.Text;
using DonDoc.Import.Extraction;

namespace DonDoc.Import.Reading.Pdf;

/// <summary>
/// Reads pages that draw no table rules (a borderless table): the header's words give the columns (their
/// horizontal extents), the boundary between two columns is the emptiest vertical corridor of the body
/// text under them, and every visual line below becomes a row whose words fall into the column under which
/// they stand. Lines above the header stay text.
/// </summary>
public static class WordColumns
{
    /// <param name="proseCrossesColumns">
    /// Whether a line whose words stand over the borders between columns is text: true for a PDF, whose words keep
    /// their own widths; false for text laid out in a fixed-width font, whose cells run into each other.
    /// </param>
    /// <param name="borderSlack">
    /// How far a column's border may lie inside the header cells on either side of it. Text laid out in characters
    /// (pdftotext -layout) rounds each run to a character cell, so a header can end a character past where the next
    /// column's words begin, or start a character before where its neighbour's words end; a PDF's own coordinates
    /// need none.
    /// </param>
    public static List<SourceLine> Read(IEnumerable<PageContent> pages, ReadBudget budget, bool proseCrossesColumns = true, double borderSlack = 0)
    {
        var lines = new List<SourceLine>();
        List<(double Left, double Right)>? columns = null;
        foreach (var page in pages)
        {
            budget.ThrowIfCancelled();
            var visualLines = PageLayout.VisualLines(page.Words);
            var (headerAt, headerEnd) = FindHeader(visualLines);
            var bodyFrom = 0;
            if (headerAt >= 0)
            {

                for (var i = 0; i < headerAt; i++)
                {
                    lines.Add(new SourceLine(lines.Count + 1, Text(visualLines[i]), null) { Recognised = page.Recognised });
                }

                var header = Header(visualLines.Skip(headerAt).Take(headerEnd - headerAt).ToList());
                columns = Columns(header.Spans, visualLines.Skip(headerEnd).SelectMany(l => l).ToList(), borderSlack);
                foreach (var row in HeaderRows(header, columns))
                {
                    budget.CheckColumns(row.Cells!.Count);
                    lines.Add(row with { Number = lines.Count + 1, Recognised = page.Recognised });
                }

                bodyFrom = headerEnd;
            }

            var gaps = Gaps(visualLines);
            for (var i = bodyFrom; i < visualLines.Count; i++)
            {
                // The bottom margin holds page numbers and footers, not table rows; a row may reach into it, with more words.
                // A line whose words run across the columns' borders is prose below the table (the plan's closing
                // section, "Nơi nhận"), not a row: in a table no word stands over the corridor between two columns.
                if (columns is null || (visualLines[i][0].Bottom < page.Height * 0.06 && visualLines[i].Count <= 4) || (proseCrossesColumns && IsProse(visualLines[i], columns)))
                {
                    lines.Add(new SourceLine(lines.Count + 1, Text(visualLines[i]), null) { Recognised = page.Recognised });
                    continue;
                }

                var cells = Cells([visualLines[i]], columns);
                var gap = i > bodyFrom && gaps[i];
                if (!gap && lines.Count > 0 && lines[^1] is { Cells: { } above } && WrappedNumber(above[0], cells[0]))
                {
                    // "1." above "1" in a narrow number column: one number, "1.1", and this line goes on with its row.
                    var joined = above.ToList();
                    joined[0] = above[0] + cells[0];
                    lines[^1] = lines[^1] with { Raw = string.Join("\t", joined), Cells = joined };
                    cells[0] = string.Empty;
                }

                budget.AddCells(cells.Count);
                lines.Add(new SourceLine(lines.Count + 1, string.Join("\t", cells), cells) { Recognised = page.Recognised, GapBefore = gap });
            }
        }

        return lines;
    }

    /// <summary>
    /// Per visual line, whether more space than the page's usual line spacing (the median distance between
    /// lines, times 1.6, and at least 1.8 times the words' median height) separates it from the line above: a cell's padding, where a table row starts.
    /// </summary>
    private static bool[] Gaps(List<List<PageWord>> lines)
    {
        var gaps = new bool[lines.Count];
        var distances = new List<double>();
        for (var i = 1; i < lines.Count; i++)
        {
            distances.Add(lines[i - 1][0].Bottom - lines[i][0].Bottom);
        }

        var positive = distances.Where(d => d > 0).Order().ToList();
        if (positive.Count == 0)
        {
            return gaps;
        }

        // Cells centred side by side set their lines at staggered heights, which halves the median distance:
        // the words' own height keeps the line spacing from being read smaller than a line.
        var pitch = positive[positive.Count / 2];
        var heights = lines.SelectMany(l => l).Select(w => w.Height).Order().ToList();
        var threshold = Math.Max(pitch * 1.6, heights[heights.Count / 2] * 1.8);
        for (var i = 1; i < lines.Count; i++)
        {
            gaps[i] = distances[i - 1] > threshold;
        }

        return gaps;
    }

    /// <summary>The first table header among the lines: where it starts and where its body begins; (-1, -1) when none.</summary>
    public static (int Start, int End) FindHeader(IReadOnlyList<List<PageWord>> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (HeaderEnd(lines, i) is var end and > 0)
            {
                return (i, end);
            }
        }

        return (-1, -1);
    }

    /// <summary>
    /// Where a header that starts at line <paramref name="at"/> ends; -1 when none starts there. A line opening
    /// with "STT" or "TT" starts one, its cells running down to the first row. So does a block of lines of header
    /// words only whose words, gathered into the columns they stand in, name a content column and two other
    /// fields: a header without a number column ("Nội dung | Đơn vị chủ trì | …"), one whose number column
    /// wraps ("ST" above "T"), or one whose tallest cell starts above the others ("Thời gian" over "hoàn thành").
    /// </summary>
    public static int HeaderEnd(IReadOnlyList<List<PageWord>> lines, int at)
    {
        if (VietnameseText.Fold(lines[at][0].Text).Trim('.', ':') is "stt" or "tt")
        {
            var end = at + 1;
            while (end < lines.Count && !StartsRow(lines[end]) && end - at < 6)
            {
                end++;
            }

            return end;
        }

        // Most lines open with a word no header holds: such a first word decides before the whole line is read.
        var first = lines[at][0].Text;
        if ((first.Any(char.IsLetterOrDigit) && !ColumnHeaders.IsHeaderLine(first)) || !ColumnHeaders.IsHeaderLine(Text(lines[at])))
        {
            return -1;
        }

        var blockEnd = at + 1;
        while (blockEnd < lines.Count && blockEnd - at < 6 && !StartsRow(lines[blockEnd]) && ColumnHeaders.IsHeaderLine(Text(lines[blockEnd])))
        {
            blockEnd++;
        }

        var block = lines.Skip(at).Take(blockEnd - at).ToList();
        // Whether the block is a header is judged with its words as one line (cells of different lines that nearly
        // touch are one): a title above the header must not pass for header cells of its own.
        var spans = Merge(Phrases([block.SelectMany(l => l).ToList()]));
        var cells = Cells(block, spans.Select((s, i) => (i == 0 ? double.NegativeInfinity : (spans[i - 1].Right + s.Left) / 2,
            i == spans.Count - 1 ? double.PositiveInfinity : (s.Right + spans[i + 1].Left) / 2)).ToList());
        return ColumnHeaders.RecogniseRow(cells) is not null ? blockEnd : -1;
    }

    /// <summary>A line of which a third of the words, two at least, cross a border between two columns.</summary>
    private static bool IsProse(List<PageWord> line, List<(double Left, double Right)> columns)
    {
        var straddling = line.Count(w => columns.Skip(1).Any(c => w.Left < c.Left - 1 && w.Right > c.Left + 1));
        return straddling >= 2 && straddling * 3 >= line.Count;
    }

    /// <summary>"1." then "2" below it in the number column: a number the column was too narrow for ("1.2").</summary>
    private static bool WrappedNumber(string above, string below) =>
        above.Length >= 2 && above[^1] == '.' && char.IsDigit(above[^2]) && above.All(c => char.IsDigit(c) || c == '.')
        && below.Length is > 0 and <= 2 && below.All(char.IsDigit);

    private static bool StartsRow(List<PageWord> line)
    {
        var first = line[0].Text.TrimEnd('.');
        // "3", "3.1", "III": a row's number.
        return (first.Length > 0 && char.IsDigit(first[0]) && first.All(c => char.IsDigit(c) || c == '.')) || SectionHeading.IsRoman(first);
    }

    /// <summary>The columns of the header's cells; the border between two is where the body's words leave a corridor.</summary>
    private static List<(double Left, double Right)> Columns(List<(double Left, double Right)> spans, List<PageWord> bodyWords, double borderSlack)
    {
        var boundaries = new List<double>();
        for (var i = 0; i + 1 < spans.Count; i++)
        {
            boundaries.Add(Corridor(Math.Max(spans[i].Left, spans[i].Right - borderSlack), Math.Min(spans[i + 1].Right, spans[i + 1].Left + borderSlack), bodyWords));
        }

        var columns = new List<(double Left, double Right)>();
        for (var i = 0; i < spans.Count; i++)
        {
            columns.Add((i == 0 ? double.NegativeInfinity : boundaries[i - 1], i == spans.Count - 1 ? double.PositiveInfinity : boundaries[i]));
        }

        return columns;
    }

    /// <summary>A phrase of one header line: words a word space apart.</summary>
    private sealed record Phrase(int Line, double Left, double Right, List<PageWord> Words);

    /// <summary>
    /// A header read into cells: the extents of the columns' own cells, and the group cells over them ("Thời gian"
    /// over "Bắt đầu" and "Hoàn thành", "Kinh phí" over "Tổng số", "Ngân sách trung ương" and "Nguồn khác").
    /// </summary>
    private sealed record HeaderCells(List<(double Left, double Right)> Spans, List<Phrase> Groups, List<List<PageWord>> Lines);

    /// <summary>
    /// On one line, words that overlap or nearly touch (a word space apart) are one phrase; phrases of different lines
    /// are one cell only when they overlap. Two header cells of narrow neighbouring columns are often printed on
    /// different lines a space apart ("Hình thức" over "văn bản", then "Cấp trình" one line lower, a character to
    /// the right): they stay two columns. A phrase that overlaps two or more cells of the lines below it (see
    /// <see cref="IsGroup"/>) is a group cell: it names no column of its own, the cells under it do.
    /// </summary>
    private static HeaderCells Header(List<List<PageWord>> headerLines)
    {
        var phrases = Phrases(headerLines);
        var groups = phrases.Where(p => IsGroup(phrases.Where(c => c.Line > p.Line && c.Left < p.Right && c.Right > p.Left).ToList())).ToList();
        return new HeaderCells(Merge(phrases.Except(groups)), groups, headerLines);
    }

    /// <summary>Each line's words taken in phrases: words that overlap or nearly touch (a word space apart) are one.</summary>
    private static List<Phrase> Phrases(IReadOnlyList<List<PageWord>> headerLines)
    {
        var phrases = new List<Phrase>();
        for (var l = 0; l < headerLines.Count; l++)
        {
            var start = phrases.Count;
            foreach (var word in headerLines[l].OrderBy(w => w.Left))
            {
                var gap = word.Height * 0.6;
                if (phrases.Count > start && word.Left <= phrases[^1].Right + gap)
                {
                    phrases[^1].Words.Add(word);
                    phrases[^1] = phrases[^1] with { Right = Math.Max(phrases[^1].Right, word.Right) };
                }
                else
                {
                    phrases.Add(new Phrase(l, word.Left, word.Right, [word]));
                }
            }
        }

        return phrases;
    }

    /// <summary>
    /// Whether a phrase heads the phrases of the lines below it that it overlaps: two or more cells of them that do not
    /// overlap, each in header words ("Bắt đầu", "Hoàn thành"), not a row's words caught under the header ("Ngày 16", "-").
    /// </summary>
    private static bool IsGroup(List<Phrase> under) =>
        Merge(under).Count >= 2 && under.All(c => ColumnHeaders.IsHeaderLine(string.Join(" ", c.Words.Select(w => w.Text))));

    /// <summary>The extents of phrases, those that overlap taken as one.</summary>
    private static List<(double Left, double Right)> Merge(IEnumerable<Phrase> phrases)
    {
        var spans = new List<(double Left, double Right)>();
        foreach (var phrase in phrases.OrderBy(p => p.Left))
        {
            if (spans.Count > 0 && phrase.Left < spans[^1].Right)
            {
                spans[^1] = (spans[^1].Left, Math.Max(spans[^1].Right, phrase.Right));
            }
            else
            {
                spans.Add((phrase.Left, phrase.Right));
            }
        }

        return spans;
    }

    /// <summary>
    /// The header as rows of cells. Without group cells, one row. With them, two, as a ruled table's merged header
    /// reads: the group's text over each of its columns (copied from the left after the first) above the columns' own
    /// cells, and a cell without a group the same in both rows (copied from above in the second).
    /// </summary>
    private static List<SourceLine> HeaderRows(HeaderCells header, List<(double Left, double Right)> columns)
    {
        var grouped = header.Groups.SelectMany(g => g.Words).ToHashSet();
        var own = Cells(header.Lines.Select(l => l.Where(w => !grouped.Contains(w)).ToList()), columns);
        if (header.Groups.Count == 0)
        {
            return [new SourceLine(0, string.Join("\t", own), own)];
        }

        var top = own.ToList();
        var topOrigins = own.Select(_ => CellOrigin.Own).ToList();
        var bottomOrigins = own.Select(_ => CellOrigin.MergedFromAbove).ToList();
        foreach (var group in header.Groups)
        {
            var text = string.Join(" ", group.Words.Select(w => w.Text));
            var first = true;
            for (var c = 0; c < columns.Count; c++)
            {
                if (header.Spans[c].Left < group.Right && header.Spans[c].Right > group.Left)
                {
                    top[c] = text;
                    topOrigins[c] = first ? CellOrigin.Own : CellOrigin.MergedFromLeft;
                    bottomOrigins[c] = CellOrigin.Own;
                    first = false;
                }
            }
        }

        return
        [
            new SourceLine(0, string.Join("\t", top), top) { Origins = topOrigins },
            new SourceLine(0, string.Join("\t", own), own) { Origins = bottomOrigins },
        ];
    }

    /// <summary>
    /// Between two header spans, the x that the fewest body words straddle (the middle of the widest such
    /// run), where the cell border was: one sweep over the words' edges, so its cost grows with the words,
    /// not with the width of the gap times the words.
    /// </summary>
    public static double Corridor(double from, double to, IReadOnlyList<PageWord> bodyWords)
    {
        if (to <= from + 1)
        {
            return (from + to) / 2;
        }

        // Events inside (from, to): +1 where a word starts covering, -1 where it stops.
        var events = new List<(double X, int Delta)>();
        var crossing = 0;
        foreach (var word in bodyWords)
        {
            if (word.Right <= from || word.Left >= to)
            {
                continue;
            }

            if (word.Left <= from)
            {
                crossing++;
            }
            else
            {
                events.Add((word.Left, +1));
            }

            if (word.Right < to)
            {
                events.Add((word.Right, -1));
            }
        }

        // A word covers x when Left < x < Right: at an edge shared by two words the end counts first.
        events.Sort((a, b) => a.X != b.X ? a.X.CompareTo(b.X) : a.Delta.CompareTo(b.Delta));
        var best = int.MaxValue;
        double bestStart = from, bestEnd = from;
        var start = from;
        foreach (var (x, delta) in events.Append((to, 0)))
        {
            if (x > start && (crossing < best || (crossing == best && x - start > bestEnd - bestStart)))
            {
                (best, bestStart, bestEnd) = (crossing, start, x);
            }

            crossing += delta;
            start = x;
        }

        return (bestStart + bestEnd) / 2;
    }

    private static List<string> Cells(IEnumerable<List<PageWord>> lines, List<(double Left, double Right)> columns)
    {
        var cells = columns.Select(_ => new List<string>()).ToList();
        foreach (var line in lines)
        {
            foreach (var word in line)
            {
                var column = columns.FindIndex(c => word.CenterX >= c.Left && word.CenterX < c.Right);
                cells[column < 0 ? 0 : column].Add(word.Text);
            }
        }

        return cells.Select(c => string.Join(" ", c)).ToList();
    }

    private static string Text(List<PageWord> line) => string.Join(" ", line.Select(w => w.Text));
}
