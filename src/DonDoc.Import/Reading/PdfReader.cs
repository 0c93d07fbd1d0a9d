using DonDoc.Core.Text;
using DonDoc.Import.Extraction;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;

namespace DonDoc.Import.Reading;

/// <summary>
/// Reads a text-based PDF with PdfPig and rebuilds its table from word positions: the header's words
/// give the columns (their horizontal extents), and every visual line below becomes a row whose words
/// fall into the column under which they stand. Lines above the header stay text.
/// </summary>
public sealed class PdfReader
{
    public ReadResult Read(string fileName, byte[] content) => Read(fileName, content, ReadBudget.WithDefaults());

    public ReadResult Read(string fileName, byte[] content, ReadBudget budget)
    {
        try
        {
            using var document = PdfDocument.Open(content);
            if (document.NumberOfPages > budget.Limits.MaxPdfPages)
            {
                throw ReadRefusedException.Because(
                    $"tệp PDF có quá nhiều trang ({document.NumberOfPages:N0} trang; tối đa {budget.Limits.MaxPdfPages})",
                    $"the PDF has {document.NumberOfPages} pages (limit {budget.Limits.MaxPdfPages})");
            }

            var lines = new List<SourceLine>();
            List<(double Left, double Right)>? columns = null;
            var words = 0;
            foreach (var page in document.GetPages())
            {
                budget.ThrowIfCancelled();
                var pageWords = page.GetWords().Where(w => !string.IsNullOrWhiteSpace(w.Text)).ToList();
                words += pageWords.Count;
                var visualLines = GroupIntoLines(pageWords);
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
                        lines.Add(new SourceLine(lines.Count + 1, Text(visualLines[i]), null));
                    }

                    var headerWords = visualLines.Skip(headerAt).Take(headerEnd - headerAt).SelectMany(l => l).ToList();
                    columns = Columns(headerWords, visualLines.Skip(headerEnd).SelectMany(l => l).ToList());
                    var headerCells = Cells(visualLines.Skip(headerAt).Take(headerEnd - headerAt).ToList(), columns);
                    lines.Add(new SourceLine(lines.Count + 1, string.Join("\t", headerCells), headerCells));
                    bodyFrom = headerEnd;
                }

                for (var i = bodyFrom; i < visualLines.Count; i++)
                {
                    // The bottom margin holds page numbers and footers, not table rows.
                    if (columns is null || visualLines[i][0].BoundingBox.Bottom < page.Height * 0.06)
                    {
                        lines.Add(new SourceLine(lines.Count + 1, Text(visualLines[i]), null));
                        continue;
                    }

                    var cells = Cells([visualLines[i]], columns);
                    lines.Add(new SourceLine(lines.Count + 1, string.Join("\t", cells), cells));
                }
            }

            if (words == 0)
            {
                return ReadResult.Fail("tệp PDF là bản quét, không có lớp chữ; DonDoc chưa hỗ trợ nhận dạng chữ (OCR)", "the PDF has no text layer (scanned); OCR is not supported");
            }

            return ReadResult.Ok(new SourceDocument(fileName, lines) { RowsAreVisualLines = true });
        }
        catch (PdfDocumentEncryptedException)
        {
            return ReadResult.Fail("tệp PDF được đặt mật khẩu", "the PDF is encrypted");
        }
        catch (Exception ex) when (OfficePackage.IsBrokenFile(ex))
        {
            return ReadResult.Fail("tệp PDF bị hỏng hoặc bị cắt dở", $"cannot read the PDF: {ex.Message}");
        }
    }

    /// <summary>Words on the same baseline, top to bottom, each line left to right.</summary>
    private static List<List<Word>> GroupIntoLines(List<Word> words)
    {
        var lines = new List<List<Word>>();
        foreach (var word in words.OrderByDescending(w => w.BoundingBox.Bottom).ThenBy(w => w.BoundingBox.Left))
        {
            var line = lines.LastOrDefault();
            var tolerance = Math.Max(2.0, word.BoundingBox.Height * 0.5);
            if (line is not null && Math.Abs(line[0].BoundingBox.Bottom - word.BoundingBox.Bottom) <= tolerance)
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
            line.Sort((a, b) => a.BoundingBox.Left.CompareTo(b.BoundingBox.Left));
        }

        return lines;
    }

    private static bool IsHeaderStart(List<Word> line) => VietnameseText.Fold(line[0].Text).Trim('.', ':') is "stt" or "tt";

    private static bool StartsRow(List<Word> line)
    {
        var first = line[0].Text.TrimEnd('.');
        return first.All(char.IsDigit) || Extraction.SectionHeading.IsRoman(first);
    }

    /// <summary>The columns named by the header: words that overlap horizontally, or nearly touch, are one column.</summary>
    private static List<(double Left, double Right)> Columns(List<Word> headerWords, List<Word> bodyWords)
    {
        var spans = new List<(double Left, double Right)>();
        foreach (var word in headerWords.OrderBy(w => w.BoundingBox.Left))
        {
            var gap = word.BoundingBox.Height * 0.6;
            if (spans.Count > 0 && word.BoundingBox.Left <= spans[^1].Right + gap)
            {
                spans[^1] = (spans[^1].Left, Math.Max(spans[^1].Right, word.BoundingBox.Right));
            }
            else
            {
                spans.Add((word.BoundingBox.Left, word.BoundingBox.Right));
            }
        }

        // Between two header spans, the boundary is the emptiest vertical corridor of the body text: the
        // x that the fewest body words straddle (the middle of the widest such run), where the cell border was.
        var columns = new List<(double Left, double Right)>();
        var boundaries = new List<double>();
        for (var i = 0; i + 1 < spans.Count; i++)
        {
            boundaries.Add(Corridor(spans[i].Right, spans[i + 1].Left, bodyWords));
        }

        for (var i = 0; i < spans.Count; i++)
        {
            columns.Add((i == 0 ? double.NegativeInfinity : boundaries[i - 1], i == spans.Count - 1 ? double.PositiveInfinity : boundaries[i]));
        }

        return columns;
    }

    private static double Corridor(double from, double to, List<Word> bodyWords)
    {
        if (to <= from + 1)
        {
            return (from + to) / 2;
        }

        var best = int.MaxValue;
        double bestStart = from, bestEnd = from;
        double runStart = from;
        var runCount = -1;
        for (var x = from; x <= to; x += 0.5)
        {
            var crossing = bodyWords.Count(w => w.BoundingBox.Left < x && w.BoundingBox.Right > x);
            if (crossing != runCount)
            {
                runStart = x;
                runCount = crossing;
            }

            if (crossing < best || (crossing == best && x - runStart > bestEnd - bestStart))
            {
                best = crossing;
                bestStart = runStart;
                bestEnd = x;
            }
        }

        return (bestStart + bestEnd) / 2;
    }

    private static List<string> Cells(List<List<Word>> lines, List<(double Left, double Right)> columns)
    {
        var cells = columns.Select(_ => new List<string>()).ToList();
        foreach (var line in lines)
        {
            foreach (var word in line)
            {
                var center = (word.BoundingBox.Left + word.BoundingBox.Right) / 2;
                var column = columns.FindIndex(c => center >= c.Left && center < c.Right);
                cells[column < 0 ? 0 : column].Add(word.Text);
            }
        }

        return cells.Select(c => string.Join(" ", c)).ToList();
    }

    private static string Text(List<Word> line) => string.Join(" ", line.Select(w => w.Text));
}
