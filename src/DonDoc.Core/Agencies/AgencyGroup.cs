namespace DonDoc.Core.Agencies;

/// <summary>
/// A group that plans name instead of agencies: "Các Sở, ban, ngành", "UBND các xã, phường",
/// "các cơ quan, đơn vị liên quan". Its members are named agencies and/or every agency of some kinds.
/// </summary>
public sealed record AgencyGroup(string Name)
{
    public IReadOnlyList<string> Aliases { get; init; } = [];

    public IReadOnlyList<AgencyKind> MemberKinds { get; init; } = [];

    public IReadOnlyList<string> MemberNames { get; init; } = [];
}
