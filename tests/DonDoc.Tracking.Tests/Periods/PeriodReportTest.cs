using DonDoc.Core.Tracking;
using DonDoc.Data.Plans;
using DonDoc.Data.Storage;
using DonDoc.Data.Tests.Storage;
using DonDoc.Tracking.Periods;
using DonDoc.Tracking.Reports;
using DonDoc.Tracking.Tasks;
using DonDoc.Tracking.Tests.Hosting;
using DonDoc.Tracking.Tests.Reports;
using DonDoc.Tracking.Workflow;
using DonDoc.Web.Tests.Tracking;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Tracking.Tests.Periods;

/// <summary>
/// The monthly cycle of the test's November plan (published 20/11/2026): agencies report by the 23rd, the office by the 25th.
/// Sở Y tế reports on 23/11 (on time), Sở Nội vụ on 03/12 (late); the office returns Nội vụ's and accepts Y tế's.
/// </summary>
public sealed class PeriodReportTest
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_monthly_cycle_takes_reports_on_time_and_late_returns_one_and_accepts_the_other(DatabaseProvider provider)
    {
        await using var app = await TrackingServices.CreateAsync(provider, NovemberPlan.Published);
        var planId = await PublishAsync(app);
        var noiVu = await AgencyAsync(app, "Sở Nội vụ");
        var yTe = await AgencyAsync(app, "Sở Y tế");

        var cycle = await Periods(app, p => p.SetCycleAsync(TrackingServices.Office, planId, new CycleInput("Month", 23, 25, FirstPeriod: "2026-11"), Ct));
        Assert.Equal("Báo cáo hằng tháng: các cơ quan trước ngày 23, Văn phòng tổng hợp trước ngày 25 hằng tháng", cycle.Description);

        // The continuous task of Sở Nội vụ owes November's report, due on 23/11.
        Assert.Equal((TaskPhase.Reporting, new DateOnly(2026, 11, 23)), await PhaseAsync(app, planId, "Tổng hợp tình hình"));

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 3, 0, 0, TimeSpan.Zero));
        var yTeForm = await Periods(app, p => p.ReportAsync(TrackingServices.Officer(yTe), planId, "2026-11", yTe, Ct));
        Assert.Equal(SubmissionState.NotSubmitted, yTeForm.State);
        var inspection = yTeForm.Tasks.Single(t => t.Content.StartsWith("Kiểm tra việc thực hiện", StringComparison.Ordinal));
        // Prefilled from the progress recorded on 20/11.
        Assert.Equal((60, "Đã kiểm tra 5 trên 8 huyện."), (inspection.Percent, inspection.Progress));
        await Periods(app, p => p.SubmitAsync(TrackingServices.Officer(yTe), planId, "2026-11",
            new SubmissionInput([new SubmissionItemInput(inspection.TaskId, 80, "Đã kiểm tra 7 trên 8 huyện.")], "Hoàn thành kiểm tra 7 huyện.", "Một huyện chưa bố trí lịch.", "Kiểm tra huyện còn lại.", "Đề nghị bổ sung kinh phí."), Ct));

        app.Clock.SetUtcNow(NovemberPlan.ReadOn);
        var continuous = (await Periods(app, p => p.ReportAsync(TrackingServices.Officer(noiVu), planId, "2026-11", noiVu, Ct))).Tasks.Single(t => t.Content.StartsWith("Tổng hợp tình hình", StringComparison.Ordinal));
        Assert.Equal(TrackingStatus.Overdue, await StatusAsync(app, planId, "Tổng hợp tình hình"));
        await Periods(app, p => p.SubmitAsync(TrackingServices.Officer(noiVu), planId, "2026-11",
            new SubmissionInput([new SubmissionItemInput(continuous.TaskId, null, "Đã tổng hợp báo cáo của 4 đơn vị.")], "Tổng hợp đủ báo cáo."), Ct));
        // Reported: the task now owes December's report, due 23/12.
        Assert.Equal((TaskPhase.Reporting, new DateOnly(2026, 12, 23)), await PhaseAsync(app, planId, "Tổng hợp tình hình"));

        var overview = await Periods(app, p => p.OverviewAsync(TrackingServices.Office, planId, "2026-11", Ct));
        Assert.Equal((new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 25)), (overview.AgencyDueOn, overview.OfficeDueOn));
        Assert.Equal(SubmissionState.SubmittedOnTime, overview.Agencies.Single(a => a.AgencyId == yTe).State);
        Assert.Equal(SubmissionState.SubmittedLate, overview.Agencies.Single(a => a.AgencyId == noiVu).State);
        Assert.Equal(["Chưa nộp (quá hạn)"], overview.Agencies.Where(a => a.AgencyId != yTe && a.AgencyId != noiVu).Select(a => a.StateText).Distinct());

        Assert.Equal(SubmissionState.Returned, await Periods(app, p => p.DecideAsync(TrackingServices.Office, planId, "2026-11", noiVu, new PeriodDecisionInput("return", "Thiếu số liệu của 2 đơn vị."), Ct)));
        Assert.Equal(SubmissionState.Accepted, await Periods(app, p => p.DecideAsync(TrackingServices.Office, planId, "2026-11", yTe, new PeriodDecisionInput("accept"), Ct)));

        // A returned report leaves the period unreported: the continuous task is overdue again, from 23/11.
        Assert.Equal((TaskPhase.Reporting, new DateOnly(2026, 11, 23)), await PhaseAsync(app, planId, "Tổng hợp tình hình"));
        Assert.Equal(TrackingStatus.Overdue, await StatusAsync(app, planId, "Tổng hợp tình hình"));
        var returned = await Periods(app, p => p.ReportAsync(TrackingServices.Officer(noiVu), planId, "2026-11", noiVu, Ct));
        Assert.Equal(("Bị trả lại", "Thiếu số liệu của 2 đơn vị."), (returned.StateText, returned.ReturnReason));

        // November's consolidated report carries the accepted report's narrative, one paragraph per agency.
        var report = await NovemberPlan.ReportAsync(app, planId);
        Assert.Contains("- Sở Y tế: Một huyện chưa bố trí lịch.", report.Sections[1].Paragraphs);
        Assert.Contains("- Sở Y tế: Đề nghị bổ sung kinh phí.", report.Sections[3].Paragraphs);
        Assert.DoesNotContain(report.Sections.SelectMany(s => s.Paragraphs), p => p.Contains("Tổng hợp đủ báo cáo", StringComparison.Ordinal));

        // The office's edit replaces the agencies' words.
        await Periods(app, p => p.SaveNarrativeAsync(TrackingServices.Office, planId, "2026-11", new NarrativeInput("Các sở đã triển khai.", "Còn chậm báo cáo.", "Đôn đốc.", "Không."), Ct));
        report = await NovemberPlan.ReportAsync(app, planId);
        Assert.Equal(["Còn chậm báo cáo."], report.Sections[1].Paragraphs);

        // The emulation rating of November: scores by the default formula, ranked among the departments.
        var rating = await Periods(app, p => p.RatingAsync(TrackingServices.Office, planId, "2026-11", Ct));
        var departments = Assert.Single(rating.Groups);
        Assert.Equal("Sở, ban, ngành", departments.Label);
        Assert.Equal(
            [("Sở Y tế", 100.0, 1), ("Sở Giáo dục và Đào tạo", 90.0, 2), ("Sở Nội vụ", 0.0, 3), ("Sở Tài chính", 0.0, 3)],
            departments.Agencies.Select(a => (a.Figures.Agency, a.Score!.Value, a.Rank!.Value)));
        Assert.Equal((1, 0, 1), (departments.Agencies[0].Figures.ReportsOnTime, departments.Agencies[0].Figures.ReportsMissing, departments.Agencies[2].Figures.ReportsMissing));
        Assert.Equal("Hoàn thành xuất sắc nhiệm vụ", departments.Agencies[1].Classification);
        var stricter = await Periods(app, p => p.SetCycleAsync(TrackingServices.Office, planId, new CycleInput("Month", 23, 25, FirstPeriod: "2026-11", RatingFormula: "missing=25"), Ct));
        Assert.Equal("tasks=100;late=5;missing=25;excellent=90;good=70;pass=50", stricter.RatingFormula);
        rating = await Periods(app, p => p.RatingAsync(TrackingServices.Office, planId, "2026-11", Ct));
        Assert.Equal(75.0, rating.Groups[0].Agencies.Single(a => a.Figures.Agency == "Sở Giáo dục và Đào tạo").Score);

        // Each period shows in the task's history as its progress report for the period.
        var history = await app.InScopeAsync(s => s.GetRequiredService<DonDocDbContext>().Reports.Where(r => r.TaskId == inspection.TaskId && r.Period == "2026-11").Select(r => r.Summary).ToListAsync());
        Assert.Equal(["Đã kiểm tra 7 trên 8 huyện."], history);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Wrong_requests_are_refused_in_Vietnamese_and_change_nothing(DatabaseProvider provider)
    {
        await using var app = await TrackingServices.CreateAsync(provider, NovemberPlan.Published);
        var planId = await PublishAsync(app);
        var noiVu = await AgencyAsync(app, "Sở Nội vụ");
        var yTe = await AgencyAsync(app, "Sở Y tế");

        var noCycle = await Assert.ThrowsAsync<WorkflowException>(() => Periods(app, p => p.OverviewAsync(TrackingServices.Office, planId, "2026-11", Ct)));
        Assert.Equal("Kế hoạch chưa đặt chu kỳ báo cáo định kỳ.", noCycle.Vietnamese);
        var badDay = await Assert.ThrowsAsync<WorkflowException>(() => Periods(app, p => p.SetCycleAsync(TrackingServices.Office, planId, new CycleInput("Month", 32, 25), Ct)));
        Assert.Equal("Ngày các cơ quan báo cáo phải từ 1 đến 31.", badDay.Vietnamese);
        var badFormula = await Assert.ThrowsAsync<WorkflowException>(() => Periods(app, p => p.SetCycleAsync(TrackingServices.Office, planId, new CycleInput("Month", 23, 25, RatingFormula: "late=200"), Ct)));
        Assert.Equal("Các hệ số và ngưỡng điểm phải từ 0 đến 100.", badFormula.Vietnamese);
        var byOfficer = await Assert.ThrowsAsync<WorkflowException>(() => Periods(app, p => p.SetCycleAsync(TrackingServices.Officer(noiVu), planId, new CycleInput("Month", 23, 25), Ct)));
        Assert.Equal(WorkflowFailure.Forbidden, byOfficer.Failure);

        await Periods(app, p => p.SetCycleAsync(TrackingServices.Office, planId, new CycleInput("Month", 23, 25, FirstPeriod: "2026-11"), Ct));
        var quarter = await Assert.ThrowsAsync<WorkflowException>(() => Periods(app, p => p.OverviewAsync(TrackingServices.Office, planId, "2026-Q4", Ct)));
        Assert.Equal("Kế hoạch báo cáo theo tháng; kỳ quý IV năm 2026 không thuộc chu kỳ này.", quarter.Vietnamese);

        var yTeTask = (await Periods(app, p => p.ReportAsync(TrackingServices.Officer(yTe), planId, "2026-11", yTe, Ct))).Tasks[0].TaskId;
        var otherTask = await Assert.ThrowsAsync<WorkflowException>(() => Periods(app, p => p.SubmitAsync(TrackingServices.Officer(noiVu), planId, "2026-11",
            new SubmissionInput([new SubmissionItemInput(yTeTask, 50, "Báo cáo hộ.")], "Kết quả."), Ct)));
        Assert.Equal(WorkflowFailure.Forbidden, otherTask.Failure);
        var othersReport = await Assert.ThrowsAsync<WorkflowException>(() => Periods(app, p => p.ReportAsync(TrackingServices.Officer(noiVu), planId, "2026-11", yTe, Ct)));
        Assert.Equal("Chỉ xem được báo cáo của cơ quan mình.", othersReport.Vietnamese);
        var future = await Assert.ThrowsAsync<WorkflowException>(() => Periods(app, p => p.SubmitAsync(TrackingServices.Officer(yTe), planId, "2027-01",
            new SubmissionInput([], "Kết quả."), Ct)));
        Assert.Equal("Kỳ tháng 01/2027 chưa bắt đầu.", future.Vietnamese);
        var notIn = await Assert.ThrowsAsync<WorkflowException>(() => Periods(app, p => p.DecideAsync(TrackingServices.Office, planId, "2026-11", yTe, new PeriodDecisionInput("accept"), Ct)));
        Assert.Equal("Cơ quan này chưa nộp báo cáo kỳ này.", notIn.Vietnamese);

        await Periods(app, p => p.SubmitAsync(TrackingServices.Officer(yTe), planId, "2026-11", new SubmissionInput([], "Kết quả."), Ct));
        var noReason = await Assert.ThrowsAsync<WorkflowException>(() => Periods(app, p => p.DecideAsync(TrackingServices.Office, planId, "2026-11", yTe, new PeriodDecisionInput("return"), Ct)));
        Assert.Equal("Trả lại báo cáo cần ghi rõ lý do.", noReason.Vietnamese);

        // The daily job is offered every agency's November and December reports, but Sở Y tế's November one, which is in.
        var owed = await app.InScopeAsync(async s =>
        {
            var source = s.GetServices<DonDoc.Tracking.Reminders.IReportDueSource>().OfType<CycleReportSource>().Single();
            var list = new List<DonDoc.Tracking.Reminders.ReportDue>();
            await foreach (var due in source.NotSubmittedAsync(new DateOnly(2026, 11, 20), new DateOnly(2026, 12, 31), Ct))
            {
                list.Add(due);
            }

            return list;
        });
        Assert.Equal(7, owed.Count);
        Assert.DoesNotContain(owed, d => d.AgencyId == yTe && d.DueOn == new DateOnly(2026, 11, 23));
        Assert.Contains(owed, d => d.AgencyId == yTe && d.DueOn == new DateOnly(2026, 12, 23) && d.Key == $"report:plan:{planId}:2026-12:{yTe}");

        var stored = await app.InScopeAsync(s => s.GetRequiredService<DonDocDbContext>().PeriodReports.Select(r => new { r.AgencyId, r.State }).ToListAsync());
        Assert.Equal(yTe, Assert.Single(stored).AgencyId);
        Assert.Equal(Data.Tracking.PeriodReportState.Submitted, stored[0].State);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Evidence_rides_on_a_task_line_and_a_refused_file_leaves_no_report_and_no_file(DatabaseProvider provider)
    {
        await using var app = await TrackingServices.CreateAsync(provider, NovemberPlan.Published);
        var planId = await PublishAsync(app);
        var noiVu = await AgencyAsync(app, "Sở Nội vụ");
        var yTe = await AgencyAsync(app, "Sở Y tế");
        await Periods(app, p => p.SetCycleAsync(TrackingServices.Office, planId, new CycleInput("Month", 23, 25, FirstPeriod: "2026-11"), Ct));
        var continuous = (await Periods(app, p => p.ReportAsync(TrackingServices.Officer(noiVu), planId, "2026-11", noiVu, Ct))).Tasks
            .Single(t => t.Content.StartsWith("Tổng hợp tình hình", StringComparison.Ordinal)).TaskId;
        var inspection = (await Periods(app, p => p.ReportAsync(TrackingServices.Officer(yTe), planId, "2026-11", yTe, Ct))).Tasks
            .Single(t => t.Content.StartsWith("Kiểm tra việc thực hiện", StringComparison.Ordinal)).TaskId;

        var executable = await Assert.ThrowsAsync<WorkflowException>(() => Periods(app, p => p.SubmitAsync(TrackingServices.Officer(noiVu), planId, "2026-11",
            new SubmissionInput([new SubmissionItemInput(continuous, null, "Đã tổng hợp.")], "Tổng hợp đủ báo cáo."),
            new Dictionary<int, IReadOnlyList<UploadedFile>> { [continuous] = [new UploadedFile("bao-cao.pdf", "MZ\u0090\u0000"u8.ToArray())] }, Ct)));
        Assert.Contains("bao-cao.pdf", executable.Vietnamese, StringComparison.Ordinal);
        var stray = await Assert.ThrowsAsync<WorkflowException>(() => Periods(app, p => p.SubmitAsync(TrackingServices.Officer(noiVu), planId, "2026-11",
            new SubmissionInput([], "Tổng hợp đủ báo cáo."),
            new Dictionary<int, IReadOnlyList<UploadedFile>> { [continuous] = [new UploadedFile("bien-ban.pdf", Evidence.Pdf("bien ban"))] }, Ct)));
        Assert.Equal("Tệp minh chứng phải gắn với một nhiệm vụ của báo cáo.", stray.Vietnamese);

        // A line with only a file is a line: the file is kept on the task's progress report for the period.
        await Periods(app, p => p.SubmitAsync(TrackingServices.Officer(yTe), planId, "2026-11",
            new SubmissionInput([new SubmissionItemInput(inspection, null, null)], "Hoàn thành kiểm tra 7 huyện."),
            new Dictionary<int, IReadOnlyList<UploadedFile>> { [inspection] = [new UploadedFile("bien-ban-kiem-tra.pdf", Evidence.Pdf("bien ban kiem tra"))] }, Ct));

        var line = (await Periods(app, p => p.ReportAsync(TrackingServices.Office, planId, "2026-11", yTe, Ct))).Tasks.Single(t => t.TaskId == inspection);
        Assert.Equal("bien-ban-kiem-tra.pdf", Assert.Single(line.Evidence).FileName);
        var files = await app.InScopeAsync(s => s.GetRequiredService<DonDocDbContext>().EvidenceFiles.AsNoTracking()
            .Select(f => new { f.TaskId, f.ReportId, f.Sha256 }).ToListAsync(Ct));
        var file = Assert.Single(files);
        Assert.Equal(inspection, file.TaskId);
        Assert.NotNull(file.ReportId);
        Assert.True(File.Exists(Path.Combine(app.EvidenceDirectory, file.Sha256[..2], file.Sha256)));
        Assert.Empty(Directory.EnumerateFiles(app.EvidenceDirectory, "*" + EvidenceStore.TemporarySuffix, SearchOption.AllDirectories));
        Assert.Equal(yTe, Assert.Single(await app.InScopeAsync(s => s.GetRequiredService<DonDocDbContext>().PeriodReports.Select(r => r.AgencyId).ToListAsync(Ct))));

        // A line left as the form prefilled it (the task's own percent, no text, no file) records no progress on its task.
        var form = await Periods(app, p => p.ReportAsync(TrackingServices.Officer(noiVu), planId, "2026-11", noiVu, Ct));
        var untouched = form.Tasks.Single(t => t.TaskId != continuous);
        await Periods(app, p => p.SubmitAsync(TrackingServices.Officer(noiVu), planId, "2026-11",
            new SubmissionInput([new SubmissionItemInput(untouched.TaskId, untouched.Percent, untouched.Progress), new SubmissionItemInput(continuous, null, "Đã tổng hợp.")], "Tổng hợp đủ báo cáo."), Ct));
        var recorded = await app.InScopeAsync(s => s.GetRequiredService<DonDocDbContext>().Reports.Where(r => r.Period == "2026-11" && r.AgencyId == noiVu).Select(r => r.TaskId).ToListAsync(Ct));
        Assert.Equal(continuous, Assert.Single(recorded));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_period_reported_early_is_done_and_a_continuous_task_given_to_a_lead_that_has_not_reported_is_overdue(DatabaseProvider provider)
    {
        await using var app = await TrackingServices.CreateAsync(provider, NovemberPlan.Published);
        var planId = await PublishAsync(app);
        var noiVu = await AgencyAsync(app, "Sở Nội vụ");
        await Periods(app, p => p.SetCycleAsync(TrackingServices.Office, planId, new CycleInput("Month", 23, 25, FirstPeriod: "2026-11"), Ct));
        var continuous = (await Periods(app, p => p.ReportAsync(TrackingServices.Officer(noiVu), planId, "2026-11", noiVu, Ct))).Tasks
            .Single(t => t.Content.StartsWith("Tổng hợp tình hình", StringComparison.Ordinal)).TaskId;
        await Periods(app, p => p.SubmitAsync(TrackingServices.Officer(noiVu), planId, "2026-11",
            new SubmissionInput([new SubmissionItemInput(continuous, null, "Đã tổng hợp.")], "Tổng hợp đủ báo cáo."), Ct));
        // Reported on 20/11, before its due date: November is done, and on 03/12 the task owes December's report.
        app.Clock.SetUtcNow(NovemberPlan.ReadOn);
        Assert.Equal((TaskPhase.Reporting, new DateOnly(2026, 12, 23)), await PhaseAsync(app, planId, "Tổng hợp tình hình"));
        Assert.NotEqual(TrackingStatus.Overdue, await StatusAsync(app, planId, "Tổng hợp tình hình"));

        // Sở Y tế, which has not reported November, takes the task over: its November report is owed since 23/11.
        await app.InScopeAsync(s => s.GetRequiredService<TaskWorkflow>().EditAsync(TrackingServices.Office, continuous, new TaskEditInput("Giao lại cho Sở Y tế.", Lead: "Sở Y tế"), Ct));

        Assert.Equal((TaskPhase.Reporting, new DateOnly(2026, 11, 23)), await PhaseAsync(app, planId, "Tổng hợp tình hình"));
        Assert.Equal(TrackingStatus.Overdue, await StatusAsync(app, planId, "Tổng hợp tình hình"));
    }

    /// <summary>The November plan, published on 20/11 with Sở Y tế's 60% on the inspection (the clock stays on 20/11).</summary>
    private static async Task<int> PublishAsync(TrackingServices app)
    {
        var planId = await NovemberPlan.ImportAsync(app);
        var yTe = await AgencyAsync(app, "Sở Y tế");
        return await app.InScopeAsync(async s =>
        {
            var inspection = await s.GetRequiredService<DonDocDbContext>().Tasks.Where(t => t.PlanId == planId && t.Content.StartsWith("Kiểm tra việc")).Select(t => t.Id).SingleAsync();
            await s.GetRequiredService<TaskWorkflow>().PostProgressAsync(TrackingServices.Officer(yTe), inspection, new ProgressInput(60, "Đã kiểm tra 5 trên 8 huyện."), [], Ct);
            return planId;
        });
    }

    private static Task<T> Periods<T>(TrackingServices app, Func<PeriodReports, Task<T>> work) => app.InScopeAsync(s => work(s.GetRequiredService<PeriodReports>()));

    private static async Task Periods(TrackingServices app, Func<PeriodReports, Task> work) => await app.InScopeAsync(async s =>
    {
        await work(s.GetRequiredService<PeriodReports>());
        return 0;
    });

    private static Task<(TaskPhase, DateOnly)> PhaseAsync(TrackingServices app, int planId, string content) => app.InScopeAsync(async s =>
    {
        var task = await s.GetRequiredService<DonDocDbContext>().Tasks.AsNoTracking().SingleAsync(t => t.PlanId == planId && t.Content.StartsWith(content));
        return (task.Phase, task.DueKey);
    });

    private static Task<TrackingStatus> StatusAsync(TrackingServices app, int planId, string content) => app.InScopeAsync(async s =>
    {
        var task = await s.GetRequiredService<DonDocDbContext>().Tasks.AsNoTracking().SingleAsync(t => t.PlanId == planId && t.Content.StartsWith(content));
        return s.GetRequiredService<TaskStatusReader>().StatusOf(task);
    });

    private static Task<int> AgencyAsync(TrackingServices app, string name) => NovemberPlan.AgencyAsync(app, name);
}
