namespace DonDoc.Web.Accounts;

/// <summary>The roles of DonDoc's users.</summary>
public static class Roles
{
    public const string Administrator = "admin";
    public const string MonitoringOffice = "monitor";
    public const string Leader = "leader";
    public const string AgencyOfficer = "agency";

    public static readonly IReadOnlyList<string> All = [Administrator, MonitoringOffice, Leader, AgencyOfficer];
}
