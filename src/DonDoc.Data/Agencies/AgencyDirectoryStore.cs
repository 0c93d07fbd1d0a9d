using DonDoc.Core.Agencies;
using DonDoc.Core.Text;
using DonDoc.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Data.Agencies;

/// <summary>What a province import did.</summary>
/// <param name="Created">agencies written for the first time</param>
/// <param name="Adopted">agencies of the default directory that became the province's (same id: tasks and accounts keep them)</param>
/// <param name="Updated">agencies already stored for the province that gained names or kinds</param>
/// <param name="Communes">the province's communes</param>
public sealed record ProvinceImport(string Province, int Created, int Adopted, int Updated, int Communes);

/// <summary>The agency a name was bound to, or — when the name stands for none or for several — the names to choose from.</summary>
public sealed record AgencyBinding(int? Id, string? Name, IReadOnlyList<string> Candidates)
{
    /// <summary>"; tên gần nhất: A; B" for a refusal; empty when nothing is close.</summary>
    public string CandidatesText => Candidates.Count == 0 ? "" : "; tên gần nhất: " + string.Join("; ", Candidates);
}

/// <summary>
/// The directory in force, kept in the database: the shipped default is copied in on the first start
/// (so every agency has an id that assignments and accounts point to), then administrators and
/// reviewers add agencies, aliases and groups, and provinces are imported with their communes.
/// </summary>
public sealed class AgencyDirectoryStore(DonDocDbContext db)
{
    /// <summary>The folded form an alias is unique by: "UBND tỉnh" and "ubnd  tinh" are the same alias.</summary>
    public static string AliasKey(string alias) => VietnameseText.CollapseWhiteSpace(VietnameseText.Fold(TextNormalizer.Normalize(alias))).Trim();

    /// <summary>A name as it is stored and looked up: without invisible characters, composed, single-spaced.</summary>
    public static string CleanName(string name) => VietnameseText.CollapseWhiteSpace(TextNormalizer.Normalize(name)).Trim();

    /// <summary>
    /// The directory: the shipped one and the stored agencies and groups. Once a province is stored, the shipped
    /// bodies of "the province" are left out: the province's own (and those a first import took over) stand for them.
    /// </summary>
    public async Task<AgencyDirectory> LoadAsync(CancellationToken cancellationToken)
    {
        var stored = await db.Agencies.AsNoTracking().Include(a => a.Parent).Include(a => a.Aliases).ToListAsync(cancellationToken);
        var groups = await db.AgencyGroups.AsNoTracking().ToListAsync(cancellationToken);
        var defaults = stored.Any(a => a.Province is not null)
            ? new AgencyDirectory(AgencyDirectory.Default.Agencies.Where(a => !IsDefaultProvincialBody(a.Name)), AgencyDirectory.Default.Groups, AgencyDirectory.Default.FormerAgencies)
            : AgencyDirectory.Default;
        var all = defaults.With(stored.Where(a => !a.Retired).Select(ToAgency), groups.Select(ToGroup));
        var retired = stored.Where(a => a.Retired).Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        return retired.Count == 0 ? all : new AgencyDirectory(all.Agencies.Where(a => !retired.Contains(a.Name)), all.Groups, all.FormerAgencies);
    }

    /// <summary>The stored id of the one agency a name stands for; null when it names no agency, a group, or several.</summary>
    public async Task<int?> FindAgencyIdAsync(string name, CancellationToken cancellationToken) => (await FindExactAsync(name, cancellationToken)).Id;

    /// <summary>
    /// The agency an account or a filter is bound to: the name must stand for exactly one agency of the directory
    /// (its name, an alias, an abbreviation or a former name), never the nearest one. Otherwise the binding has no id
    /// and carries the closest names to choose from: "UBND xã Hòa Phú" is no commune of the directory, and binding
    /// it to "Ủy ban nhân dân tỉnh" would show the officer the province's tasks.
    /// </summary>
    public async Task<AgencyBinding> FindExactAsync(string name, CancellationToken cancellationToken)
    {
        var directory = await LoadAsync(cancellationToken);
        var matches = directory.Resolve(name);
        if (matches is [{ Kind: AgencyMatchKind.Agency, Note: null, Name: { } exact }])
        {
            var id = await db.Agencies.Where(a => a.Name == exact).Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellationToken);
            if (id is not null)
            {
                return new AgencyBinding(id, exact, []);
            }
        }

        var named = matches.Where(m => m.Kind == AgencyMatchKind.Agency && m.Name is not null).Select(m => m.Name!).ToList();
        var candidates = named.Count > 1 ? named : named.Concat(directory.Candidates(name, 5)).Distinct(StringComparer.Ordinal).Take(5).ToList();
        return new AgencyBinding(null, null, candidates);
    }

    /// <summary>
    /// Copies the default agencies and groups that are not stored yet; returns how many were added. The bodies of
    /// "the province" are not copied once a province is stored. First folds the provisional keys of aliases moved
    /// by a migration, and gives a stored default agency still of kind Other the kind the directory now ships.
    /// </summary>
    public async Task<int> SeedDefaultAsync(CancellationToken cancellationToken)
    {
        await FoldMigratedAliasKeysAsync(cancellationToken);
        var stored = await db.Agencies.ToListAsync(cancellationToken);
        var names = stored.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        var provinces = stored.Any(a => a.Province is not null);
        var missing = AgencyDirectory.Default.Agencies.Where(a => !names.Contains(a.Name) && !(provinces && IsDefaultProvincialBody(a.Name))).ToList();
        var groupNames = (await db.AgencyGroups.Select(g => g.Name).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var missingGroups = AgencyDirectory.Default.Groups.Where(g => !groupNames.Contains(g.Name)).ToList();
        foreach (var entity in stored.Where(a => a.Kind == AgencyKind.Other))
        {
            // "Ủy ban nhân dân tỉnh" and "Bộ Nội vụ" were of kind Other before the directory had kinds for them.
            if (AgencyDirectory.Default.FindAgency(entity.Name) is { Kind: not AgencyKind.Other } shipped)
            {
                entity.Kind = shipped.Kind;
            }
        }

        if (missing.Count == 0 && missingGroups.Count == 0)
        {
            await db.SaveChangesAsync(cancellationToken);
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
    /// Writes a province's bodies and its communes' UBND and Đảng ủy (<see cref="ProvincialDirectory"/>) in one
    /// transaction; importing again adds only what is missing. The first province imported takes over the stored
    /// bodies of "the province" of the default directory ("Sở Nội vụ" becomes "Sở Nội vụ tỉnh Đồng Tháp", same id), so
    /// that the tasks and accounts that point to them follow.
    /// </summary>
    public async Task<ProvinceImport> ImportProvinceAsync(Province province, CancellationToken cancellationToken)
    {
        var agencies = ProvincialDirectory.For(province);
        var templateOf = AgencyDirectory.DefaultProvincialBodies.ToDictionary(b => ProvincialDirectory.NameIn(b.Name, province), b => b.Name, StringComparer.Ordinal);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var names = agencies.Select(a => a.Name).ToList();
        var existing = await db.Agencies.Include(a => a.Aliases).Where(a => a.Province == province.Name || names.Contains(a.Name)).ToDictionaryAsync(a => a.Name, StringComparer.Ordinal, cancellationToken);
        // Only the first province takes over the default bodies: a second one would take another province's.
        var adoptable = await db.Agencies.AnyAsync(a => a.Province != null, cancellationToken)
            ? []
            : await db.Agencies.Include(a => a.Aliases).Where(a => a.Province == null && templateOf.Values.Contains(a.Name)).ToDictionaryAsync(a => a.Name, StringComparer.Ordinal, cancellationToken);
        var keys = (await db.AgencyAliases.Where(a => a.Scope == province.Name).Select(a => new { a.Key, a.AgencyId }).ToListAsync(cancellationToken))
            .ToDictionary(a => a.Key, a => a.AgencyId, StringComparer.Ordinal);
        var byName = new Dictionary<string, AgencyEntity>(StringComparer.Ordinal);
        int created = 0, adopted = 0, updated = 0;
        foreach (var agency in agencies)
        {
            var changed = false;
            if (!existing.TryGetValue(agency.Name, out var entity))
            {
                if (templateOf.TryGetValue(agency.Name, out var template) && adoptable.Remove(template, out entity))
                {
                    entity.Name = agency.Name;
                    foreach (var alias in entity.Aliases)
                    {
                        // Its aliases were names of "the province": now of this province.
                        alias.Scope = province.Name;
                        keys.TryAdd(alias.Key, entity.Id);
                    }

                    adopted++;
                }
                else
                {
                    entity = new AgencyEntity { Name = agency.Name };
                    db.Agencies.Add(entity);
                    created++;
                }

                changed = true;
            }

            changed |= entity.Kind != agency.Kind || entity.Province != province.Name;
            entity.Kind = agency.Kind;
            entity.Province = province.Name;
            foreach (var local in agency.LocalNames)
            {
                var key = AliasKey(local);
                if (key == AliasKey(entity.Name) || entity.Aliases.Any(a => a.Scope == province.Name && a.Key == key) || keys.ContainsKey(key))
                {
                    continue;
                }

                entity.Aliases.Add(new AgencyAliasEntity { Alias = local, Key = key, Scope = province.Name });
                keys[key] = entity.Id;
                changed = true;
            }

            byName[agency.Name] = entity;
            updated += changed && existing.ContainsKey(agency.Name) ? 1 : 0;
        }

        foreach (var agency in agencies)
        {
            if (agency.Parent is { } parent && byName.TryGetValue(parent, out var parentEntity))
            {
                byName[agency.Name].Parent = parentEntity;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ProvinceImport(province.Name, created, adopted, updated, province.Communes.Count);
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

        await using var transaction = await db.Database.BeginUnlessInOneAsync(cancellationToken);
        var taken = (await db.AgencyAliases.Where(a => !a.Key.StartsWith("#")).Select(a => a.Scope + "|" + a.Key).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        foreach (var alias in provisional)
        {
            var key = AliasKey(alias.Alias);
            if (key.Length == 0 || !taken.Add(alias.Scope + "|" + key))
            {
                db.AgencyAliases.Remove(alias);
            }
            else
            {
                alias.Key = key;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitIfOwnAsync(cancellationToken);
    }

    /// <summary>
    /// Adds agencies (or aliases of known ones) in one transaction; returns how many were added or changed.
    /// An agency's aliases name it in every plan, its local names in its province's plans (as does every alias of
    /// an agency of a province). An alias that already names another agency in the same plans is refused, and nothing is stored.
    /// </summary>
    public async Task<int> UpsertAsync(IReadOnlyList<Agency> agencies, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginUnlessInOneAsync(cancellationToken);
        var changed = 0;
        var entities = new List<(AgencyEntity Entity, string? Parent)>();
        foreach (var agency in agencies)
        {
            var name = CleanName(agency.Name);
            var entity = await db.Agencies.Include(a => a.Aliases).FirstOrDefaultAsync(a => a.Name == name, cancellationToken)
                ?? db.Agencies.Local.FirstOrDefault(a => a.Name == name);
            if (entity is null)
            {
                var known = AgencyDirectory.Default.FindAgency(name);
                entity = new AgencyEntity { Name = name, Kind = known?.Kind ?? agency.Kind };
                db.Agencies.Add(entity);
            }
            else
            {
                entity.Kind = agency.Kind;
            }

            if (agency.Province is { } province)
            {
                entity.Province = AdministrativeUnits.Default.Find(province)?.Name ?? province;
            }

            foreach (var alias in agency.Aliases)
            {
                await AddAliasAsync(entity, alias, entity.Province ?? string.Empty, cancellationToken);
            }

            if (entity.Province is { } scope)
            {
                foreach (var alias in agency.LocalNames)
                {
                    await AddAliasAsync(entity, alias, scope, cancellationToken);
                }
            }

            entities.Add((entity, agency.Parent));
            changed++;
        }

        // Parents after every agency of the batch exists, so that a unit may come before what it belongs to.
        foreach (var (entity, parentName) in entities)
        {
            if (parentName is not null)
            {
                entity.Parent = await db.Agencies.FirstOrDefaultAsync(a => a.Name == parentName, cancellationToken)
                    ?? db.Agencies.Local.FirstOrDefault(a => a.Name == parentName);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitIfOwnAsync(cancellationToken);
        return changed;
    }

    /// <summary>An administrator's edit of one agency: name, kind, aliases (the whole list), parent, retired.</summary>
    public async Task UpdateAsync(int id, string name, AgencyKind kind, IReadOnlyList<string> aliases, int? parentId, bool retired, CancellationToken cancellationToken)
    {
        var entity = await db.Agencies.Include(a => a.Aliases).FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new DirectoryConflictException("không tìm thấy cơ quan này trong danh mục", $"agency {id} not found");
        name = CleanName(name);
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

        await using var transaction = await db.Database.BeginUnlessInOneAsync(cancellationToken);
        entity.Name = name;
        entity.Kind = kind;
        entity.ParentId = parentId;
        entity.Retired = retired;
        var keys = aliases.Select(AliasKey).Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal);
        db.AgencyAliases.RemoveRange(entity.Aliases.Where(a => !keys.Contains(a.Key)));
        await db.SaveChangesAsync(cancellationToken);
        foreach (var alias in aliases)
        {
            await AddAliasAsync(entity, alias, entity.Province ?? string.Empty, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitIfOwnAsync(cancellationToken);
    }

    /// <summary>Adds or replaces a group by its name.</summary>
    public async Task SaveGroupAsync(AgencyGroup group, CancellationToken cancellationToken)
    {
        var name = CleanName(group.Name);
        if (name.Length == 0)
        {
            throw new DirectoryConflictException("tên nhóm cơ quan không được để trống", "empty group name");
        }

        var entity = await db.AgencyGroups.FirstOrDefaultAsync(g => g.Name == name, cancellationToken);
        if (entity is null)
        {
            entity = new AgencyGroupEntity { Name = name };
            db.AgencyGroups.Add(entity);
        }

        entity.Aliases = string.Join("\n", group.Aliases);
        entity.MemberKinds = string.Join("\n", group.MemberKinds);
        entity.MemberNames = string.Join("\n", group.MemberNames);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static bool IsDefaultProvincialBody(string name) => AgencyDirectory.DefaultProvincialBodies.Any(b => b.Name == name);

    private async Task AddAliasAsync(AgencyEntity entity, string alias, string scope, CancellationToken cancellationToken)
    {
        alias = CleanName(alias);
        var key = AliasKey(alias);
        if (key.Length == 0 || key == AliasKey(entity.Name) || entity.Aliases.Any(a => a.Key == key))
        {
            return;
        }

        var owner = await db.AgencyAliases.Where(a => a.Scope == scope && a.Key == key).Select(a => new { a.AgencyId }).FirstOrDefaultAsync(cancellationToken);
        var ownerName = owner is null ? null : await db.Agencies.Where(a => a.Id == owner.AgencyId).Select(a => a.Name).FirstAsync(cancellationToken);
        ownerName ??= db.Agencies.Local.FirstOrDefault(a => a != entity && a.Aliases.Any(x => x.Scope == scope && x.Key == key))?.Name;
        if (ownerName is not null)
        {
            throw new DirectoryConflictException(
                $"tên gọi \"{alias}\" đã dùng cho \"{ownerName}\"; một tên gọi chỉ chỉ một cơ quan",
                $"alias \"{alias}\" already belongs to {ownerName}");
        }

        entity.Aliases.Add(new AgencyAliasEntity { Alias = alias, Key = key, Scope = scope });
    }

    private static Agency ToAgency(AgencyEntity entity) => new(entity.Name, entity.Kind)
    {
        Aliases = entity.Aliases.Where(a => a.Scope.Length == 0).Select(a => a.Alias).ToList(),
        LocalNames = entity.Aliases.Where(a => a.Scope.Length > 0).Select(a => a.Alias).ToList(),
        Parent = entity.Parent?.Name,
        Province = entity.Province,
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
