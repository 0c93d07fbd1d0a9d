using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace DonDoc.Web.Tests.Hosting;

/// <summary>What those who run DonDoc rely on: /healthz for the load balancer, one log line per request, quiet SQL.</summary>
public sealed class OperationsTest
{
    [Theory]
    [MemberData(nameof(RunningApp.Providers), MemberType = typeof(RunningApp))]
    public async Task Healthz_reports_the_database_its_migrations_and_the_scheduler(string provider)
    {
        await using var app = await RunningApp.StartOnAsync(provider);

        var response = await app.Client.GetAsync("/healthz");
        var health = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.Equal(["database", "migrations", "scheduler"], health.GetProperty("checks").EnumerateObject().Select(c => c.Name).Order().ToArray());
        Assert.All(health.GetProperty("checks").EnumerateObject(), c => Assert.Equal("Healthy", c.Value.GetProperty("status").GetString()));
    }

    [Theory]
    [MemberData(nameof(RunningApp.Providers), MemberType = typeof(RunningApp))]
    public async Task Healthz_reports_the_reminder_scheduler_running_and_503_once_it_stands_by(string provider)
    {
        await using var app = await RunningApp.StartOnAsync(provider, "--Reminders:Scheduler=true");
        var scheduler = await app.App.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();
        // Quartz starts the scheduler once the application has started (AwaitApplicationStarted), a moment after the host
        // answers; until then /healthz rightly says it is not running. On a busy machine that moment is long.
        while (await scheduler.GetStatus(CancellationToken.None) != Quartz.SchedulerStatus.Running)
        {
            await Task.Delay(20);
        }

        var running = await app.Client.GetAsync("/healthz");
        var runningHealth = await running.Content.ReadFromJsonAsync<JsonElement>();
        await scheduler.Standby();
        var standing = await app.Client.GetAsync("/healthz");
        var standingHealth = await standing.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, running.StatusCode);
        var check = runningHealth.GetProperty("checks").GetProperty("scheduler");
        Assert.Equal("Healthy", check.GetProperty("status").GetString());
        Assert.StartsWith("started, next outbox dispatch", check.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, standing.StatusCode);
        Assert.Equal("Unhealthy", standingHealth.GetProperty("checks").GetProperty("scheduler").GetProperty("status").GetString());
        Assert.Contains("Standby", standingHealth.GetProperty("checks").GetProperty("scheduler").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_answers_503_when_the_database_is_gone()
    {
        await using var app = await RunningApp.StartAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(app.DatabaseFile);
        Directory.CreateDirectory(app.DatabaseFile); // a folder where the file was: SQLite cannot open it

        var response = await app.Client.GetAsync("/healthz");
        var health = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", health.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Directory.Delete(app.DatabaseFile);
    }

    [Fact]
    public async Task Each_request_is_logged_once_at_Information_with_user_action_and_timing_and_SQL_is_not()
    {
        var logs = new CollectedLogs();
        await using var app = await RunningApp.StartWithAsync(null, services => services.AddSingleton<ILoggerProvider>(logs), "--Logging:LogLevel:Default=Information");
        using var api = await app.ApiClientAsync(RunningApp.AdminEmail);
        var before = logs.Entries.Count;

        await api.GetAsync("/api/plans");
        await api.GetAsync("/api/khong-co");
        var entries = logs.Entries.Skip(before).ToList();
        var requests = entries.Where(e => e.Category == "DonDoc.Requests").ToList();

        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal(LogLevel.Information, r.Level));
        Assert.Equal("/api/plans", requests[0].Values["Action"]);
        Assert.Equal(200, requests[0].Values["Status"]);
        Assert.Equal(404, requests[1].Values["Status"]);
        Assert.All(requests, r => Assert.NotEqual("anonymous", r.Values["UserId"]));
        Assert.All(requests, r => Assert.IsType<double>(r.Values["ElapsedMs"]));
        Assert.DoesNotContain(entries, e => e.Category.StartsWith("Microsoft.EntityFrameworkCore.Database.Command", StringComparison.Ordinal) && e.Level >= LogLevel.Information);
        Assert.DoesNotContain(entries, e => e.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) && e.Level == LogLevel.Information);
    }
}
