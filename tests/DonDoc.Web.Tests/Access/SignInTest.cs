using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DonDoc.Web.Tests.Hosting;

namespace DonDoc.Web.Tests.Access;

public sealed class SignInTest
{
    [Fact]
    public async Task A_wrong_password_is_refused_in_Vietnamese_and_five_lock_the_account_with_the_same_answer()
    {
        await using var app = await RunningApp.StartAsync();
        await app.AddUserAsync("canbo@example.vn", "agency", "Sở Y tế");

        var first = await app.Client.PostAsJsonAsync("/api/auth/login", new { email = "canbo@example.vn", password = "sai-mat-khau" });
        for (var i = 0; i < 4; i++)
        {
            await app.Client.PostAsJsonAsync("/api/auth/login", new { email = "canbo@example.vn", password = "sai-mat-khau" });
        }

        var locked = await app.Client.PostAsJsonAsync("/api/auth/login", new { email = "canbo@example.vn", password = RunningApp.Password });

        // Locked or not, the answer is the same: it does not tell which accounts exist.
        var refusal = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.StartsWith("Sai địa chỉ thư hoặc mật khẩu", refusal, StringComparison.Ordinal);
        Assert.Contains("tạm khóa", refusal, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Equal(refusal, (await locked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Signing_out_through_the_API_ends_the_token()
    {
        await using var app = await RunningApp.StartAsync();
        using var api = await app.ApiClientAsync(RunningApp.AdminEmail);

        var before = await api.GetAsync("/api/plans");
        var logout = await api.PostAsync("/api/auth/logout", null);
        var after = await api.GetAsync("/api/plans");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task The_sign_in_page_refuses_a_post_without_the_anti_forgery_token()
    {
        await using var app = await RunningApp.StartAsync();

        var response = await app.Client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = RunningApp.AdminEmail,
            ["Password"] = RunningApp.AdminPassword,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_user_changes_their_password_and_signs_in_with_the_new_one()
    {
        await using var app = await RunningApp.StartAsync();
        await app.AddUserAsync("lanhdao@example.vn", "leader");
        using var browser = await app.BrowserClientAsync("lanhdao@example.vn");
        var token = await RunningApp.AntiforgeryTokenAsync(browser, "/Account/ChangePassword");

        var weak = await browser.PostAsync("/Account/ChangePassword", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["CurrentPassword"] = RunningApp.Password, ["NewPassword"] = "ngan", ["__RequestVerificationToken"] = token,
        }));
        var changed = await browser.PostAsync("/Account/ChangePassword", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["CurrentPassword"] = RunningApp.Password, ["NewPassword"] = "Mat-khau-Moi-2027", ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Contains("ít nhất 10 ký tự", await weak.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        using var again = await app.ApiClientAsync("lanhdao@example.vn", "Mat-khau-Moi-2027");
    }

    [Fact]
    public async Task A_token_stays_valid_across_a_restart()
    {
        var app = await RunningApp.StartAsync();
        var directory = app.Directory;
        var token = (await app.ApiClientAsync(RunningApp.AdminEmail)).DefaultRequestHeaders.Authorization;
        await app.StopAsync();

        await using var restarted = await RunningApp.StartAsync(directory);
        using var client = new HttpClient { BaseAddress = restarted.Address, Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.Authorization = token;

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/plans")).StatusCode);
    }
}
