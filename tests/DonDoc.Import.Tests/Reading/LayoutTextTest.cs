using System.Text;
using DonDoc.Core.Deadlines;
using DonDoc.Core.Plans;
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

    /// <summary>The tasks the importer reads from a laid-out text file.</summary>
    private static IReadOnlyList<PlanTask> TasksOf(string fileName, string text) =>
        new PlanImporter(new DeadlineParser()).Import(fileName, Encoding.UTF8.GetBytes(text)).Extraction!.Plan.Tasks;

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

    // Written for this test in the shape pdftotext -layout gives a borderless table whose cells are centred
    // vertically: "STT" wrapped as "ST" over "T", the deadline header starting a line above the others, each
    // row's number level with the middle of its cells and a blank line (the cell padding) between rows.
    private static readonly string CentredPlan = string.Join("\n",
        "ỦY BAN NHÂN DÂN TỈNH AN GIANG            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "      Số: 31/KH-UBND                      An Giang, ngày 8 tháng 1 năm 2027",
        "",
        "                         KẾ HOẠCH",
        "           Chuyển đổi số tỉnh An Giang năm 2027",
        "",
        "                                                                  Thời gian",
        " ST   Nội dung nhiệm vụ             Đơn vị chủ    Đơn vị phối     hoàn",
        " T                                  trì           hợp             thành",
        "",
        "I. NHIỆM VỤ CHUNG",
        "",
        "      Xây dựng kế hoạch chuyển",
        "  1   đổi số của tỉnh năm 2027      Sở Khoa học   Các sở, ngành   Quý I/2027",
        "      và triển khai thực hiện       và Công nghệ",
        "",
        "      Tổ chức đánh giá mức độ",
        "  2   chuyển đổi số các cơ quan     Sở Nội vụ     Sở Tài chính    Tháng 9/2027",
        "      nhà nước trên địa bàn",
        "",
        "  3   Báo cáo kết quả thực hiện     Sở Khoa học                   Tháng 12/2027",
        "      kế hoạch năm 2027             và Công nghệ",
        "");

    [Fact]
    public void A_header_whose_STT_wraps_and_whose_tallest_cell_starts_above_is_found()
    {
        var document = new TextFileReader().Parse("ke-hoach_layout.txt", CentredPlan);

        var header = document.Lines.First(l => l.IsTableRow);
        Assert.Equal(["ST T", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"], header.Cells!);
    }

    [Fact]
    public void Lines_above_a_centred_number_belong_to_its_row()
    {
        var tasks = TasksOf("ke-hoach_layout.txt", CentredPlan);

        Assert.Equal(["1", "2", "3"], tasks.Select(t => t.Number));
        Assert.Equal("Xây dựng kế hoạch chuyển đổi số của tỉnh năm 2027 và triển khai thực hiện", tasks[0].Content);
        Assert.Equal("Tổ chức đánh giá mức độ chuyển đổi số các cơ quan nhà nước trên địa bàn", tasks[1].Content);
        Assert.Equal("Báo cáo kết quả thực hiện kế hoạch năm 2027", tasks[2].Content);
        Assert.Equal(["Sở Khoa học và Công nghệ", "Sở Nội vụ", "Sở Khoa học và Công nghệ"], tasks.Select(t => t.Lead));
        Assert.Equal(["Quý I/2027", "Tháng 9/2027", "Tháng 12/2027"], tasks.Select(t => t.Deadline.Raw));
        Assert.All(tasks, t => Assert.Equal("I", t.Section?.Id));
    }

    [Fact]
    public void Header_cells_of_narrow_columns_on_different_lines_a_space_apart_stay_separate_columns()
    {
        // "Hình thức / văn bản", "Cấp trình" one line lower and "Thời hạn / trình": each a character from the next,
        // as pdftotext -layout sets narrow columns whose header cells are centred at different heights.
        var plan = string.Join("\n",
            "ỦY BAN NHÂN DÂN TỈNH AN GIANG",
            "                  CHƯƠNG TRÌNH CÔNG TÁC NĂM 2027",
            "",
            "STT    Nội dung nhiệm vụ            Cơ quan       Hình thức           Thời hạn",
            "                                    chủ trì                 Cấp trình",
            "                                                   văn bản            trình",
            "",
            " 1     Rà soát quy chế làm việc     Sở Nội vụ     Quyết định  UBND tỉnh  Quý I/2027",
            "       của các sở, ngành",
            "",
            " 2     Sửa đổi quy định phân cấp    Sở Tài chính  Nghị quyết  HĐND tỉnh  Tháng 7/2027",
            "       quản lý tài sản công",
            "",
            " 3     Tổng kết thực hiện đề án     Sở Tư pháp    Báo cáo     UBND tỉnh  Quý IV/2027",
            "");

        var document = new TextFileReader().Parse("chuong-trinh_layout.txt", plan);
        var tasks = TasksOf("chuong-trinh_layout.txt", plan);

        Assert.Equal(["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Hình thức văn bản", "Cấp trình", "Thời hạn trình"], document.Lines.First(l => l.IsTableRow).Cells!);
        Assert.Equal(["Rà soát quy chế làm việc của các sở, ngành", "Sửa đổi quy định phân cấp quản lý tài sản công", "Tổng kết thực hiện đề án"], tasks.Select(t => t.Content));
        Assert.Equal(["Quý I/2027", "Tháng 7/2027", "Quý IV/2027"], tasks.Select(t => t.Deadline.Raw));
        Assert.Equal(["Quyết định", "Nghị quyết", "Báo cáo"], tasks.Select(t => t.Product));
    }

    [Fact]
    public void Row_numbers_set_right_under_a_header_that_ends_where_the_content_begins_stay_in_their_column()
    {
        // pdftotext -layout rounds each run to a character: the number column's "TT" ends in the very character
        // where the rows' content starts, one character after their numbers.
        var plan = string.Join("\n",
            "                  KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2027",
            "",
            "TT              Nội dung nhiệm vụ          Cơ quan chủ trì   Thời hạn",
            "",
            "1 Rà soát thủ tục hành chính nội bộ        Sở Nội vụ         Quý I/2027",
            "  giữa các cơ quan hành chính",
            "",
            "2 Số hóa kết quả giải quyết thủ tục        Sở Tư pháp        Quý II/2027",
            "",
            "3 Đánh giá chỉ số cải cách hành chính      Văn phòng UBND    Quý IV/2027",
            "  của các sở, ngành                        tỉnh",
            "");

        var tasks = TasksOf("cai-cach_layout.txt", plan);

        Assert.Equal(["1", "2", "3"], tasks.Select(t => t.Number));
        Assert.Equal(
            ["Rà soát thủ tục hành chính nội bộ giữa các cơ quan hành chính", "Số hóa kết quả giải quyết thủ tục", "Đánh giá chỉ số cải cách hành chính của các sở, ngành"],
            tasks.Select(t => t.Content));
        Assert.Equal(["Sở Nội vụ", "Sở Tư pháp", "Văn phòng UBND tỉnh"], tasks.Select(t => t.Lead));
    }

    [Fact]
    public void A_header_cell_over_two_columns_heads_both_and_the_deadline_is_the_end_column()
    {
        // "Thời gian" over "Bắt đầu" and "Hoàn thành", as a borderless table prints a two-level header: two columns,
        // not one; the task is due at the end, not at "01/2027 Quý II/2027".
        var plan = string.Join("\n",
            "                  KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2027",
            "",
            "STT    Nội dung nhiệm vụ              Cơ quan chủ trì           Thời gian",
            "                                                          Bắt đầu     Hoàn thành",
            "",
            " 1     Rà soát thủ tục hành chính     Sở Tư pháp          01/2027     Quý II/2027",
            "",
            " 2     Số hóa hồ sơ lưu trữ           Sở Nội vụ           03/2027     Tháng 9/2027",
            "",
            " 3     Đánh giá chỉ số cải cách       Sở Tài chính        06/2027     Quý IV/2027",
            "");

        var document = new TextFileReader().Parse("cai-cach_layout.txt", plan);
        var tasks = TasksOf("cai-cach_layout.txt", plan);

        var header = document.Lines.Where(l => l.IsTableRow).Take(2).ToList();
        Assert.Equal(["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời gian", "Thời gian"], header[0].Cells!);
        Assert.Equal(["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Bắt đầu", "Hoàn thành"], header[1].Cells!);
        Assert.Equal(["Quý II/2027", "Tháng 9/2027", "Quý IV/2027"], tasks.Select(t => t.Deadline.Raw));
        Assert.Equal(["Sở Tư pháp", "Sở Nội vụ", "Sở Tài chính"], tasks.Select(t => t.Lead));
    }

    [Fact]
    public void A_table_without_a_number_column_is_read_row_by_row()
    {
        var plan = string.Join("\n",
            "                                                                    Thời gian",
            "         Nội dung                 Đơn vị chủ trì   Đơn vị phối hợp",
            "                                                                    thực hiện",
            "",
            "Giám sát việc thực hiện chính     Ban Thường trực  Sở Tài chính     Quý II/2027",
            "sách hỗ trợ người có công",
            "",
            "Khảo sát việc giải quyết thủ      Ban Dân chủ      Sở Tư pháp       Quý III/2027",
            "tục hành chính cấp xã",
            "",
            "Giám sát công tác phòng, chống    Ban Thường trực  Sở Y tế          Quý IV/2027",
            "dịch bệnh",
            "");

        var document = new TextFileReader().Parse("giam-sat_layout.txt", plan);
        var tasks = TasksOf("giam-sat_layout.txt", plan);

        var header = document.Lines.First(l => l.IsTableRow);
        Assert.Equal(["Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện"], header.Cells!);
        // Without numbers, each block of lines between two gaps is one task.
        Assert.Equal(
            ["Giám sát việc thực hiện chính sách hỗ trợ người có công", "Khảo sát việc giải quyết thủ tục hành chính cấp xã", "Giám sát công tác phòng, chống dịch bệnh"],
            tasks.Select(t => t.Content));
        Assert.Equal(["Quý II/2027", "Quý III/2027", "Quý IV/2027"], tasks.Select(t => t.Deadline.Raw));
    }

    [Fact]
    public void A_line_of_header_words_in_the_prose_is_not_a_table_header()
    {
        var plan = string.Join("\n",
            "     III. NỘI DUNG THỰC HIỆN",
            "     Nội dung, thời gian thực hiện        và cơ quan chủ trì",
            "được nêu tại từng mục dưới đây; các cơ quan phối hợp báo cáo kết quả.",
            "     1. Rà soát văn bản quy phạm pháp luật.",
            "");

        var document = new TextFileReader().Parse("ke-hoach_layout.txt", plan);

        Assert.DoesNotContain(document.Lines, l => l.IsTableRow);
    }

    [Fact]
    public void Text_without_aligned_columns_stays_text()
    {
        var document = new TextFileReader().Parse("ke-hoach.txt", "STT Nội dung Cơ quan chủ trì\n1 Rà soát thủ tục Sở Tư pháp\n");

        Assert.DoesNotContain(document.Lines, l => l.IsTableRow);
    }
}
