using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DonDoc.Web.Tests.Hosting;
using static DonDoc.Web.Tests.Hosting.PlanFixture;

namespace DonDoc.Web.Tests.Access;

/// <summary>
/// A session follows its account: a change of role, agency, lock or password, and signing out, end
/// every bearer token and browser cookie issued before, at once; a cookie renewed by use still ends.
/// </summary>
public sealed class SessionTest(PlansOnEveryDatabase plans) : IClassFixture<PlansOnEveryDatabase>
{
    private const string Review = "Rà soát thủ tục hành chính"; // Sở Nội vụ leads, Sở Tư pháp coordinates

    [Theory]
    [MemberData(nameof(RunningApp.Providers), MemberType = typeof(RunningApp))]
    public async Task An_officer_moved_to_another_agency_loses_the_old_agencys_tasks_at_once(string provider)
    {
        var plan = await plans.PlanAsync(provider);
        const string email = "chuyen-cong-tac@example.vn";
        await plan.App.AddUserAsync(email, "agency", "Sở Tư pháp");
        using var api = await plan.App.ApiClientAsync(email);
        using var browser = await plan.App.BrowserClientAsync(email);
        using var admin = await plan.App.BrowserClientAsync(RunningApp.AdminEmail);
        var task = plan.TaskId(Review);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/Tasks/{task}")).StatusCode);

        var moved = await AdminPages.UpdateUserAsync(admin, email, "agency", "Sở Y tế");
        var progress = await api.PostAsJsonAsync($"/api/tasks/{task}/progress", new { summary = "Vẫn báo cáo phối hợp thay Sở Tư pháp" });
        var page = await browser.GetAsync($"/Tasks/{task}");
        using var again = await plan.App.ApiClientAsync(email);
        var now = await again.GetAsync($"/api/tasks/{task}");

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, progress.StatusCode);
        Assert.True(AdminPages.SendsToSignIn(page), $"the old cookie answered {page.StatusCode}");
        Assert.Equal(HttpStatusCode.NotFound, now.StatusCode);
    }

    [Theory]
    [MemberData(nameof(RunningApp.Providers), MemberType = typeof(RunningApp))]
    public async Task A_monitor_demoted_to_leader_can_no_longer_import(string provider)
    {
        var plan = await plans.PlanAsync(provider);
        const string email = "ha-vai-tro@example.vn";
        await plan.App.AddUserAsync(email, "monitor");
        using var api = await plan.App.ApiClientAsync(email);
        using var admin = await plan.App.BrowserClientAsync(RunningApp.AdminEmail);

        var demoted = await AdminPages.UpdateUserAsync(admin, email, "leader", null);
        using var content = new MultipartFormDataContent();
        content.Add(new ByteArrayContent(await File.ReadAllBytesAsync(FixturePath("ke-hoach-cai-cach.txt"))), "file", "ke-hoach.txt");
        var import = await api.PostAsync("/api/imports", content);

        Assert.Equal(HttpStatusCode.Redirect, demoted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, import.StatusCode);
    }

    [Theory]
    [MemberData(nameof(RunningApp.Providers), MemberType = typeof(RunningApp))]
    public async Task A_locked_users_browser_session_ends_at_once(string provider)
    {
        var plan = await plans.PlanAsync(provider);
        const string email = "bi-khoa@example.vn";
        await plan.App.AddUserAsync(email, "agency", "Sở Nội vụ");
        using var browser = await plan.App.BrowserClientAsync(email);
        using var admin = await plan.App.BrowserClientAsync(RunningApp.AdminEmail);
        var task = plan.TaskId(Review);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/Tasks/{task}")).StatusCode);

        var locked = await AdminPages.LockUserAsync(admin, email, locked: true);
        var page = await browser.GetAsync($"/Tasks/{task}");

        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        Assert.True(AdminPages.SendsToSignIn(page), $"the locked user's cookie answered {page.StatusCode}");
    }

    [Theory]
    [MemberData(nameof(RunningApp.Providers), MemberType = typeof(RunningApp))]
    public async Task A_cookie_replayed_after_signing_out_opens_nothing(string provider)
    {
        var plan = await plans.PlanAsync(provider);
        const string email = "dang-xuat@example.vn";
        await plan.App.AddUserAsync(email, "leader");
        var cookies = new CookieContainer();
        using var browser = await plan.App.BrowserClientAsync(email, null, cookies);
        var stolen = cookies.GetCookieHeader(plan.App.Address);
        var token = await RunningApp.AntiforgeryTokenAsync(browser, "/Dashboard");

        var signedOut = await browser.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        using var replay = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = plan.App.Address, Timeout = Timeout.InfiniteTimeSpan };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Dashboard");
        request.Headers.Add("Cookie", stolen);
        var replayed = await replay.SendAsync(request);

        Assert.Contains("DonDoc=", stolen, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.True(AdminPages.SendsToSignIn(replayed), $"the replayed cookie answered {replayed.StatusCode}");
    }

    [Theory]
    [MemberData(nameof(RunningApp.Providers), MemberType = typeof(RunningApp))]
    public async Task Changing_the_password_ends_the_accounts_other_sessions(string provider)
    {
        var plan = await plans.PlanAsync(provider);
        const string email = "doi-mat-khau@example.vn";
        await plan.App.AddUserAsync(email, "leader");
        using var here = await plan.App.BrowserClientAsync(email);
        using var elsewhere = await plan.App.BrowserClientAsync(email);
        using var api = await plan.App.ApiClientAsync(email);
        var token = await RunningApp.AntiforgeryTokenAsync(here, "/Account/ChangePassword");

        var changed = await here.PostAsync("/Account/ChangePassword", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["CurrentPassword"] = RunningApp.Password, ["NewPassword"] = "Mat-khau-Moi-2027", ["__RequestVerificationToken"] = token,
        }));
        var otherBrowser = await elsewhere.GetAsync("/Dashboard");
        var thisBrowser = await here.GetAsync("/Dashboard");
        var oldToken = await api.GetAsync("/api/plans");

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.True(AdminPages.SendsToSignIn(otherBrowser), $"the other browser answered {otherBrowser.StatusCode}");
        Assert.Equal(HttpStatusCode.OK, thisBrowser.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, oldToken.StatusCode);
    }

    [Theory]
    [MemberData(nameof(RunningApp.Providers), MemberType = typeof(RunningApp))]
    public async Task A_session_renewed_by_use_still_ends_twelve_hours_after_signing_in(string provider)
    {
        await using var app = await RunningApp.StartOnAsync(provider);
        await app.AddUserAsync("lanhdao@example.vn", "leader");
        using var browser = await app.BrowserClientAsync("lanhdao@example.vn");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 2; i++)
        {
            app.Clock.Advance(TimeSpan.FromHours(5));
            statuses.Add((await browser.GetAsync("/Dashboard")).StatusCode);
        }

        app.Clock.Advance(TimeSpan.FromHours(5));
        var afterFifteenHours = await browser.GetAsync("/Dashboard");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], statuses);
        Assert.True(AdminPages.SendsToSignIn(afterFifteenHours), $"a cookie fifteen hours old answered {afterFifteenHours.StatusCode}");
    }

    [Theory]
    [MemberData(nameof(RunningApp.Providers), MemberType = typeof(RunningApp))]
    public async Task An_unknown_account_and_a_locked_one_get_the_same_answer(string provider)
    {
        await using var app = await RunningApp.StartOnAsync(provider);
        await app.AddUserAsync("co-that@example.vn", "leader");

        async Task<(HttpStatusCode, string?)> SignInAsync(string email, string password)
        {
            var response = await app.Client.PostAsJsonAsync("/api/auth/login", new { email, password });
            return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        }

        for (var i = 0; i < 5; i++)
        {
            await SignInAsync("co-that@example.vn", "sai-mat-khau");
            await SignInAsync("khong-co@example.vn", "sai-mat-khau");
        }

        var locked = await SignInAsync("co-that@example.vn", RunningApp.Password);
        var unknown = await SignInAsync("khong-co@example.vn", RunningApp.Password);
        var lockedPage = await LoginPageAsync(app, "co-that@example.vn");
        var unknownPage = await LoginPageAsync(app, "khong-co@example.vn");

        Assert.Equal(HttpStatusCode.Unauthorized, locked.Item1);
        Assert.Equal(unknown, locked);
        Assert.Equal(unknownPage, lockedPage);
    }

    /// <summary>The message the sign-in page shows after a refused sign-in.</summary>
    private static async Task<string> LoginPageAsync(RunningApp app, string email)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = app.Address, Timeout = Timeout.InfiniteTimeSpan };
        var token = await RunningApp.AntiforgeryTokenAsync(browser, "/Account/Login");
        var response = await browser.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = RunningApp.Password, ["__RequestVerificationToken"] = token,
        }));
        var html = await response.Content.ReadAsStringAsync();
        return System.Text.RegularExpressions.Regex.Match(html, "<p class=\"error\"[^>]*>([^<]*)</p>").Groups[1].Value + " " + (int)response.StatusCode;
    }
}
