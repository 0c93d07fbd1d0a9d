namespace DonDoc.Core.Agencies;

/// <summary>
/// An agency of the directory: a ministry, a sở, a xã/phường, a Party body, an internal unit. Its
/// <see cref="Name"/> and <see cref="Aliases"/> name it in every plan; an agency of a province also has
/// <see cref="LocalNames"/>, which name it only in the plans of that province ("Sở Nội vụ" in a plan of
/// UBND tỉnh Đồng Tháp is the Sở Nội vụ tỉnh Đồng Tháp).
/// </summary>
public sealed record Agency(string Name, AgencyKind Kind)
{
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>The name of the agency this one belongs to, for internal units.</summary>
    public string? Parent { get; init; }

    /// <summary>The province (its official name, "Tỉnh Đồng Tháp") this agency belongs to; null for central bodies and the default directory.</summary>
    public string? Province { get; init; }

    /// <summary>Names that mean this agency in the plans of its province only.</summary>
    public IReadOnlyList<string> LocalNames { get; init; } = [];
}

/// <summary>
/// A name that plans still use for an agency that no longer exists ("Bộ Kế hoạch và Đầu tư"): it resolves
/// to its successor, read in the same plan ("Sở Kế hoạch và Đầu tư" in a plan of Đồng Tháp is the Sở Tài
/// chính tỉnh Đồng Tháp), and the match says which name it came from.
/// </summary>
public sealed record FormerAgency(string Name, string Successor)
{
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>The law or decision that merged it ("Nghị quyết 176/2025/QH15").</summary>
    public string? Basis { get; init; }
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
    ProvincePeopleCommittee,
    CommunePartyCommittee,
    Government,
    Ministry,
    GovernmentAgency,
    MinistryUnit,
    NationalAssemblyBody,
    StateBody,
    CentralPartyBody,
    CentralMassOrganisation,
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
        AgencyKind.ProvincePeopleCommittee => "UBND tỉnh, thành phố",
        AgencyKind.CommunePartyCommittee => "Đảng ủy xã, phường",
        AgencyKind.Government => "Chính phủ, Thủ tướng Chính phủ",
        AgencyKind.Ministry => "Bộ, cơ quan ngang bộ",
        AgencyKind.GovernmentAgency => "Cơ quan thuộc Chính phủ",
        AgencyKind.MinistryUnit => "Đơn vị thuộc bộ",
        AgencyKind.NationalAssemblyBody => "Quốc hội và cơ quan của Quốc hội",
        AgencyKind.StateBody => "Cơ quan nhà nước ở Trung ương",
        AgencyKind.CentralPartyBody => "Cơ quan Đảng ở Trung ương",
        AgencyKind.CentralMassOrganisation => "Mặt trận, đoàn thể ở Trung ương",
        _ => "Khác",
    };

    /// <summary>
    /// Kinds whose agencies serve the whole country (and the UBND of each province, which national groups list):
    /// a group made only of these kinds gathers them from every province, other groups only from the plan's province.
    /// </summary>
    public static bool IsNationwide(this AgencyKind kind) => kind is AgencyKind.ProvincePeopleCommittee or AgencyKind.Government
        or AgencyKind.Ministry or AgencyKind.GovernmentAgency or AgencyKind.MinistryUnit or AgencyKind.NationalAssemblyBody
        or AgencyKind.StateBody or AgencyKind.CentralPartyBody or AgencyKind.CentralMassOrganisation;
}
