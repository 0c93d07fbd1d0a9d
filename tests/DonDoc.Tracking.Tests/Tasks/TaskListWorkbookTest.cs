using DonDoc.Data.Agencies;
using DonDoc.Data.Storage;
using DonDoc.Tracking.Dashboard;
using DonDoc.Tracking.Tasks;
using DonDoc.Tracking.Tests.Formatting;
using DonDoc.Tracking.Tests.Hosting;
using DonDoc.Tracking.Tests.Reports;
using DonDoc.Tracking.Workflow;
using static DonDoc.Tracking.Tests.Formatting.OpenedWorkbook;

namespace DonDoc.Tracking.Tests.Tasks;

/// <summary>A plan's and an agency's tasks, and the dashboard's tables, as Excel in the consolidated report's layout (issue #17 item 12).</summary>
public sealed class TaskListWorkbookTest
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task A_plans_tasks_workbook_names_the_plan_and_the_day_freezes_its_header_and_writes_deadlines_as_dates()
    {
        await using var app = await TrackingServices.CreateAsync(DatabaseProvider.Sqlite, NovemberPlan.Published);
        var planId = await NovemberPlan.PublishAsync(app);

        var file = await app.InScopeAsync(s => s.GetRequiredService<TaskListWorkbook>().ForPlanAsync(TrackingServices.Office, planId, Ct));

        Assert.Equal($"nhiem-vu-ke-hoach-{planId}-20261203.xlsx", file.FileName);
        using var workbook = new OpenedWorkbook(file.Content);
        Assert.Equal(["Nhiệm vụ"], workbook.Sheets);
        var sheet = workbook.Sheet("Nhiệm vụ");
        var cells = Cells(sheet);
        Assert.Equal("DANH MỤC NHIỆM VỤ VÀ TÌNH HÌNH THỰC HIỆN", Text(cells["A1"]));
        Assert.Equal("Kế hoạch số 41/KH-UBND – Theo dõi, đôn đốc nhiệm vụ trọng tâm năm 2026", Text(cells["A2"]));
        Assert.Equal("Số liệu đến ngày", Text(cells["A3"]));
        Assert.Equal(new DateOnly(2026, 12, 3), workbook.DateOf(cells["B3"]));
        AssertFrozenAboveAndFitted(sheet, firstRow: 6);
        Assert.Equal(["STT", "Số thứ tự trong kế hoạch", "Phần, lĩnh vực", "Nội dung nhiệm vụ"], new[] { "A5", "B5", "C5", "D5" }.Select(r => Text(cells[r])));
        Assert.Equal("Ban hành quy chế phối hợp theo dõi nhiệm vụ", Text(cells["D6"]));
        Assert.Equal(new DateOnly(2026, 10, 15), workbook.DateOf(cells["H6"]));
        Assert.Equal("49", cells["K6"].CellValue!.Text); // 15/10 to 03/12
        Assert.Equal(NovemberPlan.Tasks, sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Count(r => r.RowIndex!.Value >= 6));
        Assert.True(Width(sheet, 4) > 40 && Width(sheet, 1) < 12, $"content {Width(sheet, 4)}, STT {Width(sheet, 1)}");
    }

    [Fact]
    public async Task An_agencys_workbook_has_a_sheet_of_the_tasks_it_leads_and_one_of_those_it_coordinates_and_an_officer_exports_only_their_own()
    {
        await using var app = await TrackingServices.CreateAsync(DatabaseProvider.Sqlite, NovemberPlan.Published);
        await NovemberPlan.PublishAsync(app);
        var noiVu = await AgencyAsync(app, "Sở Nội vụ");
        var taiChinh = await AgencyAsync(app, "Sở Tài chính");

        var own = await app.InScopeAsync(s => s.GetRequiredService<TaskListWorkbook>().ForAgencyAsync(TrackingServices.Officer(noiVu), noiVu, Ct));
        var foreign = await Assert.ThrowsAsync<WorkflowException>(() =>
            app.InScopeAsync(s => s.GetRequiredService<TaskListWorkbook>().ForAgencyAsync(TrackingServices.Officer(taiChinh), noiVu, Ct)));

        Assert.Equal(WorkflowFailure.Forbidden, foreign.Failure);
        using var workbook = new OpenedWorkbook(own.Content);
        Assert.Equal(["Chủ trì", "Phối hợp"], workbook.Sheets);
        var leading = workbook.Sheet("Chủ trì");
        var led = Cells(leading);
        Assert.Equal("NHIỆM VỤ ĐƠN VỊ CHỦ TRÌ", Text(led["A1"]));
        Assert.Equal("Sở Nội vụ", Text(led["A2"]));
        AssertFrozenAboveAndFitted(leading, firstRow: 6);
        Assert.Equal("41/KH-UBND", Text(led["B6"]));
        Assert.Equal(new DateOnly(2026, 10, 15), workbook.DateOf(led["H6"]));
        Assert.Equal("Tổng hợp tình hình thực hiện nhiệm vụ của các đơn vị", Text(led["D7"]));
        Assert.False(led.ContainsKey("A8"));
        var coordinated = Cells(workbook.Sheet("Phối hợp"));
        Assert.Equal("NHIỆM VỤ ĐƠN VỊ PHỐI HỢP", Text(coordinated["A1"]));
        Assert.Equal("Bố trí kinh phí cho hoạt động kiểm tra", Text(coordinated["D6"]));
        Assert.Equal("Sở Tài chính", Text(coordinated["E6"]));
        Assert.Equal(new DateOnly(2026, 11, 20), workbook.DateOf(coordinated["H6"]));
    }

    [Fact]
    public async Task A_dashboard_table_exports_under_a_title_naming_its_plan_with_deadlines_as_dates()
    {
        await using var app = await TrackingServices.CreateAsync(DatabaseProvider.Sqlite, NovemberPlan.Published);
        var planId = await NovemberPlan.PublishAsync(app);

        var table = await app.InScopeAsync(s => s.GetRequiredService<DashboardBuilder>().TableAsync(TrackingServices.Office, planId, "qua-han", DashboardExport.MaxRows, Ct));
        using var workbook = new OpenedWorkbook(DashboardExport.ToXlsx(table, "qua-han"));

        Assert.Equal(["Nhiệm vụ quá hạn"], workbook.Sheets);
        var sheet = workbook.Sheet("Nhiệm vụ quá hạn");
        var cells = Cells(sheet);
        Assert.Equal("NHIỆM VỤ QUÁ HẠN", Text(cells["A1"]));
        Assert.Equal("Kế hoạch số 41/KH-UBND – Theo dõi, đôn đốc nhiệm vụ trọng tâm năm 2026", Text(cells["A2"]));
        Assert.Equal(new DateOnly(2026, 12, 3), workbook.DateOf(cells["B3"]));
        AssertFrozenAboveAndFitted(sheet, firstRow: 6);
        Assert.Equal(new DateOnly(2026, 10, 15), workbook.DateOf(cells["F6"]));
        Assert.Equal(new DateOnly(2026, 11, 20), workbook.DateOf(cells["F7"]));
        Assert.Equal("13", cells["G7"].CellValue!.Text);
    }

    private static async Task<int> AgencyAsync(TrackingServices app, string name) =>
        await app.InScopeAsync(s => s.GetRequiredService<AgencyDirectoryStore>().FindAgencyIdAsync(name, CancellationToken.None)) ?? throw new InvalidOperationException(name);
}
