using DonDoc.Core.Agencies;
using DonDoc.Core.Tracking;

namespace DonDoc.Core.Tests.Tracking;

public sealed class EmulationRatingTest
{
    private static AgencyPeriodFigures Agency(string name, AgencyKind kind, int total, int onTime = 0, int late = 0, int overdue = 0, int within = 0, int reportsLate = 0, int missing = 0) =>
        new(name.GetHashCode(StringComparison.Ordinal), name, kind, total, onTime, late, overdue, within, 0, reportsLate, missing);

    [Fact]
    public void An_agency_that_completed_on_time_outranks_those_with_only_overdue_tasks()
    {
        var groups = EmulationRating.Rate(
            [Agency("Sở Xây dựng", AgencyKind.Department, 3, overdue: 3), Agency("Sở Nội vụ", AgencyKind.Department, 2, onTime: 1, within: 1), Agency("Sở Y tế", AgencyKind.Department, 2, overdue: 2)],
            RatingFormula.Default);

        var departments = Assert.Single(groups);
        Assert.Equal(("Sở Nội vụ", 1, 100.0), (departments.Agencies[0].Figures.Agency, departments.Agencies[0].Rank!.Value, departments.Agencies[0].Score!.Value));
        Assert.Equal([0.0, 0.0], departments.Agencies.Skip(1).Select(a => a.Score!.Value));
    }

    [Fact]
    public void Internal_units_and_communes_are_ranked_apart_from_departments()
    {
        var groups = EmulationRating.Rate(
            [Agency("Phòng Tổng hợp", AgencyKind.InternalUnit, 1, onTime: 1), Agency("Sở Tư pháp", AgencyKind.Department, 2, within: 1, overdue: 1), Agency("UBND xã Hòa Phú", AgencyKind.CommunePeopleCommittee, 1, onTime: 1)],
            RatingFormula.Default);

        Assert.Equal(["Sở, ban, ngành", "Xã, phường", "Đơn vị nội bộ"], groups.Select(g => g.Label));
        Assert.All(groups, g => Assert.Equal(1, g.Agencies[0].Rank));
    }

    [Theory]
    [InlineData(0, 0, 100.0)]
    [InlineData(1, 0, 95.0)]
    [InlineData(2, 1, 80.0)]
    [InlineData(0, 11, 0.0)]
    public void Late_and_missing_reports_cost_the_penalties_the_office_set(int late, int missing, double score)
    {
        Assert.Equal(score, RatingFormula.Default.Score(Agency("Sở Tài chính", AgencyKind.Department, 4, onTime: 2, within: 2, reportsLate: late, missing: missing)));
    }

    [Fact]
    public void Equal_scores_share_a_rank_and_an_agency_without_tasks_is_unranked_last()
    {
        var ranked = EmulationRating.Rate(
            [Agency("A", AgencyKind.Department, 2, onTime: 1, overdue: 1), Agency("B", AgencyKind.Department, 2, onTime: 1, overdue: 1), Agency("C", AgencyKind.Department, 0), Agency("D", AgencyKind.Department, 1, overdue: 1)],
            RatingFormula.Default).Single().Agencies;

        Assert.Equal([1, 1, 3, null], ranked.Select(a => a.Rank));
        Assert.Equal(("C", "Chưa đủ cơ sở đánh giá"), (ranked[3].Figures.Agency, ranked[3].Classification));
    }

    [Theory]
    [InlineData(95.0, "Hoàn thành xuất sắc nhiệm vụ")]
    [InlineData(70.0, "Hoàn thành tốt nhiệm vụ")]
    [InlineData(50.0, "Hoàn thành nhiệm vụ")]
    [InlineData(49.9, "Không hoàn thành nhiệm vụ")]
    public void A_score_is_classified_by_the_thresholds(double score, string classification)
    {
        Assert.Equal(classification, RatingFormula.Default.Classify(score));
    }

    [Theory]
    [InlineData("", "tasks=100;late=5;missing=10;excellent=90;good=70;pass=50", null)]
    [InlineData("late=2; missing=20", "tasks=100;late=2;missing=20;excellent=90;good=70;pass=50", null)]
    [InlineData("late=abc", null, "Không đọc được \"late=abc\" trong công thức chấm điểm.")]
    [InlineData("bonus=3", null, "Công thức chấm điểm không có hệ số \"bonus\".")]
    [InlineData("late=120", null, "Các hệ số và ngưỡng điểm phải từ 0 đến 100.")]
    [InlineData("good=95", null, "Ngưỡng xếp loại phải giảm dần: xuất sắc ≥ tốt ≥ hoàn thành.")]
    public void The_written_formula_reads_back_or_says_why_not(string text, string? written, string? problem)
    {
        var (formula, why) = RatingFormula.Parse(text);

        Assert.Equal(written, formula?.ToString());
        Assert.Equal(problem, why);
    }
}
