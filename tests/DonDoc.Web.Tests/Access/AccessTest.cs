using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DonDoc.Web.Tests.Hosting;
using static DonDoc.Web.Tests.Hosting.PlanFixture;

namespace DonDoc.Web.Tests.Access;

/// <summary>Every role against every kind of action, over the API and the pages: what is allowed answers, what is not is refused.</summary>
public sealed class AccessTest(SharedPlan shared) : IClassFixture<SharedPlan>
{
    private const string Review = "Rà soát thủ tục hành chính";

    public static TheoryData<string, HttpStatusCode> ReadingALeadTask => new()
    {
        { NoiVu, HttpStatusCode.OK },           // leads it
        { TuPhap, HttpStatusCode.OK },          // coordinates it
        { TaiChinh, HttpStatusCode.NotFound },  // another agency's task: 404, not a page with the data hidden
        { VanPhong, HttpStatusCode.NotFound },
        { Leader, HttpStatusCode.OK },
        { Office, HttpStatusCode.OK },
        { OtherOffice, HttpStatusCode.OK },
        { RunningApp.AdminEmail, HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(ReadingALeadTask))]
    public async Task Reading_a_task_depends_on_the_agency_and_role(string user, HttpStatusCode expected)
    {
        var api = await shared.ApiAsync(user);

        var response = await api.GetAsync($"/api/tasks/{shared.Plan.TaskId(Review)}");

        Assert.Equal(expected, response.StatusCode);
    }

    /// <summary>On "Số hóa hồ sơ": Sở Tài chính leads, Sở Nội vụ coordinates.</summary>
    public static TheoryData<string, HttpStatusCode> ReportingProgress => new()
    {
        { TaiChinh, HttpStatusCode.Created },    // the lead reports progress
        { NoiVu, HttpStatusCode.Created },       // a coordinator contributes
        { TuPhap, HttpStatusCode.NotFound },
        { Leader, HttpStatusCode.Forbidden },    // reads everything, changes nothing
        { Office, HttpStatusCode.Forbidden },
        { RunningApp.AdminEmail, HttpStatusCode.Forbidden },
    };

    [Theory]
    [MemberData(nameof(ReportingProgress))]
    public async Task Only_the_lead_and_coordinating_agencies_report_on_a_task(string user, HttpStatusCode expected)
    {
        var api = await shared.ApiAsync(user);

        var response = await api.PostAsJsonAsync($"/api/tasks/{shared.Plan.TaskId("Số hóa hồ sơ")}/progress", new { percent = 10, summary = "Đã lập danh mục hồ sơ cần số hóa" });

        Assert.Equal(expected, response.StatusCode);
    }

    public static TheoryData<string, HttpStatusCode> ReviewingACompletion => new()
    {
        { NoiVu, HttpStatusCode.Forbidden },
        { Leader, HttpStatusCode.Forbidden },
        { OtherOffice, HttpStatusCode.Forbidden }, // does not own the plan
        { Office, HttpStatusCode.BadRequest },     // owns it; nothing is reported yet
        { RunningApp.AdminEmail, HttpStatusCode.BadRequest },
    };

    [Theory]
    [MemberData(nameof(ReviewingACompletion))]
    public async Task Only_the_office_that_owns_the_plan_reviews_its_tasks(string user, HttpStatusCode expected)
    {
        var api = await shared.ApiAsync(user);

        var response = await api.PostAsJsonAsync($"/api/tasks/{shared.Plan.TaskId("Quán triệt")}/review", new { decision = "accept" });

        Assert.Equal(expected, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
    }

    public static TheoryData<string, string, HttpStatusCode> OfficeActions => new()
    {
        { NoiVu, "/api/events", HttpStatusCode.Forbidden },
        { Leader, "/api/events", HttpStatusCode.Forbidden },
        { NoiVu, "/api/dashboard", HttpStatusCode.Forbidden },
        { Leader, "/api/dashboard", HttpStatusCode.OK },
        { Office, "/api/dashboard", HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(OfficeActions))]
    public async Task Events_and_the_dashboard_belong_to_the_office_and_leaders(string user, string path, HttpStatusCode expected)
    {
        var api = await shared.ApiAsync(user);

        var response = path == "/api/events"
            ? await api.PostAsJsonAsync(path, new { name = "Hội nghị thử", occurredOn = "2026-11-20" })
            : await api.GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData(NoiVu)]
    [InlineData(Leader)]
    public async Task Agencies_and_leaders_cannot_import_plans(string user)
    {
        var api = await shared.ApiAsync(user);
        using var content = new MultipartFormDataContent();
        content.Add(new ByteArrayContent(await File.ReadAllBytesAsync(FixturePath("ke-hoach-cai-cach.txt"))), "file", "ke-hoach.txt");

        var response = await api.PostAsync("/api/imports", content);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_agency_officer_lists_only_the_tasks_its_agency_leads_or_coordinates()
    {
        var api = await shared.ApiAsync(TaiChinh);

        var tasks = (await api.GetFromJsonAsync<JsonElement>("/api/tasks")).GetProperty("items").EnumerateArray().ToList();

        Assert.NotEmpty(tasks);
        Assert.All(tasks, t => Assert.True(
            t.GetProperty("leadAgency").GetString() == "Sở Tài chính"
            || t.GetProperty("coordinatorAgencies").EnumerateArray().Any(c => c.GetString() == "Sở Tài chính")));
        Assert.DoesNotContain(tasks, t => t.GetProperty("content").GetString()!.StartsWith(Review, StringComparison.Ordinal));
        var all = (await (await shared.ApiAsync(Leader)).GetFromJsonAsync<JsonElement>("/api/tasks")).GetProperty("items").GetArrayLength();
        Assert.True(all > tasks.Count);
    }

    [Fact]
    public async Task Search_ignores_case_and_diacritics_understands_status_words_and_respects_access()
    {
        var leader = await shared.ApiAsync(Leader);
        var taiChinh = await shared.ApiAsync(TaiChinh);

        var found = (await leader.GetFromJsonAsync<JsonElement>("/api/tasks?q=so%20noi%20vu%20qua%20han")).GetProperty("items").EnumerateArray().ToList();
        var upper = (await leader.GetFromJsonAsync<JsonElement>("/api/tasks?q=S%E1%BB%9E%20N%E1%BB%98I%20V%E1%BB%A4%20QU%C3%81%20H%E1%BA%A0N")).GetProperty("items").GetArrayLength();
        var hidden = (await taiChinh.GetFromJsonAsync<JsonElement>("/api/tasks?q=so%20noi%20vu%20qua%20han")).GetProperty("items").GetArrayLength();

        var task = Assert.Single(found);
        Assert.StartsWith(Review, task.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal("overdue", task.GetProperty("status").GetString());
        Assert.Equal(1, upper);
        Assert.Equal(0, hidden);
    }

    [Fact]
    public async Task The_task_list_filters_by_plan_agency_status_and_due_date()
    {
        var api = await shared.ApiAsync(Office);
        var plan = shared.Plan.PlanId;

        var overdue = (await api.GetFromJsonAsync<JsonElement>($"/api/tasks?plan={plan}&status=overdue")).GetProperty("items");
        var byAgency = (await api.GetFromJsonAsync<JsonElement>($"/api/tasks?agency={Uri.EscapeDataString("Sở Tài chính")}")).GetProperty("items");
        var before = (await api.GetFromJsonAsync<JsonElement>("/api/tasks?due_before=2026-12-31")).GetProperty("items");
        var badDate = await api.GetAsync("/api/tasks?due_before=31-31-2026");

        Assert.All(overdue.EnumerateArray(), t => Assert.Equal("overdue", t.GetProperty("status").GetString()));
        Assert.Equal(1, overdue.GetArrayLength());
        Assert.All(byAgency.EnumerateArray(), t => Assert.True(
            t.GetProperty("leadAgency").GetString() == "Sở Tài chính"
            || t.GetProperty("coordinatorAgencies").EnumerateArray().Any(c => c.GetString() == "Sở Tài chính")));
        Assert.Equal(3, before.GetArrayLength()); // I.1 (30/6/2026) and II.3, split into two tasks (15/12/2026)
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Contains("không hợp lệ", (await badDate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_row_with_two_leads_was_published_as_one_task_per_lead()
    {
        var api = await shared.ApiAsync(Office);

        var plan = await api.GetFromJsonAsync<JsonElement>($"/api/plans/{shared.Plan.PlanId}");
        var split = plan.GetProperty("tasks").GetProperty("items").EnumerateArray().Where(t => t.GetProperty("content").GetString()!.StartsWith("Kiểm tra công tác văn thư", StringComparison.Ordinal)).ToList();

        Assert.Equal("Sở Nội vụ; Sở Tài chính", string.Join("; ", split.Select(t => t.GetProperty("leadAgency").GetString()).Order()));
        Assert.Equal(7, plan.GetProperty("tasks").GetProperty("items").GetArrayLength());
        Assert.All(plan.GetProperty("tasks").GetProperty("items").EnumerateArray(), t => Assert.True(t.GetProperty("id").GetInt32() > 0));
    }

    [Fact]
    public async Task Without_a_token_the_API_answers_401_and_pages_send_to_sign_in()
    {
        var api = await shared.Plan.App.Client.GetAsync("/api/tasks");
        var page = await shared.Plan.App.Client.GetAsync($"/Tasks/{shared.Plan.TaskId(Review)}");

        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
    }

    [Fact]
    public async Task The_API_does_not_accept_the_browser_cookie_for_changes()
    {
        using var browser = await shared.Plan.App.BrowserClientAsync(NoiVu);

        var response = await browser.PostAsJsonAsync($"/api/tasks/{shared.Plan.TaskId(Review)}/progress", new { percent = 5, summary = "qua cookie" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Pages_answer_404_for_another_agencys_task_and_refuse_admin_pages_to_officers()
    {
        using var taiChinh = await shared.Plan.App.BrowserClientAsync(TaiChinh);
        using var admin = await shared.Plan.App.BrowserClientAsync(RunningApp.AdminEmail);

        var task = await taiChinh.GetAsync($"/Tasks/{shared.Plan.TaskId(Review)}");
        var users = await taiChinh.GetAsync("/Admin/Users");
        var adminUsers = await admin.GetAsync("/Admin/Users");

        Assert.Equal(HttpStatusCode.NotFound, task.StatusCode);
        Assert.DoesNotContain(Review, await task.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, users.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", users.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, adminUsers.StatusCode);
        Assert.Contains(NoiVu, await adminUsers.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agency_officers_home_page_shows_its_tasks()
    {
        using var browser = await shared.Plan.App.BrowserClientAsync(VanPhong);

        var home = await browser.GetAsync("/");
        var html = await browser.GetStringAsync("/DonVi");

        Assert.Equal("/DonVi", home.Headers.Location!.OriginalString);
        Assert.Contains("Nhiệm vụ của đơn vị: Văn phòng Ủy ban nhân dân tỉnh", html, StringComparison.Ordinal);
        Assert.Contains("Báo cáo tình hình thực hiện kế hoạch", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Review, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_API()
    {
        var document = await shared.Plan.App.Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/auth/login", paths);
        Assert.Contains("/api/tasks", paths);
        Assert.Contains("/api/tasks/{id}/progress", paths);
        Assert.Contains("/api/imports/{id}/publish", paths);
        Assert.Contains("/api/dashboard", paths);
    }

    public static TheoryData<string, string[], string[]> TaskPageForms => new()
    {
        // On "Rà soát thủ tục": Sở Nội vụ leads, Sở Tư pháp coordinates, the office owns the plan.
        { NoiVu, ["Báo cáo tiến độ", "Báo cáo hoàn thành", "Đề nghị gia hạn", "Đánh dấu đã xong"], ["Hủy nhiệm vụ", "Báo cáo phối hợp"] },
        { TuPhap, ["Báo cáo phối hợp"], ["Báo cáo hoàn thành", "Đề nghị gia hạn", "Hủy nhiệm vụ", "Đánh dấu đã xong"] },
        { Leader, [], ["Gửi báo cáo", "Báo cáo hoàn thành", "Đề nghị gia hạn", "Hủy nhiệm vụ"] },
        { Office, ["Hủy nhiệm vụ"], ["Gửi báo cáo", "Báo cáo hoàn thành", "Đề nghị gia hạn"] },
        { OtherOffice, [], ["Gửi báo cáo", "Hủy nhiệm vụ"] },
    };

    [Theory]
    [MemberData(nameof(TaskPageForms))]
    public async Task The_task_page_offers_each_role_only_the_forms_it_may_use(string user, string[] shown, string[] hidden)
    {
        using var browser = await shared.Plan.App.BrowserClientAsync(user);

        var html = await browser.GetStringAsync($"/Tasks/{shared.Plan.TaskId(Review)}");

        Assert.All(shown, text => Assert.Contains(text, html, StringComparison.Ordinal));
        Assert.All(hidden, text => Assert.DoesNotContain(text, html, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_form_posted_by_a_role_that_may_not_use_it_is_refused_on_the_server()
    {
        using var leader = await shared.Plan.App.BrowserClientAsync(Leader);
        using var taiChinh = await shared.Plan.App.BrowserClientAsync(TaiChinh);
        var id = shared.Plan.TaskId(Review);
        var token = await RunningApp.AntiforgeryTokenAsync(leader, $"/Tasks/{id}");
        var otherToken = await RunningApp.AntiforgeryTokenAsync(taiChinh, "/DonVi");

        var byLeader = await leader.PostAsync($"/Tasks/{id}?handler=Cancel", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["reason"] = "Lãnh đạo thử hủy", ["__RequestVerificationToken"] = token,
        }));
        var byOtherAgency = await taiChinh.PostAsync($"/Tasks/{id}?handler=Progress", new MultipartFormDataContent
        {
            { new StringContent("Không phải việc của tôi"), "summary" },
            { new StringContent(otherToken), "__RequestVerificationToken" },
        });

        Assert.Equal(HttpStatusCode.Forbidden, byLeader.StatusCode);
        Assert.Contains("Chỉ văn phòng quản lý kế hoạch này", await byLeader.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, byOtherAgency.StatusCode);
        Assert.Equal("overdue", (await (await shared.ApiAsync(Leader)).GetFromJsonAsync<JsonElement>($"/api/tasks/{id}")).GetProperty("task").GetProperty("status").GetString());
    }
}
