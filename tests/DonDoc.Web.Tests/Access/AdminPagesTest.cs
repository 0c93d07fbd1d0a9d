using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DonDoc.Web.Tests.Hosting;

namespace DonDoc.Web.Tests.Access;

/// <summary>The administrator's pages: accounts and the agency directory, through their forms.</summary>
public sealed class AdminPagesTest
{
    private static FormUrlEncodedContent Form(string token, params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).Append(new("__RequestVerificationToken", token)));

    [Fact]
    public async Task The_administrator_adds_an_agency_officer_who_changes_the_initial_password_at_the_first_sign_in()
    {
        await using var app = await RunningApp.StartAsync();
        using var admin = await app.BrowserClientAsync(RunningApp.AdminEmail);
        var token = await RunningApp.AntiforgeryTokenAsync(admin, "/Admin/Users");

        var created = await admin.PostAsync("/Admin/Users?handler=Create", Form(token,
            ("email", "yte@example.vn"), ("displayName", "Cán bộ Sở Y tế"), ("role", "agency"), ("agency", "Sở Y tế"), ("password", RunningApp.Password)));
        var noAgency = await admin.PostAsync("/Admin/Users?handler=Create", Form(token,
            ("email", "khac@example.vn"), ("role", "agency"), ("agency", ""), ("password", RunningApp.Password)));
        var apiFirst = await app.Client.PostAsJsonAsync("/api/auth/login", new { email = "yte@example.vn", password = RunningApp.Password });
        using var browser = await app.BrowserClientAsync("yte@example.vn");
        var home = await browser.GetAsync("/");
        var changeToken = await RunningApp.AntiforgeryTokenAsync(browser, "/Account/ChangePassword");
        var changed = await browser.PostAsync("/Account/ChangePassword", Form(changeToken, ("CurrentPassword", RunningApp.Password), ("NewPassword", "Mat-khau-Rieng-2027")));
        using var officer = await app.ApiClientAsync("yte@example.vn", "Mat-khau-Rieng-2027");
        var me = await officer.GetFromJsonAsync<JsonElement>("/api/me");

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, apiFirst.StatusCode);
        Assert.Equal("/Account/ChangePassword", home.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noAgency.StatusCode);
        Assert.Contains("Cán bộ đơn vị phải gắn với một cơ quan", await noAgency.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Cán bộ Sở Y tế", me.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Number, me.GetProperty("agencyId").ValueKind);
    }

    [Fact]
    public async Task An_officer_is_bound_to_the_agency_named_exactly_or_refused_with_the_closest_names()
    {
        await using var app = await RunningApp.StartAsync();
        using var admin = await app.BrowserClientAsync(RunningApp.AdminEmail);
        var form = await admin.GetStringAsync("/Admin/Users");
        var token = await RunningApp.AntiforgeryTokenAsync(admin, "/Admin/Users");

        var commune = await admin.PostAsync("/Admin/Users?handler=Create", Form(token,
            ("email", "hoaphu@example.vn"), ("role", "agency"), ("agency", "UBND xã Hòa Phú"), ("password", RunningApp.Password)));
        var two = await admin.PostAsync("/Admin/Users?handler=Create", Form(token,
            ("email", "hai@example.vn"), ("role", "agency"), ("agency", "Sở Tư pháp, Sở Y tế"), ("password", RunningApp.Password)));
        var alias = await admin.PostAsync("/Admin/Users?handler=Create", Form(token,
            ("email", "ubnd@example.vn"), ("role", "agency"), ("agency", "UBND tỉnh"), ("password", RunningApp.Password)));
        var communeText = await commune.Content.ReadAsStringAsync();
        var twoText = await two.Content.ReadAsStringAsync();
        var users = await admin.GetStringAsync("/Admin/Users");

        Assert.Contains("<option value=\"agency\" selected=\"selected\">", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, commune.StatusCode);
        Assert.Contains("mang đúng tên &quot;UBND xã Hòa Phú&quot;", communeText, StringComparison.Ordinal);
        Assert.Contains("tên gần nhất:", communeText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, two.StatusCode);
        Assert.Contains("tên gần nhất: Sở Tư pháp; Sở Y tế", twoText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, alias.StatusCode);
        Assert.DoesNotContain("hoaphu@example.vn", users, StringComparison.Ordinal);
        Assert.DoesNotContain("hai@example.vn", users, StringComparison.Ordinal);
        Assert.Contains("<td>ubnd@example.vn</td><td></td><td>Cán bộ đơn vị</td><td>Ủy ban nhân dân tỉnh</td>", users, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_page_names_the_icon()
    {
        // The icon itself is served from wwwroot, which the browser suite (tests/e2e) checks against the Release build.
        await using var app = await RunningApp.StartAsync();
        var login = await app.Client.GetStringAsync("/Account/Login");

        Assert.Contains("<link rel=\"icon\" href=\"/favicon.ico\"", login, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_locked_account_can_no_longer_use_its_token()
    {
        await using var app = await RunningApp.StartAsync();
        await app.AddUserAsync("canbo@example.vn", "leader");
        using var leader = await app.ApiClientAsync("canbo@example.vn");
        using var admin = await app.BrowserClientAsync(RunningApp.AdminEmail);
        var page = await admin.GetStringAsync("/Admin/Users");
        var token = await RunningApp.AntiforgeryTokenAsync(admin, "/Admin/Users");
        var userId = System.Text.RegularExpressions.Regex.Match(page, "name=\"userId\" value=\"([^\"]+)\"[^>]*/>\\s*<input type=\"text\" name=\"displayName\" value=\"canbo\"").Groups[1].Value;

        var locked = await admin.PostAsync("/Admin/Users?handler=Lock", Form(token, ("userId", userId), ("locked", "true")));
        var after = await leader.GetAsync("/api/plans");
        var signIn = await app.Client.PostAsJsonAsync("/api/auth/login", new { email = "canbo@example.vn", password = RunningApp.Password });

        Assert.False(string.IsNullOrEmpty(userId));
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
    }

    [Fact]
    public async Task The_administrator_edits_an_agencys_aliases_and_a_duplicate_alias_is_refused()
    {
        await using var app = await RunningApp.StartAsync();
        using var admin = await app.BrowserClientAsync(RunningApp.AdminEmail);
        using var api = await app.ApiClientAsync(RunningApp.AdminEmail);
        var token = await RunningApp.AntiforgeryTokenAsync(admin, "/Admin/Agencies");

        var created = await admin.PostAsync("/Admin/Agencies?handler=Create", Form(token,
            ("name", "Trung tâm Lưu trữ lịch sử tỉnh"), ("kind", "PublicServiceUnit"), ("aliases", "TTLTLS\nTrung tâm lưu trữ")));
        var page = await admin.GetStringAsync("/Admin/Agencies?filter=" + Uri.EscapeDataString("Lưu trữ lịch sử"));
        var id = System.Text.RegularExpressions.Regex.Match(page, "name=\"id\" value=\"(\\d+)\"").Groups[1].Value;
        var edited = await admin.PostAsync("/Admin/Agencies?handler=Update", Form(token,
            ("id", id), ("name", "Trung tâm Lưu trữ lịch sử tỉnh"), ("kind", "PublicServiceUnit"), ("aliases", "Trung tâm lưu trữ\nBộ phận một cửa tỉnh")));
        var duplicate = await admin.PostAsync("/Admin/Agencies?handler=Create", Form(token,
            ("name", "Bộ phận tiếp nhận"), ("kind", "Other"), ("aliases", "bo phan mot cua tinh")));
        var match = await api.GetFromJsonAsync<JsonElement>("/api/agencies/match?text=" + Uri.EscapeDataString("Bộ phận một cửa tỉnh; TTLTLS"));

        Assert.True(created.StatusCode == HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("đã dùng cho", await duplicate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Trung tâm Lưu trữ lịch sử tỉnh", match[0].GetProperty("name").GetString());
        Assert.Equal("Unknown", match[1].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task The_directory_page_lists_fifty_agencies_a_page_and_names_a_parent_exactly_or_refuses_it()
    {
        await using var app = await RunningApp.StartAsync();
        using var admin = await app.BrowserClientAsync(RunningApp.AdminEmail);
        var token = await RunningApp.AntiforgeryTokenAsync(admin, "/Admin/Agencies");
        static int Rows(string html) => System.Text.RegularExpressions.Regex.Matches(html, "name=\"id\" value=\"\\d+\"").Count;
        static string Count(string html) => System.Text.RegularExpressions.Regex.Match(html, "id=\"agencies-count\">([0-9.]+) cơ quan").Groups[1].Value;

        var first = await admin.GetStringAsync("/Admin/Agencies");
        var next = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(first, "href=\"([^\"]*after=[^\"]*)\"").Groups[1].Value);
        var second = await admin.GetStringAsync(next);
        var total = int.Parse(Count(first).Replace(".", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);

        Assert.True(total > 50, $"the default directory holds {total} agencies");
        Assert.Equal(50, Rows(first));
        Assert.Equal(Math.Min(50, total - 50), Rows(second));
        Assert.Empty(System.Text.RegularExpressions.Regex.Matches(first, "name=\"id\" value=\"(\\d+)\"").Select(m => m.Groups[1].Value)
            .Intersect(System.Text.RegularExpressions.Regex.Matches(second, "name=\"id\" value=\"(\\d+)\"").Select(m => m.Groups[1].Value)));

        await admin.PostAsync("/Admin/Agencies?handler=Create", Form(token, ("name", "Trung tâm Phục vụ hành chính công tỉnh"), ("kind", "PublicServiceUnit"), ("aliases", "")));
        var found = await admin.GetStringAsync("/Admin/Agencies?filter=" + Uri.EscapeDataString("phuc vu hanh chinh cong"));
        var id = System.Text.RegularExpressions.Regex.Match(found, "name=\"id\" value=\"(\\d+)\"").Groups[1].Value;
        var unknown = await admin.PostAsync("/Admin/Agencies?handler=Update", Form(token,
            ("id", id), ("name", "Trung tâm Phục vụ hành chính công tỉnh"), ("kind", "PublicServiceUnit"), ("aliases", ""), ("parent", "Văn phòng UBND")));
        var parented = await admin.PostAsync("/Admin/Agencies?handler=Update", Form(token,
            ("id", id), ("name", "Trung tâm Phục vụ hành chính công tỉnh"), ("kind", "PublicServiceUnit"), ("aliases", ""), ("parent", "Văn phòng Ủy ban nhân dân tỉnh")));
        found = await admin.GetStringAsync("/Admin/Agencies?filter=" + Uri.EscapeDataString("phuc vu hanh chinh cong"));

        Assert.Equal("1", Count(found));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Không có cơ quan \"Văn phòng UBND\" trong danh mục", System.Net.WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, parented.StatusCode);
        Assert.Contains("name=\"parent\" value=\"Văn phòng Ủy ban nhân dân tỉnh\"", System.Net.WebUtility.HtmlDecode(found), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_form_on_the_task_page_shows_the_conflict_and_the_current_values()
    {
        await using var plan = await PlanFixture.StartAsync();
        using var browser = await plan.App.BrowserClientAsync(PlanFixture.TaiChinh);
        using var api = await plan.App.ApiClientAsync(PlanFixture.TaiChinh);
        var id = plan.TaskId("Số hóa hồ sơ");
        var token = await RunningApp.AntiforgeryTokenAsync(browser, $"/Tasks/{id}");
        await api.PostAsJsonAsync($"/api/tasks/{id}/progress", new { percent = 25, summary = "Qua API trước" });

        var stale = await browser.PostAsync($"/Tasks/{id}?handler=Progress", new MultipartFormDataContent
        {
            { new StringContent("0"), "version" },
            { new StringContent("10"), "percent" },
            { new StringContent("Từ trang cũ"), "summary" },
            { new StringContent(token), "__RequestVerificationToken" },
        });
        var html = await stale.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("vừa được người khác cập nhật", html, StringComparison.Ordinal);
        Assert.Contains("Giá trị hiện tại: tiến độ 25%", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_office_records_an_event_on_its_page_with_dates_as_dd_MM_yyyy()
    {
        await using var plan = await PlanFixture.StartAsync();
        using var office = await plan.App.BrowserClientAsync(PlanFixture.Office);
        var token = await RunningApp.AntiforgeryTokenAsync(office, "/Events");

        var bad = await office.PostAsync("/Events", Form(token, ("name", "Đại hội Đảng bộ tỉnh"), ("occurredOn", "31/02/2026")));
        var recorded = await office.PostAsync("/Events", Form(token, ("name", "Đại hội Đảng bộ tỉnh"), ("occurredOn", "20/11/2026"), ("documentNumber", "01-NQ/ĐH"), ("documentDate", "20/11/2026")));
        var page = await office.GetStringAsync("/Events");
        var task = await office.GetStringAsync($"/Tasks/{plan.TaskId("Quán triệt")}");

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Ngày diễn ra không hợp lệ", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.Contains("Đã ghi nhận. 1 nhiệm vụ đã được xác định thời hạn.", page, StringComparison.Ordinal);
        Assert.Contains("01-NQ/ĐH 20/11/2026", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Hạn đang áp dụng</dt><dd>05/12/2026</dd>", task, StringComparison.Ordinal);
    }
}
