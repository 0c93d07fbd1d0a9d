using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DonDoc.Web.Tests.Hosting;
using static DonDoc.Web.Tests.Hosting.PlanFixture;

namespace DonDoc.Web.Tests.Reports;

/// <summary>The consolidated report of a period, downloaded through the API and from the plan page, by those who read every plan.</summary>
public sealed class ConsolidatedReportDownloadTest
{
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Fact]
    public async Task The_office_and_a_leader_download_the_periods_report_and_an_agency_officer_is_refused()
    {
        await using var plan = await PlanFixture.StartAsync();
        using var office = await plan.App.ApiClientAsync(Office);
        using var leader = await plan.App.ApiClientAsync(Leader);
        using var noiVu = await plan.App.ApiClientAsync(NoiVu);

        var word = await office.GetAsync($"/api/plans/{plan.PlanId}/reports/2026-11");
        var excel = await leader.GetAsync($"/api/plans/{plan.PlanId}/reports/2026-Q4?format=xlsx");
        var refused = await noiVu.GetAsync($"/api/plans/{plan.PlanId}/reports/2026-11");
        var badPeriod = await office.GetAsync($"/api/plans/{plan.PlanId}/reports/2026-13");
        var badFormat = await office.GetAsync($"/api/plans/{plan.PlanId}/reports/2026-11?format=pdf");
        var missing = await office.GetAsync("/api/plans/999999/reports/2026-11");

        Assert.Equal(HttpStatusCode.OK, word.StatusCode);
        Assert.Equal(Docx, word.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"bao-cao-ke-hoach-{plan.PlanId}-2026-11.docx", word.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using (var document = WordprocessingDocument.Open(new MemoryStream(await word.Content.ReadAsByteArrayAsync()), false))
        {
            var text = document.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("Kết quả thực hiện Kế hoạch số 77/KH-UBND tháng 11/2026", text);
            Assert.Contains("Rà soát thủ tục hành chính", text);
        }

        Assert.Equal(HttpStatusCode.OK, excel.StatusCode);
        Assert.Equal(Xlsx, excel.Content.Headers.ContentType?.MediaType);
        using (var workbook = SpreadsheetDocument.Open(new MemoryStream(await excel.Content.ReadAsByteArrayAsync()), false))
        {
            Assert.Equal(5, workbook.WorkbookPart!.WorksheetParts.Count());
        }

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, badPeriod.StatusCode);
        Assert.Equal("application/problem+json", badPeriod.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Tháng 13 không có", (await badPeriod.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
        Assert.Contains("docx hoặc xlsx", (await badFormat.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task The_plan_page_offers_the_report_of_a_period_as_Word_or_Excel()
    {
        await using var plan = await PlanFixture.StartAsync();
        using var browser = await plan.App.BrowserClientAsync(Office);
        using var officer = await plan.App.BrowserClientAsync(NoiVu);

        var page = await browser.GetStringAsync($"/Plans/{plan.PlanId}");
        var workbook = await browser.GetAsync($"/Plans/{plan.PlanId}?handler=Report&period=2026-11&format=xlsx");
        var document = await browser.GetAsync($"/Plans/{plan.PlanId}?handler=Report&period=2026-11&format=docx");
        var wrong = await browser.GetAsync($"/Plans/{plan.PlanId}?handler=Report&period=thang-11&format=docx");
        var officerPage = await officer.GetStringAsync($"/Plans/{plan.PlanId}");

        Assert.Contains("name=\"handler\" value=\"Report\"", page, StringComparison.Ordinal);
        Assert.Contains("Tải báo cáo", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, workbook.StatusCode);
        Assert.Equal(Xlsx, workbook.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.Equal(Docx, document.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("không đúng dạng", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"Report\"", officerPage, StringComparison.Ordinal);
    }
}
