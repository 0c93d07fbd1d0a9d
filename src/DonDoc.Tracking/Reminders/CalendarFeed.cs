using DonDoc.Core.Access;
using DonDoc.Core.Calendar;
using DonDoc.Data.Plans;
using DonDoc.Data.Storage;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Tracking.Reminders;

/// <summary>
/// A person's private iCalendar feed (RFC 5545, Ical.Net): one all-day event per deadline their agency leads
/// or coordinates (for the office: of the plans it manages). The feed is built on each request, so a deadline
/// that moves appears moved, with a higher SEQUENCE, at the calendar's next refresh.
/// </summary>
public sealed class CalendarFeed(DonDocDbContext db, AppLinks links, TimeProvider clock)
{
    /// <summary>Deadlines further back than this are left out.</summary>
    public const int DaysBack = 180;

    public const int MaxEvents = 5000;

    /// <summary>The feed of the person holding the token, or null for an unknown token or a locked account (a lock ends every way in).</summary>
    public async Task<string?> BuildAsync(string token, CancellationToken cancellationToken)
    {
        var owner = await db.NotificationProfiles.AsNoTracking().Where(p => p.CalendarToken == token)
            .Join(db.Users, p => p.UserId, u => u.Id, (p, u) => new { u.Id, u.AgencyId, u.DisplayName, u.Email, u.LockoutEnd })
            .FirstOrDefaultAsync(cancellationToken);
        if (owner is null || owner.LockoutEnd > clock.GetUtcNow())
        {
            return null;
        }

        var from = VietnamTime.Today(clock).AddDays(-DaysBack);
        var tasks = db.Tasks.AsNoTracking().Where(t => t.Plan!.State == PlanState.Published && !t.Cancelled && t.CurrentDue != null && t.CurrentDue >= from);
        tasks = owner.AgencyId is { } agency
            ? tasks.Where(t => db.Assignments.Any(a => a.TaskId == t.Id && a.AgencyId == agency))
            : tasks.Where(t => t.Plan!.OwnerId == owner.Id);
        var rows = await tasks
            .OrderBy(t => t.CurrentDue).ThenBy(t => t.Id)
            .Select(t => new
            {
                t.Id, t.Content, Due = t.CurrentDue!.Value, t.Version, t.Completion, t.DeadlineRaw,
                PlanNumber = t.Plan!.Number, PlanTitle = t.Plan.Title,
                Role = owner.AgencyId == null ? null : (AssignmentRole?)db.Assignments.Where(a => a.TaskId == t.Id && a.AgencyId == owner.AgencyId).Select(a => a.Role).FirstOrDefault(),
            })
            .Take(MaxEvents)
            .ToListAsync(cancellationToken);

        var calendar = new Ical.Net.Calendar { Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", $"DonDoc – {owner.DisplayName ?? owner.Email}");
        calendar.AddProperty("X-WR-TIMEZONE", "Asia/Ho_Chi_Minh");
        var stamp = new CalDateTime(clock.GetUtcNow().UtcDateTime);
        var host = new Uri(links.PublicUrl).Host;
        foreach (var row in rows)
        {
            var role = row.Role switch { AssignmentRole.Lead => "Chủ trì", AssignmentRole.Coordinator => "Phối hợp", _ => null };
            var plan = string.Join(" – ", new[] { row.PlanNumber, row.PlanTitle }.Where(s => !string.IsNullOrWhiteSpace(s)));
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"dondoc-task-{row.Id}@{host}",
                Summary = $"Hạn: {NoticeText.Shorten(row.Content, 120)}",
                Description = string.Join("\n", new[]
                {
                    row.Content, plan.Length > 0 ? $"Kế hoạch: {plan}" : null, role is null ? null : $"Vai trò: {role}",
                    $"Thời hạn trong kế hoạch: {row.DeadlineRaw}", row.Completion == CompletionState.Accepted ? "Đã hoàn thành" : null, links.Task(row.Id),
                }.Where(s => s is not null)),
                DtStart = new CalDateTime(row.Due),
                DtEnd = new CalDateTime(row.Due.AddDays(1)),
                DtStamp = stamp,
                Sequence = row.Version,
                Url = new Uri(links.Task(row.Id)),
                Transparency = "TRANSPARENT",
            });
        }

        return new CalendarSerializer().SerializeToString(calendar);
    }
}
