using System.IO.Compression;

namespace DonDoc.Import.Reading;

/// <summary>
/// Checks the zip of a .docx/.xlsx before any part is unpacked: how many parts, how large they declare
/// themselves unpacked, and how much they grow from their packed size. .NET reads an entry no further than
/// its declared size, so a part that lies about its size ends as broken XML, never as gigabytes.
/// </summary>
public static class OfficePackage
{
    public enum Kind
    {
        NotZip,

        /// <summary>Starts as a zip but cannot be opened as one (cut short, damaged).</summary>
        Broken,
        Zip,
        Word,
        Excel,
        PowerPoint,
        OpenDocument,
    }

    /// <summary>What an Office package is by its parts, whatever its name says.</summary>
    public static Kind Identify(byte[] content)
    {
        if (content.Length < 4 || content[0] != 'P' || content[1] != 'K')
        {
            return Kind.NotZip;
        }

        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var names = zip.Entries.Take(10_000).Select(e => e.FullName.TrimStart('/')).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (names.Contains("word/document.xml") || names.Any(n => n.StartsWith("word/", StringComparison.OrdinalIgnoreCase) && n.EndsWith("document.xml", StringComparison.OrdinalIgnoreCase)))
            {
                return Kind.Word;
            }

            if (names.Contains("xl/workbook.xml") || names.Any(n => n.StartsWith("xl/", StringComparison.OrdinalIgnoreCase) && n.EndsWith("workbook.xml", StringComparison.OrdinalIgnoreCase)))
            {
                return Kind.Excel;
            }

            if (names.Contains("ppt/presentation.xml"))
            {
                return Kind.PowerPoint;
            }

            return names.Contains("mimetype") && names.Contains("content.xml") ? Kind.OpenDocument : Kind.Zip;
        }
        catch (InvalidDataException)
        {
            return Kind.Broken;
        }
    }

    /// <summary>Refuses a package whose parts would unpack past the limits (a zip bomb).</summary>
    public static void CheckSize(byte[] content, ImportLimits limits)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > limits.MaxPackageParts)
            {
                throw ReadRefusedException.Because(
                    $"tệp Office có quá nhiều thành phần ({zip.Entries.Count:N0}; tối đa {limits.MaxPackageParts:N0})",
                    $"the package has {zip.Entries.Count} parts (limit {limits.MaxPackageParts})");
            }

            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (total > limits.MaxUnpackedBytes)
                {
                    throw ReadRefusedException.Because(
                        $"tệp Office khi giải nén quá lớn (hơn {limits.MaxUnpackedBytes / 1024 / 1024} MB); có thể là tệp độc hại (zip bomb)",
                        $"the package unpacks to more than {limits.MaxUnpackedBytes} bytes");
                }

                // Small parts may pack very tightly (a row of identical empty cells); only large ones are judged.
                if (entry.Length > 1024 * 1024 && entry.Length > (long)limits.MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
                {
                    throw ReadRefusedException.Because(
                        $"một thành phần của tệp Office nén bất thường (giải nén gấp {entry.Length / Math.Max(1, entry.CompressedLength):N0} lần); có thể là tệp độc hại (zip bomb)",
                        $"part {entry.FullName} unpacks {entry.Length} bytes from {entry.CompressedLength}");
                }
            }
        }
        catch (InvalidDataException ex)
        {
            throw ReadRefusedException.Because("tệp Office bị hỏng (không giải nén được)", $"the package is not a valid zip: {ex.Message}");
        }
    }

    /// <summary>Whether an exception from the Office SDK means the file is broken (anything but running out of time or memory).</summary>
    public static bool IsBrokenFile(Exception exception) =>
        exception is not (OperationCanceledException or ReadRefusedException or OutOfMemoryException or InsufficientExecutionStackException);
}
