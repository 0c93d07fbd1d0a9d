using DonDoc.Core.Agencies;

namespace DonDoc.Data.Agencies;

/// <summary>A stored agency of the directory.</summary>
public sealed class AgencyEntity
{
    public int Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public AgencyKind Kind { get; set; }

    /// <summary>Short names and aliases, one per line.</summary>
    public string Aliases { get; set; } = string.Empty;

    public int? ParentId { get; set; }

    public AgencyEntity? Parent { get; set; }
}
