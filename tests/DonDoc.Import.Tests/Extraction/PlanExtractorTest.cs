using DonDoc.Core.Deadlines;
using DonDoc.Import.Extraction;
using DonDoc.Import.Reading;

namespace DonDoc.Import.Tests.Extraction;

/// <summary>Table shapes read cell by cell: documents built here as a reader gives them, merged cells marked.</summary>
public sealed class PlanExtractorTest
{
    private readonly PlanExtractor _extractor = new(new DeadlineParser());

    private const CellOrigin Own = CellOrigin.Own;
    private const CellOrigin Above = CellOrigin.MergedFromAbove;
    private const CellOrigin Left = CellOrigin.MergedFromLeft;

    private static readonly string[] Header = ["STT", "Nội dung công việc", "Cơ quan chủ trì", "Thời gian hoàn thành"];

    /// <summary>A document of one table: its header, then rows given as (text, origin) per cell.</summary>
    private static SourceDocument Table(params (string Text, CellOrigin Origin)[][] rows)
    {
        var lines = new List<SourceLine> { new(1, "PHỤ LỤC", null), new(2, string.Join('\t', Header), Header) };
        foreach (var row in rows)
        {
            var cells = row.Select(c => c.Text).ToList();
            lines.Add(new SourceLine(lines.Count + 1, string.Join('\t', cells), cells) { Origins = row.Select(c => c.Origin).ToList() });
        }

        return new SourceDocument("test", lines);
    }

    [Fact]
    public void Rows_under_a_merged_number_and_content_cell_are_tasks_with_its_text_and_their_own_lead()
    {
        var document = Table(
            [("1", Own), ("Xây dựng cơ sở dữ liệu đất đai", Own), ("Sở Nông nghiệp và Môi trường", Own), ("Quý II/2027", Own)],
            [("1", Above), ("Xây dựng cơ sở dữ liệu đất đai", Above), ("UBND các xã, phường", Own), ("Quý II/2027", Above)]);

        var tasks = _extractor.Extract(document).Plan.Tasks;

        Assert.Equal(2, tasks.Count);
        Assert.All(tasks, t => Assert.Equal(("1", "Xây dựng cơ sở dữ liệu đất đai", "Quý II/2027"), (t.Number, t.Content, t.Deadline.Raw)));
        Assert.Equal(["Sở Nông nghiệp và Môi trường", "UBND các xã, phường"], tasks.Select(t => t.Lead));
    }

    [Fact]
    public void Rows_of_their_own_text_under_a_merged_lead_are_tasks_and_the_lead_is_never_written_twice()
    {
        var document = Table(
            [("2", Own), ("Tổ chức tuyên truyền về chuyển đổi số", Own), ("Sở Văn hóa, Thể thao và Du lịch", Own), ("Thường xuyên", Own)],
            [("", Own), ("- Trên báo chí", Own), ("Sở Văn hóa, Thể thao và Du lịch", Above), ("Thường xuyên", Above)],
            [("", Own), ("- Trên mạng xã hội", Own), ("Sở Văn hóa, Thể thao và Du lịch", Above), ("Thường xuyên", Above)],
            [("3", Own), ("Tổng kết", Own), ("Sở Nội vụ", Own), ("Tháng 12/2027", Own)]);

        var extraction = _extractor.Extract(document);

        Assert.Equal(["2", "2", "2", "3"], extraction.Plan.Tasks.Select(t => t.Number));
        Assert.Equal(["Tổ chức tuyên truyền về chuyển đổi số", "- Trên báo chí", "- Trên mạng xã hội", "Tổng kết"], extraction.Plan.Tasks.Select(t => t.Content));
        Assert.All(extraction.Plan.Tasks.Take(3), t => Assert.Equal("Sở Văn hóa, Thể thao và Du lịch", t.Lead));
        Assert.Equal([1, 2], extraction.Warnings.Where(w => w.Code == "sub_row").Select(w => w.Task));
    }

    [Fact]
    public void A_row_continued_without_a_lead_or_deadline_adds_its_text_to_the_task_above()
    {
        var document = Table(
            [("1", Own), ("Rà soát thủ tục hành chính", Own), ("Văn phòng UBND tỉnh", Own), ("Quý III/2027", Own)],
            [("", Own), ("thuộc thẩm quyền giải quyết của cấp xã", Own), ("", Own), ("", Own)]);

        var task = Assert.Single(_extractor.Extract(document).Plan.Tasks);

        Assert.Equal("Rà soát thủ tục hành chính thuộc thẩm quyền giải quyết của cấp xã", task.Content);
        Assert.Equal("Văn phòng UBND tỉnh", task.Lead);
    }

    [Fact]
    public void Unnumbered_sub_rows_with_their_own_lead_and_deadline_are_tasks_of_their_own_and_their_group_row_is_none()
    {
        var document = Table(
            [("1", Own), ("Hoàn thiện thể chế về dữ liệu:", Own), ("", Own), ("", Own)],
            [("", Own), ("- Quy chế khai thác dữ liệu dùng chung", Own), ("Sở Khoa học và Công nghệ", Own), ("Quý II/2027", Own)],
            [("", Own), ("- Quy định về lưu trữ điện tử", Own), ("Sở Nội vụ", Own), ("Quý III/2027", Own)],
            [("", Own), ("- Danh mục dữ liệu mở", Own), ("Sở Khoa học và Công nghệ", Own), ("Quý IV/2027", Own)],
            [("", Own), ("", Own), ("Sở Tài chính", Own), ("", Own)]);

        var tasks = _extractor.Extract(document).Plan.Tasks;

        Assert.Equal(["1", "1", "1", "1"], tasks.Select(t => t.Number));
        Assert.Equal(["Sở Khoa học và Công nghệ", "Sở Nội vụ", "Sở Khoa học và Công nghệ", "Sở Tài chính"], tasks.Select(t => t.Lead));
        Assert.Equal(["Quý II/2027", "Quý III/2027", "Quý IV/2027", null], tasks.Select(t => t.Deadline.Raw));
        Assert.Equal("- Danh mục dữ liệu mở", tasks[3].Content);
        Assert.Contains("Hoàn thiện thể chế về dữ liệu:", tasks[0].RawText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_heading_row_merged_across_the_table_names_the_section_once()
    {
        var document = Table(
            [("A. NHIỆM VỤ CHUNG", Own), ("A. NHIỆM VỤ CHUNG", Left), ("A. NHIỆM VỤ CHUNG", Left), ("A. NHIỆM VỤ CHUNG", Left)],
            [("I", Own), ("Thể chế", Own), ("Thể chế", Left), ("Thể chế", Left)],
            [("1", Own), ("Ban hành quy chế", Own), ("Sở Tư pháp", Own), ("Tháng 6/2027", Own)]);

        var task = Assert.Single(_extractor.Extract(document).Plan.Tasks);

        Assert.Equal(("A.I", "Thể chế"), (task.Section?.Id, task.Section?.Title));
    }

    [Theory]
    [InlineData(new[] { "TT", "Cơ quan trình", "Tên dự án", "Cơ quan chủ trì thẩm tra", "Dự kiến trình" }, new[] { "Number", "Lead", "Content", "Note", "Deadline" })]
    [InlineData(new[] { "TT", "Chỉ tiêu", "Chủ trì", "Tiến độ", "Kết quả dự kiến" }, new[] { "Number", "Content", "Lead", "Deadline", "Product" })]
    [InlineData(new[] { "STT", "Nhiệm vụ", "Đơn vị thực hiện", "Thời gian trình", "Thuộc nhóm nhiệm vụ" }, new[] { "Number", "Content", "Lead", "Deadline", "Note" })]
    [InlineData(new[] { "STT", "Nội dung", "Thời gian bắt đầu", "Thời gian hoàn thành", "Cơ quan" }, new[] { "Number", "Content", "", "Deadline", "Lead" })]
    public void Columns_are_read_by_header_and_content_in_any_order(string[] headers, string[] expected)
    {
        var cells = new Dictionary<string, string>
        {
            ["Lead"] = "Sở Tư pháp", ["Content"] = "Xây dựng đề án phát triển dịch vụ pháp lý trên địa bàn tỉnh", ["Note"] = "Ủy ban Pháp luật và Tư pháp",
            ["Deadline"] = "Tháng 6/2027", ["Product"] = "Đề án được phê duyệt", [""] = "Tháng 1/2027",
        };
        var lines = new List<SourceLine> { new(1, string.Join('\t', headers), headers) };
        for (var i = 1; i <= 4; i++)
        {
            var row = expected.Select(role => role == "Number" ? i.ToString(System.Globalization.CultureInfo.InvariantCulture) : cells[role]).ToList();
            lines.Add(new SourceLine(i + 1, string.Join('\t', row), row));
        }

        var extraction = _extractor.Extract(new SourceDocument("test", lines));

        Assert.Equal(4, extraction.Plan.Tasks.Count);
        var task = extraction.Plan.Tasks[0];
        Assert.Equal(cells["Content"], task.Content);
        Assert.Equal(expected.Contains("Lead") ? cells["Lead"] : null, task.Lead);
        Assert.Equal(cells["Deadline"], task.Deadline.Raw);
        Assert.Equal(expected.Contains("Note") ? cells["Note"] : null, task.Note);
        Assert.Equal(expected.Contains("Product") ? cells["Product"] : null, task.Product);
    }

    [Theory]
    [InlineData("TT", "Việc cần làm", "Giao cho", "Hạn")]
    [InlineData("Số", "Diễn giải", "Người làm", "Lúc nào")]
    public void A_column_whose_cells_are_agencies_is_the_lead_and_one_of_deadlines_the_deadline_whatever_their_headers_say(params string[] headers)
    {
        var lines = new List<SourceLine> { new(1, string.Join('\t', headers), headers) };
        string[] leads = ["Sở Nội vụ", "Sở Tài chính", "Văn phòng UBND tỉnh", "Sở Y tế"];
        for (var i = 0; i < leads.Length; i++)
        {
            string[] row = [$"{i + 1}", $"Thực hiện nhiệm vụ cải cách hành chính số {i + 1} theo kế hoạch của tỉnh", leads[i], $"Quý {new[] { "I", "II", "III", "IV" }[i]}/2027"];
            lines.Add(new SourceLine(i + 2, string.Join('\t', row), row));
        }

        var tasks = _extractor.Extract(new SourceDocument("test", lines)).Plan.Tasks;

        Assert.Equal(leads, tasks.Select(t => t.Lead));
        Assert.Equal("2027-12-31", tasks[3].Deadline.Due?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The two header rows of o09's shape, as Word and HTML give them: "Thời gian" and "Kinh phí" merged right, the others merged down.</summary>
    private static readonly (string Text, CellOrigin Origin)[][] TwoRowHeader =
    [
        [("TT", Own), ("Nhiệm vụ", Own), ("Cơ quan chủ trì", Own), ("Thời gian", Own), ("Thời gian", Left), ("Kinh phí (triệu đồng)", Own), ("Kinh phí (triệu đồng)", Left), ("Kinh phí (triệu đồng)", Left)],
        [("TT", Above), ("Nhiệm vụ", Above), ("Cơ quan chủ trì", Above), ("Bắt đầu", Own), ("Hoàn thành", Own), ("Tổng số", Own), ("Ngân sách trung ương", Own), ("Nguồn khác", Own)],
    ];

    private static SourceDocument MergedHeaderTable(params (string Text, CellOrigin Origin)[][] rows)
    {
        var lines = new List<SourceLine> { new(1, "PHỤ LỤC", null) };
        foreach (var row in TwoRowHeader.Concat(rows))
        {
            var cells = row.Select(c => c.Text).ToList();
            lines.Add(new SourceLine(lines.Count + 1, string.Join('\t', cells), cells) { Origins = row.Select(c => c.Origin).ToList() });
        }

        return new SourceDocument("test", lines);
    }

    private static (string, CellOrigin)[] Cells(params string[] texts) => texts.Select(t => (t, Own)).ToArray();

    [Fact]
    public void A_header_row_merged_down_from_the_one_above_is_the_header_and_the_total_under_Kinh_phi_in_millions_is_the_budget()
    {
        var document = MergedHeaderTable(
            Cells("1", "Chuyển đổi cơ cấu cây trồng thích ứng với hạn hán", "Cục Trồng trọt", "2026", "2030", "45.000", "30.000", "15.000"),
            Cells("2", "Xây dựng bản đồ phân vùng rủi ro thiên tai", "Cục Thủy lợi", "2026", "2027", "8.500", "8.500", "-"));

        var tasks = _extractor.Extract(document).Plan.Tasks;

        Assert.Equal(2, tasks.Count);
        Assert.Equal([45_000_000_000L, 8_500_000_000L], tasks.Select(t => t.BudgetVnd));
        Assert.Equal(["2030", "2027"], tasks.Select(t => t.Deadline.Raw));
    }

    [Fact]
    public void Both_rows_of_a_two_row_header_repeated_after_a_page_break_are_dropped_and_a_total_row_is_no_task()
    {
        var document = MergedHeaderTable(
            Cells("1", "Chuyển đổi cơ cấu cây trồng thích ứng với hạn hán", "Cục Trồng trọt", "2026", "2030", "45.000", "30.000", "15.000"),
            TwoRowHeader[0],
            TwoRowHeader[1],
            Cells("2", "Xây dựng bản đồ phân vùng rủi ro thiên tai", "Cục Thủy lợi", "2026", "2027", "8.500", "8.500", "-"),
            Cells("", "Tổng cộng", "", "", "", "53.500", "38.500", "15.000"));

        var extraction = _extractor.Extract(document);

        Assert.Equal(["1", "2"], extraction.Plan.Tasks.Select(t => t.Number));
        Assert.Equal(2, extraction.DroppedLines.Count(d => d.Reason == "repeated table header"));
        Assert.Contains(extraction.DroppedLines, d => d.Reason == "total row" && d.Text.Contains("Tổng cộng", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_by_position_a_heading_title_that_goes_on_at_the_next_line_is_finished_by_it_and_a_wrapped_bracket_closes_its_text()
    {
        string[] header = ["STT", "Nội dung công việc", "Thời gian", "Đơn vị chủ trì"];
        var lines = new List<SourceLine> { new(1, "PHỤ LỤC", null), new(2, string.Join('\t', header), header) };
        void Line(bool gap, params string[] cells) => lines.Add(new SourceLine(lines.Count + 1, string.Join('\t', cells), cells) { GapBefore = gap });
        Line(true, "2", "Các hoạt động văn hóa, thể", "", "");
        Line(false, "", "thao", "", "");
        Line(true, "2.1", "Tổ chức Lễ kỷ niệm", "Đêm 30 Tết (ngày 16/02/2026", "Trung tâm Văn hóa");
        Line(false, "", "ngày thành lập Đảng", ")", "xã");
        var document = new SourceDocument("test", lines) { RowsAreVisualLines = true };

        var task = Assert.Single(_extractor.Extract(document).Plan.Tasks);

        Assert.Equal("Các hoạt động văn hóa, thể thao", task.Section?.Title);
        Assert.Equal("Tổ chức Lễ kỷ niệm ngày thành lập Đảng", task.Content);
        Assert.Equal("Đêm 30 Tết (ngày 16/02/2026)", task.Deadline.Raw);
        Assert.Equal("Trung tâm Văn hóa xã", task.Lead);
    }

    [Fact]
    public void Read_by_position_the_plans_closing_section_ends_the_table_and_its_prose_is_no_task()
    {
        string[] header = ["STT", "Nội dung công việc", "Thời gian", "Đơn vị chủ trì"];
        var lines = new List<SourceLine> { new(1, "PHỤ LỤC", null), new(2, string.Join('\t', header), header) };
        void Line(bool gap, params string[] cells) => lines.Add(new SourceLine(lines.Count + 1, string.Join('\t', cells), cells) { GapBefore = gap });
        Line(true, "1", "Tổng hợp, báo cáo tình hình dịch bệnh", "Hằng tuần", "Trạm Y tế phường");
        Line(true, "IV. TỔ", "CHỨC THỰC HIỆN", "", "");
        Line(false, "Trạm Y", "tế phường là cơ quan", "thường trực, chủ", "trì theo dõi, tổng hợp");
        Line(true, "Nơi nhận:", "", "", "");
        var document = new SourceDocument("test", lines) { RowsAreVisualLines = true };

        var extraction = _extractor.Extract(document);

        Assert.Equal("Tổng hợp, báo cáo tình hình dịch bệnh", Assert.Single(extraction.Plan.Tasks).Content);
        Assert.Equal(3, extraction.DroppedLines.Count(d => d.Reason == "text after the task table"));
    }
}
