using DonDoc.Core.Access;
using DonDoc.Core.Calendar;
using DonDoc.Core.Reports;
using DonDoc.Tracking.Periods;
using DonDoc.Tracking.Workflow;
using DonDoc.Web.Common;
using Microsoft.AspNetCore.Mvc;

namespace DonDoc.Web.Pages.Periods;

/// <summary>
/// A plan's periodic reports: the office sets the cycle, sees who has reported in a period, returns or accepts each
/// report and edits the consolidated narrative; an agency officer writes and submits the agency's report.
/// </summary>
public sealed class IndexModel(PeriodReports periods, EvidenceStore evidence, TimeProvider clock) : DonDocPageModel
{
    [FromRoute]
    public int PlanId { get; set; }

    /// <summary>The period shown ("2026-11"); the current one of the cycle when empty.</summary>
    [FromQuery(Name = "ky")]
    public string? Period { get; set; }

    public CycleView? Cycle { get; private set; }

    public PeriodOverview? Overview { get; private set; }

    /// <summary>The signed-in officer's own report (the form to fill in, or what was submitted).</summary>
    public AgencyPeriodReport? Own { get; private set; }

    /// <summary>One agency's report the office opened from the list.</summary>
    public AgencyPeriodReport? Opened { get; private set; }

    public Tracking.Reports.ReportNarrative? Narrative { get; private set; }

    public bool CanManage { get; private set; }

    public PeriodRating? Rating { get; private set; }

    /// <summary>The cycle the plan's own words state, offered while none is set.</summary>
    public ReportCycle? Proposal { get; private set; }

    /// <summary>Periods to move to: the one before and the one after the shown period.</summary>
    public (string Previous, string Next)? Neighbours { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? agency, CancellationToken cancellationToken) =>
        await ReadAsync(() => LoadAsync(agency, cancellationToken));

    public async Task<IActionResult> OnPostCycleAsync(string? length, int? agencyDueDay, int? officeDueDay, bool dueAfterPeriod, string? firstPeriod, string? ratingFormula, string? source, int? version, CancellationToken cancellationToken) =>
        await ChangeAsync(
            () => periods.SetCycleAsync(Actor, PlanId, new CycleInput(length, agencyDueDay, officeDueDay, dueAfterPeriod, firstPeriod, source, version, ratingFormula), cancellationToken),
            "Đã lưu chu kỳ báo cáo.",
            () => Redirect($"/KeHoach/{PlanId}/BaoCaoDinhKy"),
            async () => { await LoadAsync(null, cancellationToken); return Page(); });

    public async Task<IActionResult> OnPostSubmitAsync(
        List<int> taskId, List<string?> percent, List<string?> progress, List<string?> result,
        string? results, string? shortcomings, string? nextTasks, string? proposals, int? version, CancellationToken cancellationToken) =>
        await ChangeAsync(
            async () =>
            {
                var items = taskId.Select((id, i) => new SubmissionItemInput(id, Percent(percent.ElementAtOrDefault(i)), progress.ElementAtOrDefault(i), result.ElementAtOrDefault(i))).ToList();
                // Each task's row carries its evidence as "files-{task id}"; a browser sends an empty part for an input left empty.
                var files = new Dictionary<int, IReadOnlyList<UploadedFile>>();
                foreach (var group in Request.Form.Files.Where(f => f.Length > 0).GroupBy(f => f.Name))
                {
                    if (group.Key.StartsWith("files-", StringComparison.Ordinal) && int.TryParse(group.Key.AsSpan(6), out var id))
                    {
                        files[id] = await evidence.ReadAsync(group.AsIncoming(), cancellationToken);
                    }
                }

                await periods.SubmitAsync(Actor, PlanId, Period, new SubmissionInput(items, results, shortcomings, nextTasks, proposals, version), files, cancellationToken);
            },
            "Đã nộp báo cáo định kỳ.",
            () => Redirect(Here()),
            async () => { await LoadAsync(null, cancellationToken); return Page(); });

    public async Task<IActionResult> OnPostDecideAsync(int agencyId, string? decision, string? reason, CancellationToken cancellationToken) =>
        await ChangeAsync(
            () => periods.DecideAsync(Actor, PlanId, Period, agencyId, new PeriodDecisionInput(decision, reason), cancellationToken),
            decision == "accept" ? "Đã tiếp nhận báo cáo." : "Đã trả lại báo cáo.",
            () => Redirect(Here()),
            async () => { await LoadAsync(agencyId, cancellationToken); return Page(); });

    public async Task<IActionResult> OnPostNarrativeAsync(string? results, string? shortcomings, string? nextTasks, string? proposals, CancellationToken cancellationToken) =>
        await ChangeAsync(
            () => periods.SaveNarrativeAsync(Actor, PlanId, Period, new NarrativeInput(results, shortcomings, nextTasks, proposals), cancellationToken),
            "Đã lưu phần nhận định của báo cáo tổng hợp.",
            () => Redirect(Here()),
            async () => { await LoadAsync(null, cancellationToken); return Page(); });

    private string Here() => $"/KeHoach/{PlanId}/BaoCaoDinhKy?ky={Uri.EscapeDataString(Overview?.Period ?? Period ?? "")}";

    private static int? Percent(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : int.TryParse(text.Trim().TrimEnd('%'), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value
        : throw WorkflowException.Invalid($"Tỷ lệ \"{text}\" không phải là số.", $"bad percent {text}");

    private async Task LoadAsync(int? agency, CancellationToken cancellationToken)
    {
        Cycle = await periods.CycleAsync(Actor, PlanId, cancellationToken);
        CanManage = await periods.CanManageAsync(Actor, PlanId, cancellationToken);
        if (Cycle is null)
        {
            Proposal = CanManage ? (await periods.ProposeCycleAsync(Actor, PlanId, cancellationToken))?.Cycle : null;
            return;
        }

        Overview = await periods.OverviewAsync(Actor, PlanId, Period, cancellationToken);
        Period = Overview.Period;
        var shown = ReportPeriod.Parse(Overview.Period).Period!.Value;
        Neighbours = (shown.Previous().ToString(), shown.Next().ToString());
        if (Actor.AgencyId is { } own && Overview.Agencies.Any(a => a.AgencyId == own))
        {
            Own = await periods.ReportAsync(Actor, PlanId, Period, own, cancellationToken);
        }

        if (agency is { } opened && Actor.ReadsEverything)
        {
            Opened = await periods.ReportAsync(Actor, PlanId, Period, opened, cancellationToken);
        }

        if (Actor.ReadsEverything)
        {
            Narrative = await periods.NarrativeAsync(PlanId, shown, cancellationToken);
            Rating = await periods.RatingAsync(Actor, PlanId, Period, cancellationToken);
        }
    }

    public DateOnly Today => VietnamTime.Today(clock);
}
