using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DonDoc.Web.Tests.Hosting;
using static DonDoc.Web.Tests.Hosting.PlanFixture;

namespace DonDoc.Web.Tests.Tracking;

/// <summary>The office makes a plan require evidence with completions; the form says so and the API refuses a bare completion (issue #17 item 14).</summary>
public sealed class CompletionEvidencePageTest
{
    private const string Review = "Rà soát thủ tục hành chính"; // Sở Nội vụ leads

    [Fact]
    public async Task A_plan_set_to_require_evidence_says_so_on_the_completion_form_and_the_api_refuses_a_completion_without_a_file()
    {
        await using var plan = await PlanFixture.StartAsync();
        using var office = await plan.App.BrowserClientAsync(Office);
        using var officerPage = await plan.App.BrowserClientAsync(NoiVu);
        using var officerApi = await plan.App.ApiClientAsync(NoiVu);
        var taskId = plan.TaskId(Review);

        var before = await office.GetStringAsync($"/Plans/{plan.PlanId}");
        var formBefore = await officerPage.GetStringAsync($"/Tasks/{taskId}");
        var token = await RunningApp.AntiforgeryTokenAsync(office, $"/Plans/{plan.PlanId}");
        var saved = await office.PostAsync($"/Plans/{plan.PlanId}?handler=Evidence", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["required"] = "true",
            ["__RequestVerificationToken"] = token,
        }));
        var after = await office.GetStringAsync($"/Plans/{plan.PlanId}");
        var form = await officerPage.GetStringAsync($"/Tasks/{taskId}");
        var bare = await officerApi.PostAsJsonAsync($"/api/tasks/{taskId}/completion", new { summary = "Đã rà soát xong" });
        var task = await officerApi.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}");

        Assert.Contains("Yêu cầu tài liệu kiểm chứng khi báo cáo hoàn thành: <strong id=\"requires-evidence-now\">không</strong> (theo mặc định của văn phòng)", before, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"evidence-required\"", formBefore, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("<strong id=\"requires-evidence-now\">có</strong>", after, StringComparison.Ordinal);
        Assert.DoesNotContain("(theo mặc định của văn phòng)", after, StringComparison.Ordinal);
        Assert.Contains("<option value=\"true\" selected=\"selected\">Có yêu cầu</option>", after, StringComparison.Ordinal);
        Assert.Contains("Kế hoạch này yêu cầu tài liệu kiểm chứng khi báo cáo hoàn thành", form, StringComparison.Ordinal);
        Assert.Contains("<input id=\"completion-files\" type=\"file\" name=\"files\" multiple required=\"required\" />", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Equal("application/problem+json", bare.Content.Headers.ContentType?.MediaType);
        var detail = JsonDocument.Parse(await bare.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
        Assert.Equal("Kế hoạch này yêu cầu tài liệu kiểm chứng khi báo cáo hoàn thành: hãy đính kèm ít nhất một tệp (văn bản, biên bản, hình ảnh…).", detail);
        Assert.Equal("None", task.GetProperty("task").GetProperty("completion").GetString());
    }
}
