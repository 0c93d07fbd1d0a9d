using System.Text;
using DonDoc.Core.Deadlines;
using DonDoc.Core.Reports;
using DonDoc.Import.Importing;

namespace DonDoc.Import.Tests.Importing;

/// <summary>The importer proposes the reporting cycle a plan states: in its body first, else in a reporting task's row.</summary>
public sealed class ReportCycleProposalTest
{
    private static readonly PlanImporter Importer = new(new DeadlineParser());

    private const string Header =
        "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\nSố: 88/KH-UBND\nKẾ HOẠCH\nChuyển đổi số năm 2027\n\n" +
        "TT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời hạn\tSản phẩm\n" +
        "1\tXây dựng kho dữ liệu dùng chung của tỉnh\tSở Khoa học và Công nghệ\t\t30/06/2027\tKho dữ liệu\n" +
        "2\tBáo cáo tình hình thực hiện nhiệm vụ chuyển đổi số\tSở Khoa học và Công nghệ\t\tHằng quý\tBáo cáo\n";

    [Fact]
    public void The_body_s_words_about_reporting_are_proposed_over_a_reporting_task_even_across_wrapped_lines()
    {
        var text = Header + "\nIII. TỔ CHỨC THỰC HIỆN\nCác sở, ngành theo dõi, đôn đốc, tổng hợp,\nbáo cáo kết quả về Sở Khoa học và Công nghệ trước\nngày 18 hằng tháng để tổng hợp, báo cáo UBND tỉnh.\n";

        var cycle = Importer.Import("ke-hoach.txt", Encoding.UTF8.GetBytes(text)).Extraction!.CycleProposal!.Cycle;

        Assert.Equal((PeriodLength.Month, 18), (cycle.Length, cycle.AgencyDueDay));
        Assert.Contains("báo cáo kết quả về Sở Khoa học và Công nghệ trước ngày 18 hằng tháng", cycle.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_words_in_the_body_a_reporting_task_and_its_deadline_cell_make_the_proposal()
    {
        var cycle = Importer.Import("ke-hoach.txt", Encoding.UTF8.GetBytes(Header)).Extraction!.CycleProposal!.Cycle;

        Assert.Equal(PeriodLength.Quarter, cycle.Length);
        Assert.Equal("Báo cáo tình hình thực hiện nhiệm vụ chuyển đổi số – Hằng quý", cycle.Source);
    }

    [Fact]
    public void A_plan_that_states_no_rhythm_proposes_none()
    {
        var text = Header.Replace("\tHằng quý\t", "\t31/12/2027\t", StringComparison.Ordinal) + "\nIII. TỔ CHỨC THỰC HIỆN\nCác sở, ngành định kỳ báo cáo kết quả thực hiện về Sở Khoa học và Công nghệ.\n";

        Assert.Null(Importer.Import("ke-hoach.txt", Encoding.UTF8.GetBytes(text)).Extraction!.CycleProposal);
    }
}
