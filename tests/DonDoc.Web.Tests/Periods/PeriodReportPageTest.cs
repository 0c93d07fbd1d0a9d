using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DonDoc.Web.Tests.Hosting;
using static DonDoc.Web.Tests.Hosting.PlanFixture;

namespace DonDoc.Web.Tests.Periods;

/// <summary>
/// The periodic reports of the shared plan, through the API and the page, read on 03/12/2026: November's reports (due 23/11)
/// are late by then, December's (due 23/12) are on time.
/// </summary>
public sealed class PeriodReportPageTest
{
    [Fact]
    public async Task A_monthly_cycle_through_the_API_judges_the_continuous_task_and_takes_decisions()
    {
        await using var plan = await PlanFixture.StartAsync();
        plan.App.Clock.SetUtcNow(ReadOn);
        using var office = await plan.App.ApiClientAsync(Office);
        using var tuPhap = await plan.App.ApiClientAsync(TuPhap);
        using var taiChinh = await plan.App.ApiClientAsync(TaiChinh);
        var continuous = plan.TaskId("Tuyên truyền cải cách hành chính");
        const string current = "2026-12";
        const string previous = "2026-11";

        var byOfficer = await tuPhap.PutAsJsonAsync($"/api/plans/{plan.PlanId}/report-cycle", new { length = "Month", agencyDueDay = 23, officeDueDay = 25, firstPeriod = previous });
        Assert.Equal(HttpStatusCode.Forbidden, byOfficer.StatusCode);
        var set = await office.PutAsJsonAsync($"/api/plans/{plan.PlanId}/report-cycle", new { length = "Month", agencyDueDay = 23, officeDueDay = 25, firstPeriod = previous });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);

        // Last month's report was due on (about) the 23rd and is not in: the continuous task is overdue.
        Assert.Equal("overdue", await StatusAsync(office, continuous));

        var form = await tuPhap.GetFromJsonAsync<JsonElement>($"/api/plans/{plan.PlanId}/periods/{previous}/agencies/{await AgencyAsync(office, plan.PlanId, previous, "Sở Tư pháp")}");
        Assert.Equal("Late", form.GetProperty("state").GetString());
        var lines = form.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("taskId").GetInt32()).ToList();
        Assert.Contains(continuous, lines);
        var submitted = await tuPhap.PostAsJsonAsync($"/api/plans/{plan.PlanId}/periods/{previous}/report", new
        {
            items = lines.Select(id => new { taskId = id, percent = (int?)null, progress = "Đã đăng 12 tin bài." }),
            results = "Tuyên truyền đều trên báo, đài.",
        });
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        Assert.NotEqual("overdue", await StatusAsync(office, continuous));

        var onTime = await taiChinh.PostAsJsonAsync($"/api/plans/{plan.PlanId}/periods/{current}/report", new { items = Array.Empty<object>(), results = "Đang số hóa hồ sơ." });
        Assert.True(onTime.StatusCode == HttpStatusCode.Created, await onTime.Content.ReadAsStringAsync());
        var othersTask = await taiChinh.PostAsJsonAsync($"/api/plans/{plan.PlanId}/periods/{previous}/report", new { items = new[] { new { taskId = continuous, percent = 10, progress = "Báo cáo hộ." } }, results = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, othersTask.StatusCode);
        Assert.Equal("application/problem+json", othersTask.Content.Headers.ContentType?.MediaType);

        var period = await office.GetFromJsonAsync<JsonElement>($"/api/plans/{plan.PlanId}/periods/{previous}");
        var tuPhapRow = period.GetProperty("agencies").EnumerateArray().Single(a => a.GetProperty("agency").GetString() == "Sở Tư pháp");
        Assert.Equal(("SubmittedLate", "Nộp muộn"), (tuPhapRow.GetProperty("state").GetString(), tuPhapRow.GetProperty("stateText").GetString()));
        var december = await office.GetFromJsonAsync<JsonElement>($"/api/plans/{plan.PlanId}/periods/{current}");
        var taiChinhRow = december.GetProperty("agencies").EnumerateArray().Single(a => a.GetProperty("agency").GetString() == "Sở Tài chính");
        Assert.Equal("SubmittedOnTime", taiChinhRow.GetProperty("state").GetString());

        var noReason = await office.PostAsJsonAsync($"/api/plans/{plan.PlanId}/periods/{previous}/agencies/{tuPhapRow.GetProperty("agencyId").GetInt32()}/decision", new { decision = "return" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("lý do", (await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var returned = await office.PostAsJsonAsync($"/api/plans/{plan.PlanId}/periods/{previous}/agencies/{tuPhapRow.GetProperty("agencyId").GetInt32()}/decision", new { decision = "return", reason = "Thiếu số liệu." });
        Assert.Equal("Returned", (await returned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
        // A returned report leaves the period unreported.
        Assert.Equal("overdue", await StatusAsync(office, continuous));
        var accepted = await office.PostAsJsonAsync($"/api/plans/{plan.PlanId}/periods/{current}/agencies/{taiChinhRow.GetProperty("agencyId").GetInt32()}/decision", new { decision = "accept" });
        Assert.Equal("Accepted", (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());

        var rating = await office.GetFromJsonAsync<JsonElement>($"/api/plans/{plan.PlanId}/periods/{current}/rating");
        Assert.Equal("Sở, ban, ngành", rating.GetProperty("groups")[0].GetProperty("label").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await tuPhap.GetAsync($"/api/plans/{plan.PlanId}/periods/{current}/rating")).StatusCode);
        var narrative = await office.PutAsJsonAsync($"/api/plans/{plan.PlanId}/periods/{current}/narrative", new { results = "Các sở triển khai đúng kế hoạch.", shortcomings = "Còn chậm.", nextTasks = "Đôn đốc.", proposals = "Không." });
        Assert.Equal(HttpStatusCode.NoContent, narrative.StatusCode);
        var word = await office.GetAsync($"/api/plans/{plan.PlanId}/reports/{current}");
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await word.Content.ReadAsByteArrayAsync()), false);
        Assert.Contains("Còn chậm.", document.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_office_sets_the_cycle_and_an_officer_submits_on_the_page()
    {
        await using var plan = await PlanFixture.StartAsync();
        plan.App.Clock.SetUtcNow(ReadOn);
        using var office = await plan.App.BrowserClientAsync(Office);
        using var tuPhap = await plan.App.BrowserClientAsync(TuPhap);
        var path = $"/KeHoach/{plan.PlanId}/BaoCaoDinhKy";
        const string current = "2026-12";

        Assert.Contains(path, await office.GetStringAsync($"/Plans/{plan.PlanId}"), StringComparison.Ordinal);
        var empty = await office.GetStringAsync(path);
        Assert.Contains("Kế hoạch chưa đặt chu kỳ báo cáo định kỳ.", empty, StringComparison.Ordinal);
        // The plan's own reporting task proposes the cycle: monthly, on the 25th.
        Assert.Contains("Đề xuất từ nội dung kế hoạch: “Báo cáo tình hình thực hiện kế hoạch – Ngày 25 hằng tháng”", empty, StringComparison.Ordinal);
        Assert.Contains("id=\"agency-day\" name=\"agencyDueDay\" type=\"number\" min=\"1\" max=\"31\" value=\"25\"", empty, StringComparison.Ordinal);
        var wrong = await PostAsync(office, path, "Cycle", new() { ["length"] = "Month", ["agencyDueDay"] = "40", ["officeDueDay"] = "25" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("Ngày các cơ quan báo cáo phải từ 1 đến 31.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var saved = await PostAsync(office, path, "Cycle", new() { ["length"] = "Month", ["agencyDueDay"] = "23", ["officeDueDay"] = "25", ["firstPeriod"] = current });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var officerPage = await tuPhap.GetStringAsync($"{path}?ky={current}");
        Assert.Contains("Nộp báo cáo", officerPage, StringComparison.Ordinal);
        Assert.Contains("Tuyên truyền cải cách hành chính", officerPage, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"period-agencies\"", officerPage, StringComparison.Ordinal);
        var taskIds = System.Text.RegularExpressions.Regex.Matches(officerPage, "name=\"taskId\" value=\"(\\d+)\"").Select(m => m.Groups[1].Value).ToList();
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var id in taskIds)
        {
            fields.Add(new("taskId", id));
            fields.Add(new("percent", "50"));
            fields.Add(new("progress", "Đã thực hiện trong tháng."));
            fields.Add(new("result", ""));
        }

        fields.Add(new("results", "Hoàn thành các nội dung của tháng."));
        var submitted = await PostFieldsAsync(tuPhap, $"{path}?ky={current}", "Submit", fields);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);

        var officePage = await office.GetStringAsync($"{path}?ky={current}");
        Assert.Contains("id=\"period-agencies\"", officePage, StringComparison.Ordinal);
        Assert.Contains("Nộp đúng hạn", officePage, StringComparison.Ordinal);
        Assert.Contains("Chưa nộp", officePage, StringComparison.Ordinal);
        Assert.Contains("Xếp hạng thi đua tháng 12/2026", officePage, StringComparison.Ordinal);
        Assert.Contains("<h3>Sở, ban, ngành</h3>", officePage, StringComparison.Ordinal);
    }

    private static readonly DateTimeOffset ReadOn = new(2026, 12, 3, 2, 0, 0, TimeSpan.Zero);

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string handler, Dictionary<string, string> fields) =>
        PostFieldsAsync(client, path, handler, fields.ToList());

    private static async Task<HttpResponseMessage> PostFieldsAsync(HttpClient client, string path, string handler, List<KeyValuePair<string, string>> fields)
    {
        fields.Add(new("__RequestVerificationToken", await RunningApp.AntiforgeryTokenAsync(client, path)));
        var separator = path.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        return await client.PostAsync($"{path}{separator}handler={handler}", new FormUrlEncodedContent(fields));
    }

    private static async Task<string?> StatusAsync(HttpClient client, int taskId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}")).GetProperty("task").GetProperty("status").GetString();

    private static async Task<int> AgencyAsync(HttpClient office, int planId, string period, string name) =>
        (await office.GetFromJsonAsync<JsonElement>($"/api/plans/{planId}/periods/{period}")).GetProperty("agencies").EnumerateArray()
            .Single(a => a.GetProperty("agency").GetString() == name).GetProperty("agencyId").GetInt32();
}
