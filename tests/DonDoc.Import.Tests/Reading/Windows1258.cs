using System.Text;

namespace DonDoc.Import.Tests.Reading;

/// <summary>Text as old Windows programs save it in the Vietnamese code page.</summary>
internal static class Windows1258
{
    /// <summary>
    /// Windows-1258 holds â, ê, ô, ă, ơ, ư, đ as letters and the five tones as combining marks after them
    /// (ệ = ê + U+0323), so the text is written with its tones apart.
    /// </summary>
    public static byte[] Encode(string text) =>
        CodePagesEncodingProvider.Instance.GetEncoding(1258)!.GetBytes(string.Concat(text.Select(ToneApart)));

    private static string ToneApart(char c)
    {
        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        var tones = decomposed.Where(d => d is '\u0300' or '\u0301' or '\u0303' or '\u0309' or '\u0323').ToArray();
        var letter = new string(decomposed.Where(d => !tones.Contains(d)).ToArray()).Normalize(NormalizationForm.FormC);
        return letter + new string(tones);
    }
}
