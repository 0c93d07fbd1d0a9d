using System.Buffers;
using System.Text;

namespace DonDoc.Core.Text;

/// <summary>
/// Text in Unicode's composed form (NFC), checked without asking ICU when it can be: plan text is
/// overwhelmingly made of characters that are composed whatever surrounds them, and the ICU check costs
/// more than reading the text.
/// </summary>
public static class ComposedText
{
    /// <summary>
    /// Characters whose NFC quick-check is Yes and that combine with nothing: Latin up to the spacing
    /// modifiers (U+0000–U+02FF, before the combining marks), Latin Extended Additional where Vietnamese
    /// letters live (U+1E00–U+1EFF), and punctuation, super/subscripts and currency signs (U+2002–U+20CF,
    /// after the two singleton spaces and before the combining marks for symbols).
    /// </summary>
    private static readonly SearchValues<char> AlwaysComposed = SearchValues.Create(
        [.. Range(0x0000, 0x02FF), .. Range(0x1E00, 0x1EFF), .. Range(0x2002, 0x20CF)]);

    /// <summary>The text in NFC: itself when it already is (no copy), else its composition.</summary>
    public static string Compose(string text) => IsComposed(text) ? text : text.Normalize(NormalizationForm.FormC);

    /// <summary>Whether the text is already in NFC.</summary>
    public static bool IsComposed(string text) =>
        text.AsSpan().IndexOfAnyExcept(AlwaysComposed) < 0 || text.IsNormalized(NormalizationForm.FormC);

    private static IEnumerable<char> Range(int first, int last) =>
        Enumerable.Range(first, last - first + 1).Select(c => (char)c);
}
