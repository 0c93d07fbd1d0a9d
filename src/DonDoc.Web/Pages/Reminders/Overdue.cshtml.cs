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

    public Pager Pager { get; private set; } = new(null, null, null);

    /// <summary>The published plans offered in the filter: the newest.</summary>
    public const int PlanChoices = 200;

    public async Task<IActionResult> OnGetAsync(int? plan, string? after, CancellationToken cancellationToken)
    {
        if (!TaskAccess.CanImport(Actor))
        {
            return Forbid();
        }

        return await ReadAsync(() => LoadAsync(plan, after, cancellationToken));
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
                await LoadAsync(plan, null, cancellationToken);
                return Page();
            });
    }

    private async Task LoadAsync(int? plan, string? after, CancellationToken cancellationToken)
    {
        PlanId = plan;
        Plans = await catalog.PlanChoicesAsync([Data.Plans.PlanState.Published], PlanChoices, cancellationToken);
        var page = await catalog.ListAsync(Actor, new TaskFilter(PlanId: plan, Status: "overdue"), new PageRequest(after, WithTotal: true), cancellationToken);
        Tasks = page.Items;
        Pager = Pager.For(this, "after", page);
    }
}
