using DonDoc.Import.Reading.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace DonDoc.Import.Reading;

/// <summary>
/// Reads a PDF from what it draws. PdfPig gives each page's words with their boxes and its paths; the ruling
/// lines among the paths give each table's column and row rules, and every word goes to the cell under it
/// (<see cref="PageLayout"/>). A table that goes on over the next pages, with or without its header repeated,
/// keeps one table index; the text above it (the header block, the title) stays text lines. A PDF that draws
/// no table at all is read by word positions (<see cref="WordColumns"/>); a scanned PDF, without a text
/// layer, is recognised with Tesseract when it is installed (<see cref="PageRecognizer"/>).
/// </summary>
public sealed class PdfReader
{
    /// <summary>Reads scanned pages; null refuses them.</summary>
    public PageRecognizer? Recognizer { get; init; }

    public ReadResult Read(string fileName, byte[] content) => Read(fileName, content, ReadBudget.WithDefaults());

    public ReadResult Read(string fileName, byte[] content, ReadBudget budget)
    {
        List<PageContent> pages;
        try
        {
            pages = Pages(content, budget);
        }
        catch (PdfDocumentEncryptedException)
        {
            return ReadResult.Fail("tệp PDF được đặt mật khẩu", "the PDF is encrypted");
        }
        catch (Exception ex) when (OfficePackage.IsBrokenFile(ex))
        {
            return ReadResult.Fail("tệp PDF bị hỏng hoặc bị cắt dở", $"cannot read the PDF: {ex.GetType().Name}: {ex.Message}");
        }

        if (pages.All(p => p.Words.Count == 0))
        {
            if (Recognizer is null)
            {
                return ReadResult.Fail(
                    "tệp PDF là bản quét, không có lớp chữ; máy chủ chưa cài phần mềm nhận dạng chữ (OCR Tesseract) nên không đọc được",
                    "the PDF has no text layer (scanned) and Tesseract OCR is not installed");
            }

            var recognised = Recognizer.Recognize(content, pages.Select(p => (p.Width, p.Height)).ToList(), budget);
            if (recognised.Failure is { } failure)
            {
                return ReadResult.Fail(failure.Vietnamese, failure.English);
            }

            pages = recognised.Pages;
            if (pages.All(p => p.Words.Count == 0))
            {
                return ReadResult.Fail("tệp PDF là bản quét nhưng không nhận dạng được chữ nào", "OCR found no text in the scanned PDF");
            }
        }

        return ReadResult.Ok(Layout(fileName, pages, budget));
    }

    /// <summary>The document's lines from its pages, by their ruled tables, or by word positions when none has one.</summary>
    public static SourceDocument Layout(string fileName, IReadOnlyList<PageContent> pages, ReadBudget budget)
    {
        var grids = pages.Select(p => TableGrid.Find(p.Rulings)).ToList();
        if (grids.All(g => g.Count == 0))
        {
            return new SourceDocument(fileName, WordColumns.Read(pages, budget)) { RowsAreVisualLines = true };
        }

        var lines = new List<SourceLine>();
        TableGrid? previous = null;
        var table = -1;
        for (var p = 0; p < pages.Count; p++)
        {
            budget.ThrowIfCancelled();
            var textSinceTable = 0;
            foreach (var item in PageLayout.Read(pages[p], grids[p]))
            {
                switch (item)
                {
                    case TextItem text:
                        textSinceTable += text.Text.Length;
                        lines.Add(new SourceLine(lines.Count + 1, text.Text, null) { Recognised = pages[p].Recognised });
                        break;
                    case RowItem row:
                        if (!ReferenceEquals(row.Grid, previous))
                        {
                            // The same table goes on over a page break when its columns are the same and no more
                            // than page furniture (a page number, a running header) stands between.
                            var continues = previous is not null && row.Grid.HasColumnsOf(previous) && textSinceTable <= 80 && p > 0;
                            table = continues ? table : table + 1;
                            previous = row.Grid;
                        }

                        textSinceTable = 0;
                        budget.CheckColumns(row.Cells.Count);
                        budget.AddCells(row.Cells.Count);
                        lines.Add(new SourceLine(lines.Count + 1, string.Join("\t", row.Cells), row.Cells)
                        {
                            Origins = row.Origins.Any(o => o != CellOrigin.Own) ? row.Origins : null,
                            Table = table,
                            Recognised = pages[p].Recognised,
                        });
                        break;
                }
            }
        }

        return new SourceDocument(fileName, lines);
    }

    private static List<PageContent> Pages(byte[] content, ReadBudget budget)
    {
        using var document = PdfDocument.Open(content, new ParsingOptions { SkipMissingFonts = true });
        if (document.NumberOfPages > budget.Limits.MaxPdfPages)
        {
            throw ReadRefusedException.Because(
                $"tệp PDF có quá nhiều trang ({document.NumberOfPages:N0} trang; tối đa {budget.Limits.MaxPdfPages})",
                $"the PDF has {document.NumberOfPages} pages (limit {budget.Limits.MaxPdfPages})");
        }

        var pages = new List<PageContent>(document.NumberOfPages);
        for (var number = 1; number <= document.NumberOfPages; number++)
        {
            budget.ThrowIfCancelled();
            var page = document.GetPage(number);
            if (page.Letters.Count > budget.Limits.MaxLettersPerPage)
            {
                throw ReadRefusedException.Because(
                    $"trang {number} của tệp PDF có quá nhiều ký tự ({page.Letters.Count:N0})",
                    $"page {number} has {page.Letters.Count} letters (limit {budget.Limits.MaxLettersPerPage})");
            }

            var words = page.GetWords()
                .Where(w => !string.IsNullOrWhiteSpace(w.Text))
                .Select(w => new PageWord(w.Text, w.BoundingBox.Left, w.BoundingBox.Bottom, w.BoundingBox.Right, w.BoundingBox.Top))
                .ToList();
            var rulings = page.Paths.Count > budget.Limits.MaxPathsPerPage ? [] : RulingLines.FromPaths(page.Paths);
            pages.Add(new PageContent(number, page.Width, page.Height, words, rulings));
        }

        return pages;
    }
}
