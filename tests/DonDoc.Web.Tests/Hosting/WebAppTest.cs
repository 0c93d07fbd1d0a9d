using System.Net;
using DonDoc.Core.Deadlines;
using DonDoc.Core.Plans;
using DonDoc.Data.Plans;
using DonDoc.Data.Storage;
using DonDoc.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Tests.Hosting;

public sealed class WebAppTest
{
    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_the_Vietnamese_sign_in_page()
    {
        await using var app = await RunningApp.StartAsync();

        var home = await app.Client.GetAsync("/");
        var login = await app.Client.GetAsync("/Account/Login");
        var html = await login.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/Account/Login", home.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"vi\">", html, StringComparison.Ordinal);
        Assert.Contains("Đăng nhập", html, StringComparison.Ordinal);
        Assert.Equal("nosniff", login.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", login.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("default-src 'self'", login.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_signed_in_administrator_sees_an_empty_plan_list()
    {
        await using var app = await RunningApp.StartAsync();
        using var browser = await app.BrowserClientAsync(RunningApp.AdminEmail);

        var html = await browser.GetStringAsync("/");

        Assert.Contains("Danh sách kế hoạch", html, StringComparison.Ordinal);
        Assert.Contains("Chưa có kế hoạch nào", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stored_plan_is_listed_and_its_tasks_are_shown()
    {
        await using var app = await RunningApp.StartAsync();
        var id = await StorePlanAsync(app);
        using var browser = await app.BrowserClientAsync(RunningApp.AdminEmail);

        var list = await browser.GetStringAsync("/");
        var page = await browser.GetStringAsync($"/Plans/{id}");

        Assert.Contains("Kế hoạch kiểm tra công tác văn thư năm 2026", list, StringComparison.Ordinal);
        Assert.Contains("Rà soát danh mục hồ sơ", page, StringComparison.Ordinal);
        Assert.Contains("Văn phòng Sở", page, StringComparison.Ordinal);
        Assert.Contains("30/09/2026", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_plan_answers_404_with_a_Vietnamese_page()
    {
        await using var app = await RunningApp.StartAsync();
        using var browser = await app.BrowserClientAsync(RunningApp.AdminEmail);

        var response = await browser.GetAsync("/Plans/999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_first_start_creates_one_administrator_and_a_restart_keeps_the_data()
    {
        var app = await RunningApp.StartAsync();
        var directory = app.Directory;
        try
        {
            await StorePlanAsync(app);
            await app.StopAsync();

            await using var restarted = await RunningApp.StartAsync(directory);
            using var scope = restarted.App.Services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<DonDocUser>>();
            var admin = Assert.Single(await users.Users.ToListAsync());
            Assert.Equal(RunningApp.AdminEmail, admin.Email);
            Assert.True(await users.IsInRoleAsync(admin, "admin"));
            Assert.True(await users.CheckPasswordAsync(admin, RunningApp.AdminPassword));
            using var browser = await restarted.BrowserClientAsync(RunningApp.AdminEmail);
            var list = await browser.GetStringAsync("/");
            Assert.Contains("Kế hoạch kiểm tra công tác văn thư năm 2026", list, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static async Task<int> StorePlanAsync(RunningApp app)
    {
        var parser = new DeadlineParser();
        var plan = new Plan
        {
            Number = "42/KH-SNV",
            Issuer = "Sở Nội vụ",
            IssuedOn = new DateOnly(2026, 2, 10),
            Title = "Kế hoạch kiểm tra công tác văn thư năm 2026",
            Tasks =
            [
                new PlanTask
                {
                    Section = new Section("I", "NHIỆM VỤ CHUNG"),
                    Number = "1",
                    Content = "Rà soát danh mục hồ sơ của cơ quan",
                    Lead = "Văn phòng Sở",
                    Deadline = parser.Parse("Quý III/2026", 2026),
                },
            ],
        };
        using var scope = app.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DonDocDbContext>();
        var entity = plan.ToEntity(DateTimeOffset.UtcNow);
        entity.State = PlanState.Published;
        db.Plans.Add(entity);
        await db.SaveChangesAsync();
        // A plan stored by other means than publishing gets its tasks' state as the app starts or refreshes.
        await scope.ServiceProvider.GetRequiredService<DonDoc.Tracking.Tasks.TaskStatusRefresh>().BackfillAsync(CancellationToken.None);
        return entity.Id;
    }
}
