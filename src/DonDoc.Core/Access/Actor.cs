namespace DonDoc.Core.Access;

/// <summary>Who is asking: a signed-in user with their roles and, for an agency officer, their agency.</summary>
public sealed record Actor(string UserId, string Name, IReadOnlySet<string> Roles, int? AgencyId)
{
    public bool IsAdministrator => Roles.Contains(Access.Roles.Administrator);

    public bool IsMonitoringOffice => Roles.Contains(Access.Roles.MonitoringOffice);

    public bool IsLeader => Roles.Contains(Access.Roles.Leader);

    /// <summary>An agency officer sees only the tasks of their agency.</summary>
    public bool IsAgencyOfficer => !IsAdministrator && !IsMonitoringOffice && !IsLeader && Roles.Contains(Access.Roles.AgencyOfficer);

    /// <summary>Reads every published plan and task.</summary>
    public bool ReadsEverything => IsAdministrator || IsMonitoringOffice || IsLeader;

    /// <summary>The user id of what DonDoc does by itself (the first start, a command, a scheduled job).</summary>
    public const string SystemId = "system";

    /// <summary>DonDoc itself, named for the audit trail ("dondoc user add", "Nhắc việc tự động"); it holds no role.</summary>
    public static Actor System(string name) => new(SystemId, name, new HashSet<string>(), null);

    public bool IsSystem => UserId == SystemId;
}
