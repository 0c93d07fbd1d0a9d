using System.Text.Json;
using DonDoc.Data.Storage;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DonDoc.Web.Hosting;

/// <summary>
/// <c>GET /healthz</c> for a load balancer: 200 when the database answers, its migrations are current and the
/// scheduler beats; 503 otherwise, with each check's state as JSON. Anonymous, and reveals no data.
/// </summary>
public static class HealthEndpoints
{
    public const string Path = "/healthz";

    public static IServiceCollection AddDonDocHealthChecks(this IServiceCollection services)
    {
        services.AddSingleton<SchedulerHeartbeat>();
        services.AddHostedService(sp => sp.GetRequiredService<SchedulerHeartbeat>());
        services.AddHealthChecks()
            .AddCheck<DatabaseCheck>("database")
            .AddCheck<MigrationsCheck>("migrations")
            .AddCheck<SchedulerCheck>("scheduler");
        return services;
    }

    public static void MapDonDocHealth(this WebApplication app) =>
        app.MapHealthChecks(Path, new HealthCheckOptions { ResponseWriter = WriteAsync }).AllowAnonymous().DisableHttpMetrics();

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        }));
    }

    private sealed class DatabaseCheck(DonDocDbContext db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                return await db.Database.CanConnectAsync(cancellationToken)
                    ? HealthCheckResult.Healthy("reachable")
                    : HealthCheckResult.Unhealthy("unreachable");
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy("unreachable: " + error.GetType().Name);
            }
        }
    }

    private sealed class MigrationsCheck(DonDocDbContext db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
                return pending == 0 ? HealthCheckResult.Healthy("current") : HealthCheckResult.Unhealthy($"{pending} pending");
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy("unknown: " + error.GetType().Name);
            }
        }
    }

    private sealed class SchedulerCheck(SchedulerHeartbeat heartbeat) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(heartbeat.IsAlive
                ? HealthCheckResult.Healthy($"last beat {heartbeat.LastBeat:O}")
                : HealthCheckResult.Unhealthy(heartbeat.LastBeat is { } last ? $"silent since {last:O}" : "never beat"));
    }
}
