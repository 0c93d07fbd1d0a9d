using DonDoc.Import.Extraction;
using DonDoc.Import.Reading;

namespace DonDoc.Import.Tests.Extraction;

public sealed class HeaderSpanInferenceTest
{
    private static SourceLine Row(int number, params string[] cells) => new(number, string.Join(" | ", cells), cells);

    [Fact]
    public void A_group_header_written_once_spans_the_cells_of_its_kind_below_it_and_the_others_go_down()
    {
        var header = HeaderSpanInference.Spread(
            [Row(1, "STT", "Nội dung", "Cơ quan chủ trì", "Thời gian", "Kinh phí (triệu đồng)"), Row(2, "Bắt đầu", "Hoàn thành", "Tổng số", "Ngân sách tỉnh")],
            7);

        Assert.Equal(["STT", "Nội dung", "Cơ quan chủ trì", "Thời gian", "Thời gian", "Kinh phí (triệu đồng)", "Kinh phí (triệu đồng)"], header[0].Cells);
        Assert.Equal(CellOrigin.MergedFromLeft, header[0].OriginOf(4));
        Assert.Equal(["STT", "Nội dung", "Cơ quan chủ trì", "Bắt đầu", "Hoàn thành", "Tổng số", "Ngân sách tỉnh"], header[1].Cells);
        Assert.Equal(CellOrigin.MergedFromAbove, header[1].OriginOf(2));
        Assert.Equal(CellOrigin.Own, header[1].OriginOf(3));
    }

    [Fact]
    public void An_assignment_header_spans_the_two_bodies_below_it()
    {
        var header = HeaderSpanInference.Spread(
            [Row(1, "STT", "Tên dự án", "Phân công", "Dự kiến trình"), Row(2, "Cơ quan trình", "Cơ quan chủ trì thẩm tra")],
            5);

        Assert.Equal(["STT", "Tên dự án", "Phân công", "Phân công", "Dự kiến trình"], header[0].Cells);
        Assert.Equal(["STT", "Tên dự án", "Cơ quan trình", "Cơ quan chủ trì thẩm tra", "Dự kiến trình"], header[1].Cells);
    }

    [Fact]
    public void A_header_that_came_with_its_merges_or_as_wide_as_the_table_is_left_as_it_is()
    {
        IReadOnlyList<SourceLine> wide = [Row(1, "STT", "Nội dung", "Chủ trì"), Row(2, "Số", "Việc", "Cơ quan")];
        Assert.Same(wide, HeaderSpanInference.Spread(wide, 3));

        IReadOnlyList<SourceLine> nothingToSpan = [Row(1, "STT", "Nội dung", "Cơ quan chủ trì", "Ghi chú"), Row(2, "Số", "Việc")];
        Assert.Same(nothingToSpan, HeaderSpanInference.Spread(nothingToSpan, 5));
    }
}
