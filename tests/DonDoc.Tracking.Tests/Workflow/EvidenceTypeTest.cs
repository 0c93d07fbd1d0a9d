using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DonDoc.Web.Tests.Tracking;
using DonDoc.Tracking.Workflow;
using Spreadsheet = DocumentFormat.OpenXml.Spreadsheet;
using Wordprocessing = DocumentFormat.OpenXml.Wordprocessing;

namespace DonDoc.Tracking.Tests.Workflow;

/// <summary>Evidence types are read from the bytes, never from the name; an Office file must be a real one, and small when unpacked.</summary>
public sealed class EvidenceTypeTest
{
    private static byte[] Zip(params string[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
                writer.Write("<x/>");
            }
        }

        return buffer.ToArray();
    }

    private static byte[] Docx()
    {
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Wordprocessing.Document(new Wordprocessing.Body(
                new Wordprocessing.Paragraph(new Wordprocessing.Run(new Wordprocessing.Text("Biên bản kiểm tra")))));
        }

        return buffer.ToArray();
    }

    private static byte[] Xlsx()
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Spreadsheet.Workbook();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Spreadsheet.Worksheet(new Spreadsheet.SheetData());
            workbook.Workbook.AppendChild(new Spreadsheet.Sheets(new Spreadsheet.Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Tổng hợp" }));
        }

        return buffer.ToArray();
    }

    /// <summary>A real .docx whose document part is replaced by <paramref name="megabytes"/> MB of NUL bytes: a zip bomb.</summary>
    private static byte[] DocxOfNuls(int megabytes)
    {
        using var buffer = new MemoryStream();
        buffer.Write(Docx());
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry("word/document.xml")!.Delete();
            using var part = zip.CreateEntry("word/document.xml", CompressionLevel.Optimal).Open();
            var nuls = new byte[1024 * 1024];
            for (var i = 0; i < megabytes; i++)
            {
                part.Write(nuls);
            }
        }

        return buffer.ToArray();
    }

    public static TheoryData<string, byte[], string?> Files => new()
    {
        { "pdf", Evidence.Pdf("x"), "pdf" },
        { "png", Evidence.Png, "png" },
        { "jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F'], "jpg" },
        { "docx", Docx(), "docx" },
        { "xlsx", Xlsx(), "xlsx" },
        { "a zip holding only word/document.xml", Zip("word/document.xml"), null },
        { "a zip with parts named like a docx but no types or relationships", Zip("[Content_Types].xml", "word/document.xml"), null },
        { "a zip with parts named like an xlsx but no types or relationships", Zip("[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"), null },
        { "a zip of something else", Zip("readme.txt"), null },
        { "a truncated zip", [(byte)'P', (byte)'K', 3, 4, 0, 0], null },
        { "an executable", "MZ\u0090\u0000"u8.ToArray(), null },
        { "plain text", "Báo cáo"u8.ToArray(), null },
        { "empty", [], null },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void The_type_of_an_evidence_file_is_found_in_its_content(string what, byte[] content, string? type)
    {
        Assert.True(type == EvidenceStore.Sniff(content), what);
    }

    [Fact]
    public void A_small_docx_that_unpacks_to_a_gigabyte_of_NULs_is_refused_before_it_is_stored()
    {
        var bomb = DocxOfNuls(1024);
        Assert.True(bomb.Length < 2 * 1024 * 1024, $"the bomb is {bomb.Length} bytes");
        var store = new EvidenceStore(new EvidenceStorageOptions(Path.Combine(Path.GetTempPath(), "dondoc-tests", Guid.NewGuid().ToString("N")), 20 * 1024 * 1024),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<EvidenceStore>.Instance);

        var refusal = Assert.Throws<WorkflowException>(() => store.Check([new UploadedFile("bien-ban.docx", bomb)]));

        Assert.Contains("zip bomb", refusal.Vietnamese, StringComparison.Ordinal);
        Assert.Equal("docx", Assert.Single(store.Check([new UploadedFile("bien-ban.docx", Docx())])).Type);
    }
}
