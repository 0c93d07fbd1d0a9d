using DonDoc.Core.Agencies;
using DonDoc.Core.Deadlines;
using DonDoc.Import.Extraction;
using DonDoc.Import.Reading;

namespace DonDoc.Import.Importing;

/// <summary>File → reader → extractor: the one entry point for importing a plan document.</summary>
public sealed class PlanImporter(PlanExtractor extractor, FlattenedTableExtractor flattened, PlanBodyExtractor body, AgencyDirectory agencies)
{
    public PlanImporter(DeadlineParser deadlines, AgencyDirectory? agencies = null)
        : this(new PlanExtractor(deadlines), new FlattenedTableExtractor(deadlines), new PlanBodyExtractor(deadlines), agencies ?? AgencyDirectory.Default)
    {
    }

    public AgencyDirectory Agencies => agencies;

    /// <summary>The largest file accepted (20 MB).</summary>
    public const long MaxFileBytes = 20 * 1024 * 1024;

    private readonly TextFileReader _text = new();

    public ImportResult Import(string fileName, byte[] content, string format = "auto")
    {
        if (content.LongLength > MaxFileBytes)
        {
            return ImportResult.Fail($"tệp quá lớn ({content.LongLength / 1024 / 1024} MB; tối đa 20 MB)", $"file too large ({content.LongLength} bytes)");
        }

        var kind = format == "auto" ? DetectFormat(fileName, content) : format;
        ReadResult read;
        switch (kind)
        {
            case "tsv" or "pdftext" or "txt":
                read = _text.Read(fileName, content);
                break;
            case "docx":
                read = new DocxReader().Read(fileName, content);
                break;
            case "xlsx":
                read = new XlsxReader().Read(fileName, content);
                break;
            case "pdf":
                read = new PdfReader().Read(fileName, content);
                break;
            case "html":
                read = new HtmlReader().Read(fileName, content);
                break;
            case "doc" or "xls":
                return ImportResult.Fail($"định dạng .{kind} (Office 97–2003) chưa được hỗ trợ; hãy lưu lại thành .{kind}x", $"legacy format {kind} is not supported");
            case "broken-docx" or "broken-xlsx":
                return ImportResult.Fail($"tệp \"{Path.GetFileName(fileName)}\" không phải tệp Office hợp lệ (bị hỏng hoặc sai phần mở rộng)", $"{fileName} is not an Office (zip) file");
            default:
                return ImportResult.Fail($"không nhận ra định dạng của tệp \"{Path.GetFileName(fileName)}\"", $"unknown format \"{kind}\" for {fileName}");
        }

        if (read.Document is null)
        {
            return new ImportResult(null, read.Failure);
        }

        var hasCells = read.Document.Lines.Any(l => l.IsTableRow);
        var extraction = hasCells
            ? extractor.Extract(read.Document)
            : flattened.TryExtract(read.Document) ?? body.TryExtract(read.Document) ?? extractor.Extract(read.Document);
        if (extraction.Plan.Tasks.Count == 0)
        {
            return ImportResult.Fail("không tìm thấy bảng nhiệm vụ nào trong tệp", "no task table found in the file");
        }

        // "Một việc một đầu mối": every task must end with one lead agency of the directory.
        var leadWarnings = extraction.Plan.Tasks
            .Select(task => (task, problem: LeadRule.Check(agencies.Resolve(task.Lead))))
            .Where(x => x.problem is not null)
            .Select(x => new ExtractionWarning(0, "lead_rule",
                $"Nhiệm vụ {x.task.Section?.Id}{(x.task.Section is null ? "" : ".")}{x.task.Number}: {x.problem!.Reason} Lựa chọn: {string.Join("; ", x.problem.Choices.Select(c => c.ToVietnamese()))}."));
        return new ImportResult(extraction with { Warnings = [.. extraction.Warnings, .. leadWarnings] }, null);
    }

    private static string DetectFormat(string fileName, byte[] content)
    {
        var extension = Path.GetExtension(fileName).TrimStart('.').ToLowerInvariant();
        if (content.Length >= 4 && content[0] == (byte)'%' && content[1] == (byte)'P' && content[2] == (byte)'D' && content[3] == (byte)'F')
        {
            return "pdf";
        }

        var zip = content.Length >= 4 && content[0] == (byte)'P' && content[1] == (byte)'K';
        return extension switch
        {
            "txt" or "tsv" or "" when content.Length > 0 && content[0] == (byte)'<' => "html",
            "txt" or "tsv" or "" => "txt",
            "htm" or "html" => "html",
            "docx" or "xlsx" when !zip => "broken-" + extension,
            _ => extension,
        };
    }
}

/// <summary>An extraction, or why the file could not be read.</summary>
public sealed record ImportResult(Extraction.Extraction? Extraction, ReadFailure? Failure)
{
    public static ImportResult Fail(string vietnamese, string english) => new(null, new ReadFailure(vietnamese, english));
}
