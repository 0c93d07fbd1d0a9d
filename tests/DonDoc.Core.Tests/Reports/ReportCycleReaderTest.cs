using DonDoc.Core.Reports;

namespace DonDoc.Core.Tests.Reports;

public sealed class ReportCycleReaderTest
{
    public static TheoryData<string, string, int, int, bool> Cycles => new()
    {
        // text, period, agencies' day, office's day, in the month after
        { "Các sở, ngành báo cáo kết quả thực hiện về Văn phòng UBND tỉnh vào ngày 23 hằng tháng.", "Month", 23, 25, false },
        { "Định kỳ hàng tháng, các cơ quan gửi báo cáo trước ngày 15 về Sở Nội vụ để tổng hợp, báo cáo UBND tỉnh trước ngày 20.", "Month", 15, 20, false },
        { "Các đơn vị báo cáo tiến độ hằng tháng.", "Month", 20, 25, false },
        { "Báo cáo kết quả định kỳ hằng quý trước ngày 15 của tháng cuối quý.", "Quarter", 15, 17, false },
        { "Tổng hợp, báo cáo hằng quý.", "Quarter", 15, 20, false },
        { "Báo cáo sơ kết 6 tháng trước ngày 07/6 và báo cáo năm trước ngày 07/12.", "HalfYear", 7, 9, false },
        { "Các cơ quan báo cáo kết quả hằng năm trước 07/12.", "Year", 7, 9, false },
        { "Mỗi tháng, các xã báo cáo về UBND tỉnh trước ngày 05 của tháng sau.", "Month", 5, 7, true },
        { "BÁO CÁO ĐỊNH KỲ HẰNG THÁNG VÀO NGÀY 25", "Month", 25, 27, false },
    };

    [Theory]
    [MemberData(nameof(Cycles))]
    public void A_reporting_sentence_proposes_its_cycle(string text, string period, int agencyDay, int officeDay, bool after)
    {
        var proposal = ReportCycleReader.Read([text]);

        Assert.NotNull(proposal);
        var cycle = proposal.Cycle;
        Assert.Equal((Enum.Parse<PeriodLength>(period), agencyDay, officeDay, after), (cycle.Length, cycle.AgencyDueDay, cycle.OfficeDueDay, cycle.DueAfterPeriod));
        Assert.Equal(text.Trim(), cycle.Source);
    }

    [Fact]
    public void The_agencies_and_the_office_days_come_from_separate_texts_of_one_plan()
    {
        var proposal = ReportCycleReader.Read(["Xây dựng kế hoạch", "Các cơ quan báo cáo vào ngày 23 hằng tháng.", null, "Văn phòng tổng hợp báo cáo Tỉnh ủy ngày 25 hằng tháng."]);

        Assert.Equal((PeriodLength.Month, 23, 25), (proposal!.Cycle.Length, proposal.Cycle.AgencyDueDay, proposal.Cycle.OfficeDueDay));
    }

    [Theory]
    [InlineData("Tổ chức họp giao ban hằng tháng.")]
    [InlineData("Báo cáo kết quả thực hiện gửi UBND tỉnh.")]
    [InlineData("Quý IV/2026")]
    [InlineData("Tổng kết 5 năm thực hiện Nghị quyết.")]
    [InlineData("")]
    public void A_text_without_a_reporting_rhythm_proposes_nothing(string text)
    {
        Assert.Null(ReportCycleReader.Read([text]));
    }
}
