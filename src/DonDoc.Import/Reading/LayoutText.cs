using DonDoc.Core.Text;
using DonDoc.Import.Reading.Pdf;

namespace DonDoc.Import.Reading;

/// <summary>
/// Text that keeps a PDF's layout with spaces ("pdftotext -layout"): a task table's columns stand under its
/// header at the same character positions. Each character position is read as a horizontal coordinate and each
/// line as a visual line, so that the table is read as a borderless PDF page is (<see cref="WordColumns"/>);
/// pages are cut at form feeds. The lines above the table's header stay text, as they are.
/// </summary>
public static class LayoutText
{
    private const double CharWidth = 6, LineHeight = 12, WordHeight = 10;

    /// <summary>The document's lines, the table read into rows of visual lines; null when the text has no laid-out table.</summary>
    public static List<SourceLine>? Read(IReadOnlyList<string> rawLines, ReadBudget budget)
    {
        var headerAt = -1;
        var opensWithNumber = false;
        for (var i = 0; i < rawLines.Count && headerAt < 0; i++)
        {
            if (IsHeaderStart(rawLines[i]) && LaidOut(rawLines, i))
            {
                headerAt = i;
                opensWithNumber = true;
            }
            else if (StartsHeaderBlock(rawLines, i) && LaidOut(rawLines, i))
            {
                // A header without an "STT" line of its own (no number column, or "ST" wrapped above "T"):
                // its block of header lines starts here, the cells that start above the others included.
                headerAt = i;
            }
        }

        if (headerAt < 0)
        {
            return null;
        }

        // A header cell centred over two lines or more starts above the "STT" line: those lines are set just under it,
        // where the header's rows are looked for.
        var above = new List<int>();
        for (var i = headerAt - 1; opensWithNumber && i >= 0 && headerAt - i <= 3; i--)
        {
            var raw = rawLines[i].Replace('\f', ' ');
            if (raw.Trim().Length == 0 || Indent(raw) < 12)
            {
                break;
            }

            above.Insert(0, i);
        }

        var firstTableLine = above.Count > 0 ? above[0] : headerAt;
        var lines = new List<SourceLine>();
        for (var i = 0; i < firstTableLine; i++)
        {
            lines.Add(new SourceLine(i + 1, rawLines[i].Replace('\f', ' '), null));
        }

        var order = new List<int> { headerAt };
        order.AddRange(above);
        order.AddRange(Enumerable.Range(headerAt + 1, rawLines.Count - headerAt - 1));

        var pages = new List<PageContent>();
        var page = new List<string>();
        foreach (var index in order)
        {
            var parts = rawLines[index].Split('\f');
            for (var p = 0; p < parts.Length; p++)
            {
                if (p > 0)
                {
                    pages.Add(Page(pages.Count + 1, page));
                    page = [];
                }

                page.Add(parts[p]);
            }
        }

        pages.Add(Page(pages.Count + 1, page));
        var table = WordColumns.Read(pages.Where(p => p.Words.Count > 0), budget, proseCrossesColumns: false, borderSlack: CharWidth);
        var offset = firstTableLine;
        lines.AddRange(table.Select(l => l with { Number = l.Number + offset }));
        return lines.Any(l => l.IsTableRow) ? lines : null;
    }

    /// <summary>Whether the lines under a header hold columns: several lines with wide runs of spaces inside their text.</summary>
    private static bool LaidOut(IReadOnlyList<string> rawLines, int headerAt)
    {
        var wide = 0;
        for (var i = headerAt; i < rawLines.Count && i < headerAt + 20; i++)
        {
            var text = rawLines[i].Trim();
            if (text.Contains("   ", StringComparison.Ordinal))
            {
                wide++;
            }
        }

        return wide >= 4;
    }

    private static bool IsHeaderStart(string raw)
    {
        var text = raw.Replace('\f', ' ').Trim();
        var first = text.Split(' ', 2)[0];
        return VietnameseText.Fold(first).Trim('.', ':') is "stt" or "tt" && text.Contains("   ", StringComparison.Ordinal);
    }

    /// <summary>Whether a header block of <see cref="WordColumns"/> starts at the line: read from the line and the few under it.</summary>
    private static bool StartsHeaderBlock(IReadOnlyList<string> rawLines, int at)
    {
        var line = rawLines[at].Replace('\f', ' ');
        if (line.Trim().Length == 0 || !Extraction.ColumnHeaders.IsHeaderLine(line))
        {
            return false;
        }

        var block = rawLines.Skip(at).Take(8).Select(l => l.Replace('\f', ' ')).ToList();
        var lines = PageLayout.VisualLines(Page(1, block).Words);
        return WordColumns.HeaderEnd(lines, 0) > 0;
    }

    private static int Indent(string raw) => raw.Length - raw.TrimStart().Length;

    private static PageContent Page(int number, List<string> lines)
    {
        var height = (lines.Count + 2) * LineHeight / 0.9;
        var words = new List<PageWord>();
        for (var j = 0; j < lines.Count; j++)
        {
            var bottom = height - ((j + 1) * LineHeight);
            var line = lines[j];
            var k = 0;
            while (k < line.Length)
            {
                if (char.IsWhiteSpace(line[k]))
                {
                    k++;
                    continue;
                }

                var start = k;
                while (k < line.Length && !char.IsWhiteSpace(line[k]))
                {
                    k++;
                }

                words.Add(new PageWord(line[start..k], start * CharWidth, bottom, k * CharWidth, bottom + WordHeight));
            }
        }

        return new PageContent(number, 200 * CharWidth, height, words, []);
    }
}
