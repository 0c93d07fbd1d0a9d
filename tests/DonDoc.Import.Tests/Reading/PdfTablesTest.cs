using System.Text.Json;
using System.Text.Json.Nodes;
using DonDoc.Core.Deadlines;
using DonDoc.Import.Evaluation;
using DonDoc.Import.Extraction;
using DonDoc.Import.Importing;
using DonDoc.Import.Reading;
using DonDoc.Import.Reading.Pdf;

namespace DonDoc.Import.Tests.Reading;

/// <summary>
/// PDFs read from what they draw: Fixtures/pdf holds a plan made by LibreOffice from a Word file that
/// make_fixtures.py writes (a six-page PDF whose landscape appendix table runs over five pages, its header
/// repeated, heading rows spanning it, a lead merged over three tasks, a row broken by a page break), the same
/// without borders, and a scan of a short plan without a text layer.
/// </summary>
public sealed class PdfTablesTest
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "pdf", name);

    private static List<string[]> ExpectedRows(string name) =>
        JsonSerializer.Deserialize<List<string[]>>(File.ReadAllText(Fixture(name)))!;

    private static SourceDocument Read(string name, PageRecognizer? recognizer = null)
    {
        var read = new PdfReader { Recognizer = recognizer }.Read(name, File.ReadAllBytes(Fixture(name)));
        Assert.True(read.Document is not null, read.Failure?.English);
        return read.Document!;
    }

    /// <summary>
    /// The table rows as a person reads them across page breaks: the header repeated on each page left out,
    /// and a row that the break cut (no number of its own) joined to the row it continues.
    /// </summary>
    private static List<string[]> RowsAcrossPages(SourceDocument document)
    {
        var rows = new List<string[]>();
        foreach (var line in document.Lines.Where(l => l.IsTableRow))
        {
            var cells = line.Cells!.ToArray();
            if (rows.Count > 0 && cells.SequenceEqual(rows[0]))
            {
                continue;
            }

            if (rows.Count > 0 && cells[0].Length == 0 && line.Origins is null)
            {
                var previous = rows[^1];
                rows[^1] = previous.Zip(cells, (a, b) => b.Length == 0 ? a : a + " " + b).ToArray();
                continue;
            }

            rows.Add(cells);
        }

        return rows;
    }

    [Fact]
    public void A_ruled_table_over_five_pages_reads_as_its_rows_with_merged_cells_copied()
    {
        var rows = RowsAcrossPages(Read("appendix.pdf"));

        Assert.Equal(ExpectedRows("appendix.rows.json"), rows);
    }

    [Fact]
    public void The_table_keeps_one_index_over_its_pages_and_repeats_its_header_on_each()
    {
        var document = Read("appendix.pdf");
        var tableRows = document.Lines.Where(l => l.IsTableRow).ToList();

        Assert.Single(tableRows.Select(r => r.Table).Distinct());
        Assert.Equal(5, tableRows.Count(r => r.Cells![0] == "STT"));
        Assert.False(document.RowsAreVisualLines);
    }

    [Fact]
    public void Merged_cells_are_marked_where_they_are_copied()
    {
        var rows = Read("appendix.pdf").Lines.Where(l => l.IsTableRow).ToList();

        var heading = rows.First(r => r.Cells![0] == "II");
        Assert.Equal([CellOrigin.Own, CellOrigin.Own, CellOrigin.MergedFromLeft, CellOrigin.MergedFromLeft, CellOrigin.MergedFromLeft, CellOrigin.MergedFromLeft],
            Enumerable.Range(0, 6).Select(heading.OriginOf));
        var merged = rows.Where(r => r.Cells![2] == "Văn phòng HĐND và UBND huyện" && r.OriginOf(2) == CellOrigin.MergedFromAbove).ToList();
        Assert.Equal(2, merged.Count);
    }

    [Fact]
    public void The_text_above_the_table_stays_text_and_the_header_block_reads_column_by_column()
    {
        var text = Read("appendix.pdf").Lines.TakeWhile(l => !l.IsTableRow).Select(l => l.Raw).ToList();

        Assert.Equal(["ỦY BAN NHÂN DÂN", "HUYỆN TÂN PHÚ", "Số: 85/KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Tân Phú, ngày 15 tháng 01 năm 2027", "KẾ HOẠCH"],
            text.Take(7));
        Assert.Contains("PHỤ LỤC", text);
    }

    [Fact]
    public void Every_task_of_the_ruled_appendix_is_found()
    {
        var result = new PlanImporter(new DeadlineParser()) { Recognizer = null }.Import("appendix.pdf", File.ReadAllBytes(Fixture("appendix.pdf")));
        var golden = JsonNode.Parse(File.ReadAllText(Fixture("appendix.expected.json")))!;

        var score = ExtractionScorer.Score(golden, ExtractionJson.ToJson(result.Extraction!, "appendix.pdf"));

        Assert.Equal(44, score.Golden);
        Assert.Equal(44, score.Matched);
        Assert.Equal(44, score.Extracted);
    }

    [Fact]
    public void A_page_that_draws_no_rules_is_read_by_word_positions()
    {
        var document = Read("appendix-nogrid.pdf");

        Assert.Contains(document.Lines, l => l.IsTableRow);
        Assert.Contains(document.Lines, l => !l.IsTableRow && l.Raw == "KẾ HOẠCH");
    }

    [TesseractFact]
    public void A_scanned_PDF_is_recognised_with_its_table_and_every_line_is_marked_for_review()
    {
        var document = Read("scan.pdf", PageRecognizer.FromPath());
        var rows = RowsAcrossPages(document);
        var expected = ExpectedRows("scan.rows.json");

        Assert.All(document.Lines, l => Assert.True(l.Recognised));
        Assert.Equal(expected.Count, rows.Count);
        for (var r = 0; r < expected.Count; r++)
        {
            Assert.Equal(expected[r].Length, rows[r].Length);
            for (var c = 0; c < expected[r].Length; c++)
            {
                // Recognition may miss a mark or a letter in a long cell, never the cell.
                var similarity = SequenceSimilarity.Ratio(expected[r][c], rows[r][c]);
                Assert.True(similarity >= 0.9, $"row {r} cell {c}: \"{rows[r][c]}\" for \"{expected[r][c]}\" ({similarity:0.00})");
            }
        }
    }

    [TesseractFact]
    public void Every_task_imported_from_a_scan_carries_a_warning_to_check_it_against_the_page()
    {
        var result = new PlanImporter(new DeadlineParser()).Import("scan.pdf", File.ReadAllBytes(Fixture("scan.pdf")));

        var tasks = result.Extraction!.Plan.Tasks;
        Assert.Equal(5, tasks.Count);
        Assert.Equal(tasks.Count, result.Extraction.Warnings.Count(w => w.Code == "ocr"));
        Assert.Contains(ExtractionJson.ToJson(result.Extraction, "scan.pdf")["warnings"]!.AsArray(), w => w!["code"]!.GetValue<string>() == "ocr");
    }

    [Fact]
    public void Without_Tesseract_a_scanned_PDF_is_refused_with_a_reason()
    {
        var read = new PdfReader { Recognizer = null }.Read("scan.pdf", File.ReadAllBytes(Fixture("scan.pdf")));

        Assert.Null(read.Document);
        Assert.Contains("OCR", read.Failure!.Vietnamese, StringComparison.Ordinal);
    }

    [Fact]
    public void Cancelling_kills_a_running_tool()
    {
        using var cancel = new CancellationTokenSource();
        cancel.CancelAfter(TimeSpan.FromMilliseconds(200));

        Assert.ThrowsAny<OperationCanceledException>(() => ExternalProcess.Run("sleep", ["600"], cancel.Token));
    }
}
