using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DonDoc.Data.Storage;
using DonDoc.Tracking.Formatting;
using DonDoc.Tracking.Reports;
using DonDoc.Tracking.Tests.Hosting;

namespace DonDoc.Tracking.Tests.Reports;

/// <summary>The consolidated report as Excel: a sheet per table, each with the report's title, a frozen header, fitted widths and real dates.</summary>
public sealed class ReportXlsxTest
{
    [Fact]
    public async Task November_workbook_has_titled_sheets_with_frozen_headers_fitted_widths_and_date_cells()
    {
        await using var app = await TrackingServices.CreateAsync(DatabaseProvider.Sqlite, NovemberPlan.Published);
        var report = await NovemberPlan.ReportAsync(app, await NovemberPlan.PublishAsync(app));

        using var workbook = SpreadsheetDocument.Open(new MemoryStream(ReportXlsx.ToXlsx(report)), false);
        var part = workbook.WorkbookPart!;
        var sheets = part.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["Tổng hợp", "Theo phần", "Theo cơ quan", "Nhiệm vụ", "Quá hạn"], sheets.Select(s => s.Name!.Value));
        var dateStyles = DateStyles(part);

        foreach (var sheet in sheets)
        {
            var worksheet = ((WorksheetPart)part.GetPartById(sheet.Id!)).Worksheet;
            var cells = worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
            Assert.Equal("BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH SỐ 41/KH-UBND THÁNG 11/2026", Text(cells["A1"]));
            Assert.Equal("Kỳ báo cáo: tháng 11/2026 (2026-11)", Text(cells["A3"]));
            Assert.Equal("Số liệu đến ngày", Text(cells["A4"]));
            Assert.Equal(new DateOnly(2026, 11, 30), DateOf(cells["B4"], dateStyles));
            var pane = worksheet.Descendants<Pane>().Single();
            Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
            Assert.Equal(7, pane.VerticalSplit!.Value);
            Assert.Equal("A8", pane.TopLeftCell!.Value);
            Assert.All(worksheet.Descendants<Column>(), c => Assert.True(c.CustomWidth!.Value && c.Width!.Value is >= 8 and <= 62));
        }

        var tasks = ((WorksheetPart)part.GetPartById(sheets[3].Id!)).Worksheet;
        var taskCells = tasks.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
        Assert.Equal(["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời hạn"], new[] { "A7", "B7", "C7", "D7" }.Select(r => Text(taskCells[r])));
        Assert.Equal(new DateOnly(2026, 10, 15), DateOf(taskCells["D8"], dateStyles));
        Assert.Equal(NovemberPlan.Tasks + 7, tasks.Descendants<Row>().Count() + 1); // 5 title rows, a blank one, the header, the tasks
        var content = tasks.Descendants<Column>().Single(c => c.Min!.Value == 2).Width!.Value;
        var number = tasks.Descendants<Column>().Single(c => c.Min!.Value == 1).Width!.Value;
        Assert.True(content > 40 && number < 12, $"content {content}, STT {number}");

        var overdue = ((WorksheetPart)part.GetPartById(sheets[4].Id!)).Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
        Assert.Equal("46", overdue["F8"].CellValue!.Text);
        Assert.Equal(CellValues.Number, overdue["F8"].DataType!.Value);
        Assert.Equal("10", overdue["F9"].CellValue!.Text);
    }

    private static HashSet<uint> DateStyles(WorkbookPart part) =>
        part.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>()
            .Select((f, i) => (f, i)).Where(x => x.f.NumberFormatId?.Value == ExcelTables.DateFormatId).Select(x => (uint)x.i).ToHashSet();

    private static DateOnly DateOf(Cell cell, HashSet<uint> dateStyles)
    {
        Assert.Contains(cell.StyleIndex!.Value, dateStyles);
        Assert.True(cell.DataType is null || cell.DataType.Value == CellValues.Number);
        return DateOnly.FromDateTime(DateTime.FromOADate(double.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static string Text(Cell cell) => cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? string.Empty;
}
