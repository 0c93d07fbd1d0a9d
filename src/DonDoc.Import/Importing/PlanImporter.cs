using DonDoc.Core.Agencies;
using DonDoc.Core.Deadlines;
using DonDoc.Import.Exchange;
using DonDoc.Import.Extraction;
using DonDoc.Import.Reading;

namespace DonDoc.Import.Importing;

/// <summary>
/// File → reader → extractor: the one entry point for importing a plan document. The reader is chosen by
/// the file's content, not its name; the whole import runs within <see cref="ImportLimits"/>, and the
/// caller's cancellation or the time budget, whichever comes first, stops it.
/// </summary>
public sealed class PlanImporter(PlanExtractor extractor, FlattenedTableExtractor flattened, PlanBodyExtractor body, AgencyDirectory agencies)
{
    public PlanImporter(DeadlineParser deadlines, AgencyDirectory? agencies = null)
        : this(new PlanExtractor(deadlines, agencies), new FlattenedTableExtractor(deadlines), new PlanBodyExtractor(deadlines), agencies ?? AgencyDirectory.Default)
    {
    }

    public AgencyDirectory Agencies => agencies;

    /// <summary>The largest file accepted (20 MB).</summary>
    public const long MaxFileBytes = 20 * 1024 * 1024;

    public ImportLimits Limits { get; init; } = ImportLimits.Default;

    /// <summary>The clock of the time budget.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Reads scanned PDFs when Tesseract and pdftoppm are installed; null refuses them.</summary>
    public PageRecognizer? Recognizer { get; init; } = PageRecognizer.FromPath();

    /// <param name="format">auto (by content) or one of tsv, pdftext, txt, md, html, docx, xlsx, pdf.</param>
    /// <exception cref="OperationCanceledException">The caller's token was cancelled.</exception>
    public ImportResult Import(string fileName, byte[] content, string format = "auto", CancellationToken cancellationToken = default)
    {
        if (content.LongLength > Math.Min(MaxFileBytes, Limits.MaxFileBytes))
        {
            return ImportResult.Fail($"tệp quá lớn ({content.LongLength / 1024 / 1024} MB; tối đa {Limits.MaxFileBytes / 1024 / 1024} MB)", $"file too large ({content.LongLength} bytes)");
        }

        using var budgetTimer = new CancellationTokenSource(Limits.TimeBudget, Clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budgetTimer.Token);
        var budget = new ReadBudget(Limits, linked.Token);
        try
        {
            return Run(fileName, content, format, budget);
        }
        catch (ReadRefusedException refused)
        {
            return new ImportResult(null, refused.Failure);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ImportResult.Fail(
                $"tệp cần quá nhiều thời gian để đọc (quá {Limits.TimeBudget.TotalSeconds:0} giây); hãy tách tệp hoặc lưu lại dưới dạng Word/Excel",
                $"the import ran past its time budget of {Limits.TimeBudget}");
        }
    }

    private ImportResult Run(string fileName, byte[] content, string format, ReadBudget budget)
    {
        var kind = format switch
        {
            "auto" => FileKindDetector.Detect(fileName, content),
            "tsv" or "pdftext" or "txt" or "md" => FileKind.Text,
            "html" => FileKind.Html,
            "docx" => FileKind.Docx,
            "xlsx" => FileKind.Xlsx,
            "pdf" => FileKind.Pdf,
            _ => FileKind.Unknown,
        };
        var name = Path.GetFileName(fileName);
        ReadResult read;
        switch (kind)
        {
            case FileKind.Text when ExchangeJson.LooksLikeJson(content):
                // JSON is read as a plan in the exchange format (shared/SCHEMA.md's shape), or refused.
                var exchange = ExchangeJson.Read(content, extractor.Deadlines);
                // Each task is a row of the task table: the same bound on cells as a table read from a document.
                budget.AddCells(exchange.Tasks.Count * ExchangeJson.FieldsPerTask);
                budget.ThrowIfCancelled();
                return Finish(ExchangeExtraction.From(exchange), recognised: false);
            case FileKind.Text:
                read = new TextFileReader().Read(fileName, content, budget);
                break;
            case FileKind.Html:
                read = new HtmlReader().Read(fileName, content, budget);
                break;
            case FileKind.Docx:
                read = new DocxReader().Read(fileName, content, budget);
                break;
            case FileKind.Xlsx:
                read = new XlsxReader().Read(fileName, content, budget);
                break;
            case FileKind.Pdf:
                read = new PdfReader { Recognizer = Recognizer }.Read(fileName, content, budget);
                break;
            case FileKind.Empty:
                return ImportResult.Fail("tệp rỗng, không có nội dung", "the file is empty");
            case FileKind.LegacyOffice:
                return ImportResult.Fail("định dạng Word/Excel 97–2003 (.doc, .xls) chưa được hỗ trợ; hãy lưu lại thành .docx hoặc .xlsx", "legacy Office (OLE) file is not supported");
            case FileKind.BrokenOffice:
                return ImportResult.Fail($"tệp \"{name}\" không phải tệp Office hợp lệ (bị hỏng hoặc sai phần mở rộng)", $"{fileName} is not an Office (zip) file");
            case FileKind.OtherZip:
                return ImportResult.Fail($"tệp \"{name}\" là tệp nén nhưng không phải tài liệu Word (.docx) hay Excel (.xlsx)", $"{fileName} is a zip but not a Word or Excel document");
            case FileKind.Image:
                return ImportResult.Fail($"tệp \"{name}\" là tệp ảnh; hãy tải lên bản PDF, Word hoặc Excel của kế hoạch", $"{fileName} is an image");
            case FileKind.Rtf:
                return ImportResult.Fail("định dạng RTF chưa được hỗ trợ; hãy lưu lại thành .docx", "RTF is not supported");
            case FileKind.Binary:
                return ImportResult.Fail("tệp không phải văn bản (có thể là tệp nhị phân hoặc bị hỏng)", "the file is not text (binary content)");
            default:
                return ImportResult.Fail($"không nhận ra định dạng của tệp \"{name}\"", $"unknown format \"{format}\" for {fileName}");
        }

        if (read.Document is null)
        {
            return new ImportResult(null, read.Failure);
        }

        budget.ThrowIfCancelled();
        if (kind == FileKind.Xlsx && ExchangeWorkbook.IsExchange(read.Document))
        {
            return Finish(ExchangeExtraction.From(ExchangeWorkbook.Read(read.Document, extractor.Deadlines)), recognised: false);
        }

        var hasCells = read.Document.Lines.Any(l => l.IsTableRow);
        // A document with tables of which none is a task table (a prose plan whose header block is a table) reads as text.
        var grid = hasCells ? extractor.Extract(read.Document) : null;
        var extraction = grid is { TableLine: not null }
            ? grid
            : flattened.TryExtract(read.Document, budget.CancellationToken) ?? body.TryExtract(read.Document) ?? grid ?? extractor.Extract(read.Document);
        if (extraction.TableLine is { } tableLine)
        {
            // A plan whose body assigns work in labelled items ("b) Cơ quan chủ trì: …") besides its appendix table.
            var before = read.Document with { Lines = read.Document.Lines.Where(l => l.Number < tableLine && !l.IsTableRow).ToList() };
            if (body.TryExtract(before, labelledOnly: true) is { } prose)
            {
                extraction = extraction.WithBodyTasks(prose);
            }
        }

        budget.ThrowIfCancelled();
        // The plan's own words about reporting ("Tổ chức thực hiện: … báo cáo trước ngày 23 hằng tháng") come first; a task
        // about reporting with its deadline cell ("Báo cáo tình hình … – Ngày 25 hằng tháng") when the body states none.
        var cycle = Core.Reports.ReportCycleReader.Read(Paragraphs(read.Document))
            ?? Core.Reports.ReportCycleReader.Read(extraction.Plan.Tasks.SelectMany(t => new[] { t.Section?.Title, $"{t.Content} – {t.Deadline.Raw}" }).Distinct());
        extraction = extraction with { CycleProposal = cycle };
        return Finish(extraction, read.Document.Lines.Any(l => l.Recognised));
    }

    /// <summary>
    /// The document's prose as the reader of a reporting cycle takes it: lines joined into paragraphs of a few lines, since a
    /// sentence ("… định kỳ báo cáo kết quả về Sở Nội vụ trước ngày 15/12") wraps; a table's rows are its tasks, read apart,
    /// but a row of one cell (a borderless layout, a heading) is prose.
    /// </summary>
    private static IEnumerable<string> Paragraphs(SourceDocument document)
    {
        var paragraph = new System.Text.StringBuilder();
        foreach (var line in document.Lines.Where(l => !l.IsTableRow || l.Cells!.Count(c => !string.IsNullOrWhiteSpace(c)) <= 1))
        {
            // A paragraph ends where a sentence does, not at a gap (a page saved from the web breaks its lines anywhere),
            // and is kept short: lines of a table printed as text, joined without end, would put "báo cáo" of one cell
            // beside "hằng tháng" of another.
            if (line.IsTableRow || paragraph.Length > 400 || (paragraph.Length > 0 && ".!?;".Contains(paragraph[^1], StringComparison.Ordinal)))
            {
                if (paragraph.Length > 0)
                {
                    yield return paragraph.ToString();
                    paragraph.Clear();
                }
            }

            var text = line.IsTableRow ? line.Cells!.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c)) ?? "" : line.Raw;
            // A line break inside a line (a web page's source) is a space, as it is on the page.
            var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            paragraph.Append(paragraph.Length > 0 && words.Length > 0 ? " " : "").AppendJoin(' ', words);
        }

        if (paragraph.Length > 0)
        {
            yield return paragraph.ToString();
        }
    }

    /// <summary>The checks every import ends with: tasks found, one lead each, coordinators known, scans flagged.</summary>
    private ImportResult Finish(Extraction.Extraction extraction, bool recognised)
    {
        if (extraction.Plan.Tasks.Count == 0)
        {
            return ImportResult.Fail("không tìm thấy bảng nhiệm vụ nào trong tệp", "no task table found in the file");
        }

        // "Một việc một đầu mối": every task must end with one lead agency of the directory, read in the issuer's plan.
        var inPlan = agencies.InPlanOf(extraction.Plan.Issuer);
        var leadWarnings = extraction.Plan.Tasks
            .Select((task, index) => (task, index, problem: LeadRule.Check(inPlan.Resolve(task.Lead))))
            .Where(x => x.problem is not null)
            .Select(x => new ExtractionWarning(0, "lead_rule",
                $"Nhiệm vụ {x.task.Section?.Id}{(x.task.Section?.Id is null ? "" : ".")}{x.task.Number}: {x.problem!.Reason} Lựa chọn: {string.Join("; ", x.problem.Choices.Select(c => c.ToVietnamese()))}.")
            { Task = x.index });
        // A coordinator the directory does not know is shown on its row too (an unknown lead is a lead_rule warning).
        var coordinatorWarnings = extraction.Plan.Tasks
            .Select((task, index) => (task, index, unknown: inPlan.Resolve(task.Coordinators).Where(m => m.Kind == AgencyMatchKind.Unknown).ToList()))
            .Where(x => x.unknown.Count > 0)
            .Select(x => new ExtractionWarning(0, "unknown_agency",
                $"Nhiệm vụ {x.task.Section?.Id}{(x.task.Section?.Id is null ? "" : ".")}{x.task.Number}: cơ quan phối hợp chưa có trong danh mục: {string.Join("; ", x.unknown.Select(m => $"\"{m.Text}\""))}.")
            { Task = x.index });

        // A scan's text is what OCR made of it: every task is to be checked against the page.
        var recognitionWarnings = recognised
            ? extraction.Plan.Tasks.Select((task, index) => new ExtractionWarning(0, "ocr",
                $"Nhiệm vụ {task.Section?.Id}{(task.Section?.Id is null ? "" : ".")}{task.Number}: chữ được nhận dạng từ bản quét (OCR); cần đối chiếu từng ô với bản gốc trước khi ban hành.")
            { Task = index })
            : [];
        return new ImportResult(extraction with { Warnings = [.. extraction.Warnings, .. leadWarnings, .. coordinatorWarnings, .. recognitionWarnings] }, null);
    }
}

/// <summary>An extraction, or why the file could not be read.</summary>
public sealed record ImportResult(Extraction.Extraction? Extraction, ReadFailure? Failure)
{
    public static ImportResult Fail(string vietnamese, string english) => new(null, new ReadFailure(vietnamese, english));
}
