using System.Text;
using DonDoc.Core.Deadlines;
using DonDoc.Import.Importing;
using DonDoc.Import.Reading;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Writer;
using static DonDoc.Import.Tests.Reading.OfficeFiles;

namespace DonDoc.Import.Tests.Reading;

/// <summary>
/// Every resource a hostile file could make an import spend is bounded: each hostile file below is refused
/// with a Vietnamese reason, and the import allocates a bounded amount of memory doing so (allocation counts
/// are deterministic; no test here measures time).
/// </summary>
public sealed class ResourceLimitsTest
{
    private const long Megabyte = 1024 * 1024;

    private static (ImportResult Result, long Allocated) Import(string name, byte[] content, ImportLimits? limits = null)
    {
        var importer = new PlanImporter(new DeadlineParser()) { Limits = limits ?? ImportLimits.Default };
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = importer.Import(name, content);
        return (result, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static void AssertRefused(ImportResult result, string reason)
    {
        Assert.Null(result.Extraction);
        Assert.Contains(reason, result.Failure!.Vietnamese, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(result.Failure.English));
    }

    [Fact]
    public void A_Word_zip_bomb_is_refused_before_it_is_unpacked()
    {
        // The text of one paragraph is 48 MB of spaces: 50 KB packed.
        var spaces = new string(' ', 48 * (int)Megabyte);
        var bomb = DocxWithDocumentXml($"<w:document xmlns:w=\"{WordNamespace}\"><w:body><w:p><w:r><w:t>{spaces}</w:t></w:r></w:p></w:body></w:document>");
        Assert.True(bomb.Length < Megabyte, $"the bomb is {bomb.Length} bytes");

        var (result, allocated) = Import("ke-hoach.docx", bomb);

        AssertRefused(result, "zip bomb");
        Assert.True(allocated < 8 * Megabyte, $"allocated {allocated / Megabyte} MB");
    }

    [Fact]
    public void An_Excel_zip_bomb_is_refused_before_it_is_unpacked()
    {
        var rows = Encoding.UTF8.GetBytes("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
            + new string(' ', 48 * (int)Megabyte) + "</sheetData></worksheet>");
        var bomb = Zip(
            ("[Content_Types].xml", Encoding.UTF8.GetBytes("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>")),
            ("xl/workbook.xml", Encoding.UTF8.GetBytes("<workbook/>")),
            ("xl/worksheets/sheet1.xml", rows));

        var (result, allocated) = Import("ke-hoach.xlsx", bomb);

        AssertRefused(result, "zip bomb");
        Assert.True(allocated < 8 * Megabyte, $"allocated {allocated / Megabyte} MB");
    }

    [Fact]
    public void A_package_whose_parts_unpack_past_the_limit_is_refused()
    {
        var docx = Docx(Paragraph(string.Concat(Enumerable.Range(0, 20_000).Select(i => $"{i * 7919 % 10007} "))));

        var (result, _) = Import("ke-hoach.docx", docx, new ImportLimits { MaxUnpackedBytes = 64 * 1024 });

        AssertRefused(result, "giải nén quá lớn");
    }

    [Fact]
    public void A_package_of_thousands_of_parts_is_refused()
    {
        var parts = Enumerable.Range(0, 6_000).Select(i => ($"word/p{i}.xml", new byte[] { (byte)'a' })).ToArray();

        var (result, _) = Import("ke-hoach.docx", Zip([("word/document.xml", Encoding.UTF8.GetBytes("<w:document/>")), .. parts]));

        AssertRefused(result, "quá nhiều thành phần");
    }

    [Theory]
    [InlineData("ZZZZZ2", "vượt ngoài giới hạn")]
    [InlineData("XFE2", "vượt ngoài giới hạn")]
    [InlineData("XFD2", "quá nhiều cột")]
    public void An_Excel_cell_far_to_the_right_is_refused_without_making_the_columns_before_it(string reference, string reason)
    {
        var xlsx = Xlsx([("A1", "KẾ HOẠCH"), (reference, "x")]);

        var (result, allocated) = Import("ke-hoach.xlsx", xlsx);

        AssertRefused(result, reason);
        Assert.True(allocated < 8 * Megabyte, $"allocated {allocated / Megabyte} MB");
    }

    [Fact]
    public void An_empty_Excel_cell_far_to_the_right_does_not_widen_the_table()
    {
        var rows = new List<string[]> { new[] { "PHỤ LỤC" }, new[] { OfficePlan.Title }, new[] { OfficePlan.Reference }, OfficePlan.Header };
        rows.AddRange(OfficePlan.Rows.Select(r => r.Length == 2 ? new[] { r[0], r[1] } : r));
        var cells = rows.SelectMany((row, r) => row.Select((text, c) => ($"{(char)('A' + c)}{r + 1}", text)).Where(x => x.text.Length > 0))
            .Append(("XFD5", string.Empty));

        OfficePlanGolden.AssertMatches("ke-hoach.xlsx", Xlsx(cells));
    }

    [Fact]
    public void An_Excel_merged_range_over_the_whole_grid_copies_into_existing_rows_only()
    {
        var xlsx = Xlsx([["PHỤ LỤC"], ["STT", "Nội dung", "Cơ quan chủ trì"], ["1", "Rà soát", "Sở Nội vụ"]], "A1:XFD1048576");

        var (result, allocated) = Import("ke-hoach.xlsx", xlsx);

        Assert.NotNull(result.Failure ?? (object?)result.Extraction);
        Assert.True(allocated < 16 * Megabyte, $"allocated {allocated / Megabyte} MB");
    }

    [Fact]
    public void Entities_declared_in_a_Word_document_are_refused_as_a_broken_file()
    {
        var laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY a \"hahahahahahahahahaha\">");
        for (var i = 1; i < 10; i++)
        {
            laughs.Append($"<!ENTITY {(char)('a' + i)} \"{string.Concat(Enumerable.Repeat($"&{(char)('a' + i - 1)};", 10))}\">");
        }

        laughs.Append($"]><w:document xmlns:w=\"{WordNamespace}\"><w:body><w:p><w:r><w:t>&j;</w:t></w:r></w:p></w:body></w:document>");

        var (result, allocated) = Import("ke-hoach.docx", DocxWithDocumentXml(laughs.ToString()));

        AssertRefused(result, "bị hỏng");
        Assert.True(allocated < 8 * Megabyte, $"allocated {allocated / Megabyte} MB");
    }

    [Theory]
    [InlineData("<w:document xmlns:w=\"W\"><w:body><w:p><w:r><w:t>Kế hoạch</w:body>")]
    [InlineData("<w:document xmlns:w=\"W\"><w:body><w:p>&bogus;</w:p></w:body></w:document>")]
    [InlineData("not xml at all")]
    public void Malformed_XML_inside_a_Word_document_is_refused_as_a_broken_file(string documentXml)
    {
        var (result, _) = Import("ke-hoach.docx", DocxWithDocumentXml(documentXml.Replace("\"W\"", $"\"{WordNamespace}\"", StringComparison.Ordinal)));

        AssertRefused(result, "bị hỏng");
    }

    [Fact]
    public void Malformed_XML_inside_an_Excel_sheet_is_refused_as_a_broken_file()
    {
        var xlsx = Xlsx([["KẾ HOẠCH"]]);
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            var sheet = zip.Entries.First(e => e.FullName.Contains("worksheets", StringComparison.Ordinal));
            var name = sheet.FullName;
            sheet.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(name).Open());
            writer.Write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row><c t=\"s\"><v>0</row>");
        }

        var (result, _) = Import("ke-hoach.xlsx", stream.ToArray());

        AssertRefused(result, "bị hỏng");
    }

    [Fact]
    public void HTML_nested_a_hundred_thousand_deep_is_refused_without_overflowing_the_stack()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + "KẾ HOẠCH" + "</body></html>";

        var (result, _) = Import("ke-hoach.html", Encoding.UTF8.GetBytes(html));

        AssertRefused(result, "lồng nhau quá sâu");
    }

    [Fact]
    public void An_HTML_table_of_enormous_colspans_is_refused_before_its_cells_are_made()
    {
        var html = "<table><tr>" + string.Concat(Enumerable.Repeat("<td colspan=\"1000\">x</td>", 2_000)) + "</tr></table>";

        var (result, allocated) = Import("ke-hoach.html", Encoding.UTF8.GetBytes(html));

        AssertRefused(result, "quá nhiều cột");
        Assert.True(allocated < 32 * Megabyte, $"allocated {allocated / Megabyte} MB");
    }

    [Fact]
    public void An_HTML_rowspan_past_the_end_of_its_table_copies_into_the_rows_there_are()
    {
        var html = "<table><tr><th>STT</th><th>Nội dung công việc</th><th>Cơ quan chủ trì</th><th>Thời gian hoàn thành</th></tr>"
            + "<tr><td>1</td><td>Rà soát</td><td rowspan=\"65534\">Sở Nội vụ</td><td>Quý I/2027</td></tr>"
            + "<tr><td>2</td><td>Báo cáo</td><td>Quý II/2027</td></tr></table>";

        var before = GC.GetAllocatedBytesForCurrentThread();
        var rows = new HtmlReader().Read("ke-hoach.html", Encoding.UTF8.GetBytes(html)).Document!.Lines;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(3, rows.Count);
        Assert.Equal("Sở Nội vụ", rows[2].Cells![2]);
        Assert.Equal(CellOrigin.MergedFromAbove, rows[2].OriginOf(2));
        Assert.True(allocated < 16 * Megabyte, $"allocated {allocated / Megabyte} MB");
    }

    [Fact]
    public void Text_with_hundreds_of_tab_columns_is_refused()
    {
        var row = string.Join("\t", Enumerable.Range(0, 400).Select(i => $"ô {i}"));

        var (result, _) = Import("ke-hoach.txt", Encoding.UTF8.GetBytes($"{row}\n{row}\n"));

        AssertRefused(result, "quá nhiều cột");
    }

    [Fact]
    public void A_PDF_of_more_pages_than_the_limit_is_refused()
    {
        var builder = new PdfDocumentBuilder();
        for (var i = 0; i < 5; i++)
        {
            builder.AddPage(PageSize.A4);
        }

        var (result, _) = Import("ke-hoach.pdf", builder.Build(), new ImportLimits { MaxPdfPages = 4 });

        AssertRefused(result, "quá nhiều trang");
    }

    [Fact]
    public void An_import_past_its_time_budget_is_refused_with_a_reason()
    {
        var (result, _) = Import("ke-hoach.md", Encoding.UTF8.GetBytes(TextFormsTest.Markdown()), new ImportLimits { TimeBudget = TimeSpan.Zero });

        AssertRefused(result, "quá nhiều thời gian");
    }

    [Fact]
    public void The_callers_cancellation_stops_an_import()
    {
        var importer = new PlanImporter(new DeadlineParser());
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => importer.Import("ke-hoach.md", Encoding.UTF8.GetBytes(TextFormsTest.Markdown()), cancellationToken: cancelled.Token));
    }
}
