using System.Text;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DonDoc.Core.Deadlines;
using DonDoc.Import.Evaluation;
using DonDoc.Import.Extraction;
using DonDoc.Import.Importing;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace DonDoc.Import.Tests.Reading;

/// <summary>The same plan written as Word, Excel, HTML and PDF reads back as its golden file.</summary>
public sealed class ReadersTest
{
    private readonly PlanImporter _importer = new(new DeadlineParser());

    private static JsonNode Golden() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "office-plan.json")))!;

    private void AssertMatchesGolden(string fileName, byte[] content)
    {
        var result = _importer.Import(fileName, content);
        Assert.True(result.Extraction is not null, result.Failure?.English);
        var extracted = ExtractionJson.ToJson(result.Extraction!, fileName);
        var score = ExtractionScorer.Score(Golden(), extracted);

        Assert.Equal(3, score.Extracted);
        Assert.Equal(3, score.Matched);
        Assert.All(ExtractionScorer.Fields, field => Assert.True(score.Correct[field] == 3, $"{field}: {score.Correct[field]}/3\n{extracted.ToJsonString()}"));
        Assert.Equal(Golden()["plan"]!.ToJsonString(), extracted["plan"]!.ToJsonString());
    }

    [Fact]
    public void A_Word_table_with_merged_heading_cells_reads_as_its_golden_file() =>
        AssertMatchesGolden("ke-hoach.docx", WriteDocx(secondLead: false));

    [Fact]
    public void A_vertically_merged_task_with_a_second_lead_becomes_two_tasks()
    {
        var result = _importer.Import("ke-hoach.docx", WriteDocx(secondLead: true));
        var tasks = result.Extraction!.Plan.Tasks.Where(t => t.Section?.Id == "I" && t.Number == "2").ToList();

        Assert.Equal(2, tasks.Count);
        Assert.Equal(["Văn phòng HĐND và UBND", "Phòng Văn hóa - Thông tin"], tasks.Select(t => t.Lead));
        Assert.All(tasks, t => Assert.Equal("Công bố danh mục thủ tục hành chính", t.Content));
    }

    [Fact]
    public void Every_visible_sheet_of_a_workbook_is_read_and_a_hidden_one_is_not()
    {
        string[] header = ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời hạn"];
        var workbook = OfficeFiles.XlsxSheets(
            ("Bìa", [["ỦY BAN NHÂN DÂN TỈNH AN GIANG"], ["Số: 15/KH-UBND"], ["KẾ HOẠCH cải cách hành chính năm 2027"]], false),
            ("Phụ lục 1", [header, ["1", "Rà soát thủ tục hành chính", "Sở Tư pháp", "Quý I/2027"], ["2", "Số hóa hồ sơ lưu trữ", "Sở Nội vụ", "Quý II/2027"]], false),
            ("Nháp", [header, ["1", "Dòng nháp không ban hành", "Sở Y tế", "Quý I/2027"]], true),
            ("Phụ lục 2", [header, ["1", "Đánh giá chỉ số cải cách hành chính", "Sở Nội vụ", "Quý IV/2027"], ["2", "Tổng kết năm", "Văn phòng UBND tỉnh", "Tháng 12/2027"]], false));

        var tasks = new PlanImporter(new DeadlineParser()).Import("ke-hoach.xlsx", workbook).Extraction!.Plan.Tasks;

        Assert.Equal(
            ["Rà soát thủ tục hành chính", "Số hóa hồ sơ lưu trữ", "Đánh giá chỉ số cải cách hành chính", "Tổng kết năm"],
            tasks.Select(t => t.Content));
        Assert.Equal(["Quý I/2027", "Quý II/2027", "Quý IV/2027", "Tháng 12/2027"], tasks.Select(t => t.Deadline.Raw));
    }

    [Fact]
    public void An_Excel_sheet_reads_as_its_golden_file() => AssertMatchesGolden("ke-hoach.xlsx", WriteXlsx());

    [Fact]
    public void An_HTML_page_with_spans_inside_words_and_colspans_reads_as_its_golden_file()
    {
        var html = new StringBuilder("<html><body><p>KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2027</p>");
        html.Append($"<p><i>{OfficePlan.Reference}</i></p><table border=1><tr>");
        html.Append(string.Concat(OfficePlan.Header.Select(h => $"<th>{h}</th>")));
        html.Append("</tr>");
        foreach (var row in OfficePlan.Rows)
        {
            html.Append("<tr>");
            if (row.Length == 2)
            {
                html.Append($"<td><b>{row[0]}</b></td><td colspan=\"5\"><b>{row[1]}</b></td>");
            }
            else
            {
                // Portals split words with formatting tags: "R<span>à</span> soát".
                html.Append(string.Concat(row.Select(c => $"<td><p>{c.Replace("Rà soát", "R<span style=\"x\">à</span> soát", StringComparison.Ordinal)}</p></td>")));
            }

            html.Append("</tr>");
        }

        html.Append("</table></body></html>");
        AssertMatchesGolden("ke-hoach.html", Encoding.UTF8.GetBytes(html.ToString()));
    }

    [Fact]
    public void A_text_PDF_is_rebuilt_into_columns_from_word_positions() => AssertMatchesGolden("ke-hoach.pdf", WritePdf());

    [Theory]
    [InlineData("ke-hoach.docx")]
    [InlineData("ke-hoach.xlsx")]
    [InlineData("ke-hoach.pdf")]
    public void A_truncated_file_is_refused_with_a_reason(string name)
    {
        var whole = name.EndsWith("docx", StringComparison.Ordinal) ? WriteDocx(false) : name.EndsWith("xlsx", StringComparison.Ordinal) ? WriteXlsx() : WritePdf();

        var result = _importer.Import(name, whole[..(whole.Length / 2)]);

        Assert.Null(result.Extraction);
        Assert.False(string.IsNullOrWhiteSpace(result.Failure!.Vietnamese));
    }

    [Fact]
    public void A_scanned_PDF_without_text_says_that_OCR_is_not_available()
    {
        var builder = new PdfDocumentBuilder();
        builder.AddPage(PageSize.A4);

        var result = new PlanImporter(new DeadlineParser()) { Recognizer = null }.Import("scan.pdf", builder.Build());

        Assert.Contains("OCR", result.Failure!.Vietnamese, StringComparison.Ordinal);
    }

    private static byte[] WriteDocx(bool secondLead)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new W.Body(Paragraph("PHỤ LỤC"), Paragraph(OfficePlan.Title), Paragraph(OfficePlan.Reference));
            var table = new W.Table(Row(OfficePlan.Header.Select(h => Cell(h)).ToArray()));
            foreach (var row in OfficePlan.Rows)
            {
                if (row.Length == 2)
                {
                    table.Append(Row(Cell(row[0]), Cell(row[1], gridSpan: 5)));
                }
                else if (secondLead && row[0] == "2")
                {
                    table.Append(Row(Cell(row[0], merge: W.MergedCellValues.Restart), Cell(row[1], merge: W.MergedCellValues.Restart), Cell(row[2]), Cell(row[3]), Cell(row[4]), Cell(row[5])));
                    table.Append(Row(Cell("", merge: W.MergedCellValues.Continue), Cell("", merge: W.MergedCellValues.Continue), Cell("Phòng Văn hóa - Thông tin"), Cell(""), Cell("Trước 30/6/2027"), Cell("")));
                }
                else
                {
                    table.Append(Row(row.Select(c => Cell(c)).ToArray()));
                }
            }

            body.Append(table);
            main.Document = new W.Document(body);
        }

        return stream.ToArray();

        static W.Paragraph Paragraph(string text) => new(new W.Run(new W.Text(text)));
        static W.TableRow Row(params W.TableCell[] cells) => new(cells);
        static W.TableCell Cell(string text, int gridSpan = 1, W.MergedCellValues? merge = null)
        {
            var properties = new W.TableCellProperties();
            if (gridSpan > 1)
            {
                properties.Append(new W.GridSpan { Val = gridSpan });
            }

            if (merge is { } value)
            {
                properties.Append(new W.VerticalMerge { Val = value });
            }

            // A cell's text over two paragraphs, as Word users type it.
            var words = text.Split(' ');
            var half = words.Length / 2;
            var paragraphs = words.Length > 4
                ? new[] { string.Join(' ', words[..half]), string.Join(' ', words[half..]) }
                : [text];
            return new W.TableCell(new OpenXmlElement[] { properties }.Concat(paragraphs.Select(p => new W.Paragraph(new W.Run(new W.Text(p))))));
        }
    }

    private static byte[] WriteXlsx()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var rows = new List<string[]> { new[] { "PHỤ LỤC" }, new[] { OfficePlan.Title }, new[] { OfficePlan.Reference }, OfficePlan.Header };
            rows.AddRange(OfficePlan.Rows);
            for (var r = 0; r < rows.Count; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    if (rows[r][c].Length == 0)
                    {
                        continue;
                    }

                    row.Append(new Cell
                    {
                        CellReference = $"{(char)('A' + c)}{r + 1}",
                        DataType = CellValues.InlineString,
                        InlineString = new InlineString(new Text(rows[r][c])),
                    });
                }

                data.Append(row);
            }

            sheetPart.Worksheet = new Worksheet(data, new MergeCells(new MergeCell { Reference = "B5:F5" }, new MergeCell { Reference = "B8:F8" }));
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Phụ lục" }));
        }

        return stream.ToArray();
    }

    private static byte[] WritePdf()
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddTrueTypeFont(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "fonts", "DejaVuSans.ttf")));
        var page = builder.AddPage(PageSize.A4);
        double[] x = [30, 60, 230, 330, 430, 510];
        double[] width = [25, 160, 95, 95, 75, 60];
        var y = 800.0;
        page.AddText(OfficePlan.Title, 11, new PdfPoint(150, y), font);
        y -= 16;
        page.AddText(OfficePlan.Reference, 9, new PdfPoint(60, y), font);
        y -= 30;
        var headerLines = 1;
        for (var c = 0; c < OfficePlan.Header.Length; c++)
        {
            var wrapped = Wrap(OfficePlan.Header[c], (int)(width[c] / 5.5));
            for (var l = 0; l < wrapped.Count; l++)
            {
                page.AddText(wrapped[l], 8, new PdfPoint(x[c], y - (l * 11)), font);
            }

            headerLines = Math.Max(headerLines, wrapped.Count);
        }

        y -= (headerLines * 11) + 10;
        foreach (var row in OfficePlan.Rows)
        {
            var lines = 1;
            for (var c = 0; c < row.Length; c++)
            {
                // Wrap each cell to its column, as a PDF table does: the extra lines are rows of their own.
                var wrapped = Wrap(row[c], (int)(width[c] / 5.5));
                for (var l = 0; l < wrapped.Count; l++)
                {
                    page.AddText(wrapped[l], 8, new PdfPoint(x[c], y - (l * 11)), font);
                }

                lines = Math.Max(lines, wrapped.Count);
            }

            y -= (lines * 11) + 8;
        }

        page.AddText("1", 8, new PdfPoint(300, 20), font);
        return builder.Build();

        static List<string> Wrap(string text, int columns)
        {
            var lines = new List<string>();
            var current = new StringBuilder();
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (current.Length > 0 && current.Length + 1 + word.Length > columns)
                {
                    lines.Add(current.ToString());
                    current.Clear();
                }

                current.Append(current.Length > 0 ? " " : string.Empty).Append(word);
            }

            if (current.Length > 0)
            {
                lines.Add(current.ToString());
            }

            return lines;
        }
    }
}
