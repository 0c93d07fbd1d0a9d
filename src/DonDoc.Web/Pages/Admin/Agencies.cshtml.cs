using DonDoc.Core.Agencies;
using DonDoc.Data.Agencies;
using DonDoc.Data.Storage;
using DonDoc.Tracking.Agencies;
using DonDoc.Web.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Pages.Admin;

/// <summary>The administrator edits the directory: agencies, their aliases and parents, and groups.</summary>
public sealed class AgenciesModel(AgencyDirectoryStore store, DirectoryAdministration directory, AgencyList list, DonDocDbContext db) : DonDocPageModel
{
    /// <summary>Agencies per page: a national directory holds thousands.</summary>
    public const int PageRows = 50;

    public Tracking.Tasks.Page<AgencyListItem> Agencies { get; private set; } = new([], null);

    public Pager AgenciesPager { get; private set; } = new(null, null, null);

    /// <summary>Every agency's name, for the parent box to pick from.</summary>
    public IReadOnlyList<string> Names { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "after")]
    public string? After { get; set; }

    public IReadOnlyCollection<AgencyGroup> Groups { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Filter { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostCreateAsync(string? name, AgencyKind kind, string? aliases, CancellationToken cancellationToken) =>
        ChangeAsync(
            () => directory.CreateAgencyAsync(Actor, name, kind, Lines(aliases), cancellationToken),
            $"Đã thêm {name}.", () => Redirect("/Admin/Agencies"), () => Reload(cancellationToken));

    /// <param name="parent">The parent agency by its exact name in the directory; empty for none.</param>
    public Task<IActionResult> OnPostUpdateAsync(int id, string? name, AgencyKind kind, string? aliases, string? parent, bool retired, CancellationToken cancellationToken) =>
        ChangeAsync(
            async () => await directory.UpdateAgencyAsync(Actor, id, name, kind, Lines(aliases), await ParentIdAsync(parent, cancellationToken), retired, cancellationToken),
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

    private async Task<int?> ParentIdAsync(string? parent, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(parent))
        {
            return null;
        }

        var name = parent.Trim();
        return await db.Agencies.AsNoTracking().Where(a => a.Name == name).Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw Tracking.Workflow.WorkflowException.Invalid($"Không có cơ quan \"{name}\" trong danh mục để làm cơ quan cấp trên; hãy chọn đúng tên trong danh sách.", $"no agency named '{name}' to be a parent");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Agencies = await list.FindAsync(Filter, new Tracking.Tasks.PageRequest(After, PageRows, WithTotal: true), cancellationToken);
        AgenciesPager = Pager.For(this, "after", Agencies, "cơ quan");
        Names = await list.NamesAsync(cancellationToken);
        Groups = (await store.LoadAsync(cancellationToken)).Groups;
    }
}
