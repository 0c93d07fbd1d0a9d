using DonDoc.Core.Agencies;

namespace DonDoc.Core.Tests.Agencies;

public sealed class AssignmentPlannerTest
{
    private static readonly AgencyDirectory Directory = AgencyDirectory.Default;

    private static AssignmentOutcome Plan(string lead, string? coordinators, LeadChoice? choice = null, string? chosen = null) =>
        AssignmentPlanner.Plan(Directory, Directory.Resolve(lead), Directory.Resolve(coordinators), choice, chosen);

    [Fact]
    public void One_lead_gives_one_task_with_its_coordinators_and_notes()
    {
        var outcome = Plan("Văn phòng UBND tỉnh (chủ trì tham mưu)", "Sở Nội vụ; Sở Tư pháp");

        var task = Assert.Single(outcome.Tasks);
        Assert.Null(outcome.Problem);
        Assert.Equal("Văn phòng Ủy ban nhân dân tỉnh", task.Lead.Name);
        Assert.Equal("chủ trì tham mưu", task.Lead.Note);
        Assert.Equal(["Sở Nội vụ", "Sở Tư pháp"], task.Coordinators.Select(c => c.Name).ToArray());
    }

    [Fact]
    public void Two_leads_without_a_choice_are_refused_with_the_reason()
    {
        var outcome = Plan("Sở Nội vụ, Sở Tài chính", null);

        Assert.Empty(outcome.Tasks);
        Assert.Contains("Có 2 cơ quan chủ trì", outcome.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Splitting_gives_one_task_per_lead_with_the_same_coordinators()
    {
        var outcome = Plan("Sở Nội vụ, Sở Tài chính", "Sở Tư pháp", LeadChoice.SplitPerLead);

        Assert.Equal(["Sở Nội vụ", "Sở Tài chính"], outcome.Tasks.Select(t => t.Lead.Name).ToArray());
        Assert.All(outcome.Tasks, t => Assert.Equal("Sở Tư pháp", Assert.Single(t.Coordinators).Name));
    }

    [Fact]
    public void Picking_one_lead_makes_the_others_coordinators()
    {
        var outcome = Plan("Sở Nội vụ, Sở Tài chính", "Sở Tư pháp", LeadChoice.PickOneLead, "Sở Tài chính");

        var task = Assert.Single(outcome.Tasks);
        Assert.Equal("Sở Tài chính", task.Lead.Name);
        Assert.Equal(["Sở Nội vụ", "Sở Tư pháp"], task.Coordinators.Select(c => c.Name).ToArray());
    }

    [Fact]
    public void A_group_lead_expands_into_one_task_per_member_and_a_group_coordinator_into_its_members()
    {
        var expanded = Plan("Các sở, ban, ngành", null, LeadChoice.ExpandGroup);
        var coordinated = Plan("Sở Tư pháp", "Các sở, ban, ngành");

        Assert.Equal(Directory.Members("Các sở, ban, ngành").Count, expanded.Tasks.Count);
        Assert.Contains(expanded.Tasks, t => t.Lead.Name == "Sở Nội vụ");
        var task = Assert.Single(coordinated.Tasks);
        Assert.Contains(task.Coordinators, c => c.Name == "Sở Nội vụ");
        Assert.DoesNotContain(task.Coordinators, c => c.Name == "Sở Tư pháp"); // the lead is not its own coordinator
    }

    [Fact]
    public void An_unknown_name_is_never_dropped_it_blocks_the_row()
    {
        var lead = Plan("Sở Hoa Mai", null);
        var coordinator = Plan("Sở Nội vụ", "Phòng Văn thư Hoa Mai");

        Assert.Contains("\"Sở Hoa Mai\" chưa có trong danh mục", lead.Problem, StringComparison.Ordinal);
        Assert.Contains("Cơ quan phối hợp", coordinator.Problem, StringComparison.Ordinal);
        Assert.Empty(coordinator.Tasks);
    }
}
