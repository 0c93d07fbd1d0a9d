using DonDoc.Core.Access;
using DonDoc.Data.Plans;
using DonDoc.Tracking.Formatting;
using DonDoc.Tracking.Tasks;
using DonDoc.Tracking.Workflow;
using DonDoc.Web.Common;
using Microsoft.AspNetCore.Mvc;

namespace DonDoc.Web.Pages.Events;

public sealed class IndexModel(EventTriggers triggers, TaskCatalog catalog) : DonDocPageModel
{
    public IReadOnlyList<EventView> Events { get; private set; } = [];

    public IReadOnlyList<PlanChoice> Plans { get; private set; } = [];

    public Pager Pager { get; private set; } = new(null, null, null);

    /// <summary>The published plans offered for an event: the newest; any other is named by its number.</summary>
    public const int PlanChoices = 200;

    public async Task<IActionResult> OnGetAsync(string? after, CancellationToken cancellationToken)
    {
        if (!TaskAccess.CanImport(Actor))
        {
            return Forbid();
        }

        return await ReadAsync(() => LoadAsync(after, cancellationToken));
    }

    public async Task<IActionResult> OnPostAsync(string? name, bool isCondition, string? occurredOn, string? dueOn, string? documentNumber, string? documentDate, int? planId, string? planNumber, CancellationToken cancellationToken)
    {
        var count = 0;
        return await ChangeAsync(
            async () =>
            {
                if (!VietnameseFormat.TryParseDate(occurredOn, out var occurred))
                {
                    throw WorkflowException.Invalid("Ngày diễn ra không hợp lệ.", $"bad event date {occurredOn}");
                }

                var due = VietnameseFormat.ParseOptionalDate(dueOn, "Thời hạn giao");
                var documentOn = VietnameseFormat.ParseOptionalDate(documentDate, "Ngày văn bản");
                if (!string.IsNullOrWhiteSpace(planNumber))
                {
                    planId = (await catalog.FindPlanAsync(planNumber, cancellationToken))?.Id
                        ?? throw WorkflowException.Invalid($"Không tìm thấy kế hoạch \"{planNumber.Trim()}\".", $"no plan {planNumber}");
                }

                var outcome = await triggers.RecordAsync(Actor, new EventInput(name ?? "", occurred, isCondition, due, documentNumber, documentOn, planId), cancellationToken);
                count = outcome.TriggeredTaskIds.Count;
            },
            "Đã ghi nhận.",
            () => { TempData["Message"] = $"Đã ghi nhận. {count} nhiệm vụ đã được xác định thời hạn."; return Redirect("/Events"); },
            async () => { await LoadAsync(null, cancellationToken); return Page(); });
    }

    private async Task LoadAsync(string? after, CancellationToken cancellationToken)
    {
        var page = await triggers.ListAsync(Actor, new PageRequest(after), cancellationToken);
        Events = page.Items;
        Pager = Pager.For(this, "after", page, null);
        Plans = await catalog.PlanChoicesAsync([PlanState.Published], PlanChoices, cancellationToken);
    }
}
