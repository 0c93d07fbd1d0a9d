using System.Text;
using DonDoc.Import.Reading;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Writer;

namespace DonDoc.Import.Tests.Reading;

/// <summary>A file's kind comes from what it holds; its name only decides when the content leaves it open.</summary>
public sealed class FileKindTest
{
    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static TheoryData<string, string, FileKind> Files => new()
    {
        { "ke-hoach.zip", "docx", FileKind.Docx },
        { "ke-hoach.docx", "xlsx", FileKind.Xlsx },
        { "ke-hoach", "docx", FileKind.Docx },
        { "ke-hoach.txt", "html", FileKind.Html },
        { "ke-hoach.doc", "html", FileKind.Html },
        { "ke-hoach.html", "html fragment", FileKind.Html },
        { "ke-hoach.txt", "tsv", FileKind.Text },
        { "ke-hoach.md", "markdown", FileKind.Text },
        { "ke-hoach.txt", "markdown with a br tag", FileKind.Text },
        { "ke-hoach.txt", "utf-16 without a mark", FileKind.Text },
        { "ke-hoach.bin", "pdf", FileKind.Pdf },
        { "ke-hoach.docx", "plain text", FileKind.BrokenOffice },
        { "ke-hoach.doc", "ole", FileKind.LegacyOffice },
        { "ke-hoach.txt", "png", FileKind.Image },
        { "ke-hoach.odt", "plain text", FileKind.Unknown },
        { "ke-hoach.txt", "zip of other files", FileKind.OtherZip },
        { "ke-hoach.txt", "a zip cut short", FileKind.Binary },
        { "ke-hoach.rtf", "rtf", FileKind.Rtf },
        { "ke-hoach.txt", "nothing", FileKind.Empty },
    };

    private static byte[] Content(string what) => what switch
    {
        "docx" => OfficeFiles.Docx(OfficeFiles.Paragraph("KẾ HOẠCH")),
        "xlsx" => OfficeFiles.Xlsx([["KẾ HOẠCH"]]),
        "html" => Utf8("<!DOCTYPE html>\n<html><body><p>KẾ HOẠCH</p></body></html>"),
        "html fragment" => Utf8("<p>KẾ HOẠCH</p><table><tr><td>1</td></tr></table>"),
        "tsv" => Utf8("STT\tNội dung\tCơ quan chủ trì\n1\tRà soát\tSở Nội vụ\n"),
        "markdown" => Utf8("# KẾ HOẠCH\n\n| STT | Nội dung |\n|---|---|\n| 1 | Rà soát |\n"),
        "markdown with a br tag" => Utf8("| STT | Nội dung |\n|---|---|\n| 1 | Rà soát<br>văn bản |\n"),
        "utf-16 without a mark" => Encoding.Unicode.GetBytes("STT\tNội dung công việc\tCơ quan chủ trì\n1\tRà soát văn bản\tSở Tư pháp\n"),
        "pdf" => OnePagePdf(),
        "plain text" => Utf8("A"),
        "ole" => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0],
        "png" => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0],
        "zip of other files" => OfficeFiles.Zip(("anh.jpg", [1, 2, 3]), ("ghi-chu.txt", Utf8("xin chào"))),
        "a zip cut short" => [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF],
        "rtf" => Utf8("{\\rtf1\\ansi KẾ HOẠCH}"),
        "nothing" => [],
        _ => throw new ArgumentOutOfRangeException(nameof(what)),
    };

    private static byte[] OnePagePdf()
    {
        var builder = new PdfDocumentBuilder();
        builder.AddPage(PageSize.A4);
        return builder.Build();
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void A_file_is_known_by_its_content(string name, string content, FileKind kind) =>
        Assert.Equal(kind, FileKindDetector.Detect(name, Content(content)));
}
