using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using DonDoc.Data.Storage;
using DonDoc.Tracking.Tests.Hosting;
using DonDoc.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Tests.Access;

/// <summary>
/// Passwords set again: by a link mailed over a real SMTP conversation when the server is configured (once, for
/// thirty minutes, stored as a hash, the same answer for any address), by the administrator otherwise; every old
/// session ends. And the header: the person's name leads to their profile.
/// </summary>
public sealed partial class PasswordResetTest
{
    private const string Email = "quen-mat-khau@example.vn";
    private const string NewPassword = "Mat-khau-Moi-2027";

    [Fact]
    public async Task A_forgotten_password_is_set_again_through_the_mailed_link_and_old_sessions_end()
    {
        await using var smtp = TestSmtpServer.Start();
        await using var app = await StartWithMailAsync(smtp);
        await app.AddUserAsync(Email, "leader");
        using var oldSession = await app.BrowserClientAsync(Email);

        var asked = await AskForLinkAsync(app, Email);
        var mail = await NextMailAsync(smtp);
        var token = LinkToken().Match(mail.TextBody ?? "").Groups[1].Value;
        using var browser = NewBrowser(app);
        var page = await browser.GetAsync($"/Account/ResetPassword?token={token}");
        var set = await SetPasswordAsync(browser, token, NewPassword);
        var oldSessionAfter = await oldSession.GetAsync("/Dashboard");
        using var signedIn = await app.BrowserClientAsync(Email, NewPassword);
        var dashboard = await signedIn.GetAsync("/Dashboard");
        var again = await browser.GetAsync($"/Account/ResetPassword?token={token}");
        string storedHash;
        using (var scope = app.App.Services.CreateScope())
        {
            storedHash = (await scope.ServiceProvider.GetRequiredService<DonDocDbContext>().PasswordResetTokens.SingleAsync()).TokenHash;
        }

        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Equal(Email, Assert.Single(mail.To.Mailboxes).Address);
        Assert.Equal("DonDoc – Đặt lại mật khẩu", mail.Subject);
        Assert.Contains("30 phút", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal("/Account/Login", set.Headers.Location!.OriginalString);
        Assert.True(AdminPages.SendsToSignIn(oldSessionAfter), $"the session from before the reset answered {oldSessionAfter.StatusCode}");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("không còn dùng được", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))), storedHash);
    }

    [Fact]
    public async Task Asking_for_a_link_answers_the_same_whether_or_not_the_address_has_an_account()
    {
        await using var smtp = TestSmtpServer.Start();
        await using var app = await StartWithMailAsync(smtp);
        await app.AddUserAsync(Email, "agency", "Sở Tư pháp");

        // The unknown address first: had it been mailed, its mail would arrive before the known one's.
        var unknown = await AskForLinkAsync(app, "khong-co-ai@example.vn");
        var known = await AskForLinkAsync(app, Email);
        var first = await NextMailAsync(smtp);

        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal(known.Headers.Location, unknown.Headers.Location);
        Assert.Equal(await known.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());
        Assert.Equal(Email, Assert.Single(first.To.Mailboxes).Address);
    }

    [Fact]
    public async Task A_link_opened_after_thirty_minutes_sets_nothing()
    {
        await using var smtp = TestSmtpServer.Start();
        await using var app = await StartWithMailAsync(smtp);
        await app.AddUserAsync(Email, "leader");
        await AskForLinkAsync(app, Email);
        var token = LinkToken().Match((await NextMailAsync(smtp)).TextBody ?? "").Groups[1].Value;
        using var browser = NewBrowser(app);
        var formToken = await RunningApp.AntiforgeryTokenAsync(browser, $"/Account/ResetPassword?token={token}");

        app.Clock.Advance(TimeSpan.FromMinutes(31));
        var page = await browser.GetAsync($"/Account/ResetPassword?token={token}");
        var set = await browser.PostAsync("/Account/ResetPassword", AdminPages.Form(formToken, ("Token", token), ("NewPassword", NewPassword)));
        using var oldPassword = await app.BrowserClientAsync(Email);

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, set.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await oldPassword.GetAsync("/Dashboard")).StatusCode);
    }

    [Fact]
    public async Task A_password_the_policy_refuses_leaves_the_link_usable()
    {
        await using var smtp = TestSmtpServer.Start();
        await using var app = await StartWithMailAsync(smtp);
        await app.AddUserAsync(Email, "leader");
        await AskForLinkAsync(app, Email);
        var token = LinkToken().Match((await NextMailAsync(smtp)).TextBody ?? "").Groups[1].Value;
        using var browser = NewBrowser(app);

        var weak = await SetPasswordAsync(browser, token, "ngan");
        var strong = await SetPasswordAsync(browser, token, NewPassword);

        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Contains("ít nhất 10 ký tự", await weak.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, strong.StatusCode);
    }

    [Fact]
    public async Task Without_a_mail_server_the_page_says_to_ask_the_administrator()
    {
        await using var app = await RunningApp.StartAsync();
        using var browser = NewBrowser(app);

        var login = await browser.GetStringAsync("/Account/Login");
        var page = await browser.GetStringAsync("/Account/ForgotPassword");
        // The page has no form without a mail server; the sign-in page's token serves a hand-made post.
        var token = await RunningApp.AntiforgeryTokenAsync(browser, "/Account/Login");
        var asked = await browser.PostAsync("/Account/ForgotPassword", AdminPages.Form(token, ("Email", RunningApp.AdminEmail)));

        Assert.Contains("href=\"/Account/ForgotPassword\"", login, StringComparison.Ordinal);
        Assert.Contains("Quên mật khẩu?", login, StringComparison.Ordinal);
        Assert.Contains("id=\"ask-administrator\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"forgot-form\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, asked.StatusCode);
        Assert.Contains("liên hệ quản trị hệ thống", await asked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrators_generated_password_is_shown_once_and_ends_the_users_sessions()
    {
        await using var app = await RunningApp.StartAsync();
        await app.AddUserAsync(Email, "agency", "Sở Nội vụ");
        using var oldSession = await app.BrowserClientAsync(Email);
        using var admin = await app.BrowserClientAsync(RunningApp.AdminEmail);
        var id = await AdminPages.UserIdAsync(admin, Email);
        var token = await RunningApp.AntiforgeryTokenAsync(admin, "/Admin/Users");

        var reset = await admin.PostAsync("/Admin/Users?handler=ResetPassword", AdminPages.Form(token, ("userId", id), ("password", "")));
        var html = await reset.Content.ReadAsStringAsync();
        var generated = GeneratedPassword().Match(html).Groups[1].Value;
        var listAfterwards = await admin.GetStringAsync("/Admin/Users");
        var oldSessionAfter = await oldSession.GetAsync("/DonVi");
        using var withGenerated = await app.BrowserClientAsync(Email, generated);
        var first = await withGenerated.GetAsync("/DonVi");

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.True(reset.Headers.CacheControl?.NoStore, "the page with the password may be cached");
        Assert.True(generated.Length >= 16, "no generated password on the page");
        Assert.DoesNotContain(generated, listAfterwards, StringComparison.Ordinal);
        Assert.True(AdminPages.SendsToSignIn(oldSessionAfter), $"the session from before the reset answered {oldSessionAfter.StatusCode}");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.StartsWith("/Account/ChangePassword", first.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_header_shows_the_persons_name_as_a_link_to_their_profile()
    {
        await using var app = await RunningApp.StartAsync();
        await app.AddUserAsync("nguyen-van-a@example.vn", "leader");
        using var browser = await app.BrowserClientAsync("nguyen-van-a@example.vn");

        var home = await browser.GetStringAsync("/Dashboard");
        var profile = await browser.GetStringAsync("/HoSo");

        Assert.Matches("<a href=\"/HoSo\" id=\"profile-link\"[^>]*>nguyen-van-a</a>", home);
        Assert.DoesNotContain(">Quản trị hệ thống</a>", home, StringComparison.Ordinal);
        Assert.Contains("href=\"/Account/ChangePassword\"", profile, StringComparison.Ordinal);
    }

    /// <summary>The next mail the app sends (it mails reset links in the background); the ceiling only ends a hung test.</summary>
    private static async Task<MimeKit.MimeMessage> NextMailAsync(TestSmtpServer smtp)
    {
        using var ceiling = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        return await smtp.NextMessageAsync(ceiling.Token);
    }

    private static Task<RunningApp> StartWithMailAsync(TestSmtpServer smtp) =>
        RunningApp.StartAsync(null, [.. smtp.Settings.Select(s => $"--{s.Key}={s.Value}")]);

    private static HttpClient NewBrowser(RunningApp app) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = app.Address, Timeout = Timeout.InfiniteTimeSpan };

    private static async Task<HttpResponseMessage> AskForLinkAsync(RunningApp app, string email)
    {
        using var browser = NewBrowser(app);
        var token = await RunningApp.AntiforgeryTokenAsync(browser, "/Account/ForgotPassword");
        return await browser.PostAsync("/Account/ForgotPassword", AdminPages.Form(token, ("Email", email)));
    }

    private static async Task<HttpResponseMessage> SetPasswordAsync(HttpClient browser, string token, string password)
    {
        var formToken = await RunningApp.AntiforgeryTokenAsync(browser, $"/Account/ResetPassword?token={token}");
        return await browser.PostAsync("/Account/ResetPassword", AdminPages.Form(formToken, ("Token", token), ("NewPassword", password)));
    }

    [GeneratedRegex("/Account/ResetPassword\\?token=([A-Za-z0-9_-]+)")]
    private static partial Regex LinkToken();

    [GeneratedRegex("id=\"generated-password\".*?<code>([^<]+)</code>", RegexOptions.Singleline)]
    private static partial Regex GeneratedPassword();
}
