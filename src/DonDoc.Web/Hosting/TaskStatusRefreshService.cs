using DonDoc.Core.Calendar;
using DonDoc.Data.Storage;
using DonDoc.Tracking.Dashboard;
using DonDoc.Tracking.Tasks;

namespace DonDoc.Web.Hosting;

/// <summary>
/// Runs <see cref="TaskStatusRefresh"/> when the app starts and each day just after midnight in Asia/Ho_Chi_Minh,
/// then counts the dashboard for the new day, so that the first reader does not wait for it.
/// (The reminders issue moves this schedule to Quartz, clustered, beside the reminder jobs.)
/// </summary>
public sealed class TaskStatusRefreshService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<TaskStatusRefreshService> logger) : BackgroundService
{
    /// <summary>How long after midnight the day's refresh runs.</summary>
    public static readonly TimeSpan AfterMidnight = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<TaskStatusRefresh>().RunAsync(stoppingToken);
                var services = scope.ServiceProvider;
                await services.GetRequiredService<DashboardCounts>().AllAsync(
                    services.GetRequiredService<DonDocDbContext>(), services.GetRequiredService<TaskStatusReader>().Day, stoppingToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                logger.LogError(failure, "The daily refresh of task states failed; it runs again tomorrow");
            }

            var now = clock.GetUtcNow().ToOffset(VietnamTime.Offset);
            var next = new DateTimeOffset(now.Date.AddDays(1), VietnamTime.Offset) + AfterMidnight;
            await Task.Delay(next - now, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
