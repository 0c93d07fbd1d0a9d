using DonDoc.Import.Extraction;

namespace DonDoc.Import.Tests.Extraction;

public sealed class ColumnHeadersTest
{
    [Theory]
    [InlineData("STT", ColumnRole.Number)]
    [InlineData("TT", ColumnRole.Number)]
    [InlineData("NỘI DUNG CÔNG VIỆC", ColumnRole.Content)]
    [InlineData("Nội dung nhiệm vụ", ColumnRole.Content)]
    [InlineData("Cơ quan chủ trì", ColumnRole.Lead)]
    [InlineData("Đơn vị chủ trì", ColumnRole.Lead)]
    [InlineData("Cơ quan phối hợp", ColumnRole.Coordinators)]
    [InlineData("THỜI GIAN HOÀN THÀNH", ColumnRole.Deadline)]
    [InlineData("Thời gian thực hiện", ColumnRole.Deadline)]
    [InlineData("Thời hạn", ColumnRole.Deadline)]
    [InlineData("Sản phẩm/ Kết quả", ColumnRole.Product)]
    [InlineData("Tài liệu kiểm chứng", ColumnRole.Evidence)]
    [InlineData("Kinh phí (đồng)", ColumnRole.Budget)]
    [InlineData("Ghi chú", ColumnRole.Note)]
    public void A_header_is_recognised_by_its_meaning(string header, ColumnRole role)
    {
        Assert.Equal(role, ColumnHeaders.Recognise(header));
    }

    [Fact]
    public void A_row_without_a_content_column_is_not_a_header()
    {
        Assert.Null(ColumnHeaders.RecogniseRow(["STT", "Cơ quan chủ trì", "Thời hạn"]));
    }

    [Theory]
    [InlineData("14.000.000", 14_000_000L, false)]
    [InlineData("14000000", 14_000_000L, false)]
    [InlineData("1.250.000.000 đồng", 1_250_000_000L, false)]
    [InlineData("14.00.000", null, true)]
    [InlineData("350 triệu", 350_000_000L, false)]
    [InlineData("khoảng 350 triệu", null, true)]
    [InlineData("", null, false)]
    public void Budgets_are_read_in_Vietnamese_number_format_and_malformed_ones_flagged(string text, long? expected, bool malformed)
    {
        Assert.Equal(expected, BudgetParser.Parse(text, out var flagged));
        Assert.Equal(malformed, flagged);
    }
}
