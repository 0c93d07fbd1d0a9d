using DonDoc.Core.Agencies;
using DonDoc.Core.Text;
using DonDoc.Data.Agencies;
using DonDoc.Data.Storage;
using DonDoc.Tracking.Agencies;
using DonDoc.Web.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Pages.Admin;

/// <summary>The administrator edits the directory: agencies, their aliases and parents, and groups.</summary>
public sealed class AgenciesModel(AgencyDirectoryStore store, DirectoryAdministration directory, DonDocDbContext db) : DonDocPageModel
{
    public IReadOnlyList<AgencyEntity> Agencies { get; private set; } = [];

    public IReadOnlyList<AgencyEntity> All { get; private set; } = [];

    public IReadOnlyCollection<AgencyGroup> Groups { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Filter { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostCreateAsync(string? name, AgencyKind kind, string? aliases, CancellationToken cancellationToken) =>
        ChangeAsync(
            () => directory.CreateAgencyAsync(Actor, name, kind, Lines(aliases), cancellationToken),
            $"Đã thêm {name}.", () => Redirect("/Admin/Agencies"), () => Reload(cancellationToken));

    public Task<IActionResult> OnPostUpdateAsync(int id, string? name, AgencyKind kind, string? aliases, int? parentId, bool retired, CancellationToken cancellationToken) =>
        ChangeAsync(
            () => directory.UpdateAgencyAsync(Actor, id, name, kind, Lines(aliases), parentId, retired, cancellationToken),
            $"Đã lưu {name}.", () => Redirect("/Admin/Agencies?filter=" + Uri.EscapeDataString(name ?? "")), () => Reload(cancellationToken));

    public Task<IActionResult> OnPostGroupAsync(string? name, string? aliases, List<AgencyKind> kinds, string? members, CancellationToken cancellationToken) =>
        ChangeAsync(
            () => directory.SaveGroupAsync(Actor, new AgencyGroup((name ?? "").Trim()) { Aliases = Lines(aliases), MemberKinds = kinds, MemberNames = Lines(members) }, cancellationToken),
            $"Đã lưu nhóm {name}.", () => Redirect("/Admin/Agencies"), () => Reload(cancellationToken));

    private static string[] Lines(string? text) => (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private async Task<IActionResult> Reload(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        All = await db.Agencies.AsNoTracking().Include(a => a.Aliases).OrderBy(a => a.Name).ToListAsync(cancellationToken);
        var wanted = string.IsNullOrWhiteSpace(Filter) ? null : VietnameseText.Fold(Filter.Trim());
        Agencies = All.Where(a => wanted is null || VietnameseText.Fold(a.Name).Contains(wanted, StringComparison.Ordinal) || a.Aliases.Any(x => x.Key.Contains(wanted, StringComparison.Ordinal))).Take(200).ToList();
        Groups = (await store.LoadAsync(cancellationToken)).Groups;
    }
}
