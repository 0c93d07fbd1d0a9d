using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DonDoc.Web.Tests.Hosting;
using static DonDoc.Web.Tests.Hosting.PlanFixture;

namespace DonDoc.Web.Tests.Tracking;

/// <summary>The plan page and the agency page download their tasks as Excel (issue #17 item 12).</summary>
public sealed class TaskExportPageTest
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Fact]
    public async Task The_plan_page_and_the_agency_page_download_their_tasks_and_an_officer_gets_no_other_agencys()
    {
        await using var plan = await PlanFixture.StartAsync();
        using var office = await plan.App.BrowserClientAsync(Office);
        using var noiVu = await plan.App.BrowserClientAsync(NoiVu);
        var taiChinhId = plan.Tasks.First(t => t.GetProperty("leadAgency").GetString() == "Sở Tài chính").GetProperty("leadAgencyId").GetInt32();

        var planPage = await office.GetStringAsync($"/Plans/{plan.PlanId}");
        var planFile = await office.GetAsync($"/Plans/{plan.PlanId}?handler=Tasks");
        var agencyPage = await noiVu.GetStringAsync("/DonVi");
        var ownFile = await noiVu.GetAsync("/DonVi?handler=Export");
        var foreignFile = await noiVu.GetAsync($"/DonVi?handler=Export&agency={taiChinhId}");
        var officeFile = await office.GetAsync($"/DonVi?handler=Export&agency={taiChinhId}");
        var dashboard = await office.GetStringAsync("/Dashboard");

        Assert.Contains($"href=\"/Plans/{plan.PlanId}?handler=Tasks\"", planPage, StringComparison.Ordinal);
        Assert.Contains("href=\"/DonVi?handler=Export\"", agencyPage, StringComparison.Ordinal);
        Assert.Contains($"/DonVi?handler=Export&amp;agency={taiChinhId}", dashboard, StringComparison.Ordinal);
        Assert.Equal(Xlsx, planFile.Content.Headers.ContentType!.MediaType);
        var planSheets = Sheets(await planFile.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Nhiệm vụ"], planSheets.Keys);
        Assert.Contains("Kế hoạch số 77/KH-UBND – Kế hoạch cải cách hành chính năm 2026", planSheets["Nhiệm vụ"], StringComparison.Ordinal);
        Assert.Contains("Rà soát thủ tục hành chính", planSheets["Nhiệm vụ"], StringComparison.Ordinal);
        var ownSheets = Sheets(await ownFile.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Chủ trì", "Phối hợp"], ownSheets.Keys);
        Assert.Contains("Rà soát thủ tục hành chính", ownSheets["Chủ trì"], StringComparison.Ordinal);
        Assert.Contains("Số hóa hồ sơ", ownSheets["Phối hợp"], StringComparison.Ordinal);
        Assert.DoesNotContain("Số hóa hồ sơ", ownSheets["Chủ trì"], StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, foreignFile.StatusCode);
        Assert.NotEqual(Xlsx, foreignFile.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Số hóa hồ sơ", Sheets(await officeFile.Content.ReadAsByteArrayAsync())["Chủ trì"], StringComparison.Ordinal);
    }

    /// <summary>Each sheet's name and the text of its cells.</summary>
    private static Dictionary<string, string> Sheets(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var part = document.WorkbookPart!;
        return part.Workbook.Sheets!.Elements<Sheet>().ToDictionary(
            s => s.Name!.Value!,
            s => string.Join("\n", ((WorksheetPart)part.GetPartById(s.Id!)).Worksheet.Descendants<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text)));
    }
}
