using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DonDoc.Tracking.Formatting;

namespace DonDoc.Tracking.Tests.Formatting;

/// <summary>A workbook <see cref="ExcelTables"/> wrote, opened with the Open XML SDK as Excel reads it: its sheets by name, their cells, panes and columns.</summary>
public sealed class OpenedWorkbook : IDisposable
{
    private readonly SpreadsheetDocument _document;
    private readonly HashSet<uint> _dateStyles;

    public OpenedWorkbook(byte[] xlsx)
    {
        _document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var part = _document.WorkbookPart!;
        Sheets = part.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();
        _dateStyles = part.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>()
            .Select((f, i) => (f, i)).Where(x => x.f.NumberFormatId?.Value == ExcelTables.DateFormatId).Select(x => (uint)x.i).ToHashSet();
    }

    public IReadOnlyList<string> Sheets { get; }

    public Worksheet Sheet(string name)
    {
        var part = _document.WorkbookPart!;
        var sheet = part.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name!.Value == name);
        return ((WorksheetPart)part.GetPartById(sheet.Id!)).Worksheet;
    }

    public static IReadOnlyDictionary<string, Cell> Cells(Worksheet sheet) => sheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);

    public static string Text(Cell cell) => cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? string.Empty;

    /// <summary>The date a cell holds, asserting it is a number styled as a date (dd/mm/yyyy), not a text that looks like one.</summary>
    public DateOnly DateOf(Cell cell)
    {
        Assert.Contains(cell.StyleIndex!.Value, _dateStyles);
        Assert.True(cell.DataType is null || cell.DataType.Value == CellValues.Number);
        return DateOnly.FromDateTime(DateTime.FromOADate(double.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)));
    }

    /// <summary>Asserts the rows above <paramref name="firstRow"/> are frozen and every column has a width set between the bounds.</summary>
    public static void AssertFrozenAboveAndFitted(Worksheet sheet, int firstRow)
    {
        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(firstRow - 1, pane.VerticalSplit!.Value);
        Assert.Equal($"A{firstRow}", pane.TopLeftCell!.Value);
        Assert.All(sheet.Descendants<Column>(), c => Assert.True(c.CustomWidth!.Value && c.Width!.Value is >= 8 and <= 62, $"column {c.Min} width {c.Width}"));
    }

    public static double Width(Worksheet sheet, int column) => sheet.Descendants<Column>().Single(c => c.Min!.Value == column).Width!.Value;

    public void Dispose() => _document.Dispose();
}
