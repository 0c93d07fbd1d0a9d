using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DonDoc.Web.Tests.Hosting;
using static DonDoc.Web.Tests.Hosting.PlanFixture;

namespace DonDoc.Web.Tests.Tracking;

/// <summary>The whole story on each database the app runs on: the queries behind search, filters and the dashboard translate on both.</summary>
public sealed class DatabaseStoryTest
{
    [Theory]
    [MemberData(nameof(RunningApp.Providers), MemberType = typeof(RunningApp))]
    public async Task Import_search_report_accept_and_count_work_on_the_database(string provider)
    {
        await using var plan = await PlanFixture.StartOnAsync(provider);
        using var noiVu = await plan.App.ApiClientAsync(NoiVu);
        using var office = await plan.App.ApiClientAsync(Office);
        var id = plan.TaskId("Kiểm tra công tác văn thư", "Sở Nội vụ");

        var search = (await noiVu.GetFromJsonAsync<JsonElement>("/api/tasks?q=kiem%20tra%20van%20thu&due_before=2026-12-31")).GetProperty("items");
        var progress = await noiVu.PostAsync($"/api/tasks/{id}/progress", new MultipartFormDataContent
        {
            { new StringContent("60"), "percent" },
            { new StringContent("Đã kiểm tra 7 cơ quan"), "summary" },
            { new ByteArrayContent(Evidence.Pdf("bien ban")), "files", "bien-ban.pdf" },
        });
        var done = await noiVu.PostAsJsonAsync($"/api/tasks/{id}/completion", new { summary = "Đã kiểm tra đủ" });
        var accepted = await office.PostAsJsonAsync($"/api/tasks/{id}/review", new { decision = "accept" });
        var triggered = await office.PostAsJsonAsync("/api/events", new { name = "Đại hội Đảng bộ tỉnh", occurredOn = "2026-11-20" });
        var dashboard = await office.GetFromJsonAsync<JsonElement>($"/api/dashboard?plan={plan.PlanId}");
        var details = await noiVu.GetFromJsonAsync<JsonElement>($"/api/tasks/{id}");

        Assert.Equal(id, Assert.Single(search.EnumerateArray()).GetProperty("id").GetInt32());
        Assert.Equal(HttpStatusCode.Created, progress.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Single((await triggered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("triggeredTaskIds").EnumerateArray());
        Assert.Equal(1, dashboard.GetProperty("buckets").GetProperty("done").GetInt32());
        Assert.Equal(1, dashboard.GetProperty("buckets").GetProperty("overdue").GetInt32());
        Assert.Equal("done_on_time", details.GetProperty("task").GetProperty("status").GetString());
        Assert.Equal(["completion.accept", "completion.report", "progress"], details.GetProperty("audit").EnumerateArray().Select(a => a.GetProperty("action").GetString()!).ToArray());
    }
}
