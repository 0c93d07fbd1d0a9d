namespace DonDoc.Core.Agencies;

/// <summary>An agency of the directory: a sở, a xã/phường, a Party body, an internal unit.</summary>
public sealed record Agency(string Name, AgencyKind Kind)
{
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>The name of the agency this one belongs to, for internal units.</summary>
    public string? Parent { get; init; }
}

public enum AgencyKind
{
    Department,
    PublicServiceUnit,
    CommunePeopleCommittee,
    PartyBody,
    MassOrganisation,
    InternalUnit,
    Other,
}
