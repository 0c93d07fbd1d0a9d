using System.Net;
using DonDoc.Data.Storage;
using DonDoc.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using static DonDoc.Web.Tests.Hosting.PlanFixture;

namespace DonDoc.Web.Tests.Access;

/// <summary>Every act of administration, and every step of an import, leaves an entry in the audit trail.</summary>
public sealed class AuditTrailTest
{
    private static async Task<IReadOnlyList<string>> ActionsAsync(RunningApp app)
    {
        using var scope = app.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DonDocDbContext>();
        return await db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
    }

    [Theory]
    [MemberData(nameof(RunningApp.Providers), MemberType = typeof(RunningApp))]
    public async Task Accounts_the_directory_and_drafts_are_audited(string provider)
    {
        await using var app = await RunningApp.StartOnAsync(provider);
        await app.AddUserAsync(Office, "monitor");
        using var admin = await app.BrowserClientAsync(RunningApp.AdminEmail);
        using var office = await app.ApiClientAsync(Office);
        using var officeBrowser = await app.BrowserClientAsync(Office);
        var token = await RunningApp.AntiforgeryTokenAsync(admin, "/Admin/Users");
        var statuses = new List<HttpStatusCode>();

        statuses.Add((await admin.PostAsync("/Admin/Users?handler=Create", AdminPages.Form(token,
            ("email", "moi@example.vn"), ("displayName", "Cán bộ mới"), ("role", "agency"), ("agency", "Sở Y tế"), ("password", RunningApp.Password)))).StatusCode);
        statuses.Add((await AdminPages.UpdateUserAsync(admin, "moi@example.vn", "agency", "Sở Tư pháp")).StatusCode);
        statuses.Add((await AdminPages.LockUserAsync(admin, "moi@example.vn", locked: true)).StatusCode);
        statuses.Add((await AdminPages.LockUserAsync(admin, "moi@example.vn", locked: false)).StatusCode);
        statuses.Add((await admin.PostAsync("/Admin/Users?handler=ResetPassword", AdminPages.Form(token,
            ("userId", await AdminPages.UserIdAsync(admin, "moi@example.vn")), ("password", "Mat-khau-Tam-2026")))).StatusCode);
        statuses.Add((await admin.PostAsync("/Admin/Agencies?handler=Create", AdminPages.Form(token,
            ("name", "Ban Quản lý dự án tỉnh"), ("kind", "PublicServiceUnit"), ("aliases", "BQLDA")))).StatusCode);
        var agencies = await admin.GetStringAsync("/Admin/Agencies?filter=" + Uri.EscapeDataString("Ban Quản lý dự án"));
        var agencyId = System.Text.RegularExpressions.Regex.Match(agencies, "name=\"id\" value=\"(\\d+)\"").Groups[1].Value;
        statuses.Add((await admin.PostAsync("/Admin/Agencies?handler=Update", AdminPages.Form(token,
            ("id", agencyId), ("name", "Ban Quản lý dự án tỉnh"), ("kind", "PublicServiceUnit"), ("aliases", "BQLDA tỉnh")))).StatusCode);
        statuses.Add((await admin.PostAsync("/Admin/Agencies?handler=Group", AdminPages.Form(token,
            ("name", "Các ban quản lý"), ("members", "Ban Quản lý dự án tỉnh")))).StatusCode);

        var draft = await ImportAsync(office, "ke-hoach-cai-cach.txt");
        var id = draft.GetProperty("id").GetInt32();
        await SaveDraftAsync(office, draft, _ => null);
        var reviewToken = await RunningApp.AntiforgeryTokenAsync(officeBrowser, $"/Imports/Review/{id}");
        statuses.Add((await officeBrowser.PostAsync($"/Imports/Review/{id}?handler=Remember", AdminPages.Form(reviewToken,
            ("text", "VP Sở Nội vụ tỉnh"), ("aliasOf", "Sở Nội vụ")))).StatusCode);
        statuses.Add((await office.DeleteAsync($"/api/imports/{id}")).StatusCode);
        var actions = await ActionsAsync(app);

        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.Redirect or HttpStatusCode.NoContent, $"answered {(int)s}"));
        Assert.Equal(
            ["account.create", "account.update", "account.lock", "account.unlock", "account.password-reset",
             "agency.create", "agency.update", "agency.group", "draft.import", "draft.edit", "agency.remember", "draft.discard"],
            actions.TakeLast(12).ToArray());
    }
}
