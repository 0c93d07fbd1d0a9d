using DonDoc.Core.Agencies;
using DonDoc.Core.Text;
using DonDoc.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Data.Agencies;

/// <summary>
/// The directory in force, kept in the database: the shipped default is copied in on the first start
/// (so every agency has an id that assignments and accounts point to), then administrators and
/// reviewers add agencies, aliases and groups.
/// </summary>
public sealed class AgencyDirectoryStore(DonDocDbContext db)
{
    /// <summary>The folded form an alias is unique by: "UBND tỉnh" and "ubnd  tinh" are the same alias.</summary>
    public static string AliasKey(string alias) => VietnameseText.CollapseWhiteSpace(VietnameseText.Fold(alias)).Trim();

    public async Task<AgencyDirectory> LoadAsync(CancellationToken cancellationToken)
    {
        var stored = await db.Agencies.AsNoTracking().Include(a => a.Parent).Include(a => a.Aliases).ToListAsync(cancellationToken);
        var groups = await db.AgencyGroups.AsNoTracking().ToListAsync(cancellationToken);
        var all = AgencyDirectory.Default.With(stored.Where(a => !a.Retired).Select(ToAgency), groups.Select(ToGroup));
        var retired = stored.Where(a => a.Retired).Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        return retired.Count == 0 ? all : new AgencyDirectory(all.Agencies.Where(a => !retired.Contains(a.Name)), all.Groups);
    }

    /// <summary>The stored id of the agency a name resolves to; null when it names no agency (or only a group).</summary>
    public async Task<int?> FindAgencyIdAsync(string name, CancellationToken cancellationToken)
    {
        var match = (await LoadAsync(cancellationToken)).Resolve(name).FirstOrDefault(m => m.Kind == AgencyMatchKind.Agency);
        return match is null
            ? null
            : await db.Agencies.Where(a => a.Name == match.Name).Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Copies the default agencies and groups that are not stored yet; returns how many were added.
    /// First folds the provisional keys of aliases moved by a migration.
    /// </summary>
    public async Task<int> SeedDefaultAsync(CancellationToken cancellationToken)
    {
        await FoldMigratedAliasKeysAsync(cancellationToken);
        var names = (await db.Agencies.Select(a => a.Name).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var missing = AgencyDirectory.Default.Agencies.Where(a => !names.Contains(a.Name)).ToList();
        var groupNames = (await db.AgencyGroups.Select(g => g.Name).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var missingGroups = AgencyDirectory.Default.Groups.Where(g => !groupNames.Contains(g.Name)).ToList();
        if (missing.Count == 0 && missingGroups.Count == 0)
        {
            return 0;
        }

        await UpsertAsync(missing, cancellationToken);
        foreach (var group in missingGroups)
        {
            db.AgencyGroups.Add(new AgencyGroupEntity
            {
                Name = group.Name,
                Aliases = string.Join("\n", group.Aliases),
                MemberKinds = string.Join("\n", group.MemberKinds),
                MemberNames = string.Join("\n", group.MemberNames),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return missing.Count + missingGroups.Count;
    }

    /// <summary>
    /// Aliases carried over from the line-separated column get a provisional key ("#id#lower") in the
    /// migration, which cannot fold diacritics in SQL; here they get their real key. An alias that then
    /// repeats one already stored is dropped: the directory keeps one owner per alias.
    /// </summary>
    private async Task FoldMigratedAliasKeysAsync(CancellationToken cancellationToken)
    {
        // The older agency keeps an alias that two of them held.
        var provisional = await db.AgencyAliases.Where(a => a.Key.StartsWith("#")).OrderBy(a => a.AgencyId).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        if (provisional.Count == 0)
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var taken = (await db.AgencyAliases.Where(a => !a.Key.StartsWith("#")).Select(a => a.Key).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        foreach (var alias in provisional)
        {
            var key = AliasKey(alias.Alias);
            if (key.Length == 0 || !taken.Add(key))
            {
                db.AgencyAliases.Remove(alias);
            }
            else
            {
                alias.Key = key;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Adds agencies (or aliases of known ones) in one transaction; returns how many were added or changed.
    /// An alias that already names another agency is refused, and nothing is stored.
    /// </summary>
    public async Task<int> UpsertAsync(IReadOnlyList<Agency> agencies, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = 0;
        foreach (var agency in agencies)
        {
            var entity = await db.Agencies.Include(a => a.Aliases).FirstOrDefaultAsync(a => a.Name == agency.Name, cancellationToken)
                ?? db.Agencies.Local.FirstOrDefault(a => a.Name == agency.Name);
            if (entity is null)
            {
                var known = AgencyDirectory.Default.FindAgency(agency.Name);
                entity = new AgencyEntity { Name = agency.Name, Kind = known?.Kind ?? agency.Kind };
                db.Agencies.Add(entity);
            }
            else
            {
                entity.Kind = agency.Kind;
            }

            foreach (var alias in agency.Aliases)
            {
                await AddAliasAsync(entity, alias, cancellationToken);
            }

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

    /// <summary>An administrator's edit of one agency: name, kind, aliases (the whole list), parent, retired.</summary>
    public async Task UpdateAsync(int id, string name, AgencyKind kind, IReadOnlyList<string> aliases, int? parentId, bool retired, CancellationToken cancellationToken)
    {
        var entity = await db.Agencies.Include(a => a.Aliases).FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new DirectoryConflictException("không tìm thấy cơ quan này trong danh mục", $"agency {id} not found");
        name = VietnameseText.CollapseWhiteSpace(name).Trim();
        if (name.Length == 0)
        {
            throw new DirectoryConflictException("tên cơ quan không được để trống", "empty agency name");
        }

        if (await db.Agencies.AnyAsync(a => a.Name == name && a.Id != id, cancellationToken))
        {
            throw new DirectoryConflictException($"đã có cơ quan tên \"{name}\"", $"agency name {name} exists");
        }

        if (parentId == id)
        {
            throw new DirectoryConflictException("cơ quan không thể trực thuộc chính nó", "agency cannot be its own parent");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        entity.Name = name;
        entity.Kind = kind;
        entity.ParentId = parentId;
        entity.Retired = retired;
        var keys = aliases.Select(AliasKey).Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal);
        db.AgencyAliases.RemoveRange(entity.Aliases.Where(a => !keys.Contains(a.Key)));
        await db.SaveChangesAsync(cancellationToken);
        foreach (var alias in aliases)
        {
            await AddAliasAsync(entity, alias, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Adds or replaces a group by its name.</summary>
    public async Task SaveGroupAsync(AgencyGroup group, CancellationToken cancellationToken)
    {
        var entity = await db.AgencyGroups.FirstOrDefaultAsync(g => g.Name == group.Name, cancellationToken);
        if (entity is null)
        {
            entity = new AgencyGroupEntity { Name = group.Name };
            db.AgencyGroups.Add(entity);
        }

        entity.Aliases = string.Join("\n", group.Aliases);
        entity.MemberKinds = string.Join("\n", group.MemberKinds);
        entity.MemberNames = string.Join("\n", group.MemberNames);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task AddAliasAsync(AgencyEntity entity, string alias, CancellationToken cancellationToken)
    {
        alias = VietnameseText.CollapseWhiteSpace(alias).Trim();
        var key = AliasKey(alias);
        if (key.Length == 0 || key == AliasKey(entity.Name) || entity.Aliases.Any(a => a.Key == key))
        {
            return;
        }

        var owner = await db.AgencyAliases.Where(a => a.Key == key).Select(a => new { a.AgencyId }).FirstOrDefaultAsync(cancellationToken);
        var ownerName = owner is null ? null : await db.Agencies.Where(a => a.Id == owner.AgencyId).Select(a => a.Name).FirstAsync(cancellationToken);
        ownerName ??= db.Agencies.Local.FirstOrDefault(a => a != entity && a.Aliases.Any(x => x.Key == key))?.Name;
        if (ownerName is not null)
        {
            throw new DirectoryConflictException(
                $"tên gọi \"{alias}\" đã dùng cho \"{ownerName}\"; một tên gọi chỉ chỉ một cơ quan",
                $"alias \"{alias}\" already belongs to {ownerName}");
        }

        entity.Aliases.Add(new AgencyAliasEntity { Alias = alias, Key = key });
    }

    private static Agency ToAgency(AgencyEntity entity) => new(entity.Name, entity.Kind)
    {
        Aliases = entity.Aliases.Select(a => a.Alias).ToList(),
        Parent = entity.Parent?.Name,
    };

    private static AgencyGroup ToGroup(AgencyGroupEntity entity) => new(entity.Name)
    {
        Aliases = Lines(entity.Aliases),
        MemberKinds = Lines(entity.MemberKinds).Select(k => Enum.TryParse<AgencyKind>(k, out var kind) ? kind : (AgencyKind?)null).OfType<AgencyKind>().ToList(),
        MemberNames = Lines(entity.MemberNames),
    };

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>A directory change that would break it (a duplicate alias or name); nothing was stored.</summary>
public sealed class DirectoryConflictException(string vietnamese, string english) : ChangeRefusedException(vietnamese, english);
