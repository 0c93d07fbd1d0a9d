using DonDoc.Tracking.Formatting;
using DonDoc.Tracking.Tasks;
using DonDoc.Tracking.Workflow;
using DonDoc.Web.Common;
using Microsoft.AspNetCore.Mvc;

namespace DonDoc.Web.Pages;

public sealed class IndexModel(TaskCatalog catalog) : DonDocPageModel
{
    public IReadOnlyList<PlanSummary> Plans { get; private set; } = [];

    public Pager Pager { get; private set; } = new(null, null, null);

    public async Task<IActionResult> OnGetAsync(string? list, string? after, CancellationToken cancellationToken)
    {
        if (Actor.IsAgencyOfficer && list is null)
        {
            return Redirect("/DonVi");
        }

        return await ReadAsync(async () =>
        {
            var page = await catalog.ListPlansAsync(Actor, new PageRequest(after, WithTotal: true), cancellationToken);
            Plans = page.Items;
            Pager = Pager.For(this, "after", page, "kế hoạch");
        });
    }

    public static string StateText(string state) => state switch
    {
        "Draft" => "Bản nháp, đang rà soát",
        "Published" => "Đang thực hiện",
        "Archived" => "Đã lưu trữ",
        "Cancelled" => "Đã hủy",
        _ => state,
    };
}
