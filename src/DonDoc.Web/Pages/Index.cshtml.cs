using DonDoc.Tracking.Formatting;
using DonDoc.Tracking.Tasks;
using DonDoc.Tracking.Workflow;
using DonDoc.Web.Common;
using Microsoft.AspNetCore.Mvc;

namespace DonDoc.Web.Pages;

public sealed class IndexModel(TaskCatalog catalog) : DonDocPageModel
{
    public IReadOnlyList<PlanSummary> Plans { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? list, CancellationToken cancellationToken)
    {
        if (Actor.IsAgencyOfficer && list is null)
        {
            return Redirect("/DonVi");
        }

        Plans = await catalog.ListPlansAsync(Actor, cancellationToken);
        return Page();
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
