using System.Text;
using DonDoc.Import.Reading;

namespace DonDoc.Import.Tests.Reading;

/// <summary>The plan of Fixtures/office-plan.json written in the text forms users and crawlers make reads back as its golden file.</summary>
public sealed class TextFormsTest
{
    private static readonly string[] Preamble = ["PHỤ LỤC", OfficePlan.Title, OfficePlan.Reference];

    private static IEnumerable<string[]> TableRows()
    {
        yield return OfficePlan.Header;
        foreach (var row in OfficePlan.Rows)
        {
            yield return row.Length == 2 ? [row[0], row[1], "", "", "", ""] : row;
        }
    }

    /// <summary>"| a | b |" rows with the "|---|" line under the header, as crawlers and chat tools write tables.</summary>
    public static string Markdown()
    {
        var text = new StringBuilder();
        text.AppendLine($"# {Preamble[0]}").AppendLine().AppendLine($"**{Preamble[1]}**").AppendLine().AppendLine($"*{Preamble[2]}*").AppendLine();
        var first = true;
        foreach (var row in TableRows())
        {
            text.AppendLine("| " + string.Join(" | ", row) + " |");
            if (first)
            {
                text.AppendLine("|" + string.Join("|", row.Select(_ => "---")) + "|");
                first = false;
            }
        }

        return text.ToString();
    }

    /// <summary>The crawl form: every cell on lines of its own between lines holding a single "|".</summary>
    public static string Crawl()
    {
        var text = new StringBuilder();
        foreach (var line in Preamble)
        {
            text.AppendLine(line).AppendLine();
        }

        var first = true;
        foreach (var row in TableRows())
        {
            text.AppendLine("|");
            foreach (var cell in row)
            {
                // A long cell is broken over two paragraphs, as a crawler writes the cell's <p>s.
                var words = cell.Split(' ');
                text.AppendLine();
                text.AppendLine(words.Length > 4 ? string.Join(' ', words[..(words.Length / 2)]) + "\n\n" + string.Join(' ', words[(words.Length / 2)..]) : cell);
                text.AppendLine().AppendLine("|");
            }

            if (first)
            {
                text.AppendLine("|" + string.Join("|", row.Select(_ => " --- ")) + "|");
                first = false;
            }
        }

        text.AppendLine().AppendLine("Nơi nhận: như trên.");
        return text.ToString();
    }

    [Fact]
    public void A_markdown_table_with_its_separator_line_reads_as_its_golden_file() =>
        OfficePlanGolden.AssertMatches("ke-hoach.md", Encoding.UTF8.GetBytes(Markdown()));

    [Fact]
    public void A_markdown_table_saved_as_txt_reads_as_its_golden_file() =>
        OfficePlanGolden.AssertMatches("ke-hoach.txt", Encoding.UTF8.GetBytes(Markdown()));

    [Fact]
    public void A_crawled_table_with_each_cell_between_bar_lines_reads_as_its_golden_file() =>
        OfficePlanGolden.AssertMatches("ke-hoach.md", Encoding.UTF8.GetBytes(Crawl()));

    [Fact]
    public void The_crawl_form_gives_one_row_per_table_row_and_keeps_the_text_around_it()
    {
        var document = new TextFileReader().Parse("ke-hoach.md", Crawl());

        var rows = document.Lines.Where(l => l.IsTableRow).ToList();
        Assert.Equal(1 + OfficePlan.Rows.Length, rows.Count);
        Assert.All(rows, r => Assert.Equal(6, r.Cells!.Count));
        Assert.Equal("Rà soát văn bản quy phạm pháp luật của huyện", rows[2].Cells![1]);
        Assert.Contains(document.Lines, l => !l.IsTableRow && l.Raw == "Nơi nhận: như trên.");
    }

    /// <summary>The compact crawl form (cells without blank lines around them) of a plan whose signature block, a table of one row, stands above the appendix.</summary>
    public static string CompactCrawlAfterSignature()
    {
        var text = new StringBuilder();
        text.AppendLine("|").AppendLine("Nơi nhận:").AppendLine("- Như trên;").AppendLine("- Lưu: VT.").AppendLine("|")
            .AppendLine("TM. ỦY BAN NHÂN DÂN").AppendLine("CHỦ TỊCH").AppendLine("|").AppendLine();
        foreach (var line in Preamble)
        {
            text.AppendLine($"**{line}**").AppendLine();
        }

        foreach (var row in TableRows())
        {
            text.AppendLine("|");
            foreach (var cell in row)
            {
                text.AppendLine(cell).AppendLine("|");
            }
        }

        text.AppendLine().AppendLine("Nơi nhận: như trên.");
        return text.ToString();
    }

    [Fact]
    public void A_compact_crawl_table_below_a_one_row_signature_block_keeps_its_header_and_rows() =>
        OfficePlanGolden.AssertMatches("ke-hoach.md", Encoding.UTF8.GetBytes(CompactCrawlAfterSignature()));

    [Fact]
    public void In_the_compact_crawl_form_a_blank_line_ends_the_row_and_the_text_after_it_stays_text()
    {
        var document = new TextFileReader().Parse("ke-hoach.md", CompactCrawlAfterSignature());

        Assert.Contains(document.Lines, l => !l.IsTableRow && l.Raw == "PHỤ LỤC");
        var rows = document.Lines.Where(l => l.IsTableRow).SkipWhile(l => l.Cells![0] != "STT").ToList();
        Assert.Equal(OfficePlan.Header, rows[0].Cells);
        Assert.Equal(1 + OfficePlan.Rows.Length, rows.Count);
        Assert.DoesNotContain(document.Lines, l => l.IsTableRow && l.Cells!.Any(c => c.Contains("PHỤ LỤC", StringComparison.Ordinal)));
    }

    [Fact]
    public void Tab_separated_text_in_UTF16_with_a_byte_order_mark_reads_as_its_golden_file()
    {
        var text = string.Join("\n", Preamble) + "\n" + string.Join("\n", TableRows().Select(r => string.Join("\t", r)));
        OfficePlanGolden.AssertMatches("ke-hoach.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]);
    }

    [Fact]
    public void Tab_separated_text_in_Windows_1258_reads_as_its_golden_file()
    {
        var text = string.Join("\r\n", Preamble) + "\r\n" + string.Join("\r\n", TableRows().Select(r => string.Join("\t", r)));
        var bytes = Windows1258.Encode(text);
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(bytes));

        OfficePlanGolden.AssertMatches("ke-hoach.txt", bytes);
    }

    [Fact]
    public void An_HTML_page_saved_with_a_txt_name_is_read_as_HTML()
    {
        var html = "<!DOCTYPE html><html><body>" + string.Concat(Preamble.Select(p => $"<p>{p}</p>")) + "<table>"
            + string.Concat(TableRows().Select(r => "<tr>" + string.Concat(r.Select(c => $"<td>{c}</td>")) + "</tr>")) + "</table></body></html>";

        OfficePlanGolden.AssertMatches("ke-hoach.txt", Encoding.UTF8.GetBytes(html));
    }

    /// <summary>A crawl of a table with a cell merged down: the crawler wrote "Sở Tư pháp" once, in the first row it covers.</summary>
    private static string CrawlWithRowSpan(params string[][] rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.AppendLine("|");
            foreach (var cell in row)
            {
                text.AppendLine().AppendLine(cell).AppendLine().AppendLine("|");
            }
        }

        return text.AppendLine().AppendLine("Nơi nhận: như trên.").ToString();
    }

    [Fact]
    public void A_cell_a_crawler_wrote_once_for_the_rows_it_covers_is_put_back_in_each_of_them()
    {
        var text = CrawlWithRowSpan(
            ["STT", "Nội dung", "Cơ quan chủ trì", "Thời hạn"],
            ["1", "Rà soát thủ tục hành chính nội bộ của tỉnh", "Sở Tư pháp", "Quý II/2027"],
            ["2", "Công bố danh mục văn bản hết hiệu lực", "Tháng 8/2027"],
            ["3", "Cập nhật cơ sở dữ liệu văn bản pháp luật", "Sở Nội vụ", "Tháng 10/2027"]);

        var rows = new TextFileReader().Parse("ke-hoach.md", text).Lines.Where(l => l.IsTableRow).ToList();

        Assert.Equal(4, rows.Count);
        Assert.Equal(["2", "Công bố danh mục văn bản hết hiệu lực", "Sở Tư pháp", "Tháng 8/2027"], rows[2].Cells);
        Assert.Equal(CellOrigin.MergedFromAbove, rows[2].OriginOf(2));
        Assert.Equal(CellOrigin.Own, rows[2].OriginOf(3));
        Assert.Equal(["3", "Cập nhật cơ sở dữ liệu văn bản pháp luật", "Sở Nội vụ", "Tháng 10/2027"], rows[3].Cells);
    }

    [Fact]
    public void A_heading_row_across_a_crawled_table_stays_as_written_and_ends_the_merges_above_it()
    {
        var text = CrawlWithRowSpan(
            ["STT", "Nội dung", "Cơ quan chủ trì", "Thời hạn", "Ghi chú"],
            ["1", "Rà soát thủ tục hành chính nội bộ của tỉnh", "Sở Tư pháp", "Quý II/2027", "Trình UBND tỉnh"],
            ["II", "HIỆN ĐẠI HÓA HÀNH CHÍNH"],
            ["1", "Duy trì hệ thống quản lý chất lượng", "Sở Khoa học và Công nghệ", "Thường xuyên", "Báo cáo quý"]);

        var rows = new TextFileReader().Parse("ke-hoach.md", text).Lines.Where(l => l.IsTableRow).ToList();

        Assert.Equal(4, rows.Count);
        Assert.Equal(["II", "HIỆN ĐẠI HÓA HÀNH CHÍNH"], rows[2].Cells);
        Assert.Equal(5, rows[3].Cells!.Count);
    }
}
