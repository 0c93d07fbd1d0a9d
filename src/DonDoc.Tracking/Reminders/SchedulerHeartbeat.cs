using System.Collections.Concurrent;
using DonDoc.Data.Reminders;
using DonDoc.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Tracking.Reminders;

/// <summary>
/// When each scheduled job last ran: in this process (for a health check of this instance) and in the
/// database (<c>scheduler_values</c>, "heartbeat:JOB"), where every instance of a cluster sees the run of whichever fired.
/// </summary>
public sealed class SchedulerHeartbeat
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _beats = new(StringComparer.Ordinal);

    public const string DailyJob = "daily-reminders";
    public const string DispatchJob = "outbox-dispatch";
    public const string TelegramJob = "telegram-updates";

    public IReadOnlyDictionary<string, DateTimeOffset> Beats => _beats;

    public DateTimeOffset? Last(string job) => _beats.TryGetValue(job, out var at) ? at : null;

    public async Task BeatAsync(DonDocDbContext db, string job, DateTimeOffset at, string summary, CancellationToken cancellationToken)
    {
        _beats[job] = at;
        var key = "heartbeat:" + job;
        var value = $"{at.UtcDateTime:O} {summary}";
        if (value.Length > 2000)
        {
            value = value[..2000];
        }

        var row = await db.SchedulerValues.FirstOrDefaultAsync(v => v.Key == key, cancellationToken);
        if (row is null)
        {
            db.SchedulerValues.Add(new SchedulerValueEntity { Key = key, Value = value, UpdatedAt = at });
        }
        else
        {
            row.Value = value;
            row.UpdatedAt = at;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The last run of a job by any instance, from the database.</summary>
    public static async Task<DateTimeOffset?> LastInClusterAsync(DonDocDbContext db, string job, CancellationToken cancellationToken) =>
        (await db.SchedulerValues.AsNoTracking().Where(v => v.Key == "heartbeat:" + job).Select(v => new { v.UpdatedAt }).FirstOrDefaultAsync(cancellationToken))?.UpdatedAt;
}
