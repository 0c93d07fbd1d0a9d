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

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!TaskAccess.CanImport(Actor))
        {
            return Forbid();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? name, bool isCondition, string? occurredOn, string? dueOn, string? documentNumber, string? documentDate, int? planId, CancellationToken cancellationToken)
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
                var outcome = await triggers.RecordAsync(Actor, new EventInput(name ?? "", occurred, isCondition, due, documentNumber, documentOn, planId), cancellationToken);
                count = outcome.TriggeredTaskIds.Count;
            },
            "Đã ghi nhận.",
            () => { TempData["Message"] = $"Đã ghi nhận. {count} nhiệm vụ đã được xác định thời hạn."; return Redirect("/Events"); },
            async () => { await LoadAsync(cancellationToken); return Page(); });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Events = await triggers.ListAsync(cancellationToken);
        Plans = await catalog.PlanChoicesAsync([PlanState.Published], cancellationToken);
    }
}
