using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DonDoc.Import.Reading;

/// <summary>
/// Reads an Excel workbook: every visible sheet in order (a cover sheet, then one appendix per sheet: "Phụ lục 1",
/// "Phụ lục 2", …; the extractor keeps the tables whose header names tasks, as it does for a Word file's tables),
/// every row a row of cells by column letter. A merged range's value is
/// copied into every cell it covers, marked as merged from above (rows below its first) or from the left
/// (the rest of its first row); each sheet is a table of its own. Dates stored as serial numbers print as dd/mm/yyyy. Rows are streamed, so a large
/// sheet is never held whole; references beyond Excel's own grid are refused.
/// </summary>
public sealed class XlsxReader
{
    /// <summary>Excel's grid: columns A to XFD, rows 1 to 1,048,576.</summary>
    private const int ExcelColumns = 16_384;
    private const int ExcelRows = 1_048_576;

    public ReadResult Read(string fileName, byte[] content) => Read(fileName, content, ReadBudget.WithDefaults());

    public ReadResult Read(string fileName, byte[] content, ReadBudget budget)
    {
        OfficePackage.CheckSize(content, budget.Limits);
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var document = SpreadsheetDocument.Open(stream, isEditable: false);
            var workbook = document.WorkbookPart;
            var sheets = workbook?.Workbook?.Sheets?.Elements<Sheet>()
                .Where(s => s.State?.Value != SheetStateValues.Hidden && s.State?.Value != SheetStateValues.VeryHidden && s.Id?.Value is not null)
                .ToList() ?? [];
            if (workbook is null || sheets.Count == 0)
            {
                return ReadResult.Fail("tệp Excel không có trang tính nào", "the workbook has no sheet");
            }

            var shared = SharedStrings(workbook, budget);
            var dates = DateStyles(workbook);
            var lines = new List<SourceLine>();
            var table = 0;
            foreach (var sheet in sheets)
            {
                if (workbook.GetPartById(sheet.Id!.Value!) is not WorksheetPart part)
                {
                    continue;
                }

                lines.AddRange(ReadSheet(part, shared, dates, budget, table++));
            }

            return ReadResult.Ok(new SourceDocument(fileName, lines));
        }
        catch (Exception ex) when (OfficePackage.IsBrokenFile(ex))
        {
            return ReadResult.Fail("tệp Excel bị hỏng, bị cắt dở hoặc được đặt mật khẩu", $"cannot open the workbook: {ex.GetType().Name}: {ex.Message}");
        }
    }

    private static List<string> SharedStrings(WorkbookPart workbook, ReadBudget budget)
    {
        var strings = new List<string>();
        if (workbook.SharedStringTablePart is not { } part)
        {
            return strings;
        }

        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                var item = (SharedStringItem)reader.LoadCurrentElement()!;
                // Phonetic guides (rPh) are not part of the cell's text.
                strings.Add(item.Text?.Text ?? string.Concat(item.Elements<Run>().Select(r => r.Text?.Text)));
                if (strings.Count % 4096 == 0)
                {
                    budget.ThrowIfCancelled();
                }
            }
        }

        return strings;
    }

    /// <summary>The cell formats (by style index) that show a number as a date.</summary>
    private static HashSet<uint> DateStyles(WorkbookPart workbook)
    {
        var styles = new HashSet<uint>();
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        if (stylesheet?.CellFormats is not { } formats)
        {
            return styles;
        }

        var custom = stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode?.Value ?? string.Empty) ?? [];
        uint index = 0;
        foreach (var format in formats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            var isDate = id is (>= 14 and <= 22) or (>= 45 and <= 47)
                || (custom.TryGetValue(id, out var code) && IsDateFormat(code));
            if (isDate)
            {
                styles.Add(index);
            }

            index++;
        }

        return styles;
    }

    /// <summary>A number format that shows days, months or years ("dd/mm/yyyy"), outside quoted text and colours.</summary>
    private static bool IsDateFormat(string code)
    {
        var quoted = false;
        var bracket = false;
        foreach (var c in code)
        {
            switch (c)
            {
                case '"':
                    quoted = !quoted;
                    break;
                case '[':
                    bracket = true;
                    break;
                case ']':
                    bracket = false;
                    break;
                default:
                    if (!quoted && !bracket && char.ToLowerInvariant(c) is 'd' or 'y')
                    {
                        return true;
                    }

                    break;
            }
        }

        return false;
    }

    private static List<SourceLine> ReadSheet(WorksheetPart part, List<string> shared, HashSet<uint> dates, ReadBudget budget, int table)
    {
        var rows = new List<(int Number, SortedDictionary<int, string> Cells)>();
        var merges = new List<(int Top, int Left, int Bottom, int Right)>();
        using (var reader = OpenXmlReader.Create(part))
        {
            while (reader.Read())
            {
                if (!reader.IsStartElement)
                {
                    continue;
                }

                if (reader.ElementType == typeof(Row))
                {
                    var row = (Row)reader.LoadCurrentElement()!;
                    var number = row.RowIndex?.Value is { } index ? (int)Math.Min(index, int.MaxValue) : (rows.Count == 0 ? 1 : rows[^1].Number + 1);
                    if (number < 1 || number > ExcelRows)
                    {
                        throw Malformed($"row {number}");
                    }

                    var cells = new SortedDictionary<int, string>();
                    var next = 0;
                    foreach (var cell in row.Elements<Cell>())
                    {
                        var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : next;
                        next = column + 1;
                        var value = CellValue(cell, shared, dates);
                        if (value.Length == 0)
                        {
                            continue;
                        }

                        budget.CheckColumns(column + 1);
                        cells[column] = value;
                    }

                    budget.AddCells(cells.Count);
                    rows.Add((number, cells));
                    if (rows.Count % 512 == 0)
                    {
                        budget.ThrowIfCancelled();
                    }
                }
                else if (reader.ElementType == typeof(MergeCell))
                {
                    var merge = (MergeCell)reader.LoadCurrentElement()!;
                    if (merge.Reference?.Value is { } range && Range(range) is { } area)
                    {
                        merges.Add(area);
                    }
                }
            }
        }

        return Lines(rows, merges, budget, table);
    }

    /// <summary>The rows as source lines, each merged range's value copied into the existing rows it covers.</summary>
    private static List<SourceLine> Lines(List<(int Number, SortedDictionary<int, string> Cells)> rows, List<(int Top, int Left, int Bottom, int Right)> merges, ReadBudget budget, int table)
    {
        rows.Sort((a, b) => a.Number.CompareTo(b.Number));
        var numbers = rows.Select(r => r.Number).ToArray();
        var origins = new Dictionary<(int Row, int Column), CellOrigin>();
        foreach (var (top, left, bottom, right) in merges)
        {
            var first = Array.BinarySearch(numbers, top);
            if (first < 0)
            {
                continue;
            }

            var value = rows[first].Cells.GetValueOrDefault(left, string.Empty);
            var lastColumn = Math.Min(right, budget.Limits.MaxColumns - 1);
            for (var r = first; r < rows.Count && rows[r].Number <= bottom; r++)
            {
                for (var c = left; c <= lastColumn; c++)
                {
                    if (r == first && c == left)
                    {
                        continue;
                    }

                    var origin = r == first ? CellOrigin.MergedFromLeft : CellOrigin.MergedFromAbove;
                    origins[(r, c)] = origin;
                    rows[r].Cells[c] = value;
                    budget.AddCells(1);
                }
            }
        }

        var lines = new List<SourceLine>(rows.Count);
        for (var r = 0; r < rows.Count; r++)
        {
            var cells = rows[r].Cells;
            var width = cells.Count == 0 ? 0 : cells.Keys.Max() + 1;
            var texts = new string[width];
            CellOrigin[]? rowOrigins = null;
            for (var c = 0; c < width; c++)
            {
                texts[c] = cells.GetValueOrDefault(c, string.Empty);
                if (origins.TryGetValue((r, c), out var origin))
                {
                    rowOrigins ??= new CellOrigin[width];
                    rowOrigins[c] = origin;
                }
            }

            lines.Add(new SourceLine(rows[r].Number, string.Join("\t", texts), texts) { Origins = rowOrigins, Table = table });
        }

        return lines;
    }

    private static string CellValue(Cell cell, List<string> shared, HashSet<uint> dates)
    {
        var text = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) && index >= 0 && index < shared.Count ? shared[index] : string.Empty;
        }

        if (type == CellValues.InlineString)
        {
            return cell.InlineString?.Text?.Text ?? string.Concat(cell.InlineString?.Elements<Run>().Select(r => r.Text?.Text) ?? []);
        }

        if ((type is null || type == CellValues.Number) && cell.StyleIndex?.Value is { } style && dates.Contains(style)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= 1 and < 2958466)
        {
            return DateTime.FromOADate(serial).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        }

        return text ?? string.Empty;
    }

    /// <summary>"C7" → 2; a reference beyond column XFD is refused as malformed.</summary>
    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
            {
                break;
            }

            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
            if (index > ExcelColumns)
            {
                throw Malformed($"cell {reference}");
            }
        }

        return Math.Max(0, index - 1);
    }

    /// <summary>"B5:F7" → rows 5–7, columns 1–5.</summary>
    private static (int Top, int Left, int Bottom, int Right)? Range(string range)
    {
        var parts = range.Split(':');
        if (parts.Length != 2)
        {
            return null;
        }

        var (left, top) = (ColumnIndex(parts[0]), RowNumber(parts[0]));
        var (right, bottom) = (ColumnIndex(parts[1]), RowNumber(parts[1]));
        return top is null || bottom is null || bottom < top || right < left ? null : (top.Value, left, bottom.Value, right);
    }

    private static int? RowNumber(string reference)
    {
        var digits = reference.SkipWhile(char.IsAsciiLetter).ToArray();
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var row) && row is >= 1 and <= ExcelRows ? row : null;
    }

    private static ReadRefusedException Malformed(string what) => ReadRefusedException.Because(
        $"tệp Excel không hợp lệ: tham chiếu ô vượt ngoài giới hạn của Excel ({what})",
        $"the workbook names {what}, beyond Excel's grid");
}
