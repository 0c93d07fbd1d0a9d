using System.Text;
using DonDoc.Import.Reading;
using static DonDoc.Import.Tests.Reading.OfficeFiles;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace DonDoc.Import.Tests.Reading;

/// <summary>
/// A merged cell's text belongs to every row and column it covers: each reader copies it there and marks
/// the copies (merged from above, merged from the left), so that the extractor can fill each task with it once.
/// </summary>
public sealed class MergedCellsTest
{
    private static readonly string[] Header = ["STT", "Nội dung công việc", "Cơ quan chủ trì", "Thời gian hoàn thành"];

    private const CellOrigin Own = CellOrigin.Own;
    private const CellOrigin Above = CellOrigin.MergedFromAbove;
    private const CellOrigin Left = CellOrigin.MergedFromLeft;

    /// <summary>
    /// The same table in every format: a heading spanning the row, a lead merged over three tasks, a deadline
    /// merged over the last two.
    /// </summary>
    private static readonly (string[] Cells, CellOrigin[] Origins)[] Expected =
    [
        (Header, [Own, Own, Own, Own]),
        (["I", "CẢI CÁCH THỂ CHẾ", "CẢI CÁCH THỂ CHẾ", "CẢI CÁCH THỂ CHẾ"], [Own, Own, Left, Left]),
        (["1", "Rà soát quy chế làm việc", "Sở Nội vụ", "Quý I/2027"], [Own, Own, Own, Own]),
        (["2", "Cập nhật danh mục vị trí việc làm", "Sở Nội vụ", "Quý II/2027"], [Own, Own, Above, Own]),
        (["3", "Tổng hợp báo cáo biên chế", "Sở Nội vụ", "Quý II/2027"], [Own, Own, Above, Above]),
    ];

    private static void AssertRows(ReadResult read)
    {
        Assert.True(read.Document is not null, read.Failure?.English);
        var rows = read.Document!.Lines.Where(l => l.IsTableRow && l.Cells!.Count >= 2).ToList();

        Assert.Equal(Expected.Length, rows.Count);
        for (var r = 0; r < Expected.Length; r++)
        {
            Assert.Equal(Expected[r].Cells, rows[r].Cells);
            Assert.Equal(Expected[r].Origins, Enumerable.Range(0, rows[r].Cells!.Count).Select(rows[r].OriginOf));
        }
    }

    [Fact]
    public void HTML_rowspans_and_colspans_are_copied_into_every_position_they_cover()
    {
        var html = new StringBuilder("<html><body><p>KẾ HOẠCH</p><table><tr>");
        html.Append(string.Concat(Header.Select(h => $"<th>{h}</th>"))).Append("</tr>");
        html.Append("<tr><td>I</td><td colspan=\"3\">CẢI CÁCH THỂ CHẾ</td></tr>");
        html.Append("<tr><td>1</td><td>Rà soát quy chế làm việc</td><td rowspan=\"3\">Sở Nội vụ</td><td>Quý I/2027</td></tr>");
        html.Append("<tr><td>2</td><td>Cập nhật danh mục vị trí việc làm</td><td rowspan=\"2\">Quý II/2027</td></tr>");
        html.Append("<tr><td>3</td><td>Tổng hợp báo cáo biên chế</td></tr>");
        html.Append("</table></body></html>");

        AssertRows(new HtmlReader().Read("ke-hoach.html", Encoding.UTF8.GetBytes(html.ToString())));
    }

    [Fact]
    public void Word_vertical_merges_and_grid_spans_are_copied_into_every_position_they_cover()
    {
        var docx = Docx(
            Paragraph("KẾ HOẠCH"),
            Table(
                Row(Header.Select(h => Cell(h)).ToArray()),
                Row(Cell("I"), Cell("CẢI CÁCH THỂ CHẾ", gridSpan: 3)),
                Row(Cell("1"), Cell("Rà soát quy chế làm việc"), Cell("Sở Nội vụ", merge: W.MergedCellValues.Restart), Cell("Quý I/2027")),
                Row(Cell("2"), Cell("Cập nhật danh mục vị trí việc làm"), Cell("", merge: W.MergedCellValues.Continue), Cell("Quý II/2027", merge: W.MergedCellValues.Restart)),
                Row(Cell("3"), Cell("Tổng hợp báo cáo biên chế"), Cell("", merge: W.MergedCellValues.Continue), Cell("", merge: W.MergedCellValues.Continue))));

        AssertRows(new DocxReader().Read("ke-hoach.docx", docx));
    }

    [Fact]
    public void Excel_merged_ranges_are_copied_into_every_cell_they_cover()
    {
        var xlsx = Xlsx(
            [
                ["KẾ HOẠCH"],
                Header,
                ["I", "CẢI CÁCH THỂ CHẾ"],
                ["1", "Rà soát quy chế làm việc", "Sở Nội vụ", "Quý I/2027"],
                ["2", "Cập nhật danh mục vị trí việc làm", "", "Quý II/2027"],
                ["3", "Tổng hợp báo cáo biên chế"],
            ],
            "B3:D3",
            "C4:C6",
            "D5:D6");

        AssertRows(new XlsxReader().Read("ke-hoach.xlsx", xlsx));
    }

    [Fact]
    public void Every_row_says_which_table_of_the_document_it_belongs_to()
    {
        var html = "<table><tr><td>ỦY BAN NHÂN DÂN</td><td>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</td></tr></table><p>KẾ HOẠCH</p>"
            + "<table><tr><td>STT</td><td>Nội dung</td></tr><tr><td>1</td><td>Rà soát</td></tr></table>";

        var rows = new HtmlReader().Read("ke-hoach.html", Encoding.UTF8.GetBytes(html)).Document!.Lines.Where(l => l.IsTableRow);

        Assert.Equal([0, 1, 1], rows.Select(r => r.Table));
    }
}
