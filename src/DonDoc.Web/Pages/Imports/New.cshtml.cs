using DonDoc.Core.Access;
using DonDoc.Import.Importing;
using DonDoc.Tracking.Formatting;
using DonDoc.Tracking.Imports;
using DonDoc.Tracking.Workflow;
using DonDoc.Web.Api;
using DonDoc.Web.Common;
using Microsoft.AspNetCore.Mvc;

namespace DonDoc.Web.Pages.Imports;

public sealed class NewModel(ImportDrafts drafts) : DonDocPageModel
{
    public IActionResult OnGet() => TaskAccess.CanImport(Actor) ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        var id = 0;
        return await ChangeAsync(
            async () =>
            {
                if (file is null || file.Length == 0)
                {
                    throw WorkflowException.Invalid("Hãy chọn tệp kế hoạch.", "no file uploaded");
                }

                if (file.Length > PlanImporter.MaxFileBytes)
                {
                    throw WorkflowException.Invalid("Tệp quá lớn; tối đa 20 MB.", $"plan file too large: {file.Length} bytes");
                }

                id = await drafts.CreateAsync(Actor, file.FileName, await ApiForms.BytesAsync(file, cancellationToken), cancellationToken);
            },
            "Đã đọc tệp. Hãy rà soát bảng nhiệm vụ trước khi ban hành.",
            () => Redirect($"/Imports/Review/{id}"),
            () => Task.FromResult<IActionResult>(Page()));
    }
}
