using System.Runtime.CompilerServices;
using DonDoc.Core.Reports;
using DonDoc.Data.Plans;
using DonDoc.Data.Storage;
using DonDoc.Data.Tracking;
using DonDoc.Tracking.Calendar;
using DonDoc.Tracking.Reminders;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Tracking.Periods;

/// <summary>
/// The report cycles' reports not in: for each published plan with a cycle, each agency that leads its tasks owes a report
/// for every period; the last periods due and the coming one are offered to the daily job (a returned report is not in).
/// </summary>
public sealed class CycleReportSource(DonDocDbContext db, CurrentCalendar calendar) : IReportDueSource
{
    /// <summary>How many past periods are still reminded of: older ones are the office's business.</summary>
    private const int PastPeriods = 3;

    public async IAsyncEnumerable<ReportDue> NotSubmittedAsync(DateOnly today, DateOnly latestDue, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var cycles = await (
            from cycle in db.ReportCycles.AsNoTracking()
            join plan in db.Plans.AsNoTracking() on cycle.PlanId equals plan.Id
            where plan.State == PlanState.Published
            orderby cycle.PlanId
            select new { Cycle = cycle, plan.OwnerId })
            .ToListAsync(cancellationToken);
        foreach (var stored in cycles)
        {
            var cycle = PeriodReports.CycleOf(stored.Cycle);
            if (cycle.FirstPeriod is not { } first)
            {
                continue;
            }

            var periods = cycle.PeriodsDueBy(first, latestDue, calendar.Calendar).TakeLast(PastPeriods + 1).ToList();
            if (periods.Count == 0)
            {
                continue;
            }

            var keys = periods.Select(p => p.ToString()).ToList();
            var leads = await db.Tasks.AsNoTracking()
                .Where(t => t.PlanId == stored.Cycle.PlanId && !t.Cancelled && t.LeadAgencyId != null)
                .Select(t => t.LeadAgencyId!.Value).Distinct().ToListAsync(cancellationToken);
            var reported = (await db.PeriodReports.AsNoTracking()
                    .Where(r => r.PlanId == stored.Cycle.PlanId && keys.Contains(r.Period) && r.State != PeriodReportState.Returned)
                    .Select(r => new { r.AgencyId, r.Period }).ToListAsync(cancellationToken))
                .Select(r => (r.AgencyId, r.Period)).ToHashSet();
            foreach (var period in periods)
            {
                var due = cycle.AgencyDueOn(period, calendar.Calendar);
                foreach (var agency in leads.Where(a => !reported.Contains((a, period.ToString()))))
                {
                    yield return new ReportDue($"report:plan:{stored.Cycle.PlanId}:{period}:{agency}", null, stored.Cycle.PlanId, agency, due, stored.OwnerId);
                }
            }
        }
    }
}
