using System.Net;
using DonDoc.Web.Tests.Hosting;

namespace DonDoc.Web.Tests.Api;

/// <summary>
/// The API reference page (Scalar) that /Admin/ApiKeys and the README point integrators to: served from the
/// package's own files, reading the app's own document, behind sign-in unless the administrator opens it.
/// </summary>
public sealed class ApiReferencePageTest
{
    [Fact]
    public async Task The_reference_page_asks_a_visitor_to_sign_in_and_shows_a_signed_in_officer_the_document_from_local_files()
    {
        await using var app = await RunningApp.StartAsync();
        var anonymous = app.Client;

        var refused = await anonymous.GetAsync("/api-reference/");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/Account/Login", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        using var browser = await app.BrowserClientAsync(RunningApp.AdminEmail);
        var page = await FollowAsync(browser, "/api-reference");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("DonDoc — Tài liệu API", html, StringComparison.Ordinal);
        Assert.Contains("openapi/v1.json", html, StringComparison.Ordinal);
        // Offline: nothing is fetched from a CDN or a font service.
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);

        var script = await browser.GetAsync("/api-reference/scalar.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.True((await script.Content.ReadAsByteArrayAsync()).Length > 100_000);
    }

    [Fact]
    public async Task An_administrator_can_open_the_reference_page_to_the_public()
    {
        await using var app = await RunningApp.StartAsync(null, "--Api:PublicReference=true");
        var anonymous = app.Client;

        var page = await FollowAsync(anonymous, "/api-reference");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("openapi/v1.json", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_keys_page_links_to_a_reference_page_that_exists()
    {
        await using var app = await RunningApp.StartAsync();
        using var browser = await app.BrowserClientAsync(RunningApp.AdminEmail);

        var keys = await browser.GetStringAsync("/Admin/ApiKeys");
        var link = System.Text.RegularExpressions.Regex.Match(keys, "href=\"(/api-reference[^\"]*)\"").Groups[1].Value;

        Assert.NotEmpty(link);
        Assert.Equal(HttpStatusCode.OK, (await FollowAsync(browser, link)).StatusCode);
    }

    // Follows the page's own redirect (/api-reference → /api-reference/) without following one to sign-in.
    private static async Task<HttpResponseMessage> FollowAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        for (var hops = 0; hops < 3 && response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.MovedPermanently
            && response.Headers.Location is { } next && !next.OriginalString.Contains("/Account/Login", StringComparison.Ordinal); hops++)
        {
            response = await client.GetAsync(next);
        }

        return response;
    }
}
