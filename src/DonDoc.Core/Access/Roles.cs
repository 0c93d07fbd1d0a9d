namespace DonDoc.Core.Access;

/// <summary>The roles of DonDoc's users, by the names stored with each account.</summary>
public static class Roles
{
    public const string Administrator = "admin";
    public const string MonitoringOffice = "monitor";
    public const string Leader = "leader";
    public const string AgencyOfficer = "agency";

    public static readonly IReadOnlyList<string> All = [Administrator, MonitoringOffice, Leader, AgencyOfficer];

    public static string ToVietnamese(string role) => role switch
    {
        Administrator => "Quản trị hệ thống",
        MonitoringOffice => "Văn phòng theo dõi",
        Leader => "Lãnh đạo",
        AgencyOfficer => "Cán bộ đơn vị",
        _ => role,
    };
}
