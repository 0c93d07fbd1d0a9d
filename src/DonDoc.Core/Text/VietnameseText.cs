using System.Globalization;
using System.Text;

namespace DonDoc.Core.Text;

/// <summary>Comparison forms of Vietnamese text.</summary>
public static class VietnameseText
{
    /// <summary>
    /// Lower case without diacritics ("Sở Nội vụ" → "so noi vu", "Đ" → "d"), character for character:
    /// the result has the length of <c>text.Normalize(NFC)</c>, so an index found in the folded text
    /// is the index of the same character in the NFC text.
    /// </summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var nfc = ComposedText.Compose(text);
        return string.Create(nfc.Length, nfc, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = FoldChar(source[i]);
            }
        });
    }

    /// <summary>The folded form of every character up to U+1EFF (Latin Extended Additional, where Vietnamese lives), computed once.</summary>
    private static readonly char[] FoldTable = BuildFoldTable();

    private static char FoldChar(char c) => c < FoldTable.Length ? FoldTable[c] : FoldSlow(c);

    private static char[] BuildFoldTable()
    {
        var table = new char[0x1F00];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = FoldSlow((char)i);
        }

        return table;
    }

    private static char FoldSlow(char c)
    {
        if (c < 128)
        {
            return char.ToLowerInvariant(c);
        }

        if (c is 'đ' or 'Đ')
        {
            return 'd';
        }

        if (char.IsWhiteSpace(c))
        {
            return ' ';
        }

        if (char.IsSurrogate(c))
        {
            return c;
        }

        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        foreach (var d in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark)
            {
                return char.ToLowerInvariant(d);
            }
        }

        return char.ToLowerInvariant(c);
    }

    /// <summary>Collapses runs of white space into one space and trims the ends.</summary>
    public static string CollapseWhiteSpace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
