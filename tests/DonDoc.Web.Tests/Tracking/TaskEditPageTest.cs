using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DonDoc.Web.Tests.Hosting;
using static DonDoc.Web.Tests.Hosting.PlanFixture;

namespace DonDoc.Web.Tests.Tracking;

/// <summary>The office's "Sửa nhiệm vụ" on the task page and <c>PUT /api/tasks/{id}</c>. The app's clock stands at 25/11/2026.</summary>
public sealed class TaskEditPageTest
{
    private const string Review = "Rà soát thủ tục hành chính";   // Sở Nội vụ leads, Sở Tư pháp coordinates, due 30/6/2026 (overdue)

    private static FormUrlEncodedContent Form(string token, params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).Append(new("__RequestVerificationToken", token)));

    private static async Task<string> DetailAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;

    [Fact]
    public async Task The_office_reassigns_the_lead_and_moves_the_deadline_from_the_task_page_and_the_history_says_why()
    {
        await using var plan = await StartAsync();
        using var office = await plan.App.BrowserClientAsync(Office);
        using var noiVu = await plan.App.BrowserClientAsync(NoiVu);
        var id = plan.TaskId(Review);
        var form = await office.GetStringAsync($"/Tasks/{id}");
        var officerPage = await noiVu.GetStringAsync($"/Tasks/{id}");
        var token = await RunningApp.AntiforgeryTokenAsync(office, $"/Tasks/{id}");
        var version = await VersionAsync(plan, id);

        var unknown = await office.PostAsync($"/Tasks/{id}?handler=Edit", Form(token,
            ("version", version), ("content", "Rà soát thủ tục hành chính thuộc thẩm quyền giải quyết"), ("lead", "UBND xã Hòa Phú"),
            ("coordinators", "Sở Tư pháp"), ("deadline", "30/6/2026"), ("product", ""), ("reason", "Phân công lại")));
        var edited = await office.PostAsync($"/Tasks/{id}?handler=Edit", Form(token,
            ("version", version), ("content", "Rà soát thủ tục hành chính thuộc thẩm quyền giải quyết"), ("lead", "Sở Tài chính"),
            ("coordinators", "Sở Tư pháp\nSở Nội vụ"), ("deadline", "31/12/2026"), ("product", "Báo cáo rà soát"), ("reason", "Theo chỉ đạo tại cuộc họp giao ban tháng 11")));
        var page = await office.GetStringAsync($"/Tasks/{id}");

        Assert.Contains("<h2 id=\"edit-heading\">Sửa nhiệm vụ</h2>", form, StringComparison.Ordinal);
        Assert.DoesNotContain("Sửa nhiệm vụ", officerPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Cơ quan chủ trì: không có cơ quan nào mang đúng tên &quot;UBND xã Hòa Phú&quot; trong danh mục", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Contains("Đã sửa nhiệm vụ; các cơ quan liên quan đã được thông báo.", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Cơ quan chủ trì</dt><dd>Sở Tài chính", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Hạn đang áp dụng</dt><dd>31/12/2026</dd>", page, StringComparison.Ordinal);
        Assert.Contains("Sửa nhiệm vụ", page, StringComparison.Ordinal);
        Assert.Contains("Cơ quan chủ trì: Sở Nội vụ → Sở Tài chính", page, StringComparison.Ordinal);
        Assert.Contains("Lý do: Theo chỉ đạo tại cuộc họp giao ban tháng 11", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_edits_a_task_for_the_office_and_refuses_an_officer_an_unknown_agency_and_a_stale_version_as_problem_details()
    {
        await using var plan = await StartAsync();
        using var office = await plan.App.ApiClientAsync(Office);
        using var officer = await plan.App.ApiClientAsync(NoiVu);
        var id = plan.TaskId(Review);
        var version = int.Parse(await VersionAsync(plan, id), System.Globalization.CultureInfo.InvariantCulture);

        var forbidden = await officer.PutAsJsonAsync($"/api/tasks/{id}", new { reason = "Xin đổi hạn", deadline = "31/12/2026", version });
        var unknown = await office.PutAsJsonAsync($"/api/tasks/{id}", new { reason = "Bổ sung phối hợp", coordinators = new[] { "Sở Tư pháp", "UBND xã Hòa Phú" }, version });
        var noReason = await office.PutAsJsonAsync($"/api/tasks/{id}", new { lead = "Sở Tài chính", version });
        var edited = await office.PutAsJsonAsync($"/api/tasks/{id}", new { reason = "Giao lại cho Sở Tài chính", lead = "Sở Tài chính", coordinators = Array.Empty<string>(), deadline = "31/12/2026", version });
        var stale = await office.PutAsJsonAsync($"/api/tasks/{id}", new { reason = "Đổi lại", lead = "Sở Nội vụ", version });
        var task = await office.GetFromJsonAsync<JsonElement>($"/api/tasks/{id}");

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("application/problem+json", forbidden.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Chỉ văn phòng quản lý kế hoạch này mới thực hiện được thao tác này.", await DetailAsync(forbidden));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.StartsWith("Cơ quan phối hợp: không có cơ quan nào mang đúng tên \"UBND xã Hòa Phú\"", await DetailAsync(unknown), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal("Sửa nhiệm vụ cần ghi rõ lý do.", await DetailAsync(noReason));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var outcome = await edited.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("not_yet_due", version + 1), (outcome.GetProperty("status").GetString(), outcome.GetProperty("version").GetInt32()));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("Sở Tài chính", task.GetProperty("task").GetProperty("leadAgency").GetString());
        Assert.Equal(0, task.GetProperty("task").GetProperty("coordinatorAgencies").GetArrayLength());
        Assert.Equal("2026-12-31", task.GetProperty("task").GetProperty("due").GetString());
    }

    private static async Task<string> VersionAsync(PlanFixture plan, int id)
    {
        using var api = await plan.App.ApiClientAsync(Office);
        var task = await api.GetFromJsonAsync<JsonElement>($"/api/tasks/{id}");
        return task.GetProperty("task").GetProperty("version").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
