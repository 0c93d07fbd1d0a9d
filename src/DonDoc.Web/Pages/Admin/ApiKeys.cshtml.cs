using DonDoc.Data.Accounts;
using DonDoc.Data.Agencies;
using DonDoc.Data.Storage;
using DonDoc.Tracking.Accounts;
using DonDoc.Tracking.Formatting;
using DonDoc.Tracking.Workflow;
using DonDoc.Web.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Pages.Admin;

/// <summary>The administrator's page for service accounts' API keys: make one (shown once), list them, revoke.</summary>
public sealed class ApiKeysModel(ApiKeys keys, AgencyDirectoryStore directory, DonDocDbContext db) : DonDocPageModel
{
    public IReadOnlyList<ApiKeyView> Keys { get; private set; } = [];

    public IReadOnlyList<string> AgencyNames { get; private set; } = [];

    public IssuedApiKey? NewKey { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostCreateAsync(string? name, ApiKeyScope scope, string? agency, CancellationToken cancellationToken) =>
        ChangeAsync(
            async () =>
            {
                int? agencyId = null;
                if (scope == ApiKeyScope.Agency)
                {
                    agencyId = string.IsNullOrWhiteSpace(agency) ? null : await directory.FindAgencyIdAsync(agency, cancellationToken)
                        ?? throw WorkflowException.Invalid($"Không tìm thấy cơ quan \"{agency}\" trong danh mục.", $"no agency matches {agency}");
                }

                NewKey = await keys.CreateAsync(Actor, name, scope, agencyId, cancellationToken);
                await LoadAsync(cancellationToken);
            },
            "Đã tạo khóa API.", Page, () => Reload(cancellationToken));

    public Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(() => keys.RevokeAsync(Actor, id, cancellationToken), "Đã thu hồi khóa API.", () => Redirect("/Admin/ApiKeys"), () => Reload(cancellationToken));

    /// <summary>A moment in Vietnam's time, dd/mm/yyyy hh:mm.</summary>
    public string Local(DateTimeOffset? at) => at is { } value ? VietnameseFormat.DateTime(value) : "—";

    private async Task<IActionResult> Reload(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Keys = await keys.ListAsync(Actor, cancellationToken);
        AgencyNames = await db.Agencies.Where(a => !a.Retired).OrderBy(a => a.Name).Select(a => a.Name).ToListAsync(cancellationToken);
    }
}
