using DonDoc.Core.Agencies;

namespace DonDoc.Data.Agencies;

/// <summary>A stored agency of the directory.</summary>
public sealed class AgencyEntity
{
    public int Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public AgencyKind Kind { get; set; }

    public List<AgencyAliasEntity> Aliases { get; set; } = [];

    public int? ParentId { get; set; }

    public AgencyEntity? Parent { get; set; }

    /// <summary>An agency that no longer exists stays for the tasks it had, but no longer resolves.</summary>
    public bool Retired { get; set; }

    /// <summary>The province (official name, "Tỉnh Đồng Tháp") the agency belongs to; null for central bodies and the default directory.</summary>
    public string? Province { get; set; }

    /// <summary>The account named as the agency's focal person (đầu mối): it alone receives the agency's notices.</summary>
    public string? FocalUserId { get; set; }

    /// <summary>The account of the agency's leader, told weekly of its overdue tasks.</summary>
    public string? LeaderUserId { get; set; }
}

/// <summary>
/// A short name or alias of an agency, unique by its folded form within its scope: everywhere, or the plans of
/// one province ("Sở Nội vụ" names a different agency in each province's plans).
/// </summary>
public sealed class AgencyAliasEntity
{
    public int Id { get; set; }

    public int AgencyId { get; set; }

    public string Alias { get; set; } = string.Empty;

    /// <summary>The alias without case, diacritics or repeated spaces: the unique key within the scope.</summary>
    public string Key { get; set; } = string.Empty;

    /// <summary>Empty when the alias names the agency in every plan; else the province (official name) in whose plans it does.</summary>
    public string Scope { get; set; } = string.Empty;
}

/// <summary>
/// A group that plans name instead of agencies ("Các Sở, ban, ngành", "UBND các xã, phường"):
/// its members are the agencies of some kinds and named agencies.
/// </summary>
public sealed class AgencyGroupEntity
{
    public int Id { get; set; }

    public string Name { get; set; } = string.Empty;

    /// <summary>Other wordings of the group, one per line.</summary>
    public string Aliases { get; set; } = string.Empty;

    /// <summary>The kinds whose agencies are all members, one per line (<see cref="AgencyKind"/> names).</summary>
    public string MemberKinds { get; set; } = string.Empty;

    /// <summary>Members named one by one, one per line.</summary>
    public string MemberNames { get; set; } = string.Empty;
}
