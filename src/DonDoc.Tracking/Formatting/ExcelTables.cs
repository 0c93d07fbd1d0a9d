using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DonDoc.Tracking.Formatting;

/// <summary>A share written as a percentage cell (0.25 shows as 25,0%).</summary>
public readonly record struct Percent(double Value);

/// <summary>One sheet: a title block (each line a row of values), then one table with its header row.</summary>
public sealed record ExcelSheet(string Name, IReadOnlyList<IReadOnlyList<object?>> Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>
/// Tables as an Excel workbook a person opens and prints: a title block, the header row frozen under it, columns
/// as wide as their contents (long texts wrap), numbers as numbers and dates as real date cells (dd/mm/yyyy).
/// Cells are strings, integers, doubles, <see cref="Percent"/>, <see cref="DateOnly"/> or null.
/// </summary>
public static class ExcelTables
{
    public const uint DateFormatId = 164;
    public const string DateFormat = "dd/mm/yyyy";
    private const uint PercentFormatId = 165;
    private const double MaxWidth = 60;
    private const double MinWidth = 6;

    private enum Look : uint
    {
        Plain = 0,
        Title = 1,
        Header = 2,
        Text = 3,
        Number = 4,
        Date = 5,
        Percent = 6,
        TitleDate = 7,
    }

    public static byte[] ToXlsx(IReadOnlyList<ExcelSheet> sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var list = workbook.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var sheet in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                part.Worksheet = Worksheet(sheet);
                list.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = SheetName(sheet.Name) });
            }
        }

        return stream.ToArray();
    }

    private static string SheetName(string name)
    {
        var clean = new string(name.Select(c => "[]:*?/\\".Contains(c) ? ' ' : c).ToArray()).Trim();
        return clean.Length > 31 ? clean[..31] : clean;
    }

    private static Worksheet Worksheet(ExcelSheet sheet)
    {
        var headerRow = (uint)sheet.Title.Count + (sheet.Title.Count > 0 ? 2u : 1u);
        var columns = Math.Max(sheet.Headers.Count, 1);
        var widths = Enumerable.Range(0, columns).Select(i => Width(i < sheet.Headers.Count ? sheet.Headers[i] : null) + 1).ToArray();
        foreach (var row in sheet.Rows)
        {
            for (var i = 0; i < Math.Min(columns, row.Count); i++)
            {
                widths[i] = Math.Max(widths[i], Width(row[i]));
            }
        }

        var data = new SheetData();
        uint r = 1;
        foreach (var line in sheet.Title)
        {
            var row = new Row { RowIndex = r };
            for (var i = 0; i < line.Count; i++)
            {
                row.Append(CellOf(line[i], i, r, r == 1 ? Look.Title : Look.Plain, title: true));
            }

            data.Append(row);
            r++;
        }

        var header = new Row { RowIndex = headerRow };
        for (var i = 0; i < sheet.Headers.Count; i++)
        {
            header.Append(CellOf(sheet.Headers[i], i, headerRow, Look.Header, title: false));
        }

        data.Append(header);
        r = headerRow + 1;
        foreach (var values in sheet.Rows)
        {
            var row = new Row { RowIndex = r };
            for (var i = 0; i < values.Count; i++)
            {
                row.Append(CellOf(values[i], i, r, Look.Text, title: false));
            }

            data.Append(row);
            r++;
        }

        var pane = new Pane
        {
            VerticalSplit = headerRow,
            TopLeftCell = $"A{headerRow + 1}",
            ActivePane = PaneValues.BottomLeft,
            State = PaneStateValues.Frozen,
        };
        var worksheet = new Worksheet(
            new SheetViews(new SheetView(pane, new Selection { Pane = PaneValues.BottomLeft, ActiveCell = $"A{headerRow + 1}", SequenceOfReferences = new ListValue<StringValue> { InnerText = $"A{headerRow + 1}" } }) { WorkbookViewId = 0 }),
            new SheetFormatProperties { DefaultRowHeight = 15 },
            new Columns(widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = Math.Round(Math.Clamp(w, MinWidth, MaxWidth) + 2, 1), CustomWidth = true })),
            data);
        if (sheet.Rows.Count > 0 && sheet.Headers.Count > 0)
        {
            worksheet.Append(new AutoFilter { Reference = $"A{headerRow}:{Column(sheet.Headers.Count - 1)}{headerRow + (uint)sheet.Rows.Count}" });
        }

        worksheet.Append(new PageMargins { Left = 0.6, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
        worksheet.Append(new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
        return worksheet;
    }

    /// <summary>How many characters wide a value shows.</summary>
    private static double Width(object? value) => value switch
    {
        null => 0,
        DateOnly => 10,
        Percent => 7,
        string text => text.Split('\n').Max(l => l.Length) * 1.05,
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture).Length + 1,
        _ => value.ToString()?.Length ?? 0,
    };

    private static string Column(int index)
    {
        var name = string.Empty;
        for (var i = index + 1; i > 0; i = (i - 1) / 26)
        {
            name = (char)('A' + ((i - 1) % 26)) + name;
        }

        return name;
    }

    private static Cell CellOf(object? value, int column, uint row, Look look, bool title)
    {
        var cell = new Cell { CellReference = Column(column) + row.ToString(CultureInfo.InvariantCulture) };
        switch (value)
        {
            case null:
                cell.StyleIndex = (uint)(title ? Look.Plain : look == Look.Header ? Look.Header : Look.Text);
                return cell;
            case DateOnly date:
                cell.CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture));
                cell.StyleIndex = (uint)(title ? Look.TitleDate : Look.Date);
                return cell;
            case Percent share:
                cell.DataType = CellValues.Number;
                cell.CellValue = new CellValue(share.Value.ToString("R", CultureInfo.InvariantCulture));
                cell.StyleIndex = (uint)Look.Percent;
                return cell;
            case int or long or double or decimal:
                cell.DataType = CellValues.Number;
                cell.CellValue = new CellValue(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture));
                cell.StyleIndex = (uint)(title ? Look.Plain : Look.Number);
                return cell;
            default:
                cell.DataType = CellValues.InlineString;
                cell.InlineString = new InlineString(new Text(value.ToString() ?? string.Empty) { Space = SpaceProcessingModeValues.Preserve });
                cell.StyleIndex = (uint)look;
                return cell;
        }
    }

    private static Stylesheet Stylesheet()
    {
        static Font FontOf(double size, bool bold) => bold
            ? new Font(new Bold(), new FontSize { Val = size }, new FontName { Val = "Times New Roman" })
            : new Font(new FontSize { Val = size }, new FontName { Val = "Times New Roman" });
        var thin = new Border(
            new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder());
        CellFormat Format(uint font, uint fill, uint border, uint numberFormat = 0, bool wrap = false, bool centre = false) => new(
            new Alignment { WrapText = wrap, Vertical = VerticalAlignmentValues.Top, Horizontal = centre ? HorizontalAlignmentValues.Center : null })
        {
            FontId = font, FillId = fill, BorderId = border, NumberFormatId = numberFormat,
            ApplyFont = true, ApplyFill = fill > 0, ApplyBorder = border > 0, ApplyNumberFormat = numberFormat > 0, ApplyAlignment = true,
        };
        return new Stylesheet(
            new NumberingFormats(
                new NumberingFormat { NumberFormatId = DateFormatId, FormatCode = DateFormat },
                new NumberingFormat { NumberFormatId = PercentFormatId, FormatCode = "0.0%" })
            { Count = 2 },
            new Fonts(FontOf(12, false), FontOf(14, true), FontOf(12, true)) { Count = 3 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFD9E2F3" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }))
            { Count = 3 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), thin) { Count = 2 },
            new CellStyleFormats(new CellFormat { FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(
                Format(0, 0, 0),                              // Plain
                Format(1, 0, 0),                              // Title
                Format(2, 2, 1, wrap: true, centre: true),    // Header
                Format(0, 0, 1, wrap: true),                  // Text
                Format(0, 0, 1),                              // Number
                Format(0, 0, 1, DateFormatId, centre: true),  // Date
                Format(0, 0, 1, PercentFormatId),             // Percent
                Format(0, 0, 0, DateFormatId))                // TitleDate
            { Count = 8 },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }
}
