using DonDoc.Core.Agencies;
using DonDoc.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Data.Agencies;

/// <summary>The directory in force: the shipped default, plus the agencies and aliases stored by administrators and reviewers.</summary>
public sealed class AgencyDirectoryStore(DonDocDbContext db)
{
    public async Task<AgencyDirectory> LoadAsync(CancellationToken cancellationToken)
    {
        var stored = await db.Agencies.AsNoTracking().Include(a => a.Parent).ToListAsync(cancellationToken);
        return AgencyDirectory.Default.With(stored.Select(ToAgency), []);
    }

    /// <summary>Adds agencies (or aliases of known ones) in one transaction; returns how many rows were added or changed.</summary>
    public async Task<int> UpsertAsync(IReadOnlyList<Agency> agencies, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = 0;
        foreach (var agency in agencies)
        {
            var entity = await db.Agencies.FirstOrDefaultAsync(a => a.Name == agency.Name, cancellationToken);
            if (entity is null)
            {
                // A default agency gains a stored row the first time an alias is remembered for it.
                var known = AgencyDirectory.Default.FindAgency(agency.Name);
                entity = new AgencyEntity { Name = agency.Name, Kind = known?.Kind ?? agency.Kind };
                db.Agencies.Add(entity);
            }
            else
            {
                entity.Kind = agency.Kind;
            }

            var aliases = entity.Aliases.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
            foreach (var alias in agency.Aliases.Where(a => !aliases.Contains(a, StringComparer.Ordinal)))
            {
                aliases.Add(alias);
            }

            entity.Aliases = string.Join("\n", aliases);
            if (agency.Parent is { } parentName)
            {
                entity.Parent = await db.Agencies.FirstOrDefaultAsync(a => a.Name == parentName, cancellationToken)
                    ?? db.Agencies.Local.FirstOrDefault(a => a.Name == parentName);
            }

            changed++;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return changed;
    }

    private static Agency ToAgency(AgencyEntity entity) => new(entity.Name, entity.Kind)
    {
        Aliases = entity.Aliases.Split('\n', StringSplitOptions.RemoveEmptyEntries),
        Parent = entity.Parent?.Name,
    };
}
