using System.IO.Compression;
using System.Security.Cryptography;
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
public sealed record StoredFile(string FileName, string FileType, string ContentType, long SizeBytes, string Sha256);

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

            var type = Sniff(file.Content);
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

    public async Task<StoredFile> SaveAsync(UploadedFile file, string type, CancellationToken cancellationToken)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(file.Content));
        var path = PathOf(sha);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            await File.WriteAllBytesAsync(temporary, file.Content, cancellationToken);
            File.Move(temporary, path, overwrite: true);
            logger.LogInformation("Stored evidence {Sha} ({Bytes} bytes)", sha, file.Content.Length);
        }

        return new StoredFile(Path.GetFileName(file.FileName), type, ContentTypeOf(type), file.Content.LongLength, sha);
    }

    public Stream OpenRead(string sha) => File.OpenRead(PathOf(sha));

    private string PathOf(string sha) => Path.Combine(Root, sha[..2], sha);

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

        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            if (zip.GetEntry("word/document.xml") is not null)
            {
                return "docx";
            }

            return zip.GetEntry("xl/workbook.xml") is not null ? "xlsx" : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
