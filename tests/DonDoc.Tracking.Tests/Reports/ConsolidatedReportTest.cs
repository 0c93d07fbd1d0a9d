using DonDoc.Data.Storage;
using DonDoc.Data.Tests.Storage;
using DonDoc.Tracking.Reports;
using DonDoc.Tracking.Tests.Hosting;
using DonDoc.Tracking.Workflow;

namespace DonDoc.Tracking.Tests.Reports;

/// <summary>The consolidated report's content, assembled from the stored statuses on the period's last day.</summary>
public sealed class ConsolidatedReportTest
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task November_report_counts_the_tasks_as_they_stood_on_30_November(DatabaseProvider provider)
    {
        await using var app = await TrackingServices.CreateAsync(provider, NovemberPlan.Published);
        var planId = await NovemberPlan.PublishAsync(app);

        var report = await NovemberPlan.ReportAsync(app, planId);

        Assert.Equal(new DateOnly(2026, 11, 30), report.Heading.AsOf);
        Assert.Equal("ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK", report.Heading.Issuer);
        Assert.StartsWith("Đắk Lắk, ngày", report.Heading.PlaceAndDate);
        Assert.EndsWith("năm 2026", report.Heading.PlaceAndDate);
        Assert.Equal("Số:        /BC-UBND", report.Heading.NumberLine);
        Assert.Equal("Kết quả thực hiện Kế hoạch số 41/KH-UBND tháng 11/2026", report.Heading.Summary);
        Assert.Equal(NovemberPlan.Tasks, report.Figures.Total);
        Assert.Equal([1, NovemberPlan.Tasks - 3, 2], report.Figures.Buckets.Select(b => b.Count));
        Assert.Equal([46, 10], report.Figures.Overdue.Select(o => o.DaysLate));
        Assert.Equal("Sở Nội vụ", report.Figures.Overdue[0].Lead);
        Assert.Equal(["CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "TRIỂN KHAI Ở CƠ SỞ"], report.Figures.BySection.Select(s => s.Name));
        Assert.Equal(new GroupCount("Sở Tài chính", 2, 1, 0, 1), report.Figures.ByAgency.Single(a => a.Name == "Sở Tài chính"));
        Assert.Equal(NovemberPlan.Tasks, report.Appendix.Count);
        Assert.Equal("60% – Đã kiểm tra 5 trên 8 huyện.", report.Appendix.Single(r => r.Content.StartsWith("Kiểm tra", StringComparison.Ordinal)).Result);
        Assert.Equal("Thường xuyên", report.Appendix.Single(r => r.Content.StartsWith("Tổng hợp tình hình", StringComparison.Ordinal)).DueText);
        Assert.Equal(["I", "II", "III", "IV"], report.Sections.Select(s => s.Numeral));
        Assert.All(report.Sections.Skip(1), s => Assert.StartsWith("Văn phòng tổng hợp", s.Paragraphs.Single()));
        Assert.Equal(new ReportSignature("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "……"), report.Signature);
    }

    [Fact]
    public async Task A_period_not_yet_ended_is_counted_as_of_today()
    {
        await using var app = await TrackingServices.CreateAsync(DatabaseProvider.Sqlite, NovemberPlan.Published);
        var planId = await NovemberPlan.PublishAsync(app);

        var year = await app.InScopeAsync(s => s.GetRequiredService<ConsolidatedReportBuilder>().BuildAsync(
            TrackingServices.Office, planId, Core.Reports.ReportPeriod.Parse("2026").Period!.Value, CancellationToken.None));

        Assert.Equal(new DateOnly(2026, 12, 3), year.Heading.AsOf);
        Assert.Equal([49, 13], year.Figures.Overdue.Select(o => o.DaysLate));
        Assert.Equal("Kết quả thực hiện Kế hoạch số 41/KH-UBND năm 2026", year.Heading.Summary);
    }

    [Fact]
    public async Task Narratives_registered_by_the_periodic_reports_fill_sections_II_to_IV()
    {
        await using var app = await TrackingServices.CreateAsync(
            DatabaseProvider.Sqlite, NovemberPlan.Published,
            more: s => s.AddScoped<IReportNarratives>(_ => new FixedNarratives(new ReportNarrative("Đạt nhiều kết quả.", "Còn chậm.", "Hoàn thành kiểm tra.", "Bổ sung kinh phí."))));
        var planId = await NovemberPlan.PublishAsync(app);

        var report = await NovemberPlan.ReportAsync(app, planId);

        Assert.Contains("Đạt nhiều kết quả.", report.Sections[0].Paragraphs);
        Assert.Equal(["Còn chậm.", "Hoàn thành kiểm tra.", "Bổ sung kinh phí."], report.Sections.Skip(1).Select(s => s.Paragraphs.Single()));
    }

    [Fact]
    public async Task An_agency_officer_cannot_build_the_consolidated_report()
    {
        await using var app = await TrackingServices.CreateAsync(DatabaseProvider.Sqlite, NovemberPlan.Published);
        var planId = await NovemberPlan.PublishAsync(app);

        var refused = await Assert.ThrowsAsync<WorkflowException>(() => app.InScopeAsync(s => s.GetRequiredService<ConsolidatedReportBuilder>().BuildAsync(
            TrackingServices.Officer(1), planId, NovemberPlan.November, CancellationToken.None)));
        Assert.Equal(WorkflowFailure.Forbidden, refused.Failure);
    }

    private sealed class FixedNarratives(ReportNarrative narrative) : IReportNarratives
    {
        public Task<ReportNarrative?> ForAsync(int planId, Core.Reports.ReportPeriod period, CancellationToken cancellationToken) => Task.FromResult<ReportNarrative?>(narrative);
    }
}
