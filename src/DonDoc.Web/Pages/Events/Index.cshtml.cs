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

    /// <summary>The events and conditions published tasks wait for, to pick one from.</summary>
    public IReadOnlyList<AwaitedEvent> Awaited { get; private set; } = [];

    /// <summary>The tasks the event just recorded gave a deadline.</summary>
    public IReadOnlyList<DatedTask> Dated { get; private set; } = [];

    /// <summary>How many tasks the page names after recording an event; the message counts them all.</summary>
    public const int DatedShown = 100;

    public Pager Pager { get; private set; } = new(null, null, null);

    /// <summary>The published plans offered for an event: the newest; any other is named by its number.</summary>
    public const int PlanChoices = 200;

    public async Task<IActionResult> OnGetAsync(string? after, CancellationToken cancellationToken)
    {
        if (!TaskAccess.CanImport(Actor))
        {
            return Forbid();
        }

        return await ReadAsync(async () =>
        {
            await LoadAsync(after, cancellationToken);
            var dated = (TempData["DatedTasks"] as string ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(id => int.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0)
                .Where(id => id > 0).ToList();
            Dated = await triggers.DatedAsync(Actor, dated, cancellationToken);
        });
    }

    /// <param name="awaited">The event picked from those tasks wait for; a name typed in <paramref name="name"/> wins over it.</param>
    public async Task<IActionResult> OnPostAsync(string? name, string? awaited, bool isCondition, string? occurredOn, string? dueOn, string? documentNumber, string? documentDate, int? planId, string? planNumber, CancellationToken cancellationToken)
    {
        IReadOnlyList<int> dated = [];
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

                var chosen = string.IsNullOrWhiteSpace(name) ? awaited : name;
                var outcome = await triggers.RecordAsync(Actor, new EventInput(chosen ?? "", occurred, isCondition, due, documentNumber, documentOn, planId), cancellationToken);
                dated = outcome.TriggeredTaskIds;
            },
            "Đã ghi nhận.",
            () =>
            {
                TempData["Message"] = dated.Count == 0
                    ? "Đã ghi nhận. Chưa nhiệm vụ nào được xác định thời hạn: tên sự kiện không khớp thời hạn của nhiệm vụ nào đang chờ."
                    : $"Đã ghi nhận. {dated.Count} nhiệm vụ đã được xác định thời hạn.";
                TempData["DatedTasks"] = string.Join(",", dated.Take(DatedShown));
                return Redirect("/Events");
            },
            async () => { await LoadAsync(null, cancellationToken); return Page(); });
    }

    private async Task LoadAsync(string? after, CancellationToken cancellationToken)
    {
        var page = await triggers.ListAsync(Actor, new PageRequest(after), cancellationToken);
        Events = page.Items;
        Pager = Pager.For(this, "after", page, null);
        Plans = await catalog.PlanChoicesAsync([PlanState.Published], PlanChoices, cancellationToken);
        Awaited = await triggers.AwaitedAsync(Actor, cancellationToken);
    }
}
