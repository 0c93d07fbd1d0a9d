using System.Globalization;
using System.Text;

namespace DonDoc.Core.Text;

/// <summary>
/// What text typed or pasted by a person, or read from a file, becomes before it is compared, searched
/// or stored as a name: composed (NFC), without the invisible characters that make two equal-looking
/// strings differ (zero-width spaces and joiners, the byte-order mark, soft hyphens, bidirectional
/// marks and overrides) and without control characters other than tab and line breaks.
/// The search box, the deadline parser and every stored name call this one function.
/// </summary>
public static class TextNormalizer
{
    /// <summary>"Sở\u200B Tư pháp" (decomposed or not) → "Sở Tư pháp", composed.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        // Half a surrogate pair or a noncharacter (U+FFFE) is not text, and normalization throws on it.
        text = WithoutInvalidCodeUnits(text);
        var composed = ComposedText.Compose(text);
        var firstInvisible = IndexOfInvisible(composed, keepLineBreaks: true);
        if (firstInvisible < 0)
        {
            return composed;
        }

        var builder = new StringBuilder(composed.Length);
        builder.Append(composed, 0, firstInvisible);
        for (var i = firstInvisible; i < composed.Length; i++)
        {
            if (!IsInvisible(composed[i], keepLineBreaks: true))
            {
                builder.Append(composed[i]);
            }
        }

        return builder.ToString();
    }

    /// <inheritdoc cref="Normalize(string)"/>
    public static string? NormalizeOrNull(string? text) => text is null ? null : Normalize(text);

    /// <summary>
    /// The first character a file name must not hold: a control character (NUL, tab, line breaks
    /// included) or an invisible formatting character such as U+202E RIGHT-TO-LEFT OVERRIDE, which
    /// makes "hoadon‮fdp.exe" show as "hoadonexe.pdf"; null when there is none.
    /// </summary>
    public static char? FindForbiddenInName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var at = IndexOfInvisible(name, keepLineBreaks: false);
        return at < 0 ? null : name[at];
    }

    /// <summary>How a forbidden character is named in a message: "U+202E".</summary>
    public static string Describe(char c) => "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);

    /// <summary>The text with every unpaired surrogate and noncharacter replaced by U+FFFD; the same instance when there is none.</summary>
    private static string WithoutInvalidCodeUnits(string text)
    {
        var first = IndexOfInvalid(text, 0);
        if (first < 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = first; i >= 0; i = IndexOfInvalid(text, i + 1))
        {
            chars[i] = '\uFFFD';
        }

        return new string(chars);
    }

    private static int IndexOfInvalid(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c) || c >= '\uFFFE' || c is >= '\uFDD0' and <= '\uFDEF')
            {
                return i;
            }
        }

        return -1;
    }

    private static int IndexOfInvisible(string text, bool keepLineBreaks)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsInvisible(text[i], keepLineBreaks))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsInvisible(char c, bool keepLineBreaks)
    {
        if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0))
        {
            return !(keepLineBreaks && c is '\t' or '\n' or '\r');
        }

        // Format characters (Cf): U+00AD, U+061C, U+180E, U+200B–U+200F, U+202A–U+202E, U+2060–U+206F, U+FEFF, …
        return c >= 0xAD && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;
    }
}
