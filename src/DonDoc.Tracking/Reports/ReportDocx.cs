using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using DonDoc.Tracking.Formatting;

namespace DonDoc.Tracking.Reports;

/// <summary>
/// The consolidated report as a Word document in the layout of Nghị định 30/2020/NĐ-CP, Phụ lục I: A4, margins
/// top and bottom 20 mm, left 31 mm, right 18 mm; Times New Roman 14 (tables 12); issuer and national motto side by
/// side; number and place-date; "BÁO CÁO" and the summary; numbered sections; recipients and signature; the
/// appendix of every task in a landscape section whose header row repeats; page numbers centred at the top from page 2.
/// </summary>
public static class ReportDocx
{
    // Sizes in twentieths of a point (twips) and half-points, as WordprocessingML counts them.
    public const int A4Width = 11906;
    public const int A4Height = 16838;
    public const int MarginTop = 1134;      // 20 mm
    public const int MarginBottom = 1134;   // 20 mm
    public const int MarginLeft = 1758;     // 31 mm
    public const int MarginRight = 1021;    // 18 mm
    public const int BodySize = 28;         // 14 pt
    public const int TableSize = 24;        // 12 pt
    private const int SmallSize = 26;       // 13 pt
    private const int NoteSize = 22;        // 11 pt: the recipients' list
    private const string Font = "Times New Roman";
    private const int PortraitText = A4Width - MarginLeft - MarginRight;
    private const int LandscapeText = A4Height - MarginLeft - MarginRight;

    public static byte[] ToDocx(ConsolidatedReport report)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            var first = main.AddNewPart<HeaderPart>();
            first.Header = new Header(new Paragraph());
            var numbered = main.AddNewPart<HeaderPart>();
            numbered.Header = new Header(new Paragraph(
                new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
                new SimpleField(new Run(new RunProperties(new FontSize { Val = SmallSize.ToString() }), new Text("2"))) { Instruction = " PAGE " }));
            var firstId = main.GetIdOfPart(first);
            var numberedId = main.GetIdOfPart(numbered);

            var body = new Body();
            Heading(body, report.Heading);
            foreach (var section in report.Sections)
            {
                body.Append(Para($"{section.Numeral}. {section.Heading}", bold: true, before: 120));
                if (section.WithFigures)
                {
                    Figures(body, report);
                }
                else
                {
                    foreach (var paragraph in section.Paragraphs)
                    {
                        body.Append(Body(paragraph));
                    }
                }
            }

            body.Append(Para(string.Empty));
            body.Append(Signature(report));
            // The portrait part ends here: a title page whose header is empty, then numbered pages.
            body.Append(new Paragraph(new ParagraphProperties(Section(portrait: true, firstId, numberedId))));
            Appendix(body, report);
            body.Append(Section(portrait: false, null, numberedId));
            main.Document = new Document(body);
            document.PackageProperties.Title = $"{report.Heading.Title} {report.Heading.Summary}";
            document.PackageProperties.Language = "vi-VN";
        }

        return stream.ToArray();
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                    new FontSize { Val = BodySize.ToString() },
                    new FontSizeComplexScript { Val = BodySize.ToString() },
                    new Languages { Val = "vi-VN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "0", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            new Style(new StyleName { Val = "Table Grid" }, new StyleTableProperties(new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })))
            { Type = StyleValues.Table, StyleId = "TableGrid" });
    }

    private static SectionProperties Section(bool portrait, string? firstHeaderId, string headerId)
    {
        var section = new SectionProperties();
        section.Append(new HeaderReference { Type = HeaderFooterValues.Default, Id = headerId });
        if (firstHeaderId is not null)
        {
            section.Append(new HeaderReference { Type = HeaderFooterValues.First, Id = firstHeaderId });
        }

        section.Append(new SectionType { Val = SectionMarkValues.NextPage });
        section.Append(portrait
            ? new PageSize { Width = A4Width, Height = A4Height }
            : new PageSize { Width = A4Height, Height = A4Width, Orient = PageOrientationValues.Landscape });
        section.Append(new PageMargin { Top = MarginTop, Bottom = MarginBottom, Left = MarginLeft, Right = MarginRight, Header = 567, Footer = 567, Gutter = 0 });
        if (firstHeaderId is not null)
        {
            section.Append(new TitlePage());
        }

        return section;
    }

    private static void Heading(Body body, ReportHeading heading)
    {
        // Issuer beside the national motto (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II: ô số 1, 2), then number and place-date (ô 3, 4).
        var left = new List<Paragraph>();
        if (heading.ParentIssuer is { } parent)
        {
            left.Add(Para(parent.ToUpperInvariant(), size: SmallSize, align: JustificationValues.Center));
        }

        left.Add(Para(heading.Issuer, bold: true, size: SmallSize, align: JustificationValues.Center, underline: true));
        var right = new List<Paragraph>
        {
            Para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, size: TableSize, align: JustificationValues.Center),
            Para("Độc lập - Tự do - Hạnh phúc", bold: true, size: SmallSize, align: JustificationValues.Center, underline: true),
        };
        var table = Borderless([3600, PortraitText - 3600]);
        table.Append(Row([left, right]));
        table.Append(Row([
            [Para(heading.NumberLine, size: SmallSize, align: JustificationValues.Center, before: 120)],
            [Para(heading.PlaceAndDate, italic: true, size: BodySize, align: JustificationValues.Center, before: 120)],
        ]));
        body.Append(table);
        body.Append(Para(heading.Title, bold: true, align: JustificationValues.Center, before: 360));
        body.Append(Para(heading.Summary, bold: true, align: JustificationValues.Center, after: 240));
    }

    private static void Figures(Body body, ConsolidatedReport report)
    {
        var figures = report.Figures;
        // The figures in a sentence, then the office's (or the agencies') account of the results, then the tables.
        var section = report.Sections.First(s => s.WithFigures);
        foreach (var paragraph in section.Paragraphs)
        {
            body.Append(Body(paragraph));
        }

        body.Append(Para("1. Tổng hợp chung", bold: true, before: 120));
        var summary = Grid([700, 5100, 1700, PortraitText - 7500]);
        summary.Append(HeaderRow(["STT", "Chỉ tiêu", "Số nhiệm vụ", "Tỷ lệ"]));
        summary.Append(DataRow(["", "Tổng số nhiệm vụ", Count(figures.Total), Share(figures.Total, figures.Total)], [1, 2]));
        var order = 1;
        foreach (var bucket in figures.Buckets)
        {
            summary.Append(DataRow([Count(order++), bucket.Label, Count(bucket.Count), Share(bucket.Count, figures.Total)], [2, 3]));
        }

        foreach (var colour in figures.Colours)
        {
            summary.Append(DataRow(["", "– " + colour.Label, Count(colour.Count), Share(colour.Count, figures.Total)], [2, 3]));
        }

        body.Append(summary);
        body.Append(Para("2. Theo phần, lĩnh vực của kế hoạch", bold: true, before: 120));
        body.Append(GroupTable("Phần, lĩnh vực", figures.BySection));
        body.Append(Para("3. Theo cơ quan chủ trì", bold: true, before: 120));
        body.Append(GroupTable("Cơ quan chủ trì", figures.ByAgency));
        body.Append(Para("4. Nhiệm vụ quá hạn", bold: true, before: 120));
        if (figures.Overdue.Count == 0)
        {
            body.Append(Body("Không có nhiệm vụ quá hạn."));
            return;
        }

        body.Append(Body($"Các nhiệm vụ quá hạn ({VietnameseFormat.Number(figures.Overdue.Count)}) được liệt kê dưới đây, nhiều ngày quá hạn nhất trước."));

        var overdue = Grid([700, 3700, 2100, 1500, PortraitText - 8000]);
        overdue.Append(HeaderRow(["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời hạn", "Số ngày quá hạn"]));
        foreach (var row in figures.Overdue)
        {
            overdue.Append(DataRow([Count(row.Order), row.Content, row.Lead, VietnameseFormat.Date(row.Due), Count(row.DaysLate)], [0, 3, 4]));
        }

        body.Append(overdue);
    }

    private static Table GroupTable(string name, IReadOnlyList<GroupCount> groups)
    {
        var width = PortraitText - 700 - (4 * 1150);
        var table = Grid([700, width, 1150, 1150, 1150, 1150]);
        table.Append(HeaderRow(["STT", name, "Tổng số", "Đã hoàn thành", "Trong hạn", "Quá hạn"]));
        var i = 1;
        foreach (var group in groups)
        {
            table.Append(DataRow([Count(i++), group.Name, Count(group.Total), Count(group.Done), Count(group.WithinDeadline), Count(group.Overdue)], [0, 2, 3, 4, 5]));
        }

        return table;
    }

    private static Table Signature(ConsolidatedReport report)
    {
        var left = new List<Paragraph> { Para("Nơi nhận:", bold: true, italic: true, size: TableSize) };
        left.AddRange(report.Recipients.Select(r => Para(r, size: NoteSize)));
        var right = new List<Paragraph>();
        if (report.Signature.Authority is { } authority)
        {
            right.Add(Para(authority, bold: true, align: JustificationValues.Center));
        }

        right.Add(Para(report.Signature.Position, bold: true, align: JustificationValues.Center));
        right.AddRange(Enumerable.Range(0, 4).Select(_ => Para(string.Empty)));
        right.Add(Para(report.Signature.Signer, bold: true, align: JustificationValues.Center));
        var table = Borderless([PortraitText / 2, PortraitText - (PortraitText / 2)]);
        table.Append(new TableRow(new TableRowProperties(new CantSplit()), Cell(PortraitText / 2, left), Cell(PortraitText - (PortraitText / 2), right)));
        return table;
    }

    private static void Appendix(Body body, ConsolidatedReport report)
    {
        body.Append(Para("Phụ lục", bold: true, align: JustificationValues.Center));
        body.Append(Para($"DANH MỤC NHIỆM VỤ VÀ TÌNH HÌNH THỰC HIỆN {report.Heading.Period.ToVietnamese().ToUpperInvariant()}", bold: true, align: JustificationValues.Center));
        body.Append(Para($"(Kèm theo Báo cáo {report.Heading.NumberLine.Replace("Số:", "số", StringComparison.Ordinal)} về {Lower(report.Heading.Summary)})", italic: true, align: JustificationValues.Center, after: 240));
        int[] widths = [700, 5000, 2400, 1700, 1900, LandscapeText - 11700];
        var table = Grid(widths);
        table.Append(HeaderRow(["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời hạn", "Tình trạng", "Kết quả"]));
        foreach (var row in report.Appendix)
        {
            table.Append(DataRow([Count(row.Order), row.Content, row.Lead, row.DueText, row.Status, row.Result], [0, 3]));
        }

        body.Append(table);
        body.Append(Para(string.Empty));
    }

    private static string Lower(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];

    private static string Count(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Share(int count, int total) => total == 0 ? "–" : VietnameseFormat.Percent((double)count / total);

    private static Paragraph Body(string text) => Para(text, align: JustificationValues.Both, indent: 567, after: 120);

    private static Paragraph Para(
        string text, bool bold = false, bool italic = false, int size = BodySize, JustificationValues? align = null,
        int indent = 0, int before = 0, int after = 0, bool underline = false)
    {
        var properties = new ParagraphProperties();
        if (before > 0 || after > 0)
        {
            properties.Append(new SpacingBetweenLines { Before = before.ToString(), After = after.ToString() });
        }

        if (indent > 0)
        {
            properties.Append(new Indentation { FirstLine = indent.ToString() });
        }

        if (align is { } justification)
        {
            properties.Append(new Justification { Val = justification });
        }

        var run = new RunProperties();
        if (bold)
        {
            run.Append(new Bold());
        }

        if (italic)
        {
            run.Append(new Italic());
        }

        if (underline)
        {
            // The short rule under the issuer and the motto is drawn as their underline.
            run.Append(new Underline { Val = UnderlineValues.Single });
        }

        if (size != BodySize)
        {
            run.Append(new FontSize { Val = size.ToString() });
            run.Append(new FontSizeComplexScript { Val = size.ToString() });
        }

        return new Paragraph(properties, new Run(run, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static Table Borderless(int[] widths)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Width = widths.Sum().ToString(), Type = TableWidthUnitValues.Dxa },
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableBorders(
                new TopBorder { Val = BorderValues.None }, new LeftBorder { Val = BorderValues.None },
                new BottomBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None },
                new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None })));
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString() })));
        return table;
    }

    private static Table Grid(int[] widths)
    {
        var table = new Table(new TableProperties(
            new TableStyle { Val = "TableGrid" },
            new TableWidth { Width = widths.Sum().ToString(), Type = TableWidthUnitValues.Dxa },
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
            new TableCellMarginDefault(new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa }, new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa })));
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString() })));
        return table;
    }

    private static TableRow Row(IReadOnlyList<IReadOnlyList<Paragraph>> cells)
    {
        var row = new TableRow();
        foreach (var cell in cells)
        {
            row.Append(new TableCell(cell));
        }

        return row;
    }

    private static TableCell Cell(int width, IEnumerable<Paragraph> paragraphs)
    {
        var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = width.ToString(), Type = TableWidthUnitValues.Dxa }));
        cell.Append(paragraphs);
        return cell;
    }

    /// <summary>The header row of a table: bold, centred, repeated at the top of every page the table runs onto.</summary>
    private static TableRow HeaderRow(IReadOnlyList<string> titles)
    {
        var row = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        foreach (var title in titles)
        {
            row.Append(new TableCell(
                new TableCellProperties(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center }),
                Para(title, bold: true, size: TableSize, align: JustificationValues.Center)));
        }

        return row;
    }

    private static TableRow DataRow(IReadOnlyList<string> values, IReadOnlyList<int> centred)
    {
        var row = new TableRow(new TableRowProperties(new CantSplit()));
        for (var i = 0; i < values.Count; i++)
        {
            row.Append(new TableCell(Para(values[i], size: TableSize, align: centred.Contains(i) ? JustificationValues.Center : JustificationValues.Left)));
        }

        return row;
    }
}
