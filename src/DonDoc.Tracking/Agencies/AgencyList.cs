using DonDoc.Data.Storage;
using DonDoc.Tracking.Tasks;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Tracking.Agencies;

/// <summary>An agency of the directory as the API lists it.</summary>
public sealed record AgencyListItem(int Id, string Name, string Kind, IReadOnlyList<string> Aliases, string? Parent, bool Retired);

/// <summary>The directory a page at a time, by name (a national directory holds thousands of agencies).</summary>
public sealed class AgencyList(DonDocDbContext db)
{
    public async Task<Page<AgencyListItem>> ListAsync(PageRequest page, CancellationToken cancellationToken)
    {
        var size = page.Size;
        var agencies = db.Agencies.AsNoTracking();
        if (!string.IsNullOrEmpty(page.After))
        {
            var after = page.After;
            agencies = agencies.Where(a => string.Compare(a.Name, after) > 0);
        }

        var rows = await agencies.OrderBy(a => a.Name).Take(size + 1)
            .Select(a => new { a.Id, a.Name, a.Kind, Aliases = a.Aliases.OrderBy(x => x.Id).Select(x => x.Alias).ToList(), Parent = a.Parent == null ? null : a.Parent.Name, a.Retired })
            .ToListAsync(cancellationToken);
        return Page<AgencyListItem>.From(rows, size, a => a.Name, a => new AgencyListItem(a.Id, a.Name, a.Kind.ToString(), a.Aliases, a.Parent, a.Retired));
    }

    /// <summary>
    /// The agencies whose name or another name holds <paramref name="filter"/> (folded: no case, no diacritics), a page at a
    /// time by name and id, with how many match. The names and keys are read to match (a directory of thousands of short
    /// rows); only the page's agencies are read whole.
    /// </summary>
    public async Task<Page<AgencyListItem>> FindAsync(string? filter, PageRequest page, CancellationToken cancellationToken)
    {
        var wanted = string.IsNullOrWhiteSpace(filter) ? null : Core.Text.VietnameseText.Fold(filter.Trim()).ToLowerInvariant();
        var names = await db.Agencies.AsNoTracking().Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken);
        var keys = wanted is null ? null : (await db.AgencyAliases.AsNoTracking().Select(x => new { x.AgencyId, x.Key }).ToListAsync(cancellationToken))
            .ToLookup(x => x.AgencyId, x => x.Key);
        var matching = names
            .Where(a => wanted is null || Core.Text.VietnameseText.Fold(a.Name).ToLowerInvariant().Contains(wanted, StringComparison.Ordinal)
                || keys![a.Id].Any(k => k.Contains(wanted, StringComparison.Ordinal)))
            .OrderBy(a => a.Name, StringComparer.Ordinal).ThenBy(a => a.Id)
            .ToList();
        var after = NumberIdPosition.Parse(page.After);
        var from = after is { } last ? matching.FindIndex(a => a.Id == last.Id) + 1 : 0;
        var shown = matching.Skip(from).Take(page.Size + 1).Select(a => a.Id).ToList();
        var rows = await db.Agencies.AsNoTracking().Where(a => shown.Contains(a.Id))
            .Select(a => new { a.Id, a.Name, a.Kind, Aliases = a.Aliases.OrderBy(x => x.Id).Select(x => x.Alias).ToList(), Parent = a.Parent == null ? null : a.Parent.Name, a.Retired })
            .ToListAsync(cancellationToken);
        var ordered = shown.Select(id => rows.Single(r => r.Id == id)).ToList();
        return Page<AgencyListItem>.From(ordered, page.Size, a => new NumberIdPosition(0, a.Id).ToString(),
            a => new AgencyListItem(a.Id, a.Name, a.Kind.ToString(), a.Aliases, a.Parent, a.Retired), matching.Count);
    }

    /// <summary>The names of the agencies in force, by name: what a form offers to pick an agency from.</summary>
    public async Task<IReadOnlyList<string>> NamesAsync(CancellationToken cancellationToken) =>
        await db.Agencies.AsNoTracking().Where(a => !a.Retired).OrderBy(a => a.Name).Select(a => a.Name).ToListAsync(cancellationToken);
}
