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
        // Shapes of the corpus's plans (tests/corpus): a deadline cell, a closing paragraph, a section's last line.
        { "Thường xuyên, định kỳ báo cáo trước ngày 15 tháng 12", "Year", 15, 17, false },
        { "Định kỳ báo cáo kết quả về Sở Nội vụ trước ngày 15/6 và 15/12 hằng năm.", "HalfYear", 15, 17, false },
        { "Theo dõi, đôn đốc, tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh và Bộ Công an trước ngày 25 hằng tháng./.", "Month", 25, 27, false },
        { "Định kỳ hằng tháng, các đơn vị báo cáo kết quả về Công an tỉnh (qua Phòng Tham mưu).", "Month", 20, 25, false },
        { "Định kỳ 6 tháng, các cơ quan gửi báo cáo về Văn phòng.", "HalfYear", 5, 7, false },
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
    // A report due once, named for its half-year, is a task, not a rhythm.
    [InlineData("Báo cáo tình hình kinh tế - xã hội 6 tháng đầu năm 2026")]
    [InlineData("Báo cáo công tác 6 tháng đầu năm của Chính phủ")]
    [InlineData("Báo cáo tình hình kinh tế - xã hội 6 tháng đầu năm 2026 – Gửi Thường trực HĐND trước ngày 15/6/2026")]
    // Folded, "mới" and "hàng hóa" are "moi" and "hang": neither is a recurrence.
    [InlineData("Báo cáo kết quả xúc tiến hàng hóa mới trước ngày 15/12.")]
    [InlineData("Định kỳ báo cáo kết quả thực hiện về Sở.")]
    // What a task yields is not how the plan is reported on.
    [InlineData("- Sản phẩm: Báo cáo kết quả kiểm tra hằng năm.")]
    [InlineData("")]
    public void A_text_without_a_reporting_rhythm_proposes_nothing(string text)
    {
        Assert.Null(ReportCycleReader.Read([text]));
    }
}
