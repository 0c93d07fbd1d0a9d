using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DonDoc.Core.Agencies;
using DonDoc.Core.Deadlines;
using DonDoc.Import.Importing;
using S = DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace DonDoc.Benchmarks;

/// <summary>
/// A whole import (kind detection, reader, extraction, agencies, deadlines) of one 4,000-row plan in each form a user
/// uploads: rows per second = 4,000 / mean time. The inputs are written in <see cref="Setup"/>: Word and Excel with the
/// OpenXML SDK, HTML, markdown and tab-separated text as strings, the PDFs by LibreOffice from the Word file (ruled
/// and borderless), the pdftotext forms by poppler's pdftotext from the ruled PDF. One operation takes seconds, so
/// the job is a monitoring one (one warm-up, five measured runs), not the default micro-benchmark job.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ReaderBenchmark
{
    public const int Rows = 4_000;

    private static readonly string[] Header = ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Sản phẩm"];
    private static readonly string[] Leads = ["Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính", "Văn phòng UBND tỉnh", "Sở Khoa học và Công nghệ", "Sở Y tế"];
    private static readonly string[] Coordinators = ["Các sở, ban, ngành", "UBND các xã, phường", "", "Sở Nội vụ; Sở Tư pháp"];
    private static readonly string[] Deadlines = ["Quý III/2026", "Chậm nhất ngày 15/6/2026", "Thường xuyên", "Tháng 12/2026", "Hằng quý", "Năm 2026"];
    private static readonly string[] Objects =
    [
        "danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của tỉnh", "hệ thống quản lý văn bản và điều hành",
        "cơ sở dữ liệu hộ tịch điện tử", "bộ chỉ số đánh giá mức độ hài lòng của người dân",
        "quy trình nội bộ giải quyết thủ tục hành chính gắn với mô hình chính quyền địa phương hai cấp",
    ];

    private byte[] _content = [];
    private string _fileName = string.Empty;
    private readonly PlanImporter _importer = new(new DeadlineParser(), AgencyDirectory.Default);

    [Params("docx", "xlsx", "pdf-ruled", "pdf-borderless", "html", "md", "txt-tab", "txt-pdftotext-layout", "txt-pdftotext")]
    public string Form { get; set; } = "docx";

    [GlobalSetup]
    public void Setup()
    {
        (_fileName, _content) = Form switch
        {
            "docx" => ("ke-hoach.docx", Docx(ruled: true)),
            "xlsx" => ("ke-hoach.xlsx", Xlsx()),
            "pdf-ruled" => ("ke-hoach.pdf", Pdf(ruled: true)),
            "pdf-borderless" => ("ke-hoach.pdf", Pdf(ruled: false)),
            "html" => ("ke-hoach.html", Encoding.UTF8.GetBytes(Html())),
            "md" => ("ke-hoach.md", Encoding.UTF8.GetBytes(Markdown())),
            "txt-tab" => ("ke-hoach.txt", Encoding.UTF8.GetBytes(Tabbed())),
            "txt-pdftotext-layout" => ("ke-hoach.txt", PdfToText(Pdf(ruled: true), layout: true)),
            "txt-pdftotext" => ("ke-hoach.txt", PdfToText(Pdf(ruled: true), layout: false)),
            _ => throw new ArgumentException(Form),
        };

        // Throughput means nothing if the rows are not read: say how many were, beside the timing.
        var result = _importer.Import(_fileName, _content);
        Console.WriteLine($"// {Form}: {_content.Length:N0} bytes, {result.Extraction?.Plan.Tasks.Count ?? 0} of {Rows} rows read{(result.Failure is { } f ? ", refused: " + f.English : "")}");
    }

    /// <summary>One operation imports the whole 4,000-row file.</summary>
    [Benchmark]
    public int ImportFourThousandRows() => _importer.Import(_fileName, _content).Extraction?.Plan.Tasks.Count ?? 0;

    private static IEnumerable<string[]> Table()
    {
        for (var i = 1; i <= Rows; i++)
        {
            if (i % 50 == 1)
            {
                var group = (i / 50) + 1;
                yield return [Roman(group), $"NHÓM NHIỆM VỤ SỐ {group}", "", "", "", ""];
            }

            yield return
            [
                ((i - 1) % 50 + 1).ToString(CultureInfo.InvariantCulture),
                $"Triển khai nhiệm vụ số {i}: rà soát, nâng cấp {Objects[i % Objects.Length]}",
                Leads[i % Leads.Length], Coordinators[i % Coordinators.Length], Deadlines[i % Deadlines.Length], i % 2 == 0 ? "Báo cáo" : "Kế hoạch",
            ];
        }
    }

    private static readonly string[] Preamble =
    [
        "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP", "Số: 310/KH-UBND", "Đồng Tháp, ngày 19 tháng 11 năm 2025", "KẾ HOẠCH",
        "Cải cách hành chính và chuyển đổi số năm 2026",
    ];

    private static byte[] Docx(bool ruled)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new W.Body();
            foreach (var line in Preamble)
            {
                body.Append(new W.Paragraph(new W.Run(new W.Text(line))));
            }

            var table = new W.Table();
            var properties = new W.TableProperties(new W.TableWidth { Width = "5000", Type = W.TableWidthUnitValues.Pct });
            if (ruled)
            {
                properties.Append(new W.TableBorders(
                    new W.TopBorder { Val = W.BorderValues.Single, Size = 4 }, new W.BottomBorder { Val = W.BorderValues.Single, Size = 4 },
                    new W.LeftBorder { Val = W.BorderValues.Single, Size = 4 }, new W.RightBorder { Val = W.BorderValues.Single, Size = 4 },
                    new W.InsideHorizontalBorder { Val = W.BorderValues.Single, Size = 4 }, new W.InsideVerticalBorder { Val = W.BorderValues.Single, Size = 4 }));
            }

            table.Append(properties);
            table.Append(new W.TableGrid([.. new[] { 700, 5200, 2300, 2800, 1700, 2100 }.Select(w => new W.GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })]));
            table.Append(DocxRow(Header, header: true));
            foreach (var row in Table())
            {
                table.Append(DocxRow(row, header: false));
            }

            body.Append(table);
            // A landscape A4 page, as appendices are printed.
            body.Append(new W.SectionProperties(new W.PageSize { Width = 16838, Height = 11906, Orient = W.PageOrientationValues.Landscape },
                new W.PageMargin { Top = 1000, Bottom = 1000, Left = 1000, Right = 1000 }));
            main.Document = new W.Document(body);
        }

        return stream.ToArray();
    }

    private static W.TableRow DocxRow(string[] cells, bool header)
    {
        var row = new W.TableRow();
        if (header)
        {
            row.Append(new W.TableRowProperties(new W.TableHeader()));
        }

        foreach (var text in cells)
        {
            row.Append(new W.TableCell(new W.Paragraph(new W.Run(new W.Text(text) { Space = SpaceProcessingModeValues.Preserve }))));
        }

        return row;
    }

    private static byte[] Xlsx()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new S.Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new S.SheetData();
            var rowIndex = 1u;
            foreach (var line in Preamble)
            {
                data.Append(XlsxRow(rowIndex++, [line]));
            }

            data.Append(XlsxRow(rowIndex++, Header));
            foreach (var row in Table())
            {
                data.Append(XlsxRow(rowIndex++, row));
            }

            sheetPart.Worksheet = new S.Worksheet(data);
            workbook.Workbook.Append(new S.Sheets(new S.Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Phụ lục" }));
        }

        return stream.ToArray();
    }

    private static S.Row XlsxRow(uint index, string[] cells)
    {
        var row = new S.Row { RowIndex = index };
        for (var c = 0; c < cells.Length; c++)
        {
            if (cells[c].Length > 0)
            {
                row.Append(new S.Cell
                {
                    CellReference = $"{(char)('A' + c)}{index}",
                    DataType = S.CellValues.InlineString,
                    InlineString = new S.InlineString(new S.Text(cells[c])),
                });
            }
        }

        return row;
    }

    private static string Html()
    {
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Kế hoạch</title></head><body>");
        foreach (var line in Preamble)
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(line)).Append("</p>");
        }

        html.Append("<table border=\"1\"><tr>").AppendJoin("", Header.Select(h => $"<th>{WebUtility.HtmlEncode(h)}</th>")).Append("</tr>");
        foreach (var row in Table())
        {
            html.Append("<tr>").AppendJoin("", row.Select(c => $"<td>{WebUtility.HtmlEncode(c)}</td>")).Append("</tr>\n");
        }

        return html.Append("</table></body></html>").ToString();
    }

    private static string Markdown()
    {
        var md = new StringBuilder();
        foreach (var line in Preamble)
        {
            md.Append(line).Append("\n\n");
        }

        md.Append("| ").AppendJoin(" | ", Header).Append(" |\n|").Append(string.Concat(Enumerable.Repeat(" --- |", Header.Length))).Append('\n');
        foreach (var row in Table())
        {
            md.Append("| ").AppendJoin(" | ", row).Append(" |\n");
        }

        return md.ToString();
    }

    private static string Tabbed()
    {
        var text = new StringBuilder();
        foreach (var line in Preamble)
        {
            text.Append(line).Append('\n');
        }

        text.AppendJoin('\t', Header).Append('\n');
        foreach (var row in Table())
        {
            text.AppendJoin('\t', row).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>LibreOffice's PDF of the Word form; kept in the temp folder, since each benchmark case runs in its own process.</summary>
    private static byte[] Pdf(bool ruled)
    {
        var folder = Path.Combine(Path.GetTempPath(), "dondoc-reader-benchmark");
        var pdf = Path.Combine(folder, ruled ? "ruled.pdf" : "borderless.pdf");
        if (!File.Exists(pdf))
        {
            Directory.CreateDirectory(folder);
            var docx = Path.ChangeExtension(pdf, ".docx");
            File.WriteAllBytes(docx, Docx(ruled));
            Run("soffice", $"-env:UserInstallation=file://{folder}/profile --headless --convert-to pdf --outdir {folder} {docx}");
        }

        return File.ReadAllBytes(pdf);
    }

    private static byte[] PdfToText(byte[] pdf, bool layout)
    {
        var folder = Path.Combine(Path.GetTempPath(), "dondoc-reader-benchmark");
        var input = Path.Combine(folder, "pdftotext-input.pdf");
        var output = Path.Combine(folder, layout ? "layout.txt" : "plain.txt");
        File.WriteAllBytes(input, pdf);
        Run("pdftotext", $"{(layout ? "-layout " : "")}{input} {output}");
        return File.ReadAllBytes(output);
    }

    private static void Run(string tool, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"{tool} did not start");
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {arguments} exited with {process.ExitCode}: {process.StandardError.ReadToEnd()}");
        }
    }

    private static string Roman(int n)
    {
        string[] hundreds = ["", "C", "CC", "CCC"];
        string[] tens = ["", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC"];
        string[] ones = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"];
        return hundreds[(n / 100) % 10] + tens[(n / 10) % 10] + ones[n % 10];
    }
}
