using System.Net;
using DonDoc.Core.Deadlines;
using DonDoc.Core.Plans;
using DonDoc.Data.Plans;
using DonDoc.Data.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Tests.Hosting;

public sealed class WebAppTest
{
    [Fact]
    public async Task The_home_page_answers_in_Vietnamese_with_an_empty_plan_list()
    {
        await using var app = await RunningApp.StartAsync();

        var response = await app.Client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"vi\">", html, StringComparison.Ordinal);
        Assert.Contains("Danh sách kế hoạch", html, StringComparison.Ordinal);
        Assert.Contains("Chưa có kế hoạch nào", html, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task A_stored_plan_is_listed_and_its_tasks_are_shown()
    {
        await using var app = await RunningApp.StartAsync();
        var id = await StorePlanAsync(app);

        var list = await app.Client.GetStringAsync("/");
        var page = await app.Client.GetStringAsync($"/Plans/{id}");

        Assert.Contains("Kế hoạch kiểm tra công tác văn thư năm 2026", list, StringComparison.Ordinal);
        Assert.Contains("Rà soát danh mục hồ sơ", page, StringComparison.Ordinal);
        Assert.Contains("Văn phòng Sở", page, StringComparison.Ordinal);
        Assert.Contains("30/09/2026", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_plan_answers_404()
    {
        await using var app = await RunningApp.StartAsync();

        var response = await app.Client.GetAsync("/Plans/999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
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
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var admin = Assert.Single(await users.Users.ToListAsync());
            Assert.Equal(RunningApp.AdminEmail, admin.Email);
            Assert.True(await users.IsInRoleAsync(admin, "admin"));
            Assert.True(await users.CheckPasswordAsync(admin, RunningApp.AdminPassword));
            var list = await restarted.Client.GetStringAsync("/");
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
        db.Plans.Add(entity);
        await db.SaveChangesAsync();
        return entity.Id;
    }
}
