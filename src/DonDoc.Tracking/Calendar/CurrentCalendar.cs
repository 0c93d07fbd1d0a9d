using DonDoc.Core.Calendar;
using DonDoc.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Tracking.Calendar;

/// <summary>
/// The working-day calendar the app judges by: the announcements shipped with the release and, on top
/// of them, those an administrator stored. Replaced whole when they are read again, so a reader always
/// sees one consistent calendar.
/// </summary>
public sealed class CurrentCalendar
{
    private volatile Snapshot _current = new(WorkingDayCalendar.Default, null);

    public WorkingDayCalendar Calendar => _current.Calendar;

    /// <summary>When the stored announcements were last read; null before the first read.</summary>
    public DateTimeOffset? ReadAt => _current.ReadAt;

    /// <summary>Reads the stored announcements and makes the calendar with them the current one.</summary>
    public async Task RefreshAsync(DonDocDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var stored = await db.AnnouncedDays.AsNoTracking().OrderBy(d => d.Id).ToListAsync(cancellationToken);
        var changes = AnnouncedCalendarChanges.FromEntries(stored.Select(d => d.ToEntry()));
        _current = new Snapshot(new WorkingDayCalendar(AnnouncedCalendarChanges.Shipped.Merge(changes)), clock.GetUtcNow());
    }

    private sealed record Snapshot(WorkingDayCalendar Calendar, DateTimeOffset? ReadAt);
}
