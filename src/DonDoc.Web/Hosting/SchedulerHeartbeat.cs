namespace DonDoc.Web.Hosting;

/// <summary>
/// The background worker's pulse: it beats at start and every <see cref="Interval"/>, and /healthz reports the
/// scheduler dead when no beat came for <see cref="Deadline"/>. The reminder scheduler (issue 14) beats here too.
/// </summary>
public sealed class SchedulerHeartbeat(TimeProvider clock, ILogger<SchedulerHeartbeat> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    private long _lastBeatTicks;

    public DateTimeOffset? LastBeat => Interlocked.Read(ref _lastBeatTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>Records that the scheduler is alive.</summary>
    public void Beat() => Interlocked.Exchange(ref _lastBeatTicks, clock.GetUtcNow().UtcTicks);

    public bool IsAlive => LastBeat is { } last && clock.GetUtcNow() - last <= Deadline;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Beat();
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Beat();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogInformation("Scheduler heartbeat stopped");
        }
    }
}
