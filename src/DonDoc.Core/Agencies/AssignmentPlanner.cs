namespace DonDoc.Core.Agencies;

/// <summary>One agency's part in a task: its canonical name and the qualifier the plan wrote beside it.</summary>
public sealed record AssignedAgency(string Name, string? Note);

/// <summary>One task as it will be published: exactly one lead and its coordinators.</summary>
public sealed record TaskAssignment(AssignedAgency Lead, IReadOnlyList<AssignedAgency> Coordinators);

/// <summary>The assignments a row becomes, or why it cannot be published yet (in Vietnamese).</summary>
public sealed record AssignmentOutcome(IReadOnlyList<TaskAssignment> Tasks, string? Problem)
{
    public static AssignmentOutcome Refused(string problem) => new([], problem);
}

/// <summary>
/// Turns a row's resolved lead and coordinator cells, with the reviewer's choice, into tasks that each
/// have one lead ("một việc một đầu mối"). Groups are expanded into their member agencies; a group
/// without members (for "các cơ quan, đơn vị liên quan") stays only as the cell's text.
/// </summary>
public static class AssignmentPlanner
{
    public static AssignmentOutcome Plan(
        AgencyDirectory directory,
        IReadOnlyList<AgencyMatch> lead,
        IReadOnlyList<AgencyMatch> coordinators,
        LeadChoice? choice,
        string? chosenLead = null)
    {
        if (lead.FirstOrDefault(m => m.Kind == AgencyMatchKind.Unknown) is { } unknownLead)
        {
            return AssignmentOutcome.Refused($"Cơ quan chủ trì \"{unknownLead.Text}\" chưa có trong danh mục.");
        }

        if (coordinators.FirstOrDefault(m => m.Kind == AgencyMatchKind.Unknown) is { } unknownCoordinator)
        {
            return AssignmentOutcome.Refused($"Cơ quan phối hợp \"{unknownCoordinator.Text}\" chưa có trong danh mục.");
        }

        var leads = Expand(directory, lead);
        if (leads.Count == 0)
        {
            return AssignmentOutcome.Refused(lead.Count == 0 ? "Chưa có cơ quan chủ trì." : $"Nhóm \"{lead[0].Name}\" chưa có cơ quan thành viên nào.");
        }

        var others = Expand(directory, coordinators);
        var single = lead.Count == 1 && lead[0].Kind == AgencyMatchKind.Agency;
        if (single)
        {
            return new AssignmentOutcome([Task(leads[0], others)], null);
        }

        switch (choice)
        {
            case LeadChoice.SplitPerLead or LeadChoice.ExpandGroup:
                return new AssignmentOutcome(leads.Select(l => Task(l, others)).ToList(), null);
            case LeadChoice.PickOneLead:
                var picked = chosenLead is null ? leads[0] : leads.FirstOrDefault(l => l.Name == chosenLead);
                if (picked is null)
                {
                    return AssignmentOutcome.Refused($"\"{chosenLead}\" không nằm trong các cơ quan chủ trì của dòng này.");
                }

                return new AssignmentOutcome([Task(picked, leads.Where(l => l != picked).Concat(others).ToList())], null);
            default:
                var problem = LeadRule.Check(lead);
                return AssignmentOutcome.Refused((problem?.Reason ?? "Cần chọn cơ quan chủ trì.") + " Hãy chọn cách xử lý.");
        }
    }

    private static TaskAssignment Task(AssignedAgency lead, IReadOnlyList<AssignedAgency> coordinators) =>
        new(lead, coordinators.Where(c => c.Name != lead.Name).DistinctBy(c => c.Name).ToList());

    /// <summary>The agencies that matches stand for, groups replaced by their members, each once; unknown names give none.</summary>
    public static List<AssignedAgency> Expand(AgencyDirectory directory, IReadOnlyList<AgencyMatch> matches)
    {
        var result = new List<AssignedAgency>();
        foreach (var match in matches)
        {
            if (match.Kind == AgencyMatchKind.Agency)
            {
                result.Add(new AssignedAgency(match.Name!, match.Note));
            }
            else if (match.Kind == AgencyMatchKind.Group)
            {
                result.AddRange(directory.Members(match.Name!).Select(a => new AssignedAgency(a.Name, match.Note)));
            }
        }

        return result.DistinctBy(a => a.Name).ToList();
    }
}
