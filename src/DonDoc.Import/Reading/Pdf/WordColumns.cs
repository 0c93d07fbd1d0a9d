using DonDoc.Core.Text;

namespace DonDoc.Import.Reading.Pdf;

/// <summary>
/// Reads pages that draw no table rules (a borderless table): the header's words give the columns (their
/// horizontal extents), the boundary between two columns is the emptiest vertical corridor of the body
/// text under them, and every visual line below becomes a row whose words fall into the column under which
/// they stand. Lines above the header stay text.
/// </summary>
public static class WordColumns
{
    public static List<SourceLine> Read(IEnumerable<PageContent> pages, ReadBudget budget)
    {
        var lines = new List<SourceLine>();
        List<(double Left, double Right)>? columns = null;
        foreach (var page in pages)
        {
            budget.ThrowIfCancelled();
            var visualLines = PageLayout.VisualLines(page.Words);
            var headerAt = visualLines.FindIndex(IsHeaderStart);
            var bodyFrom = 0;
            if (headerAt >= 0)
            {
                var headerEnd = headerAt + 1;
                while (headerEnd < visualLines.Count && !StartsRow(visualLines[headerEnd]) && headerEnd - headerAt < 6)
                {
                    headerEnd++;
                }

                for (var i = 0; i < headerAt; i++)
                {
                    lines.Add(new SourceLine(lines.Count + 1, Text(visualLines[i]), null) { Recognised = page.Recognised });
                }

                var headerWords = visualLines.Skip(headerAt).Take(headerEnd - headerAt).SelectMany(l => l).ToList();
                columns = Columns(headerWords, visualLines.Skip(headerEnd).SelectMany(l => l).ToList());
                var headerCells = Cells(visualLines.Skip(headerAt).Take(headerEnd - headerAt), columns);
                budget.CheckColumns(headerCells.Count);
                lines.Add(new SourceLine(lines.Count + 1, string.Join("\t", headerCells), headerCells) { Recognised = page.Recognised });
                bodyFrom = headerEnd;
            }

            for (var i = bodyFrom; i < visualLines.Count; i++)
            {
                // The bottom margin holds page numbers and footers, not table rows.
                if (columns is null || visualLines[i][0].Bottom < page.Height * 0.06)
                {
                    lines.Add(new SourceLine(lines.Count + 1, Text(visualLines[i]), null) { Recognised = page.Recognised });
                    continue;
                }

                var cells = Cells([visualLines[i]], columns);
                budget.AddCells(cells.Count);
                lines.Add(new SourceLine(lines.Count + 1, string.Join("\t", cells), cells) { Recognised = page.Recognised });
            }
        }

        return lines;
    }

    private static bool IsHeaderStart(List<PageWord> line) => VietnameseText.Fold(line[0].Text).Trim('.', ':') is "stt" or "tt";

    private static bool StartsRow(List<PageWord> line)
    {
        var first = line[0].Text.TrimEnd('.');
        return first.All(char.IsDigit) || Extraction.SectionHeading.IsRoman(first);
    }

    /// <summary>The columns named by the header: words that overlap horizontally, or nearly touch, are one column.</summary>
    private static List<(double Left, double Right)> Columns(List<PageWord> headerWords, List<PageWord> bodyWords)
    {
        var spans = new List<(double Left, double Right)>();
        foreach (var word in headerWords.OrderBy(w => w.Left))
        {
            var gap = word.Height * 0.6;
            if (spans.Count > 0 && word.Left <= spans[^1].Right + gap)
            {
                spans[^1] = (spans[^1].Left, Math.Max(spans[^1].Right, word.Right));
            }
            else
            {
                spans.Add((word.Left, word.Right));
            }
        }

        var boundaries = new List<double>();
        for (var i = 0; i + 1 < spans.Count; i++)
        {
            boundaries.Add(Corridor(spans[i].Right, spans[i + 1].Left, bodyWords));
        }

        var columns = new List<(double Left, double Right)>();
        for (var i = 0; i < spans.Count; i++)
        {
            columns.Add((i == 0 ? double.NegativeInfinity : boundaries[i - 1], i == spans.Count - 1 ? double.PositiveInfinity : boundaries[i]));
        }

        return columns;
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
