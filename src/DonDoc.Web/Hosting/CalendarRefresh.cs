using DonDoc.Data.Storage;
using DonDoc.Tracking.Calendar;

namespace DonDoc.Web.Hosting;

/// <summary>
/// Reads the stored announcements of days off again every few minutes, so that an announcement added
/// through another instance of the app (behind a load balancer) counts here too. The instance that
/// stores one reads it at once.
/// </summary>
public sealed class CalendarRefresh(IServiceScopeFactory scopes, CurrentCalendar current, TimeProvider clock, ILogger<CalendarRefresh> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                await current.RefreshAsync(scope.ServiceProvider.GetRequiredService<DonDocDbContext>(), clock, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Reading the stored announcements of days off failed; the calendar read last stays in force");
            }
        }
    }
}
