using DonDoc.Core.Text;

namespace DonDoc.Core.Tests.Text;

public sealed class VietnameseTextTest
{
    [Theory]
    [InlineData("Sở Nội vụ", "so noi vu")]
    [InlineData("ĐẢNG ỦY", "dang uy")]
    [InlineData("Uỷ ban", "uy ban")]
    [InlineData("Hoà Bình", "hoa binh")]
    [InlineData("Quý III/2026", "quy iii/2026")]
    public void Folding_drops_case_and_diacritics(string text, string folded)
    {
        Assert.Equal(folded, VietnameseText.Fold(text));
    }

    [Fact]
    public void Folding_keeps_the_length_of_the_composed_text()
    {
        var decomposed = "Thường xuyên".Normalize(System.Text.NormalizationForm.FormD);

        Assert.Equal("Thường xuyên".Length, VietnameseText.Fold(decomposed).Length);
    }
}
