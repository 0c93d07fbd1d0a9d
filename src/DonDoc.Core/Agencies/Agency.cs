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

public static class AgencyKindNames
{
    /// <summary>The kind as an official reads it.</summary>
    public static string ToVietnamese(this AgencyKind kind) => kind switch
    {
        AgencyKind.Department => "Sở, ban, ngành",
        AgencyKind.PublicServiceUnit => "Đơn vị sự nghiệp",
        AgencyKind.CommunePeopleCommittee => "UBND xã, phường",
        AgencyKind.PartyBody => "Cơ quan Đảng",
        AgencyKind.MassOrganisation => "Mặt trận, đoàn thể",
        AgencyKind.InternalUnit => "Đơn vị nội bộ",
        _ => "Khác",
    };
}
