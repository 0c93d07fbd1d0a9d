using System.Text;
using DonDoc.Core.Text;

namespace DonDoc.Core.Tests.Text;

public sealed class ComposedTextTest
{
    [Theory]
    [InlineData("Sở Nội vụ chủ trì – Quý IV/2026 “Báo cáo”")]
    [InlineData("Đắk Lắk, ngày 19 tháng 11 năm 2025; 14.000.000 ₫")]
    [InlineData("ĂÂÊÔƠƯăâêôơưđĐ ỳỷỹỵ")]
    [InlineData("")]
    public void Composed_text_is_returned_as_is(string text)
    {
        Assert.True(ComposedText.IsComposed(text));
        Assert.Same(text, ComposedText.Compose(text));
    }

    [Theory]
    [InlineData("Thường xuyên, Quý III")]
    [InlineData("Sở Tư pháp")]
    public void Decomposed_Vietnamese_is_composed(string composed)
    {
        var decomposed = composed.Normalize(NormalizationForm.FormD);

        Assert.False(ComposedText.IsComposed(decomposed));
        Assert.Equal(composed, ComposedText.Compose(decomposed));
    }

    // Characters outside the always-composed ranges go to the full check: singletons that NFC replaces
    // (the Ohm sign, the Angstrom sign, the en quad) and a combining mark after a letter.
    [Theory]
    [InlineData("10 \u2126", "10 \u03A9")]
    [InlineData("1 \u212B", "1 \u00C5")]
    [InlineData("a\u2000b", "a\u2002b")]
    [InlineData("Quy\u0301", "Quý")]
    [InlineData("Ω và α", "Ω và α")]
    public void Other_characters_are_checked_by_the_full_normalization(string text, string composed)
    {
        Assert.Equal(composed, ComposedText.Compose(text));
        Assert.Equal(text == composed, ComposedText.IsComposed(text));
    }
}
