using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace DonDoc.Import.Tests.Reading;

/// <summary>Word and Excel files written in code for the tests, and zips made by hand where a test needs a broken or hostile package.</summary>
internal static class OfficeFiles
{
    public static byte[] Docx(params DocumentFormat.OpenXml.OpenXmlElement[] blocks)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new W.Document(new W.Body(blocks));
        }

        return stream.ToArray();
    }

    public static W.Paragraph Paragraph(string text) => new(new W.Run(new W.Text(text)));

    public static W.Table Table(params W.TableRow[] rows) => new(rows);

    public static W.TableRow Row(params W.TableCell[] cells) => new(cells);

    public static W.TableCell Cell(string text, int gridSpan = 1, W.MergedCellValues? merge = null)
    {
        var properties = new W.TableCellProperties();
        if (gridSpan > 1)
        {
            properties.Append(new W.GridSpan { Val = gridSpan });
        }

        if (merge is { } value)
        {
            properties.Append(new W.VerticalMerge { Val = value });
        }

        return new W.TableCell(properties, Paragraph(text));
    }

    /// <summary>A sheet of inline-string cells by reference ("A1" → text), with merged ranges ("B5:F5").</summary>
    public static byte[] Xlsx(IEnumerable<(string Reference, string Text)> cells, params string[] merges)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            foreach (var group in cells.GroupBy(c => uint.Parse(new string(c.Reference.SkipWhile(char.IsLetter).ToArray()))).OrderBy(g => g.Key))
            {
                var row = new Row { RowIndex = group.Key };
                foreach (var (reference, text) in group)
                {
                    row.Append(new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) });
                }

                data.Append(row);
            }

            sheetPart.Worksheet = merges.Length == 0
                ? new Worksheet(data)
                : new Worksheet(data, new MergeCells(merges.Select(m => new MergeCell { Reference = m })));
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Phụ lục" }));
        }

        return stream.ToArray();
    }

    /// <summary>Rows of cells as an Excel sheet, from A1 down.</summary>
    public static byte[] Xlsx(IEnumerable<string[]> rows, params string[] merges) =>
        Xlsx(rows.SelectMany((row, r) => row.Select((text, c) => ($"{(char)('A' + c)}{r + 1}", text)).Where(x => x.text.Length > 0)), merges);

    /// <summary>A workbook of several sheets of rows (from A1 down), in order; a hidden sheet is in the file but not shown.</summary>
    public static byte[] XlsxSheets(params (string Name, string[][] Rows, bool Hidden)[] sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var list = workbook.Workbook.AppendChild(new Sheets());
            for (var i = 0; i < sheets.Length; i++)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                for (var r = 0; r < sheets[i].Rows.Length; r++)
                {
                    var row = new Row { RowIndex = (uint)(r + 1) };
                    for (var c = 0; c < sheets[i].Rows[r].Length; c++)
                    {
                        row.Append(new Cell { CellReference = $"{(char)('A' + c)}{r + 1}", DataType = CellValues.InlineString, InlineString = new InlineString(new Text(sheets[i].Rows[r][c])) });
                    }

                    data.Append(row);
                }

                part.Worksheet = new Worksheet(data);
                list.Append(new Sheet
                {
                    Id = workbook.GetIdOfPart(part), SheetId = (uint)(i + 1), Name = sheets[i].Name,
                    State = sheets[i].Hidden ? SheetStateValues.Hidden : null,
                });
            }
        }

        return stream.ToArray();
    }

    /// <summary>A zip of the given parts, each deflated.</summary>
    public static byte[] Zip(params (string Name, byte[] Content)[] parts)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in parts)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                entry.Write(content);
            }
        }

        return stream.ToArray();
    }

    /// <summary>The smallest parts of a Word package around a document.xml given as text.</summary>
    public static byte[] DocxWithDocumentXml(string documentXml) => Zip(
        ("[Content_Types].xml", Encoding.UTF8.GetBytes("""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""")),
        ("_rels/.rels", Encoding.UTF8.GetBytes("""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""")),
        ("word/document.xml", Encoding.UTF8.GetBytes(documentXml)));

    public const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
}
