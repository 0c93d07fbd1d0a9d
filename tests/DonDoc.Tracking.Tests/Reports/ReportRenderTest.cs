using DonDoc.Data.Storage;
using DonDoc.Tracking.Reports;
using DonDoc.Tracking.Tests.Hosting;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace DonDoc.Tracking.Tests.Reports;

/// <summary>The Word document as LibreOffice lays it out and prints it: page sizes, margins from the letters' positions, page numbers, figures.</summary>
public sealed class ReportRenderTest
{
    private const double PointsPerMm = 72 / 25.4;
    private const double Slack = 1.5; // points: rounding of twips and glyph side bearings

    [LibreOfficeFact]
    public async Task November_report_is_A4_with_a_landscape_appendix()
    {
        await using var app = await TrackingServices.CreateAsync(DatabaseProvider.Sqlite, NovemberPlan.Published);
        var report = await NovemberPlan.ReportAsync(app, await NovemberPlan.PublishAsync(app));

        var pdf = await LibreOffice.ToPdfAsync(ReportDocx.ToDocx(report), CancellationToken.None);

        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().ToList();
        Assert.True(pages.Count >= 3, $"{pages.Count} pages");
        var first = pages[0];
        Assert.Equal(595, first.Width, 1.0);   // A4 portrait, 210 × 297 mm
        Assert.Equal(842, first.Height, 1.0);
        var landscape = pages.Where(p => p.Width > p.Height).ToList();
        Assert.True(landscape.Count >= 2, $"{landscape.Count} landscape pages of {pages.Count}");
        Assert.All(landscape, p => { Assert.Equal(842, p.Width, 1.0); Assert.Equal(595, p.Height, 1.0); });
        Assert.Equal(landscape, pages.SkipWhile(p => p.Width < p.Height));

        foreach (var page in pages)
        {
            // The page number sits in the header, inside the top margin; the body keeps within the margins.
            var body = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value) && l.BoundingBox.Top < page.Height - (20 * PointsPerMm) + Slack).ToList();
            Assert.NotEmpty(body);
            Assert.True(body.Min(l => l.BoundingBox.Left) >= (30 * PointsPerMm) - Slack, $"page {page.Number}: left edge {body.Min(l => l.BoundingBox.Left) / PointsPerMm:0.0} mm");
            Assert.True(body.Max(l => l.BoundingBox.Right) <= page.Width - (15 * PointsPerMm) + Slack, $"page {page.Number}: right edge {(page.Width - body.Max(l => l.BoundingBox.Right)) / PointsPerMm:0.0} mm");
            Assert.True(body.Min(l => l.BoundingBox.Bottom) >= (20 * PointsPerMm) - Slack, $"page {page.Number}: bottom edge {body.Min(l => l.BoundingBox.Bottom) / PointsPerMm:0.0} mm");
            var header = page.GetWords().Where(w => w.BoundingBox.Bottom > page.Height - (20 * PointsPerMm)).ToList();
            if (page.Number == 1)
            {
                Assert.Empty(header);
            }
            else
            {
                var number = Assert.Single(header);
                Assert.Equal(page.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), number.Text);
                var centre = (30 * PointsPerMm) + ((page.Width - (45 * PointsPerMm)) / 2);
                Assert.InRange((number.BoundingBox.Left + number.BoundingBox.Right) / 2, centre - 10, centre + 10);
            }
        }

        var text = string.Join(' ', pages.Take(pages.Count - landscape.Count).Select(Words));
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text);
        Assert.Contains("BÁO CÁO", text);
        Assert.Contains("Kết quả thực hiện Kế hoạch số 41/KH-UBND tháng 11/2026", text);
        Assert.Contains("có 35 nhiệm vụ", text);
        Assert.Contains("quá hạn 2 nhiệm vụ", text);
        // The overdue list: the days late on the line of the due date.
        var portrait = pages.Take(pages.Count - landscape.Count).SelectMany(p => p.GetWords()).ToList();
        Assert.Contains(portrait, w => w.Text == "46" && portrait.Any(d => d.Text == "15/10/2026" && Math.Abs(d.BoundingBox.Bottom - w.BoundingBox.Bottom) < 2));
        Assert.Contains(portrait, w => w.Text == "10" && portrait.Any(d => d.Text == "20/11/2026" && Math.Abs(d.BoundingBox.Bottom - w.BoundingBox.Bottom) < 2));
        Assert.Contains("Nơi nhận:", text);
        // The header row repeats on every landscape page.
        Assert.All(landscape, p => Assert.Contains("STT Nội dung nhiệm vụ Cơ quan chủ trì Thời hạn Tình trạng Kết quả", Words(p)));
        Assert.Contains("60% – Đã kiểm tra 5 trên 8 huyện.", string.Join(' ', landscape.Select(Words)));
    }

    private static string Words(Page page) => string.Join(' ', page.GetWords().Select(w => w.Text));
}
