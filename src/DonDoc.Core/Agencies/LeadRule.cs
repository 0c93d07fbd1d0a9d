namespace DonDoc.Core.Agencies;

/// <summary>What a reviewer may do with a task whose lead is not exactly one agency.</summary>
public enum LeadChoice
{
    /// <summary>One task per lead agency.</summary>
    SplitPerLead,

    /// <summary>Keep one lead; the others become coordinators.</summary>
    PickOneLead,

    /// <summary>One task per member agency of the group.</summary>
    ExpandGroup,

    /// <summary>Name the agency: a new agency or a new alias of a known one.</summary>
    ResolveUnknown,
}

public static class LeadChoiceNames
{
    /// <summary>The choice as the reviewer reads it.</summary>
    public static string ToVietnamese(this LeadChoice choice) => choice switch
    {
        LeadChoice.SplitPerLead => "tách thành một nhiệm vụ cho mỗi cơ quan chủ trì",
        LeadChoice.PickOneLead => "chọn một cơ quan chủ trì, các cơ quan còn lại phối hợp",
        LeadChoice.ExpandGroup => "tách theo từng cơ quan trong nhóm",
        _ => "xác định cơ quan (thêm mới hoặc ghi nhớ tên gọi khác)",
    };
}

/// <summary>Why a lead cell breaks "một việc một đầu mối" (one task, one lead), and the choices.</summary>
public sealed record LeadProblem(string Reason, IReadOnlyList<LeadChoice> Choices);

/// <summary>The one-lead rule: every task ends with exactly one lead agency of the directory.</summary>
public static class LeadRule
{
    public static LeadProblem? Check(IReadOnlyList<AgencyMatch> lead)
    {
        if (lead.Count == 0)
        {
            return new LeadProblem("Chưa có cơ quan chủ trì.", [LeadChoice.ResolveUnknown]);
        }

        if (lead.Any(m => m.Kind == AgencyMatchKind.Unknown))
        {
            var unknown = lead.First(m => m.Kind == AgencyMatchKind.Unknown);
            return new LeadProblem($"Không tìm thấy \"{unknown.Text}\" trong danh mục cơ quan.", [LeadChoice.ResolveUnknown]);
        }

        if (lead.Count > 1)
        {
            var choices = new List<LeadChoice> { LeadChoice.SplitPerLead, LeadChoice.PickOneLead };
            if (lead.Any(m => m.Kind == AgencyMatchKind.Group))
            {
                choices.Add(LeadChoice.ExpandGroup);
            }

            return new LeadProblem($"Có {lead.Count} cơ quan chủ trì: {string.Join("; ", lead.Select(m => m.Name))}.", choices);
        }

        return lead[0].Kind == AgencyMatchKind.Group
            ? new LeadProblem($"Cơ quan chủ trì là một nhóm: {lead[0].Name}.", [LeadChoice.ExpandGroup, LeadChoice.PickOneLead])
            : null;
    }
}
