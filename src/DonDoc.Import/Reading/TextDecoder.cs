using System.Text;

namespace DonDoc.Import.Reading;

/// <summary>
/// The text of a file's bytes: UTF-8 with or without a byte-order mark, UTF-16 with a mark (or without one
/// when every other byte is zero), or Windows-1258 — the Vietnamese ANSI code page of old Windows text
/// files — when every byte beyond ASCII reads in it as a Vietnamese letter, tone mark or punctuation.
/// </summary>
public static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The text, or null when the bytes are in no encoding recognised with confidence.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, string? declaredCharset = null)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return TryUtf8(bytes[3..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(bytes[2..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }

        if (Utf16WithoutMark(bytes) is { } utf16)
        {
            return utf16.GetString(bytes);
        }

        if (TryUtf8(bytes) is { } utf8)
        {
            return utf8;
        }

        var declared = declaredCharset?.Trim().ToLowerInvariant();
        if (declared is "windows-1258" or "cp1258")
        {
            return Windows1258().GetString(bytes);
        }

        var candidate = Windows1258().GetString(bytes);
        return ReadsAsVietnamese(candidate) ? candidate.Normalize(NormalizationForm.FormC) : null;
    }

    /// <summary>Whether the text has bytes that must be decoded before it can be read (zero bytes of UTF-16).</summary>
    public static bool IsUtf16(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || Utf16WithoutMark(bytes) is not null;

    private static string? TryUtf8(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>UTF-16 without a byte-order mark: most characters are ASCII, so one byte of each pair is zero.</summary>
    private static Encoding? Utf16WithoutMark(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..(Math.Min(bytes.Length, 4096) & ~1)];
        if (sample.Length < 8)
        {
            return null;
        }

        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < sample.Length; i += 2)
        {
            evenZeros += sample[i] == 0 ? 1 : 0;
            oddZeros += sample[i + 1] == 0 ? 1 : 0;
        }

        var pairs = sample.Length / 2;
        if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.02)
        {
            return Encoding.Unicode;
        }

        return evenZeros > pairs * 0.3 && oddZeros < pairs * 0.02 ? Encoding.BigEndianUnicode : null;
    }

    private static Encoding Windows1258() => CodePagesEncodingProvider.Instance.GetEncoding(1258)!;

    private const string Vowels = "aăâeêioôơuưyáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ";

    /// <summary>
    /// Every character beyond ASCII is a Vietnamese letter, a tone mark after a vowel, or typographic
    /// punctuation — and there is at least one Vietnamese letter. A file in another code page (Windows-1252
    /// French, Cyrillic, a binary) fails on its first foreign letter or misplaced mark.
    /// </summary>
    private static bool ReadsAsVietnamese(string text)
    {
        int vietnamese = 0, foreign = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x80)
            {
                continue;
            }

            if (c is '\u0300' or '\u0301' or '\u0303' or '\u0309' or '\u0323')
            {
                var previous = i > 0 ? char.ToLowerInvariant(text[i - 1]) : ' ';
                if (Vowels.Contains(previous, StringComparison.Ordinal))
                {
                    vietnamese++;
                }
                else
                {
                    foreign++;
                }
            }
            else if (Vowels.Contains(char.ToLowerInvariant(c), StringComparison.Ordinal) || c is 'đ' or 'Đ')
            {
                vietnamese++;
            }
            else if (c is '\u00A0' or '“' or '”' or '‘' or '’' or '–' or '—' or '…' or '•' or '°' or '«' or '»' or '§' or '©' or '×')
            {
                continue;
            }
            else
            {
                foreign++;
            }
        }

        return vietnamese > 0 && foreign * 50 <= vietnamese;
    }
}
