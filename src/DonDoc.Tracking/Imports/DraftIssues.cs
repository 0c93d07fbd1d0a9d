using DonDoc.Core.Deadlines;

namespace DonDoc.Tracking.Imports;

/// <summary>
/// What a reviewer must fix on a draft row before the plan can be published, and what the importer asks them to check.
/// Blocking issues are judged from the row as it stands now (they go away when the row is corrected); the importer's
/// doubts are the warnings it stored with the row.
/// </summary>
public static class DraftIssues
{
    /// <summary>Importer warnings that are judged again from the row itself (and so not repeated from the stored notes).</summary>
    private static readonly HashSet<string> Rejudged = new(StringComparer.Ordinal)
    {
        "lead_rule", "no_lead", "unknown_agency", "deadline_unknown", "empty_content",
    };

    public static IReadOnlyList<DraftIssue> Of(string? content, string? deadlineRaw, Deadline deadline, string? leadProblem, IEnumerable<DraftNote> importerNotes)
    {
        var issues = new List<DraftIssue>();
        if (string.IsNullOrWhiteSpace(content))
        {
            issues.Add(new DraftIssue("empty_content", "Nội dung nhiệm vụ đang trống: hãy ghi nội dung hoặc xóa dòng này.", true));
        }

        if (leadProblem is not null)
        {
            issues.Add(new DraftIssue("lead", leadProblem, true));
        }

        if (!string.IsNullOrWhiteSpace(deadlineRaw) && deadline.Kind == DeadlineKind.Unknown)
        {
            issues.Add(new DraftIssue("deadline_unknown",
                $"Chưa hiểu được thời hạn \"{deadlineRaw.Trim()}\": hãy ghi lại (ví dụ 30/6/2026, Quý III/2026, Tháng 12/2026, Thường xuyên, Hằng quý) hoặc để trống nếu kế hoạch không ghi thời hạn.",
                true));
        }
        else if (string.IsNullOrWhiteSpace(deadlineRaw))
        {
            issues.Add(new DraftIssue("no_deadline", "Chưa có thời hạn: nhiệm vụ sẽ được theo dõi là chưa xác định thời hạn.", false));
        }

        issues.AddRange(importerNotes
            .Where(n => !Rejudged.Contains(n.Code))
            .DistinctBy(n => n.Code)
            .Select(n => new DraftIssue(n.Code, n.Message, false)));
        return issues;
    }
}
