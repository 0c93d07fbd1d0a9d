using DonDoc.Core.Access;
using DonDoc.Tracking.Reminders;
using DonDoc.Tracking.Tasks;
using DonDoc.Web.Common;
using Microsoft.AspNetCore.Mvc;

namespace DonDoc.Web.Pages.Reminders;

/// <summary>The overdue tasks, from which the office urges several lead agencies at once with one message.</summary>
public sealed class OverdueModel(TaskCatalog catalog, EventNotices notices) : DonDocPageModel
{
    public IReadOnlyList<TaskSummary> Tasks { get; private set; } = [];

    public IReadOnlyList<PlanChoice> Plans { get; private set; } = [];

    public int? PlanId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? plan, CancellationToken cancellationToken)
    {
        if (!TaskAccess.CanImport(Actor))
        {
            return Forbid();
        }

        await LoadAsync(plan, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? plan, List<int> taskIds, string? message, bool coordinators, CancellationToken cancellationToken)
    {
        var count = 0;
        return await ChangeAsync(
            async () => count = await notices.SendManualAsync(Actor, taskIds, message, coordinators, cancellationToken),
            $"Đã gửi đôn đốc {taskIds.Distinct().Count()} nhiệm vụ.",
            () => Redirect(plan is null ? "/Reminders/Overdue" : $"/Reminders/Overdue?plan={plan}"),
            async () =>
            {
                await LoadAsync(plan, cancellationToken);
                return Page();
            });
    }

    private async Task LoadAsync(int? plan, CancellationToken cancellationToken)
    {
        PlanId = plan;
        Plans = await catalog.PlanChoicesAsync([Data.Plans.PlanState.Published], cancellationToken);
        Tasks = await catalog.ListAsync(Actor, new TaskFilter(PlanId: plan, Status: "overdue"), cancellationToken);
    }
}
