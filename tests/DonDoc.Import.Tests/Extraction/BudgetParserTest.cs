using DonDoc.Import.Extraction;

namespace DonDoc.Import.Tests.Extraction;

public sealed class BudgetParserTest
{
    [Theory]
    [InlineData("14.000.000", 1L, 14_000_000L)]
    [InlineData("14 000 000 đồng", 1L, 14_000_000L)]
    [InlineData("14000000đ", 1L, 14_000_000L)]
    [InlineData("4.500", 1_000_000L, 4_500_000_000L)]
    [InlineData("900", 1_000L, 900_000L)]
    [InlineData("1,5", 1_000_000_000L, 1_500_000_000L)]
    [InlineData("500 triệu đồng", 1L, 500_000_000L)]
    [InlineData("1,5 tỷ", 1L, 1_500_000_000L)]
    [InlineData("1.5 tỷ đồng", 1L, 1_500_000_000L)]
    [InlineData("2 tỷ", 1_000_000L, 2_000_000_000L)]
    [InlineData("850 nghìn đồng", 1L, 850_000L)]
    public void An_amount_is_read_in_the_unit_its_cell_or_column_names(string text, long unit, long expected)
    {
        Assert.Equal(expected, BudgetParser.Parse(text, out var malformed, unit));
        Assert.False(malformed);
    }

    [Theory]
    [InlineData("khoảng 5 triệu")]
    [InlineData("12,5")]
    [InlineData("Ngân sách tỉnh")]
    public void A_text_that_is_no_whole_amount_of_dong_is_malformed(string text)
    {
        Assert.Null(BudgetParser.Parse(text, out var malformed));
        Assert.True(malformed);
    }

    [Theory]
    [InlineData("Kinh phí (triệu đồng)", 1_000_000L)]
    [InlineData("Kinh phí hỗ trợ (Triệu đồng)", 1_000_000L)]
    [InlineData("Kinh phí (nghìn đồng)", 1_000L)]
    [InlineData("Tổng mức đầu tư (tỷ đồng)", 1_000_000_000L)]
    [InlineData("Kinh phí (đồng)", 1L)]
    [InlineData("Kinh phí", 1L)]
    public void A_budget_header_names_the_unit_of_its_column(string header, long unit) =>
        Assert.Equal(unit, BudgetParser.UnitOf(header));
}
