using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using DonDoc.Web.Tests.Hosting;

namespace DonDoc.Web.Tests.Access;

/// <summary>Tests that read what the app prints on the console run alone, so that nothing else writes there meanwhile.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "Console";
}

[Collection(ConsoleCollection.Name)]
public sealed partial class FirstSignInTest
{
    [Fact]
    public async Task The_generated_administrator_password_must_be_changed_at_first_sign_in()
    {
        var console = new StringWriter();
        var original = Console.Out;
        Console.SetOut(console);
        RunningApp app;
        try
        {
            app = await RunningApp.StartAsync(null, "--Admin:Password=");
        }
        finally
        {
            Console.SetOut(original);
        }

        await using var _ = app;
        var password = OneTimePassword().Match(console.ToString()).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(password), "the one-time password was not printed");

        using var browser = await app.BrowserClientAsync(RunningApp.AdminEmail, password);
        var dashboard = await browser.GetAsync("/Dashboard");
        var api = await app.Client.PostAsJsonAsync("/api/auth/login", new { email = RunningApp.AdminEmail, password });
        var token = await RunningApp.AntiforgeryTokenAsync(browser, "/Account/ChangePassword");
        var changed = await browser.PostAsync("/Account/ChangePassword", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["CurrentPassword"] = password, ["NewPassword"] = "Quan-tri-Moi-2027", ["__RequestVerificationToken"] = token,
        }));
        var afterwards = await browser.GetAsync("/Dashboard");
        using var apiAfterwards = await app.ApiClientAsync(RunningApp.AdminEmail, "Quan-tri-Moi-2027");

        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
        Assert.StartsWith("/Account/ChangePassword", dashboard.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Contains("đổi mật khẩu", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
    }

    [GeneratedRegex("Mật khẩu dùng một lần: (\\S+)")]
    private static partial Regex OneTimePassword();
}
