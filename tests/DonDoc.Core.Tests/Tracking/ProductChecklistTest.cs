using DonDoc.Core.Tracking;

namespace DonDoc.Core.Tests.Tracking;

public sealed class ProductChecklistTest
{
    public static TheoryData<string?, string[]> Cells => new()
    {
        { null, [] },
        { "  ", [] },
        { "Báo cáo kết quả", ["Báo cáo kết quả"] },
        { "- Biên bản làm việc; - Các nội dung thống nhất", ["Biên bản làm việc", "Các nội dung thống nhất"] },
        { "- Kế hoạch triển khai;\n- Báo cáo sơ kết.\n- Báo cáo tổng kết", ["Kế hoạch triển khai", "Báo cáo sơ kết", "Báo cáo tổng kết"] },
        { "+ Dự thảo Quyết định\n  của UBND tỉnh\n+ Tờ trình", ["Dự thảo Quyết định của UBND tỉnh", "Tờ trình"] },
        { "Văn bản chỉ đạo; hướng dẫn", ["Văn bản chỉ đạo; hướng dẫn"] },
        { "• Danh mục dữ liệu\n• Cơ sở dữ liệu dùng chung", ["Danh mục dữ liệu", "Cơ sở dữ liệu dùng chung"] },
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public void A_product_cell_is_split_into_the_products_it_lists(string? cell, string[] expected)
    {
        Assert.Equal(expected, ProductChecklist.Items(cell));
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(1, 2, 50)]
    [InlineData(2, 3, 66)]
    [InlineData(3, 3, 100)]
    public void Ticked_products_give_the_percent_done_rounded_down(int done, int total, int percent)
    {
        Assert.Equal(percent, ProductChecklist.PercentDone(done, total));
    }
}
