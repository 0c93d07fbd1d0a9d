using System.Text;

namespace DonDoc.Import.Reading.Pdf;

/// <summary>One thing on a page, top to bottom: a line of text, or a row of a ruled table.</summary>
public abstract record PageItem(double Top);

/// <summary>A line of text outside every table.</summary>
public sealed record TextItem(double Top, string Text) : PageItem(Top);

/// <summary>A row of a ruled table: each column's text and where it comes from.</summary>
public sealed record RowItem(double Top, TableGrid Grid, IReadOnlyList<string> Cells, IReadOnlyList<CellOrigin> Origins) : PageItem(Top);

/// <summary>
/// Lays a page out as lines of text and rows of its ruled tables. Each word goes to the table cell under its
/// centre — a merged cell (no rule drawn between its units) gathers the words of all its units and is copied,
/// marked, into each row and column it covers. Words outside the tables become visual lines; a line whose
/// parts stand far apart (the two columns of the national header block) is read column by column.
/// </summary>
public static class PageLayout
{
    public static List<PageItem> Read(PageContent page, IReadOnlyList<TableGrid> grids)
    {
        var items = new List<PageItem>();
        var free = new List<PageWord>();
        var inCells = grids.Select(_ => new Dictionary<int, List<PageWord>>()).ToList();
        foreach (var word in page.Words)
        {
            var g = -1;
            for (var i = 0; i < grids.Count && g < 0; i++)
            {
                g = grids[i].Contains(word.CenterX, word.CenterY) ? i : -1;
            }

            if (g < 0)
            {
                free.Add(word);
                continue;
            }

            var (row, column) = grids[g].UnitAt(word.CenterX, word.CenterY);
            var cell = grids[g].CellOf(row, column);
            (inCells[g].TryGetValue(cell, out var words) ? words : inCells[g][cell] = []).Add(word);
        }

        for (var g = 0; g < grids.Count; g++)
        {
            items.AddRange(Rows(grids[g], inCells[g]));
        }

        items.AddRange(TextLines(free));
        return items.OrderByDescending(i => i.Top).ToList();
    }

    private static IEnumerable<RowItem> Rows(TableGrid grid, Dictionary<int, List<PageWord>> cells)
    {
        var texts = cells.ToDictionary(c => c.Key, c => Text(c.Value));
        for (var r = 0; r < grid.RowCount; r++)
        {
            var row = new string[grid.ColumnCount];
            var origins = new CellOrigin[grid.ColumnCount];
            for (var c = 0; c < grid.ColumnCount; c++)
            {
                var cell = grid.CellOf(r, c);
                var (cellRow, cellColumn) = (cell / grid.ColumnCount, cell % grid.ColumnCount);
                row[c] = texts.GetValueOrDefault(cell, string.Empty);
                origins[c] = cellRow < r ? CellOrigin.MergedFromAbove : cellColumn < c ? CellOrigin.MergedFromLeft : CellOrigin.Own;
            }

            yield return new RowItem(grid.Rows[r], grid, row, origins);
        }
    }

    /// <summary>
    /// The words of one cell as it reads: line by line, top to bottom. A number or date that did not fit the
    /// cell's width and went on at the next line ("30/6/202" + "6", "1." + "1" in a narrow number column), or a word wrapped
    /// at its hyphen, is one word again; a closing bracket or comma alone at the start of a line closes the line before it.
    /// </summary>
    private static string Text(List<PageWord> words)
    {
        var lines = VisualLines(words);
        if (lines.Count > 1 && lines.All(l => l.Count == 1 && l[0].Text.Length == 1 && char.IsLetter(l[0].Text[0])))
        {
            // "S", "T", "T" stacked in a narrow column: one word written a letter a line.
            return string.Concat(lines.Select(l => l[0].Text));
        }

        var right = lines.Max(l => l[^1].Right);
        var text = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = string.Join(" ", lines[i].Select(w => w.Text));
            var broken = i > 0 && text.Length > 0 && (char.IsDigit(text[^1]) || text[^1] == '/' || (text[^1] == '.' && text.Length > 1 && char.IsDigit(text[^2])))
                && char.IsDigit(line[0]) && lines[i - 1][^1].Right >= right - 2.0;
            // A closing mark that went on at the next line ("06/02/2026" + ")") closes the word before it.
            broken |= i > 0 && line[0] is ')' or ']' or ',' or ';' && (line.Length == 1 || line[1] == ' ');
            // "các-" + "bon": a word with a hyphen wrapped at its hyphen is one word again.
            var hyphenated = i > 0 && text.Length > 1 && text[^1] == '-' && char.IsLetter(text[^2]) && char.IsLower(line[0]);
            text.Append(text.Length == 0 || broken || hyphenated ? string.Empty : " ").Append(line);
        }

        return text.ToString();
    }

    /// <summary>Words on the same baseline, top to bottom, each line left to right.</summary>
    public static List<List<PageWord>> VisualLines(IEnumerable<PageWord> words)
    {
        var lines = new List<List<PageWord>>();
        foreach (var word in words.OrderByDescending(w => w.Bottom).ThenBy(w => w.Left))
        {
            var line = lines.Count > 0 ? lines[^1] : null;
            var tolerance = Math.Max(2.0, word.Height * 0.5);
            if (line is not null && Math.Abs(line[0].Bottom - word.Bottom) <= tolerance)
            {
                line.Add(word);
            }
            else
            {
                lines.Add([word]);
            }
        }

        foreach (var line in lines)
        {
            line.Sort((a, b) => a.Left.CompareTo(b.Left));
        }

        return lines;
    }

    /// <summary>
    /// Visual lines of the words outside tables. Consecutive lines split by a wide gap are read as two
    /// columns: all left parts, then all right parts (as a person reads the header block).
    /// </summary>
    private static IEnumerable<TextItem> TextLines(List<PageWord> words)
    {
        var lines = VisualLines(words).Select(line => (Top: line.Max(w => w.Top), Parts: Parts(line))).ToList();
        for (var i = 0; i < lines.Count;)
        {
            if (lines[i].Parts.Count < 2)
            {
                yield return new TextItem(lines[i].Top, Join(lines[i].Parts[0]));
                i++;
                continue;
            }

            var end = i;
            while (end < lines.Count && lines[end].Parts.Count >= 2)
            {
                end++;
            }

            // Left column first, each line keeping its own height so that the order on the page holds.
            var block = lines[i..end];
            var step = (block[0].Top - block[^1].Top + 1) / (2.0 * block.Count);
            var k = 0;
            foreach (var line in block)
            {
                yield return new TextItem(block[0].Top - (step * k++), Join(line.Parts[0]));
            }

            foreach (var line in block)
            {
                yield return new TextItem(block[0].Top - (step * k++), string.Join(" ", line.Parts.Skip(1).Select(Join)));
            }

            i = end;
        }
    }

    private static string Join(List<PageWord> words)
    {
        var text = new StringBuilder();
        foreach (var word in words)
        {
            text.Append(text.Length > 0 ? " " : string.Empty).Append(word.Text);
        }

        return text.ToString();
    }

    /// <summary>A line cut where the gap between words is wider than a few spaces.</summary>
    private static List<List<PageWord>> Parts(List<PageWord> line)
    {
        var height = line.Average(w => w.Height);
        var parts = new List<List<PageWord>> { new() { line[0] } };
        for (var i = 1; i < line.Count; i++)
        {
            if (line[i].Left - line[i - 1].Right > Math.Max(1.5 * height, 15.0))
            {
                parts.Add([]);
            }

            parts[^1].Add(line[i]);
        }

        return parts;
    }
}
