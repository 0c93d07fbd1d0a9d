using System.Text;

namespace DonDoc.Import.Reading;

/// <summary>What a file is, by its content; the extension only breaks a tie that the content leaves.</summary>
public enum FileKind
{
    Unknown,
    Empty,
    Text,
    Html,
    Docx,
    Xlsx,
    Pdf,

    /// <summary>Word 97–2003 or Excel 97–2003 (an OLE compound file).</summary>
    LegacyOffice,

    /// <summary>A zip that is neither a Word nor an Excel document (PowerPoint, OpenDocument, an archive).</summary>
    OtherZip,

    /// <summary>A file named .docx/.xlsx that is not a zip at all.</summary>
    BrokenOffice,

    /// <summary>An image (a photo or scan of a page, not a PDF).</summary>
    Image,

    /// <summary>Rich Text Format.</summary>
    Rtf,

    Binary,
}

/// <summary>Tells a file's kind from its first bytes and structure.</summary>
public static class FileKindDetector
{
    private static readonly HashSet<string> BinaryExtensions = new(StringComparer.Ordinal)
    {
        "pdf", "doc", "xls", "ppt", "pptx", "odt", "ods", "odp", "zip", "rar", "7z", "gz", "jpg", "jpeg", "png", "tif", "tiff", "gif", "exe",
    };

    public static FileKind Detect(string fileName, byte[] content)
    {
        if (content.Length == 0)
        {
            return FileKind.Empty;
        }

        var head = content.AsSpan(0, Math.Min(content.Length, 1024));
        if (head.IndexOf("%PDF-"u8) is >= 0 and < 1024)
        {
            return FileKind.Pdf;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            return FileKind.LegacyOffice;
        }

        var extension = Path.GetExtension(fileName).TrimStart('.').ToLowerInvariant();
        if (head.StartsWith("PK"u8))
        {
            return OfficePackage.Identify(content) switch
            {
                OfficePackage.Kind.Word => FileKind.Docx,
                OfficePackage.Kind.Excel => FileKind.Xlsx,
                OfficePackage.Kind.Broken => extension is "docx" or "xlsx" ? FileKind.BrokenOffice : FileKind.Binary,
                _ => FileKind.OtherZip,
            };
        }

        if (head.StartsWith("{\\rtf"u8))
        {
            return FileKind.Rtf;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G']) || head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])
            || head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8) || head.StartsWith("GIF8"u8))
        {
            return FileKind.Image;
        }

        if (extension is "docx" or "xlsx")
        {
            return FileKind.BrokenOffice;
        }

        if (LooksBinary(content))
        {
            return FileKind.Binary;
        }

        if (LooksLikeHtml(content))
        {
            // Portals serve HTML pages named .doc or .xls; they read as the pages they are.
            return FileKind.Html;
        }

        // Plain text under the name of a packaged or binary format is neither what it says nor a plan text.
        return BinaryExtensions.Contains(extension) ? FileKind.Unknown : FileKind.Text;
    }

    /// <summary>
    /// Markup that a browser would render as a page: a doctype or an html/body/table element near the start,
    /// or a document made mostly of block tags. A markdown file with a stray &lt;br&gt; in a cell is not HTML.
    /// </summary>
    private static bool LooksLikeHtml(byte[] content)
    {
        var text = TextDecoder.Decode(content.AsSpan(0, Math.Min(content.Length, 64 * 1024)))
            ?? Encoding.Latin1.GetString(content, 0, Math.Min(content.Length, 64 * 1024));
        var start = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        var opening = start[..Math.Min(start.Length, 2048)].ToLowerInvariant();
        if (opening.StartsWith("<!doctype html", StringComparison.Ordinal) || opening.StartsWith("<html", StringComparison.Ordinal)
            || opening.StartsWith("<?xml", StringComparison.Ordinal) && opening.Contains("<html", StringComparison.Ordinal))
        {
            return true;
        }

        if (!start.StartsWith('<'))
        {
            return false;
        }

        var lower = start.ToLowerInvariant();
        return lower.Contains("<body", StringComparison.Ordinal) || lower.Contains("<table", StringComparison.Ordinal)
            || lower.Contains("<p", StringComparison.Ordinal) || lower.Contains("<div", StringComparison.Ordinal);
    }

    /// <summary>Bytes that no text file has: NULs (outside UTF-16) or many control characters.</summary>
    public static bool LooksBinary(byte[] content)
    {
        var sample = content.AsSpan(0, Math.Min(content.Length, 8192));
        if (TextDecoder.IsUtf16(sample))
        {
            return false;
        }

        var controls = 0;
        foreach (var b in sample)
        {
            if (b == 0)
            {
                return true;
            }

            if (b < 32 && b is not (9 or 10 or 13 or 12))
            {
                controls++;
            }
        }

        return controls > sample.Length / 100 + 2;
    }
}
