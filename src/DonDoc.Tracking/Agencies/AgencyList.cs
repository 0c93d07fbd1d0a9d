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

    /// <summary>The names of the agencies in force, by name: what a form offers to pick an agency from.</summary>
    public async Task<IReadOnlyList<string>> NamesAsync(CancellationToken cancellationToken) =>
        await db.Agencies.AsNoTracking().Where(a => !a.Retired).OrderBy(a => a.Name).Select(a => a.Name).ToListAsync(cancellationToken);
}
