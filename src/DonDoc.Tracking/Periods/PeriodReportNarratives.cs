using DonDoc.Core.Reports;
using DonDoc.Tracking.Reports;

namespace DonDoc.Tracking.Periods;

/// <summary>The consolidated report's narratives from the period's reports: the office's edit, else the agencies' submissions.</summary>
public sealed class PeriodReportNarratives(PeriodReports reports) : IReportNarratives
{
    public async Task<ReportNarrative?> ForAsync(int planId, ReportPeriod period, CancellationToken cancellationToken)
    {
        var narrative = await reports.NarrativeAsync(planId, period, cancellationToken);
        return narrative is { Results: null, Shortcomings: null, NextTasks: null, Proposals: null } ? null : narrative;
    }
}
