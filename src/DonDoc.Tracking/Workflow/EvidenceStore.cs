using System.IO.Compression;
using System.Security.Cryptography;
using DonDoc.Core.Text;
using DonDoc.Import.Reading;
using DonDoc.Tracking.Formatting;
using DonDoc.Tracking.Workflow;
using Microsoft.Extensions.Logging;

namespace DonDoc.Tracking.Workflow;

/// <summary>A file as it arrived: its name as the user gave it and its bytes.</summary>
public sealed record UploadedFile(string FileName, byte[] Content);

/// <summary>A file still in the request: its name, its declared length, and how to read it.</summary>
public sealed record IncomingFile(string FileName, long Length, Func<Stream> OpenRead);

/// <summary>Where evidence files are kept and how large one may be.</summary>
/// <param name="Root">The directory (<c>Storage:EvidencePath</c>).</param>
/// <param name="MaxBytes">The largest file accepted (<c>Storage:MaxEvidenceBytes</c>).</param>
public sealed record EvidenceStorageOptions(string Root, long MaxBytes)
{
    public const long DefaultMaxBytes = 20L * 1024 * 1024;
}

/// <summary>What was stored: the type found in the content, the size, the SHA-256 that names the stored bytes.</summary>
public sealed record StoredFile(string FileName, string FileType, string ContentType, long SizeBytes, string Sha256)
{
    /// <summary>The row that names the stored file on a task (on one of its reports, or a checklist item).</summary>
    public Data.Tracking.EvidenceFileEntity Row(int taskId, int? reportId, int? checklistItemId, string uploadedBy, DateTimeOffset uploadedAt) => new()
    {
        TaskId = taskId,
        ReportId = reportId,
        ChecklistItemId = checklistItemId,
        FileName = FileName,
        FileType = FileType,
        ContentType = ContentType,
        SizeBytes = SizeBytes,
        Sha256 = Sha256,
        UploadedBy = uploadedBy,
        UploadedAt = uploadedAt,
    };
}

/// <summary>
/// Evidence files, outside the database: each stored once under <c>Storage:EvidencePath</c>, named by
/// its SHA-256. Types are checked by content (pdf, docx, xlsx, jpg, png); a file whose name claims
/// another type than its content is refused.
/// </summary>
public sealed class EvidenceStore(EvidenceStorageOptions options, ILogger<EvidenceStore> logger)
{
    public long MaxBytes { get; } = options.MaxBytes;

    private string Root { get; } = Path.GetFullPath(options.Root);

    /// <summary>Reads uploaded files into memory, refusing one over the limit before reading it.</summary>
    public async Task<IReadOnlyList<UploadedFile>> ReadAsync(IEnumerable<IncomingFile> files, CancellationToken cancellationToken)
    {
        var uploaded = new List<UploadedFile>();
        foreach (var file in files)
        {
            if (file.Length > MaxBytes)
            {
                throw WorkflowException.Invalid(
                    $"Tệp \"{file.FileName}\" quá lớn; tối đa {VietnameseFormat.Number(MaxBytes / 1024 / 1024)} MB.",
                    $"evidence {file.FileName} too large: {file.Length} bytes");
            }

            using var buffer = new MemoryStream();
            await using (var stream = file.OpenRead())
            {
                await stream.CopyToAsync(buffer, cancellationToken);
            }

            uploaded.Add(new UploadedFile(file.FileName, buffer.ToArray()));
        }

        return uploaded;
    }

    /// <summary>Checks every file before anything is written, so a refused upload stores nothing.</summary>
    public IReadOnlyList<(UploadedFile File, string Type)> Check(IReadOnlyList<UploadedFile> files)
    {
        var checkedFiles = new List<(UploadedFile, string)>();
        foreach (var file in files)
        {
            var name = Path.GetFileName(file.FileName);
            if (file.Content.LongLength > MaxBytes)
            {
                throw WorkflowException.Invalid(
                    $"Tệp \"{name}\" quá lớn ({VietnameseFormat.Number(file.Content.LongLength / 1024)} KB); tối đa {VietnameseFormat.Number(MaxBytes / 1024 / 1024)} MB.",
                    $"evidence {name} too large: {file.Content.LongLength} bytes");
            }

            if (TextNormalizer.FindForbiddenInName(name) is { } forbidden)
            {
                throw WorkflowException.Invalid(
                    $"Tên tệp \"{TextNormalizer.Normalize(name)}\" có ký tự điều khiển hoặc ký tự ẩn ({TextNormalizer.Describe(forbidden)}); hãy đổi tên tệp.",
                    $"evidence name holds {TextNormalizer.Describe(forbidden)}");
            }

            var type = Sniff(file.Content);
            if (type is "docx" or "xlsx" && PackageProblem(file.Content) is { } problem)
            {
                throw WorkflowException.Invalid($"Tệp \"{name}\" bị từ chối: {problem}.", $"evidence {name}: unsafe package");
            }

            if (type is null)
            {
                throw WorkflowException.Invalid(
                    $"Tệp \"{name}\" không phải PDF, Word (.docx), Excel (.xlsx), JPG hay PNG.",
                    $"evidence {name}: content is not an accepted type");
            }

            var claimed = Path.GetExtension(name).TrimStart('.').ToLowerInvariant() switch
            {
                "jpeg" => "jpg",
                var other => other,
            };
            if (claimed != type)
            {
                throw WorkflowException.Invalid(
                    $"Tệp \"{name}\" có phần mở rộng .{claimed} nhưng nội dung là {type.ToUpperInvariant()}; hãy đặt đúng tên tệp.",
                    $"evidence {name}: extension .{claimed} but content {type}");
            }

            checkedFiles.Add((file, type));
        }

        return checkedFiles;
    }

    /// <summary>
    /// Begins an upload: files are written under temporary names, and move into place only when
    /// <see cref="EvidenceUpload.Complete"/> is called after the database committed the rows that name them.
    /// An upload disposed without completing (a refusal, a lost race, a crash) removes its files.
    /// </summary>
    public EvidenceUpload BeginUpload() => new(this);

    internal async Task<(StoredFile Stored, string Temporary, string Final)> StageAsync(UploadedFile file, string type, CancellationToken cancellationToken)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(file.Content));
        var path = PathOf(sha);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + TemporarySuffix;
        await File.WriteAllBytesAsync(temporary, file.Content, cancellationToken);
        return (new StoredFile(Path.GetFileName(file.FileName), type, ContentTypeOf(type), file.Content.LongLength, sha), temporary, path);
    }

    internal void MoveIntoPlace(string temporary, string final)
    {
        if (File.Exists(final))
        {
            File.Delete(temporary); // the same bytes are stored already
            return;
        }

        File.Move(temporary, final, overwrite: true);
        logger.LogInformation("Stored evidence {Sha} ({Bytes} bytes)", Path.GetFileName(final), new FileInfo(final).Length);
    }

    internal void Remove(string temporary)
    {
        try
        {
            File.Delete(temporary);
        }
        catch (IOException error)
        {
            // The sweep at the next start removes it.
            logger.LogWarning(error, "Could not remove the unused upload {File}", temporary);
        }
    }

    /// <summary>The end of a temporary upload's name: "{sha}.{guid}.tmp".</summary>
    public const string TemporarySuffix = ".tmp";

    /// <summary>The folder evidence is stored under.</summary>
    public string RootDirectory => Root;

    /// <summary>Where the file of this SHA-256 lives.</summary>
    public string PathOf(string sha) => Path.Combine(Root, sha[..2], sha);

    public Stream OpenRead(string sha) => File.OpenRead(PathOf(sha));

    public static string ContentTypeOf(string type) => type switch
    {
        "pdf" => "application/pdf",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "jpg" => "image/jpeg",
        "png" => "image/png",
        _ => "application/octet-stream",
    };

    /// <summary>The type the bytes are, whatever the name says.</summary>
    public static string? Sniff(byte[] content)
    {
        ReadOnlySpan<byte> bytes = content;
        if (bytes.StartsWith("%PDF-"u8))
        {
            return "pdf";
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "png";
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "jpg";
        }

        if (!bytes.StartsWith("PK\u0003\u0004"u8))
        {
            return null;
        }

        return OfficeType(content);
    }

    private const string WordMainType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private const string ExcelMainType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    private const string OfficeDocumentRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";

    /// <summary>The largest [Content_Types].xml or _rels/.rels read: real ones are a few kilobytes.</summary>
    private const int MaxPackagePartBytes = 256 * 1024;

    /// <summary>
    /// A real Office file points from its package relationships (_rels/.rels) to its main part, holds that
    /// part, and declares it in [Content_Types].xml with the type of a Word document or an Excel workbook:
    /// a zip that merely holds a "word/document.xml" is not one.
    /// </summary>
    private static string? OfficeType(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var relationships = ReadSmallXml(zip, "_rels/.rels");
            var types = ReadSmallXml(zip, "[Content_Types].xml");
            var target = relationships?.Root?.Elements()
                .FirstOrDefault(e => e.Name.LocalName == "Relationship" && (string?)e.Attribute("Type") == OfficeDocumentRelationship)
                ?.Attribute("Target")?.Value;
            if (types?.Root is null || string.IsNullOrEmpty(target))
            {
                return null;
            }

            var part = "/" + target.TrimStart('/');
            if (zip.GetEntry(part[1..]) is null)
            {
                return null;
            }

            var declared = types.Root.Elements()
                .FirstOrDefault(e => e.Name.LocalName == "Override" && string.Equals((string?)e.Attribute("PartName"), part, StringComparison.OrdinalIgnoreCase))
                ?.Attribute("ContentType")?.Value
                // A part without an Override takes its extension's Default (the OpenXML SDK declares the main part so).
                ?? types.Root.Elements()
                    .FirstOrDefault(e => e.Name.LocalName == "Default" && string.Equals((string?)e.Attribute("Extension"), Path.GetExtension(part).TrimStart('.'), StringComparison.OrdinalIgnoreCase))
                    ?.Attribute("ContentType")?.Value;
            return declared switch
            {
                WordMainType => "docx",
                ExcelMainType => "xlsx",
                _ => null,
            };
        }
        catch (Exception error) when (error is InvalidDataException or System.Xml.XmlException)
        {
            return null;
        }
    }

    private static System.Xml.Linq.XDocument? ReadSmallXml(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name);
        if (entry is null || entry.Length > MaxPackagePartBytes)
        {
            return null;
        }

        using var stream = entry.Open();
        using var reader = System.Xml.XmlReader.Create(stream, new System.Xml.XmlReaderSettings
        {
            DtdProcessing = System.Xml.DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxPackagePartBytes,
        });
        return System.Xml.Linq.XDocument.Load(reader);
    }

    /// <summary>Why an Office file is refused although it is one: parts that unpack far past their packed size (a zip bomb), too many parts.</summary>
    public static string? PackageProblem(byte[] content)
    {
        try
        {
            OfficePackage.CheckSize(content, ImportLimits.Default);
            return null;
        }
        catch (ReadRefusedException refused)
        {
            return refused.Failure.Vietnamese;
        }
    }
}

/// <summary>
/// The files of one change, written under temporary names until the change is committed. Complete it after
/// the transaction commits; dispose it in every case, so that the files of a change that did not happen go.
/// </summary>
public sealed class EvidenceUpload(EvidenceStore store) : IDisposable
{
    private readonly List<(string Temporary, string Final)> _staged = [];
    private bool _completed;

    public async Task<StoredFile> AddAsync(UploadedFile file, string type, CancellationToken cancellationToken)
    {
        var (stored, temporary, final) = await store.StageAsync(file, type, cancellationToken);
        _staged.Add((temporary, final));
        return stored;
    }

    /// <summary>Moves the files into place: the rows that name them are committed.</summary>
    public void Complete()
    {
        foreach (var (temporary, final) in _staged)
        {
            store.MoveIntoPlace(temporary, final);
        }

        _completed = true;
    }

    public void Dispose()
    {
        if (!_completed)
        {
            foreach (var (temporary, _) in _staged)
            {
                store.Remove(temporary);
            }
        }
    }
}
