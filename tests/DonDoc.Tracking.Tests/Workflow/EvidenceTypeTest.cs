using System.IO.Compression;
using DonDoc.Web.Tests.Tracking;
using DonDoc.Tracking.Workflow;

namespace DonDoc.Tracking.Tests.Workflow;

/// <summary>Evidence types are read from the bytes, never from the name.</summary>
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

    public static TheoryData<string, byte[], string?> Files => new()
    {
        { "pdf", Evidence.Pdf("x"), "pdf" },
        { "png", Evidence.Png, "png" },
        { "jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F'], "jpg" },
        { "docx", Zip("[Content_Types].xml", "word/document.xml"), "docx" },
        { "xlsx", Zip("[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"), "xlsx" },
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
}
