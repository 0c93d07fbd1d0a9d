using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DonDoc.Import.Reading;

/// <summary>
/// Reads a Word document: paragraphs become text lines, every table row a row of cells, in document
/// order (several tables included). A cell spanning columns fills the first of them; the rows under a
/// vertically merged cell carry it empty, as a continuation.
/// </summary>
public sealed class DocxReader
{
    public ReadResult Read(string fileName, byte[] content)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var document = WordprocessingDocument.Open(stream, isEditable: false);
            var body = document.MainDocumentPart?.Document?.Body;
            if (body is null)
            {
                return ReadResult.Fail("tệp Word không có nội dung", "the Word document has no body");
            }

            var lines = new List<SourceLine>();
            foreach (var element in body.ChildElements)
            {
                switch (element)
                {
                    case Paragraph paragraph:
                        lines.Add(new SourceLine(lines.Count + 1, ParagraphText(paragraph), null));
                        break;
                    case Table table:
                        ReadTable(table, lines);
                        break;
                }
            }

            return ReadResult.Ok(new SourceDocument(fileName, lines));
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException)
        {
            return ReadResult.Fail("tệp Word bị hỏng, bị cắt dở hoặc được đặt mật khẩu", $"cannot open the Word document: {ex.Message}");
        }
    }

    private static void ReadTable(Table table, List<SourceLine> lines)
    {
        foreach (var row in table.Elements<TableRow>())
        {
            var cells = new List<string>();
            foreach (var cell in row.Elements<TableCell>())
            {
                var properties = cell.TableCellProperties;
                var continued = properties?.VerticalMerge is { } merge && (merge.Val is null || merge.Val.Value == MergedCellValues.Continue);
                cells.Add(continued ? string.Empty : string.Join(" ", cell.Elements<Paragraph>().Select(ParagraphText).Where(t => t.Length > 0)));
                var span = properties?.GridSpan?.Val?.Value ?? 1;
                for (var extra = 1; extra < span; extra++)
                {
                    cells.Add(string.Empty);
                }
            }

            lines.Add(new SourceLine(lines.Count + 1, string.Join("\t", cells), cells));
        }
    }

    private static string ParagraphText(Paragraph paragraph) =>
        string.Concat(paragraph.Descendants().Select(e => e switch
        {
            Text text => text.Text,
            TabChar => " ",
            Break => " ",
            _ => string.Empty,
        }));
}
