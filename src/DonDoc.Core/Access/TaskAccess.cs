namespace DonDoc.Core.Access;

/// <summary>What the assignments of a task are, as far as access is concerned.</summary>
/// <param name="PlanOwnerId">The user (of the monitoring office) who imported and owns the plan.</param>
public sealed record TaskParties(string? PlanOwnerId, int? LeadAgencyId, IReadOnlyCollection<int> CoordinatorAgencyIds);

/// <summary>
/// The access rules, in one place: an agency officer reads the tasks its agency leads or coordinates
/// and changes only those it leads; a leader reads everything; the monitoring office reads everything
/// and manages the plans it owns; an administrator may do all.
/// </summary>
public static class TaskAccess
{
    public static bool CanRead(Actor actor, TaskParties task) =>
        actor.ReadsEverything
        || (actor.AgencyId is { } agency && (task.LeadAgencyId == agency || task.CoordinatorAgencyIds.Contains(agency)));

    /// <summary>Progress, checklist, completion and extension requests: the lead agency's officers.</summary>
    public static bool CanReportAsLead(Actor actor, TaskParties task) =>
        actor.Roles.Contains(Roles.AgencyOfficer) && actor.AgencyId is { } agency && task.LeadAgencyId == agency;

    /// <summary>A contribution to a task: a coordinating agency's officers.</summary>
    public static bool CanContribute(Actor actor, TaskParties task) =>
        actor.Roles.Contains(Roles.AgencyOfficer) && actor.AgencyId is { } agency && task.CoordinatorAgencyIds.Contains(agency);

    /// <summary>Review, extension decisions, cancellation: the office that owns the plan, or an administrator.</summary>
    public static bool CanManage(Actor actor, string? planOwnerId) =>
        actor.IsAdministrator || (actor.IsMonitoringOffice && planOwnerId == actor.UserId);

    /// <summary>Importing plans and recording events: the monitoring office and administrators.</summary>
    public static bool CanImport(Actor actor) => actor.IsAdministrator || actor.IsMonitoringOffice;
}
