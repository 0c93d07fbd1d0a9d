using System.Net;
using System.Text.RegularExpressions;
using DonDoc.Web.Tests.Hosting;

namespace DonDoc.Web.Tests.Access;

/// <summary>"Hướng dẫn sử dụng": linked from every page's header, a section per role with the reader's own first.</summary>
public sealed partial class UserGuideTest
{
    [Theory]
    [InlineData("lanhdao@example.vn", "leader", null, "lanh-dao")]
    [InlineData("canbo@example.vn", "agency", "Sở Tư pháp", "can-bo-don-vi")]
    [InlineData("vanphong@example.vn", "monitor", null, "van-phong-theo-doi")]
    [InlineData(RunningApp.AdminEmail, "admin", null, "quan-tri-he-thong")]
    public async Task The_guide_has_every_roles_section_with_the_readers_own_first(string email, string role, string? agency, string ownSection)
    {
        await using var app = await RunningApp.StartAsync();
        if (email != RunningApp.AdminEmail)
        {
            await app.AddUserAsync(email, role, agency);
        }

        using var browser = await app.BrowserClientAsync(email);

        var home = await browser.GetStringAsync("/?list=1");
        var guide = await browser.GetAsync("/HuongDan");
        var html = await guide.Content.ReadAsStringAsync();
        var sections = Section().Matches(html).Select(m => m.Groups[1].Value).ToList();

        Assert.Contains("<a href=\"/HuongDan\" id=\"guide-link\"", home, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, guide.StatusCode);
        Assert.Equal(ownSection, sections[0]);
        Assert.Equal(["can-bo-don-vi", "chung", "lanh-dao", "quan-tri-he-thong", "van-phong-theo-doi"], sections.Order().ToList());
        Assert.Contains("Báo cáo hoàn thành", html, StringComparison.Ordinal);
        Assert.Contains("Hoàn thành đúng hạn", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_guide_needs_a_sign_in()
    {
        await using var app = await RunningApp.StartAsync();

        var guide = await app.Client.GetAsync("/HuongDan");

        Assert.True(AdminPages.SendsToSignIn(guide), $"the guide answered {guide.StatusCode} to nobody");
    }

    [GeneratedRegex("<section id=\"([a-z-]+)\" class=\"guide\">")]
    private static partial Regex Section();
}
