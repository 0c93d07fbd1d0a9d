using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DonDoc.Web.Tests.Hosting;
using static DonDoc.Web.Tests.Hosting.PlanFixture;

namespace DonDoc.Web.Tests.Tracking;

/// <summary>Work that is closed (a cancelled task, an archived plan) takes no more decisions; dates and the last administrator are guarded.</summary>
public sealed class ClosedWorkTest
{
    private const string Inspect = "Kiểm tra công tác văn thư"; // split: Sở Nội vụ's copy due 15/12/2026

    private static async Task<string?> DetailAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();

    [Theory]
    [MemberData(nameof(RunningApp.Providers), MemberType = typeof(RunningApp))]
    public async Task The_office_cannot_accept_the_completion_of_a_cancelled_task(string provider)
    {
        await using var plan = await PlanFixture.StartOnAsync(provider);
        using var noiVu = await plan.App.ApiClientAsync(NoiVu);
        using var office = await plan.App.ApiClientAsync(Office);
        var id = plan.TaskId(Inspect, "Sở Nội vụ");
        Assert.Equal(HttpStatusCode.NoContent, (await noiVu.PostAsJsonAsync($"/api/tasks/{id}/completion", new { summary = "Đã kiểm tra" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await office.PostAsJsonAsync($"/api/tasks/{id}/cancel", new { reason = "Gộp vào kế hoạch khác" })).StatusCode);

        var accepted = await office.PostAsJsonAsync($"/api/tasks/{id}/review", new { decision = "accept" });
        var task = await office.GetFromJsonAsync<JsonElement>($"/api/tasks/{id}");

        Assert.Equal(HttpStatusCode.BadRequest, accepted.StatusCode);
        Assert.Contains("đã bị hủy", await DetailAsync(accepted), StringComparison.Ordinal);
        Assert.Equal("Reported", task.GetProperty("task").GetProperty("completion").GetString());
    }

    [Theory]
    [MemberData(nameof(RunningApp.Providers), MemberType = typeof(RunningApp))]
    public async Task An_extension_cannot_be_approved_after_the_plan_was_archived(string provider)
    {
        await using var plan = await PlanFixture.StartOnAsync(provider);
        using var noiVu = await plan.App.ApiClientAsync(NoiVu);
        using var office = await plan.App.ApiClientAsync(Office);
        var id = plan.TaskId(Inspect, "Sở Nội vụ");
        var requested = await noiVu.PostAsJsonAsync($"/api/tasks/{id}/extensions", new { newDue = "2027-03-31", reason = "Chờ hướng dẫn" });
        var extension = (await requested.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NoContent, (await office.PostAsJsonAsync($"/api/plans/{plan.PlanId}/close", new { reason = "Kết thúc kế hoạch" })).StatusCode);

        var approved = await office.PostAsJsonAsync($"/api/extensions/{extension}/decision", new { decision = "approve" });
        var task = await office.GetFromJsonAsync<JsonElement>($"/api/tasks/{id}");

        Assert.Equal(HttpStatusCode.BadRequest, approved.StatusCode);
        Assert.Contains("kế hoạch đã", await DetailAsync(approved), StringComparison.Ordinal);
        Assert.Equal("2026-12-15", task.GetProperty("task").GetProperty("due").GetString());
        Assert.Equal("Pending", task.GetProperty("extensions")[0].GetProperty("state").GetString());
    }

    [Theory]
    [MemberData(nameof(RunningApp.Providers), MemberType = typeof(RunningApp))]
    public async Task A_completion_dated_before_the_plan_was_issued_is_refused(string provider)
    {
        await using var plan = await PlanFixture.StartOnAsync(provider);
        using var noiVu = await plan.App.ApiClientAsync(NoiVu);
        var id = plan.TaskId(Inspect, "Sở Nội vụ");

        var beforeIssue = await noiVu.PostAsJsonAsync($"/api/tasks/{id}/completion", new { summary = "Đã kiểm tra", doneOn = "2026-01-10" });
        var yearOne = await noiVu.PostAsJsonAsync($"/api/tasks/{id}/completion", new { summary = "Đã kiểm tra", doneOn = "0001-01-01" });
        var task = await noiVu.GetFromJsonAsync<JsonElement>($"/api/tasks/{id}");

        Assert.Equal(HttpStatusCode.BadRequest, beforeIssue.StatusCode);
        Assert.Contains("15/01/2026", await DetailAsync(beforeIssue), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, yearOne.StatusCode);
        Assert.Equal("None", task.GetProperty("task").GetProperty("completion").GetString());
    }

    [Theory]
    [MemberData(nameof(RunningApp.Providers), MemberType = typeof(RunningApp))]
    public async Task The_last_administrator_cannot_be_demoted_but_one_of_two_can(string provider)
    {
        await using var app = await RunningApp.StartOnAsync(provider);
        using var admin = await app.BrowserClientAsync(RunningApp.AdminEmail);

        var alone = await AdminPages.UpdateUserAsync(admin, RunningApp.AdminEmail, "monitor", null, "Quản trị");
        await app.AddUserAsync("quantri2@example.vn", "admin");
        var withAnother = await AdminPages.UpdateUserAsync(admin, "quantri2@example.vn", "leader", null);
        var page = await admin.GetStringAsync("/Admin/Users");

        Assert.Equal(HttpStatusCode.BadRequest, alone.StatusCode);
        Assert.Contains("quản trị cuối cùng", await alone.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, withAnother.StatusCode);
        Assert.Contains("Quản trị hệ thống", page, StringComparison.Ordinal);
    }
}
