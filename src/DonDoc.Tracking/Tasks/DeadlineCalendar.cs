using DonDoc.Core.Access;
using DonDoc.Core.Calendar;
using DonDoc.Data.Plans;
using DonDoc.Data.Storage;
using DonDoc.Tracking.Calendar;
using DonDoc.Tracking.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Tracking.Tasks;

/// <summary>Whose deadlines the calendar shows.</summary>
public enum DeadlineCalendarScope
{
    /// <summary>Every task the reader may read: the office's and the leaders' view.</summary>
    All,

    /// <summary>The tasks one agency leads or coordinates.</summary>
    Agency,

    /// <summary>The reader's own: an officer's agency's tasks; for the office, the tasks of the plans the reader manages.</summary>
    Mine,
}

/// <summary>A day of the month grid: how many open deadlines fall on it, how many of them are already overdue, and whether offices work that day.</summary>
public sealed record DeadlineDay(DateOnly Date, bool InMonth, bool IsToday, bool WorkingDay, string? DayNote, int Due, int Overdue);

/// <summary>A day of the week list with its open tasks, in due order.</summary>
public sealed record DeadlineWeekDay(DateOnly Date, bool IsToday, bool WorkingDay, string? DayNote, IReadOnlyList<TaskSummary> Tasks);

public sealed record AgencyChoice(int Id, string Name);

/// <summary>The calendar page: the month grid (whole weeks, Monday first), the week list, and what they were built for.</summary>
public sealed record DeadlineCalendarView(
    DeadlineCalendarScope Scope,
    int? AgencyId,
    string Title,
    DateOnly Month,
    IReadOnlyList<DeadlineDay> MonthDays,
    DateOnly WeekStart,
    IReadOnlyList<DeadlineWeekDay> Week,
    bool WeekTruncated,
    IReadOnlyList<AgencyChoice> Agencies);

/// <summary>
/// The calendar of deadlines ("Lịch hạn"): the open tasks (dated, or recurring by their next report) on the day of their
/// stored due key, as a month of counts per day (one GROUP BY over the (Phase, DueKey) index) and a week of tasks (one
/// ordered range read per open phase, <see cref="TaskCatalog.OpenByDueAsync"/>, as the dashboard's upcoming list),
/// for everything the reader may read, for one agency, or for the reader's own; days off from the working-day calendar marked.
/// </summary>
public sealed class DeadlineCalendar(DonDocDbContext db, TaskCatalog catalog, TaskStatusReader statuses, CurrentCalendar calendar)
{
    /// <summary>The most tasks the week list shows; past it the page says the week holds more.</summary>
    public const int WeekLimit = 300;

    /// <param name="month">Any day of the month to show; null: this month (or the month of <paramref name="day"/>).</param>
    /// <param name="day">A day whose week the list shows; null: this week when it is in the month, else the month's first week.</param>
    public async Task<DeadlineCalendarView> BuildAsync(Actor actor, DateOnly? month, DateOnly? day, DeadlineCalendarScope? scope, int? agencyId, CancellationToken cancellationToken)
    {
        var today = statuses.Today;
        var firstOfMonth = FirstOfMonth(month ?? day ?? today);
        var lastOfMonth = firstOfMonth.AddMonths(1).AddDays(-1);
        var weekOf = day ?? (today >= firstOfMonth && today <= lastOfMonth ? today : firstOfMonth);
        var weekStart = Monday(weekOf);
        var gridStart = Monday(firstOfMonth);
        var gridEnd = Monday(lastOfMonth).AddDays(6);

        var (chosen, agency, title) = await ResolveScopeAsync(actor, scope, agencyId, cancellationToken);
        var tasks = Tasks(actor, chosen, agency);
        var counts = await TaskCatalog.Open(tasks).Where(t => t.DueKey >= gridStart && t.DueKey <= gridEnd)
            .GroupBy(t => t.DueKey)
            .Select(g => new { Day = g.Key, Due = g.Count(), Overdue = g.Count(t => t.Phase == TaskPhase.Dated && t.DueKey < today) })
            .ToDictionaryAsync(g => g.Day, cancellationToken);

        var working = calendar.Calendar;
        var notes = DayNotes(working, gridStart, gridEnd < weekStart.AddDays(6) ? weekStart.AddDays(6) : gridEnd);
        var monthDays = Days(gridStart, gridEnd)
            .Select(d => new DeadlineDay(
                d, d.Month == firstOfMonth.Month, d == today, working.IsWorkingDay(d), notes.GetValueOrDefault(d),
                counts.TryGetValue(d, out var c) ? c.Due : 0, counts.TryGetValue(d, out var o) ? o.Overdue : 0))
            .ToList();

        var weekEnd = weekStart.AddDays(6);
        var statusDay = statuses.Day;
        var inWeek = tasks.Where(t => t.DueKey >= weekStart && t.DueKey <= weekEnd);
        var rows = await TaskCatalog.OpenByDueAsync(inWeek, null, WeekLimit + 1, statusDay, cancellationToken);
        var shown = rows.Take(WeekLimit).ToList();
        var summaries = await catalog.SummarizeAsync(shown, statusDay, cancellationToken);
        var byDay = shown.Zip(summaries, (row, summary) => (row.DueKey, summary)).ToLookup(p => p.DueKey, p => p.summary);
        var week = Days(weekStart, weekEnd)
            .Select(d => new DeadlineWeekDay(d, d == today, working.IsWorkingDay(d), notes.GetValueOrDefault(d), byDay[d].ToList()))
            .ToList();

        var agencies = actor.ReadsEverything
            ? await db.Agencies.AsNoTracking().Where(a => !a.Retired).OrderBy(a => a.Name).Select(a => new AgencyChoice(a.Id, a.Name)).ToListAsync(cancellationToken)
            : [];
        return new DeadlineCalendarView(chosen, agency, title, firstOfMonth, monthDays, weekStart, week, rows.Count > WeekLimit, agencies);
    }

    private async Task<(DeadlineCalendarScope Scope, int? AgencyId, string Title)> ResolveScopeAsync(Actor actor, DeadlineCalendarScope? scope, int? agencyId, CancellationToken cancellationToken)
    {
        if (!actor.ReadsEverything)
        {
            // An officer's calendar is their agency's, whatever was asked.
            if (actor.AgencyId is not { } own)
            {
                throw WorkflowException.Forbidden("Tài khoản chưa gắn với cơ quan nào.", $"user {actor.UserId} has no agency");
            }

            return (DeadlineCalendarScope.Mine, own, $"Thời hạn nhiệm vụ của {await AgencyNameAsync(own, cancellationToken)}");
        }

        switch (scope ?? DeadlineCalendarScope.All)
        {
            case DeadlineCalendarScope.Agency when agencyId is { } id:
                var name = await AgencyNameAsync(id, cancellationToken);
                return (DeadlineCalendarScope.Agency, id, $"Thời hạn nhiệm vụ của {name}");
            case DeadlineCalendarScope.Agency:
                throw WorkflowException.Invalid("Hãy chọn một cơ quan.", "agency calendar without an agency");
            case DeadlineCalendarScope.Mine:
                return (DeadlineCalendarScope.Mine, null, "Thời hạn nhiệm vụ trong các kế hoạch tôi quản lý");
            default:
                return (DeadlineCalendarScope.All, null, "Thời hạn tất cả nhiệm vụ");
        }
    }

    private async Task<string> AgencyNameAsync(int id, CancellationToken cancellationToken) =>
        await db.Agencies.AsNoTracking().Where(a => a.Id == id).Select(a => a.Name).FirstOrDefaultAsync(cancellationToken)
        ?? throw WorkflowException.NotFound($"agency {id}");

    private IQueryable<PlanTaskEntity> Tasks(Actor actor, DeadlineCalendarScope scope, int? agencyId)
    {
        var tasks = catalog.Scope(actor, new TaskFilter(AgencyId: scope == DeadlineCalendarScope.All ? null : agencyId));
        if (scope == DeadlineCalendarScope.Mine && agencyId is null)
        {
            var owner = actor.UserId;
            tasks = tasks.Where(t => t.Plan!.OwnerId == owner);
        }

        return tasks;
    }

    /// <summary>The name of each day off (a holiday, a compensatory day) and of each Saturday or Sunday worked instead, between two days.</summary>
    private static Dictionary<DateOnly, string> DayNotes(WorkingDayCalendar working, DateOnly from, DateOnly until)
    {
        var notes = new Dictionary<DateOnly, string>();
        for (var year = from.Year; year <= until.Year; year++)
        {
            foreach (var off in working.DaysOff(year).Where(d => d.Date >= from && d.Date <= until))
            {
                notes.TryAdd(off.Date, off.Name);
            }

            foreach (var worked in working.WorkedWeekendDays(year).Where(d => d.Date >= from && d.Date <= until))
            {
                notes.TryAdd(worked.Date, $"Làm bù: {worked.Name}");
            }
        }

        return notes;
    }

    private static IEnumerable<DateOnly> Days(DateOnly from, DateOnly until)
    {
        for (var d = from; d <= until; d = d.AddDays(1))
        {
            yield return d;
        }
    }

    public static DateOnly FirstOfMonth(DateOnly day) => new(day.Year, day.Month, 1);

    public static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
