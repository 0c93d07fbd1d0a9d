using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using DonDoc.Data.Storage;
using DonDoc.Tracking.Reports;
using DonDoc.Tracking.Tests.Hosting;

namespace DonDoc.Tracking.Tests.Reports;

/// <summary>The Word document's layout as its XML states it (Nghị định 30/2020/NĐ-CP, Phụ lục I).</summary>
public sealed class ReportDocxTest
{
    private const double TwipsPerMm = 1440 / 25.4;

    [Fact]
    public async Task November_report_is_A4_with_the_decree_margins_fonts_and_a_landscape_appendix()
    {
        await using var app = await TrackingServices.CreateAsync(DatabaseProvider.Sqlite, NovemberPlan.Published);
        var report = await NovemberPlan.ReportAsync(app, await NovemberPlan.PublishAsync(app));

        using var document = WordprocessingDocument.Open(new MemoryStream(ReportDocx.ToDocx(report)), false);
        var main = document.MainDocumentPart!;
        var sections = main.Document.Descendants<SectionProperties>().ToList();
        Assert.Equal(2, sections.Count);

        var (title, appendix) = (sections[0], sections[1]);
        Assert.Equal(11906u, title.GetFirstChild<PageSize>()!.Width!.Value);
        Assert.Equal(16838u, title.GetFirstChild<PageSize>()!.Height!.Value);
        Assert.Null(title.GetFirstChild<PageSize>()!.Orient);
        Assert.Equal(DocumentFormat.OpenXml.Wordprocessing.PageOrientationValues.Landscape, appendix.GetFirstChild<PageSize>()!.Orient!.Value);
        Assert.Equal(16838u, appendix.GetFirstChild<PageSize>()!.Width!.Value);
        foreach (var section in sections)
        {
            var margin = section.GetFirstChild<PageMargin>()!;
            Assert.InRange(margin.Top!.Value / TwipsPerMm, 20, 25);
            Assert.InRange(margin.Bottom!.Value / TwipsPerMm, 20, 25);
            Assert.InRange(margin.Left!.Value / TwipsPerMm, 30, 35);
            Assert.InRange(margin.Right!.Value / TwipsPerMm, 15, 20);
        }

        // A title page: its own (empty) header; every other page the centred page number.
        Assert.NotNull(title.GetFirstChild<TitlePage>());
        Assert.Null(appendix.GetFirstChild<TitlePage>());
        var first = (HeaderPart)main.GetPartById(title.Elements<HeaderReference>().Single(h => h.Type!.Value == HeaderFooterValues.First).Id!);
        Assert.Empty(first.Header.Descendants<SimpleField>());
        var numbered = (HeaderPart)main.GetPartById(appendix.Elements<HeaderReference>().Single(h => h.Type!.Value == HeaderFooterValues.Default).Id!);
        Assert.Contains("PAGE", numbered.Header.Descendants<SimpleField>().Single().Instruction!.Value);
        Assert.Equal(JustificationValues.Center, numbered.Header.Descendants<Justification>().Single().Val!.Value);

        var defaults = main.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        Assert.Equal("Times New Roman", defaults.RunFonts!.Ascii!.Value);
        Assert.InRange(int.Parse(defaults.FontSize!.Val!.Value!) / 2.0, 13, 14);

        var tables = main.Document.Body!.Elements<Table>().ToList();
        var heading = tables[0];
        Assert.Equal(DocumentFormat.OpenXml.Wordprocessing.BorderValues.None, heading.GetFirstChild<TableProperties>()!.TableBorders!.TopBorder!.Val!.Value);
        var cells = heading.Elements<TableRow>().First().Elements<TableCell>().Select(c => c.InnerText).ToList();
        Assert.Equal(2, cells.Count);
        Assert.Contains("ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK", cells[0]);
        Assert.Equal("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc", cells[1]);
        var placeDate = heading.Elements<TableRow>().ElementAt(1).Elements<TableCell>().ElementAt(1).Descendants<Run>().Single();
        Assert.NotNull(placeDate.RunProperties!.Italic);
        Assert.StartsWith("Số:", heading.Elements<TableRow>().ElementAt(1).Elements<TableCell>().First().InnerText);

        var paragraphs = main.Document.Body.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Contains("BÁO CÁO", paragraphs);
        Assert.Contains("Kết quả thực hiện Kế hoạch số 41/KH-UBND tháng 11/2026", paragraphs);
        Assert.Contains("I. KẾT QUẢ THỰC HIỆN", paragraphs);
        Assert.Contains("IV. ĐỀ XUẤT, KIẾN NGHỊ", paragraphs);

        // The appendix table comes after the portrait section's break; its header row repeats on each page, at 12 pt.
        var table = tables[^1];
        var header = table.Elements<TableRow>().First();
        Assert.NotNull(header.TableRowProperties!.GetFirstChild<TableHeader>());
        Assert.Equal(["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời hạn", "Tình trạng", "Kết quả"], header.Elements<TableCell>().Select(c => c.InnerText));
        Assert.Equal(NovemberPlan.Tasks + 1, table.Elements<TableRow>().Count());
        Assert.All(table.Descendants<FontSize>(), size => Assert.InRange(int.Parse(size.Val!.Value!) / 2.0, 12, 13));
        Assert.Contains(tables[^2].Descendants<Paragraph>(), p => p.InnerText == "Nơi nhận:");
        Assert.Contains(tables[^2].Descendants<Paragraph>(), p => p.InnerText == "CHỦ TỊCH");
    }
}
