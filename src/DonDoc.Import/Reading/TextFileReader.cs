using System.Text;

namespace DonDoc.Import.Reading;

/// <summary>
/// Reads a <c>.txt</c> plan: lines with tab-separated (or "|"-separated) cells become table rows, other
/// lines stay text. Text extracted from PDFs, whose columns were flattened, comes out as text lines only.
/// </summary>
public sealed class TextFileReader
{
    public ReadResult Read(string fileName, byte[] content)
    {
        if (content.Length == 0)
        {
            return ReadResult.Fail("tệp rỗng, không có nội dung", "the file is empty");
        }

        if (LooksBinary(content))
        {
            return ReadResult.Fail("tệp không phải văn bản (có thể là tệp nhị phân hoặc bị hỏng)", "the file is not text (binary content)");
        }

        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return ReadResult.Fail("tệp văn bản không dùng bảng mã UTF-8", "the text file is not valid UTF-8");
        }

        return ReadResult.Ok(Parse(fileName, text));
    }

    public SourceDocument Parse(string fileName, string text)
    {
        text = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var rawLines = text.Split('\n');
        var tabbed = rawLines.Count(l => l.Count(c => c == '\t') >= 2);
        var piped = rawLines.Count(l => l.Trim().StartsWith('|') && l.Count(c => c == '|') >= 3);
        var lines = new List<SourceLine>(rawLines.Length);
        for (var i = 0; i < rawLines.Length; i++)
        {
            var raw = rawLines[i];
            IReadOnlyList<string>? cells = null;
            if (tabbed >= 2 && raw.Contains('\t', StringComparison.Ordinal))
            {
                cells = raw.Split('\t');
            }
            else if (piped >= 2 && raw.Trim().StartsWith('|') && raw.Count(c => c == '|') >= 3)
            {
                cells = SplitPiped(raw);
            }

            lines.Add(new SourceLine(i + 1, raw, cells));
        }

        return new SourceDocument(fileName, lines);
    }

    private static List<string> SplitPiped(string raw)
    {
        var trimmed = raw.Trim();
        var inner = trimmed.Substring(1, trimmed.EndsWith('|') && trimmed.Length > 1 ? trimmed.Length - 2 : trimmed.Length - 1);
        return inner.Split('|').ToList();
    }

    private static bool LooksBinary(byte[] content)
    {
        var sample = content.AsSpan(0, Math.Min(content.Length, 8192));
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
