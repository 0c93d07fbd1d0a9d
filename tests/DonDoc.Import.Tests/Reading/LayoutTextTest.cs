using System.Text;
using DonDoc.Core.Deadlines;
using DonDoc.Import.Importing;
using DonDoc.Import.Reading;

namespace DonDoc.Import.Tests.Reading;

/// <summary>Text that keeps a PDF's layout with spaces (pdftotext -layout) reads its table by the columns' positions.</summary>
public sealed class LayoutTextTest
{
    // A plan written for this test in the shape pdftotext -layout gives: a header cell over two lines, one of them
    // above the "STT" line; cells wrapped onto the next line; a page break inside the table.
    private static readonly string Plan = string.Join("\n",
        "ỦY BAN NHÂN DÂN TỈNH AN GIANG            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "      Số: 12/KH-UBND                      An Giang, ngày 5 tháng 1 năm 2027",
        "",
        "                         KẾ HOẠCH",
        "           Cải cách hành chính tỉnh An Giang năm 2027",
        "",
        "                                                              Thời hạn",
        "STT    Nội dung công việc              Cơ quan chủ trì        hoàn thành",
        " 1     Rà soát thủ tục hành chính      Sở Tư pháp             Quý I/2027",
        "       thuộc thẩm quyền của tỉnh",
        " 2     Số hóa hồ sơ, kết quả giải      Văn phòng UBND         Tháng 6/2027",
        "       quyết thủ tục hành chính        tỉnh",
        "\f 3     Đánh giá chỉ số cải cách        Sở Nội vụ              Quý IV/2027",
        "       hành chính các sở, ngành",
        "");

    [Fact]
    public void A_laid_out_table_gives_one_task_per_numbered_row_with_its_wrapped_lines()
    {
        var result = new PlanImporter(new DeadlineParser()).Import("ke-hoach_layout.txt", Encoding.UTF8.GetBytes(Plan));

        var tasks = result.Extraction!.Plan.Tasks;
        Assert.Equal(["1", "2", "3"], tasks.Select(t => t.Number));
        Assert.Equal("Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", tasks[1].Content);
        Assert.Equal(["Sở Tư pháp", "Văn phòng UBND tỉnh", "Sở Nội vụ"], tasks.Select(t => t.Lead));
        Assert.Equal(["Quý I/2027", "Tháng 6/2027", "Quý IV/2027"], tasks.Select(t => t.Deadline.Raw));
        Assert.Equal("Đánh giá chỉ số cải cách hành chính các sở, ngành", tasks[2].Content);
        Assert.Equal("12/KH-UBND", result.Extraction.Plan.Number);
    }

    [Fact]
    public void The_header_cell_above_the_STT_line_is_part_of_the_header_row()
    {
        var document = new TextFileReader().Parse("ke-hoach_layout.txt", Plan);

        var header = document.Lines.First(l => l.IsTableRow);
        Assert.Equal(["STT", "Nội dung công việc", "Cơ quan chủ trì"], header.Cells!.Take(3));
        Assert.Equal(4, header.Cells!.Count);
        Assert.Contains("Thời hạn", header.Cells[3], StringComparison.Ordinal);
        Assert.Contains("hoàn thành", header.Cells[3], StringComparison.Ordinal);
        Assert.True(document.RowsAreVisualLines);
        Assert.Contains(document.Lines, l => !l.IsTableRow && l.Raw.Contains("KẾ HOẠCH", StringComparison.Ordinal));
    }

    [Fact]
    public void Text_without_aligned_columns_stays_text()
    {
        var document = new TextFileReader().Parse("ke-hoach.txt", "STT Nội dung Cơ quan chủ trì\n1 Rà soát thủ tục Sở Tư pháp\n");

        Assert.DoesNotContain(document.Lines, l => l.IsTableRow);
    }
}
