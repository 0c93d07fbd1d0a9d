using DonDoc.Import.Reading;
using DonDoc.Import.Reading.Pdf;

namespace DonDoc.Import.Tests.Reading;

/// <summary>How the words a PDF draws inside one ruled cell make its text, line by line.</summary>
public sealed class PdfCellTextTest
{
    private static readonly double[] Columns = [50, 80, 300, 400];
    private static readonly double[] Rows = [700, 650, 560];

    private static PageWord Word(string text, double left, double bottom) => new(text, left, bottom, left + (6 * text.Length), bottom + 10);

    private static List<string[]> TableRows(params PageWord[] words)
    {
        var rulings = Rows.Select(y => new Ruling(true, y, Columns[0], Columns[^1]))
            .Concat(Columns.Select(x => new Ruling(false, x, Rows[^1], Rows[0])))
            .ToList();
        var page = new PageContent(1, 595, 842, words, rulings);
        var document = PdfReader.Layout("bang.pdf", [page], ReadBudget.WithDefaults());
        return document.Lines.Where(l => l.IsTableRow).Select(l => l.Cells!.ToArray()).ToList();
    }

    [Fact]
    public void A_word_written_a_letter_a_line_in_a_narrow_column_is_one_word()
    {
        var rows = TableRows(Word("S", 55, 688), Word("T", 55, 676), Word("T", 55, 664), Word("Nội", 85, 680), Word("dung", 107, 680), Word("Thời", 305, 680), Word("hạn", 335, 680));

        Assert.Equal(["STT", "Nội dung", "Thời hạn"], rows[0]);
    }

    [Fact]
    public void A_number_wrapped_after_its_point_a_word_wrapped_at_its_hyphen_and_a_bracket_alone_on_a_line_join_back()
    {
        var rows = TableRows(
            Word("1.", 55, 636), Word("1", 55, 624),
            Word("Vận", 85, 636), Word("hành", 107, 636), Word("sàn", 140, 636), Word("các-", 165, 636), Word("bon", 85, 624),
            Word("(Chậm", 305, 636), Word("nhất", 345, 636), Word("06/02/2026", 305, 624), Word(")", 305, 612));

        Assert.Equal(["1.1", "Vận hành sàn các-bon", "(Chậm nhất 06/02/2026)"], rows[^1]);
    }

    [Fact]
    public void Words_on_the_lines_of_a_cell_are_read_with_a_space_between_them()
    {
        var rows = TableRows(Word("2", 55, 636), Word("Tổ", 85, 636), Word("chức", 105, 636), Word("hội", 85, 624), Word("nghị", 110, 624), Word("Quý", 305, 636), Word("II/2026", 305, 624));

        Assert.Equal(["2", "Tổ chức hội nghị", "Quý II/2026"], rows[^1]);
    }

    /// <summary>A borderless table: no rulings, so the header's words give the columns.</summary>
    private static List<string[]> BorderlessRows(params PageWord[] body)
    {
        PageWord[] header = [Word("STT", 50, 700), Word("Nội", 90, 700), Word("dung", 112, 700), Word("Chủ", 300, 700), Word("trì", 322, 700), Word("Thời", 420, 700), Word("hạn", 447, 700)];
        var page = new PageContent(1, 595, 842, [.. header, .. body], []);
        var document = PdfReader.Layout("bang.pdf", [page], ReadBudget.WithDefaults());
        return document.Lines.Where(l => l.IsTableRow).Select(l => l.Cells!.ToArray()).ToList();
    }

    [Fact]
    public void In_a_borderless_table_a_number_wrapped_after_its_point_is_one_number_on_its_rows_first_line()
    {
        var rows = BorderlessRows(
            Word("1.", 50, 670), Word("Tuyên", 90, 670), Word("truyền", 125, 670), Word("Sở", 300, 670), Word("Quý", 420, 670),
            Word("1", 50, 658), Word("trên", 90, 658), Word("loa", 120, 658), Word("II/2026", 420, 658));

        Assert.Equal("1.1", rows[1][0]);
        Assert.Equal("", rows[2][0]);
        Assert.Equal("trên loa", rows[2][1]);
    }

    [Fact]
    public void Below_a_borderless_table_a_line_whose_words_run_across_its_columns_is_text()
    {
        // Rows whose cells fill their columns, so that the borders fall in the narrow gaps between them.
        var rows = Enumerable.Range(0, 4).SelectMany(r => new[]
        {
            Word($"{r + 1}", 50, 670 - (r * 15)),
            new PageWord("Tuyên-truyền-phổ-biến-pháp-luật-cho-Nhân-dân", 90, 670 - (r * 15), 294, 680 - (r * 15)),
            new PageWord("Sở-Tư-pháp-và-các-cơ-quan", 300, 670 - (r * 15), 414, 680 - (r * 15)),
            Word("Quý", 420, 670 - (r * 15)),
        });
        // "Nơi nhận:" and the signer's title, set across the page where the table had its columns.
        PageWord[] prose = [Word("Nơi", 50, 600), Word("nhận:", 71, 600), new("TM.-ỦY-BAN-NHÂN-DÂN-XÃ-CHỦ-TỊCH", 104, 600, 330, 610), new("Phan-Văn-Tuấn", 333, 600, 440, 610)];
        var document = PdfReader.Layout("bang.pdf", [new PageContent(1, 595, 842,
            [Word("STT", 50, 700), Word("Nội", 90, 700), Word("dung", 112, 700), Word("Chủ", 300, 700), Word("trì", 322, 700), Word("Thời", 420, 700), Word("hạn", 447, 700), .. rows, .. prose], [])],
            ReadBudget.WithDefaults());

        Assert.Contains(document.Lines, l => !l.IsTableRow && l.Raw.StartsWith("Nơi nhận:", StringComparison.Ordinal));
        Assert.Equal(5, document.Lines.Count(l => l.IsTableRow));
    }

    [Fact]
    public void In_a_borderless_table_a_row_that_reaches_into_the_bottom_margin_is_a_row_and_the_page_number_there_is_text()
    {
        var rows = BorderlessRows(
            Word("1", 50, 45), Word("Kiện", 90, 45), Word("toàn", 120, 45), Word("Công", 300, 45), Word("an", 330, 45), Word("Quý", 420, 45),
            Word("Trang", 280, 20), Word("2", 315, 20));

        Assert.Equal(["1", "Kiện toàn", "Công an", "Quý"], rows[^1]);
        Assert.Equal(2, rows.Count);
    }

    [Fact]
    public void A_borderless_header_ends_at_a_row_numbered_like_3_1()
    {
        var rows = BorderlessRows(Word("3.1", 50, 670), Word("Hiện", 90, 670), Word("đại", 120, 670), Word("Cục", 300, 670), Word("2029", 420, 670));

        Assert.Equal(["STT", "Nội dung", "Chủ trì", "Thời hạn"], rows[0]);
        Assert.Equal(["3.1", "Hiện đại", "Cục", "2029"], rows[1]);
    }
}
