using DonDoc.Core.Access;
using DonDoc.Data.Plans;
using DonDoc.Data.Storage;
using DonDoc.Tracking.Formatting;
using DonDoc.Tracking.Reports;
using DonDoc.Tracking.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Tracking.Tasks;

/// <summary>
/// A plan's tasks, or an agency's (a sheet for those it leads, one for those it coordinates), as an Excel workbook in the
/// consolidated report's layout (<see cref="ExcelTables"/>): a title block naming the plan or agency and the date of the
/// figures, the header frozen under it, real date cells. The rows are the tasks the actor may read, by deadline, as the lists show them.
/// </summary>
public sealed class TaskListWorkbook(DonDocDbContext db, TaskCatalog catalog, TaskStatusReader statuses)
{
    /// <summary>How many tasks a sheet holds at most: a workbook a person opens, not a copy of the database.</summary>
    public const int MaxRows = 20_000;

    public async Task<DownloadFile> ForPlanAsync(Actor actor, int planId, CancellationToken cancellationToken)
    {
        var plan = await catalog.GetPlanAsync(actor, planId, cancellationToken);
        if (plan.State == PlanState.Draft)
        {
            throw WorkflowException.Invalid("Kế hoạch chưa ban hành: hãy xuất tệp trao đổi từ trang rà soát.", $"plan {planId} is a draft");
        }

        var tasks = await ReadAsync(actor, new TaskFilter(PlanId: planId), cancellationToken);
        var today = statuses.Today;
        var planLabel = $"Kế hoạch số {plan.Number ?? "(chưa có số)"}" + (string.IsNullOrWhiteSpace(plan.Title) ? "" : $" – {plan.Title}");
        var sheet = new ExcelSheet(
            "Nhiệm vụ",
            Title("DANH MỤC NHIỆM VỤ VÀ TÌNH HÌNH THỰC HIỆN", planLabel, today, tasks.Count),
            ["STT", "Số thứ tự trong kế hoạch", "Phần, lĩnh vực", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn (theo kế hoạch)", "Thời hạn", "Tình trạng", "Tiến độ (%)", "Số ngày quá hạn"],
            tasks.Select((t, i) => (IReadOnlyList<object?>)[i + 1, t.Number, t.SectionTitle, t.Content, t.LeadAgency ?? t.Lead, Coordinators(t), t.DeadlineRaw, t.Due, t.StatusText, t.PercentDone, t.DaysOverdue]).ToList());
        return new DownloadFile(ExcelTables.ToXlsx([sheet]), EvidenceStore.ContentTypeOf("xlsx"), $"nhiem-vu-ke-hoach-{planId}-{today:yyyyMMdd}.xlsx");
    }

    /// <summary>An agency's tasks: the monitoring office and leaders any agency's, an officer their own.</summary>
    public async Task<DownloadFile> ForAgencyAsync(Actor actor, int agencyId, CancellationToken cancellationToken)
    {
        if (!actor.ReadsEverything && actor.AgencyId != agencyId)
        {
            throw WorkflowException.Forbidden("Cán bộ đơn vị chỉ xuất được nhiệm vụ của đơn vị mình.", $"user {actor.UserId} may not export the tasks of agency {agencyId}");
        }

        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.Name).FirstOrDefaultAsync(cancellationToken)
            ?? throw WorkflowException.NotFound($"agency {agencyId}");
        var today = statuses.Today;
        string[] headers = ["STT", "Kế hoạch", "Số thứ tự trong kế hoạch", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn (theo kế hoạch)", "Thời hạn", "Tình trạng", "Tiến độ (%)", "Số ngày quá hạn"];
        async Task<ExcelSheet> SheetAsync(string name, string heading, AssignmentRole role)
        {
            var tasks = await ReadAsync(actor, new TaskFilter(AgencyId: agencyId, Role: role), cancellationToken);
            return new ExcelSheet(
                name,
                Title(heading, agency, today, tasks.Count),
                headers,
                tasks.Select((t, i) => (IReadOnlyList<object?>)[i + 1, t.PlanNumber, t.Number, t.Content, t.LeadAgency ?? t.Lead, Coordinators(t), t.DeadlineRaw, t.Due, t.StatusText, t.PercentDone, t.DaysOverdue]).ToList());
        }

        var leading = await SheetAsync("Chủ trì", "NHIỆM VỤ ĐƠN VỊ CHỦ TRÌ", AssignmentRole.Lead);
        var coordinating = await SheetAsync("Phối hợp", "NHIỆM VỤ ĐƠN VỊ PHỐI HỢP", AssignmentRole.Coordinator);
        return new DownloadFile(ExcelTables.ToXlsx([leading, coordinating]), EvidenceStore.ContentTypeOf("xlsx"), $"nhiem-vu-don-vi-{agencyId}-{today:yyyyMMdd}.xlsx");
    }

    private static IReadOnlyList<IReadOnlyList<object?>> Title(string heading, string subject, DateOnly today, int count)
    {
        var title = new List<IReadOnlyList<object?>> { new object?[] { heading }, new object?[] { subject }, new object?[] { "Số liệu đến ngày", today } };
        if (count >= MaxRows)
        {
            title.Add(new object?[] { $"Chỉ xuất {VietnameseFormat.Number(MaxRows)} nhiệm vụ có thời hạn sớm nhất." });
        }

        return title;
    }

    private static string? Coordinators(TaskSummary task) =>
        task.CoordinatorAgencies.Count > 0 ? string.Join("; ", task.CoordinatorAgencies) : task.Coordinators;

    /// <summary>The tasks of the filter the actor may read, by deadline, a page of 500 at a time up to <see cref="MaxRows"/>.</summary>
    private async Task<List<TaskSummary>> ReadAsync(Actor actor, TaskFilter filter, CancellationToken cancellationToken)
    {
        var tasks = new List<TaskSummary>();
        string? after = null;
        do
        {
            var page = await catalog.ListAsync(actor, filter, new PageRequest(after, Math.Min(PageRequest.MaxLimit, MaxRows - tasks.Count)), cancellationToken);
            tasks.AddRange(page.Items);
            after = page.Next;
        }
        while (after is not null && tasks.Count < MaxRows);
        return tasks;
    }
}
