using System.Globalization;
using DonDoc.Import.Reading.Pdf;

namespace DonDoc.Import.Reading;

/// <summary>
/// Recognises the pages of a scanned PDF with Tesseract (Debian tesseract-ocr + tesseract-ocr-vie):
/// pdftoppm (poppler-utils) renders each page to a grey image, Tesseract gives its words with their boxes
/// (TSV, Vietnamese), and the image's long thin dark runs give the table's ruling lines, so that the page is
/// laid out like a text PDF. Every page it makes is marked as recognised, for a person to check.
/// </summary>
public sealed class PageRecognizer(string tesseract, string pdftoppm, string language = "vie")
{
    /// <summary>Pixels on the longer side of a rendered page (A4 at 300 dpi is 3,508).</summary>
    private const int MaxPixels = 3600;

    private const int Dpi = 300;

    /// <summary>The recognizer when both tools are on PATH, else null.</summary>
    public static PageRecognizer? FromPath() =>
        ExternalProcess.Find("tesseract") is { } tesseract && ExternalProcess.Find("pdftoppm") is { } pdftoppm
            ? new PageRecognizer(tesseract, pdftoppm)
            : null;

    public sealed record Result(List<PageContent> Pages, ReadFailure? Failure);

    /// <param name="sizes">Each page's width and height in points.</param>
    public Result Recognize(byte[] pdf, IReadOnlyList<(double Width, double Height)> sizes, ReadBudget budget)
    {
        if (sizes.Count > budget.Limits.MaxOcrPages)
        {
            return new Result([], new ReadFailure(
                $"tệp PDF là bản quét có {sizes.Count} trang; DonDoc chỉ nhận dạng chữ (OCR) bản quét tối đa {budget.Limits.MaxOcrPages} trang",
                $"the scanned PDF has {sizes.Count} pages (OCR limit {budget.Limits.MaxOcrPages})"));
        }

        var directory = Directory.CreateTempSubdirectory("dondoc-ocr-");
        try
        {
            var input = Path.Combine(directory.FullName, "scan.pdf");
            File.WriteAllBytes(input, pdf);
            var pages = new List<PageContent>();
            for (var p = 0; p < sizes.Count; p++)
            {
                budget.ThrowIfCancelled();
                var (width, height) = sizes[p];
                var dpi = Math.Min(Dpi, (int)(MaxPixels * 72 / Math.Max(1, Math.Max(width, height))));
                var image = Path.Combine(directory.FullName, $"page{p + 1}");
                var render = ExternalProcess.Run(
                    pdftoppm,
                    ["-r", dpi.ToString(CultureInfo.InvariantCulture), "-gray", "-f", (p + 1).ToString(CultureInfo.InvariantCulture), "-l", (p + 1).ToString(CultureInfo.InvariantCulture), "-singlefile", input, image],
                    budget.CancellationToken);
                if (render.ExitCode != 0 || !File.Exists(image + ".pgm"))
                {
                    return new Result([], new ReadFailure("không dựng được ảnh trang của tệp PDF để nhận dạng chữ", $"pdftoppm failed: {render.Error.Trim()}"));
                }

                var ocr = ExternalProcess.Run(
                    tesseract,
                    [image + ".pgm", "stdout", "-l", language, "--dpi", dpi.ToString(CultureInfo.InvariantCulture), "tsv"],
                    budget.CancellationToken,
                    new Dictionary<string, string> { ["OMP_THREAD_LIMIT"] = "1" });
                if (ocr.ExitCode != 0)
                {
                    return new Result([], new ReadFailure("phần mềm nhận dạng chữ (Tesseract) không đọc được trang quét", $"tesseract failed: {ocr.Error.Trim()}"));
                }

                var scale = 72.0 / dpi;
                var words = Words(ocr.Output, scale, height);
                var rulings = GreyImage.Read(File.ReadAllBytes(image + ".pgm")) is { } grey ? grey.Rulings(scale, height) : [];
                pages.Add(new PageContent(p + 1, width, height, words, rulings) { Recognised = true });
                File.Delete(image + ".pgm");
            }

            return new Result(pages, null);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>The words of Tesseract's TSV (level 5 rows), in points with y upwards.</summary>
    private static List<PageWord> Words(string tsv, double scale, double pageHeight)
    {
        var words = new List<PageWord>();
        foreach (var line in tsv.Split('\n'))
        {
            var f = line.TrimEnd('\r').Split('\t');
            if (f.Length < 12 || f[0] != "5" || string.IsNullOrWhiteSpace(f[11])
                || !double.TryParse(f[10], NumberStyles.Float, CultureInfo.InvariantCulture, out var confidence) || confidence < 0)
            {
                continue;
            }

            // Table rules next to a word come out as "|" or "_" stuck to it, or alone.
            var text = f[11].Trim().Trim('|', '_', '¦').Normalize(System.Text.NormalizationForm.FormC);
            if (text.Length == 0)
            {
                continue;
            }

            var left = int.Parse(f[6], CultureInfo.InvariantCulture) * scale;
            var top = int.Parse(f[7], CultureInfo.InvariantCulture) * scale;
            var width = int.Parse(f[8], CultureInfo.InvariantCulture) * scale;
            var height = int.Parse(f[9], CultureInfo.InvariantCulture) * scale;
            words.Add(new PageWord(text, left, pageHeight - top - height, left + width, pageHeight - top));
        }

        return words;
    }
}
