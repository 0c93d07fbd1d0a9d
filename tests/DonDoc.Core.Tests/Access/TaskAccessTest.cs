using DonDoc.Core.Access;

namespace DonDoc.Core.Tests.Access;

public sealed class TaskAccessTest
{
    private const int NoiVu = 1;
    private const int TuPhap = 2;
    private const int TaiChinh = 3;

    private static readonly TaskParties Task = new("office-1", NoiVu, [TuPhap]);

    private static Actor Officer(int agency) => new("u" + agency, "Cán bộ", new HashSet<string> { Roles.AgencyOfficer }, agency);

    private static Actor As(string role, string id = "office-1") => new(id, "Người dùng", new HashSet<string> { role }, null);

    public static TheoryData<string, Actor, bool, bool, bool, bool> Cases => new()
    {
        // who, actor, read, report as lead, contribute, manage
        { "lead officer", Officer(NoiVu), true, true, false, false },
        { "coordinating officer", Officer(TuPhap), true, false, true, false },
        { "another agency's officer", Officer(TaiChinh), false, false, false, false },
        { "leader", As(Roles.Leader), true, false, false, false },
        { "office that owns the plan", As(Roles.MonitoringOffice), true, false, false, true },
        { "another office", As(Roles.MonitoringOffice, "office-2"), true, false, false, false },
        { "administrator", As(Roles.Administrator, "admin"), true, false, false, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_role_reads_reports_and_manages_what_the_rules_allow(string who, Actor actor, bool read, bool lead, bool contribute, bool manage)
    {
        Assert.True(read == TaskAccess.CanRead(actor, Task), who);
        Assert.True(lead == TaskAccess.CanReportAsLead(actor, Task), who);
        Assert.True(contribute == TaskAccess.CanContribute(actor, Task), who);
        Assert.True(manage == TaskAccess.CanManage(actor, Task.PlanOwnerId), who);
    }

    [Fact]
    public void An_officer_without_an_agency_reads_nothing()
    {
        var actor = new Actor("u", "Cán bộ", new HashSet<string> { Roles.AgencyOfficer }, null);

        Assert.False(TaskAccess.CanRead(actor, Task));
        Assert.False(TaskAccess.CanImport(actor));
    }
}
