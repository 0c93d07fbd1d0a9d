using DonDoc.Data.Plans;
using Microsoft.Extensions.Configuration;

namespace DonDoc.Tracking.Workflow;

/// <summary>
/// Whether a completion must come with evidence ("Yêu cầu tài liệu kiểm chứng khi báo cáo hoàn thành"): the plan's own
/// setting, else the office's default, <c>Tracking:RequireCompletionEvidence</c> (off unless set). A completion without a file
/// is then refused, unless the task already holds one (attached to a progress report or a product of its checklist).
/// </summary>
public sealed record CompletionEvidenceRule(bool OfficeDefault)
{
    public static CompletionEvidenceRule Read(IConfiguration configuration) => new(configuration.GetValue("Tracking:RequireCompletionEvidence", false));

    public bool Requires(PlanEntity plan) => plan.RequiresCompletionEvidence ?? OfficeDefault;
}
