using DonDoc.Core.Reminders;
using DonDoc.Core.Tracking;
using DonDoc.Data.Plans;
using DonDoc.Data.Reminders;
using DonDoc.Data.Storage;
using DonDoc.Tracking.Tasks;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Tracking.Reminders;

/// <summary>Turns outbox rows into what they say, reading their tasks as they stand when the notice goes out.</summary>
public sealed class NotificationComposer(DonDocDbContext db, TaskStatusReader statuses, AppLinks links)
{
    public async Task<IReadOnlyDictionary<long, NoticeContent>> ComposeAsync(IReadOnlyList<NotificationEntity> rows, CancellationToken cancellationToken)
    {
        var taskIds = rows.Where(r => r.TaskId is not null).Select(r => r.TaskId!.Value).Distinct().ToList();
        var tasks = new Dictionary<int, PlanTaskEntity>();
        foreach (var chunk in taskIds.Chunk(500))
        {
            foreach (var task in await db.Tasks.AsNoTracking().Include(t => t.Plan).Where(t => chunk.Contains(t.Id)).ToListAsync(cancellationToken))
            {
                tasks[task.Id] = task;
            }
        }

        return rows.ToDictionary(r => r.Id, r => Compose(r, r.TaskId is { } id ? tasks.GetValueOrDefault(id) : null));
    }

    public NoticeContent Compose(NotificationEntity row, PlanTaskEntity? task)
    {
        var kind = ReminderKinds.FromSchemaName(row.Rule) ?? ReminderKind.Manual;
        var status = task is null ? null : statuses.StatusOf(task).ToVietnamese();
        var plan = task?.Plan is { } p ? string.Join(" – ", new[] { p.Number, p.Title }.Where(s => !string.IsNullOrWhiteSpace(s))) : null;
        return new NoticeContent(
            row.Id, kind, Headline(kind, row), task?.Content, string.IsNullOrEmpty(plan) ? null : plan, row.DueOn ?? task?.CurrentDue, status,
            NoticeContent.Days(row.OnDate, row.DueOn, row.WorkingDaysLeft), task is null ? links.Notifications : links.Task(task.Id), row.Message, row.SenderName);
    }

    private static string Headline(ReminderKind kind, NotificationEntity row) => kind switch
    {
        ReminderKind.BeforeDeadline => $"Còn {row.WorkingDaysLeft} ngày làm việc đến hạn",
        ReminderKind.ReportDue when row.WorkingDaysLeft is > 0 => $"Còn {row.WorkingDaysLeft} ngày làm việc đến hạn báo cáo định kỳ",
        ReminderKind.ReportDue => "Hôm nay là hạn báo cáo định kỳ",
        ReminderKind.Overdue => "Nhiệm vụ quá hạn",
        _ => kind.ToVietnamese(),
    };
}
