using DonDoc.Core.Access;
using DonDoc.Core.Calendar;
using DonDoc.Data.Calendar;
using DonDoc.Data.Storage;
using DonDoc.Tracking.Auditing;
using DonDoc.Tracking.Formatting;
using DonDoc.Tracking.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Tracking.Calendar;

/// <summary>An announcement line as the administrator's page lists it.</summary>
public sealed record AnnouncedDayView(int Id, DateOnly From, DateOnly To, AnnouncedDayKind Kind, string Name, string Source, DateTimeOffset CreatedAt);

/// <summary>What the administrator types: a day or a run of days off, or a worked weekend day, and the announcing document.</summary>
public sealed record AnnouncementInput(DateOnly? From, DateOnly? To, AnnouncedDayKind Kind, string? Name, string? Source);

/// <summary>
/// The administrator adds next year's announcement of days off (a form, or a file in the form of
/// <c>--days-off</c>), or removes a line added by mistake; the app's calendar follows at once.
/// </summary>
public sealed class CalendarAnnouncements(DonDocDbContext db, CurrentCalendar current, AuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<AnnouncedDayView>> ListAsync(CancellationToken cancellationToken) =>
        await db.AnnouncedDays.AsNoTracking()
            .OrderBy(d => d.From).ThenBy(d => d.Id)
            .Select(d => new AnnouncedDayView(d.Id, d.From, d.To, d.Kind, d.Name, d.Source, d.CreatedAt))
            .ToListAsync(cancellationToken);

    public async Task<AnnouncedDayView> AddAsync(Actor actor, AnnouncementInput input, CancellationToken cancellationToken)
    {
        EnsureAdministrator(actor);
        if (input.From is not { } from)
        {
            throw WorkflowException.Invalid("Hãy nhập ngày bắt đầu (dd/mm/yyyy).", "announcement without a date");
        }

        var (entry, error) = AnnouncedEntry.Create(from, input.To ?? from, input.Kind, input.Name, input.Source);
        if (entry is null)
        {
            throw WorkflowException.Invalid(VietnameseFormat.Sentence(VietnameseFormat.Capitalized(error!)), $"announcement refused: {error}");
        }

        var added = await AddEntriesAsync(actor, [entry], cancellationToken);
        return added.Single();
    }

    /// <summary>Every entry of a file in the form of <c>dondoc … --days-off FILE</c>, all or none.</summary>
    public async Task<IReadOnlyList<AnnouncedDayView>> AddFileAsync(Actor actor, string json, CancellationToken cancellationToken)
    {
        EnsureAdministrator(actor);
        var (entries, error) = AnnouncedCalendarChanges.ParseEntries(json);
        if (entries is null)
        {
            throw WorkflowException.Invalid(VietnameseFormat.Sentence($"Tệp ngày nghỉ không hợp lệ: {error}"), $"announcement file refused: {error}");
        }

        if (entries.Count == 0)
        {
            throw WorkflowException.Invalid("Tệp ngày nghỉ không có mục nào.", "announcement file without entries");
        }

        return await AddEntriesAsync(actor, entries, cancellationToken);
    }

    public async Task RemoveAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        EnsureAdministrator(actor);
        var day = await db.AnnouncedDays.FirstOrDefaultAsync(d => d.Id == id, cancellationToken)
            ?? throw WorkflowException.NotFound($"announced day {id}");
        db.AnnouncedDays.Remove(day);
        audit.RecordAbout(actor, AuditActions.CalendarRemove, AuditActions.CalendarDay(day.From), Describe(day), null);
        await db.SaveChangesAsync(cancellationToken);
        await current.RefreshAsync(db, clock, cancellationToken);
    }

    private async Task<IReadOnlyList<AnnouncedDayView>> AddEntriesAsync(Actor actor, IReadOnlyList<AnnouncedEntry> entries, CancellationToken cancellationToken)
    {
        var stored = await db.AnnouncedDays.AsNoTracking().ToListAsync(cancellationToken);
        foreach (var entry in entries)
        {
            if (stored.Any(d => d.From == entry.From && d.To == entry.To && d.Kind == entry.Kind))
            {
                throw WorkflowException.Invalid(
                    $"Đã có thông báo {(entry.Kind == AnnouncedDayKind.Off ? "nghỉ" : "làm bù")} {VietnameseFormat.Date(entry.From)}{(entry.To == entry.From ? "" : "–" + VietnameseFormat.Date(entry.To))}.",
                    $"announcement {entry.From:yyyy-MM-dd}..{entry.To:yyyy-MM-dd} exists");
            }
        }

        var now = clock.GetUtcNow();
        var rows = entries.Select(e => new AnnouncedDayEntity
        {
            From = e.From,
            To = e.To,
            Kind = e.Kind,
            Name = e.Name,
            Source = e.Source,
            CreatedAt = now,
            CreatedBy = actor.UserId,
        }).ToList();
        db.AnnouncedDays.AddRange(rows);
        foreach (var row in rows)
        {
            audit.RecordAbout(actor, AuditActions.CalendarAnnounce, AuditActions.CalendarDay(row.From), null, Describe(row));
        }

        await db.SaveChangesAsync(cancellationToken);
        await current.RefreshAsync(db, clock, cancellationToken);
        return rows.Select(d => new AnnouncedDayView(d.Id, d.From, d.To, d.Kind, d.Name, d.Source, d.CreatedAt)).ToList();
    }

    private static object Describe(AnnouncedDayEntity day) => new
    {
        from = day.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        to = day.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        kind = day.Kind == AnnouncedDayKind.Off ? "off" : "work",
        day.Name,
        day.Source,
    };

    private static void EnsureAdministrator(Actor actor)
    {
        if (!actor.IsAdministrator)
        {
            throw WorkflowException.Forbidden("Chỉ quản trị hệ thống mới sửa lịch ngày nghỉ.", "editing the calendar requires admin");
        }
    }
}
