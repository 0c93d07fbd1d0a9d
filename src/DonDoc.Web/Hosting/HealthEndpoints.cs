using System.Text.Json;
using DonDoc.Data.Storage;
using DonDoc.Tracking.Reminders;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace DonDoc.Web.Hosting;

/// <summary>
/// <c>GET /healthz</c> for a load balancer: 200 when the database answers, its migrations are current and the
/// reminder scheduler (Quartz) of this instance is started and keeps time; 503 otherwise, with each check's state
/// as JSON. Anonymous, and reveals no data.
/// </summary>
public static class HealthEndpoints
{
    public const string Path = "/healthz";

    public static IServiceCollection AddDonDocHealthChecks(this IServiceCollection services)
    {
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

    /// <summary>
    /// The reminder scheduler of this instance: healthy when it is started and its every-minute outbox trigger is not
    /// more than <see cref="Late"/> behind (a stuck or paused scheduler leaves the next fire time in the past); an
    /// instance told not to run it (<c>Reminders:Scheduler=false</c>) has nothing to report.
    /// </summary>
    private sealed class SchedulerCheck(ReminderOptions options, SchedulerHeartbeat heartbeat, IServiceProvider services) : IHealthCheck
    {
        private static readonly TimeSpan Late = TimeSpan.FromMinutes(2);

        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            if (!options.Scheduler)
            {
                return HealthCheckResult.Healthy("not run by this instance (Reminders:Scheduler=false)");
            }

            if (services.GetService<ISchedulerFactory>() is not { } factory)
            {
                return HealthCheckResult.Unhealthy("not configured");
            }

            var scheduler = await factory.GetScheduler(cancellationToken);
            var status = await scheduler.GetStatus(cancellationToken);
            if (status != SchedulerStatus.Running)
            {
                return HealthCheckResult.Unhealthy($"scheduler {status}");
            }

            var key = new TriggerKey(SchedulerHeartbeat.DispatchJob);
            var state = await scheduler.GetTriggerState(key, cancellationToken);
            var next = (await scheduler.GetTrigger(key, cancellationToken))?.NextFireTimeUtc;
            if (state is TriggerState.Error or TriggerState.Paused or TriggerState.None || next is null)
            {
                return HealthCheckResult.Unhealthy($"outbox trigger {state}");
            }

            var last = heartbeat.Last(SchedulerHeartbeat.DispatchJob);
            var beat = last is { } at ? $", last dispatch here {at:O}" : "";
            return scheduler.TimeProvider.GetUtcNow() - next.Value > Late
                ? HealthCheckResult.Unhealthy($"outbox dispatch late: due {next.Value:O}{beat}")
                : HealthCheckResult.Healthy($"started, next outbox dispatch {next.Value:O}{beat}");
        }
    }
}
