using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DonDoc.Import.Reading;

/// <summary>
/// Reads the first sheet of an Excel workbook: every row a row of cells by column letter. A merged range
/// keeps its value in its first cell; the cells it covers are empty, as continuations.
/// </summary>
public sealed class XlsxReader
{
    public ReadResult Read(string fileName, byte[] content)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var document = SpreadsheetDocument.Open(stream, isEditable: false);
            var workbook = document.WorkbookPart;
            var firstSheet = workbook?.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault();
            if (workbook is null || firstSheet?.Id?.Value is not { } id)
            {
                return ReadResult.Fail("tệp Excel không có trang tính nào", "the workbook has no sheet");
            }

            var sheet = (WorksheetPart)workbook.GetPartById(id);
            var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
            var lines = new List<SourceLine>();
            foreach (var row in sheet.Worksheet?.Descendants<Row>() ?? [])
            {
                var cells = new List<string>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                    while (cells.Count < column)
                    {
                        cells.Add(string.Empty);
                    }

                    cells.Add(CellValue(cell, shared));
                }

                var number = (int)(row.RowIndex?.Value ?? (uint)(lines.Count + 1));
                lines.Add(new SourceLine(number, string.Join("\t", cells), cells));
            }

            return ReadResult.Ok(new SourceDocument(fileName, lines));
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException or InvalidOperationException)
        {
            return ReadResult.Fail("tệp Excel bị hỏng, bị cắt dở hoặc được đặt mật khẩu", $"cannot open the workbook: {ex.Message}");
        }
    }

    private static string CellValue(Cell cell, List<string> shared)
    {
        if (cell.DataType?.Value == CellValues.SharedString && int.TryParse(cell.CellValue?.Text, out var index) && index >= 0 && index < shared.Count)
        {
            return shared[index];
        }

        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? string.Empty;
        }

        return cell.CellValue?.Text ?? string.Empty;
    }

    /// <summary>"C7" → 2.</summary>
    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter))
        {
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return index - 1;
    }
}
