using System.Text;
using DonDoc.Core.Text;

namespace DonDoc.Core.Tests.Text;

public sealed class TextNormalizerTest
{
    [Theory]
    [InlineData("Sở\u200B Tư pháp", "Sở Tư pháp")]
    [InlineData("\uFEFFKế hoạch", "Kế hoạch")]
    [InlineData("Sở\u200C\u200D Y tế", "Sở Y tế")]
    [InlineData("quá\u00AD hạn", "quá hạn")]
    [InlineData("Sở \u202ETư pháp\u202C", "Sở Tư pháp")]
    [InlineData("tên\u0000 cơ quan\u0007", "tên cơ quan")]
    [InlineData("dòng 1\r\ndòng 2\tcột", "dòng 1\r\ndòng 2\tcột")]
    [InlineData("", "")]
    public void Invisible_and_control_characters_are_dropped_and_line_breaks_kept(string text, string normalized)
    {
        Assert.Equal(normalized, TextNormalizer.Normalize(text));
    }

    [Fact]
    public void Decomposed_Vietnamese_is_composed()
    {
        var decomposed = "Thường xuyên, Quý III".Normalize(NormalizationForm.FormD);

        var normalized = TextNormalizer.Normalize(decomposed);

        Assert.Equal("Thường xuyên, Quý III", normalized);
        Assert.True(normalized.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void Broken_code_units_become_replacement_characters_instead_of_an_exception()
    {
        // Built in code: a lone surrogate does not survive the test runner's serialisation of theory data.
        var loneHigh = "Quý" + (char)0xD800 + " IV";
        var loneLow = (char)0xDC00 + "Quý";
        var nonCharacter = "Sở" + (char)0xFFFE;

        Assert.Equal("Quý\uFFFD IV", TextNormalizer.Normalize(loneHigh));
        Assert.Equal("\uFFFDQuý", TextNormalizer.Normalize(loneLow));
        Assert.Equal("Sở\uFFFD", TextNormalizer.Normalize(nonCharacter));
        Assert.Equal("😀 Sở", TextNormalizer.Normalize("😀 Sở"));
    }

    [Fact]
    public void Text_with_nothing_to_change_is_the_same_instance()
    {
        const string text = "Sở Nội vụ";

        Assert.Same(text, TextNormalizer.Normalize(text));
    }

    [Theory]
    [InlineData("bien-ban.pdf", null)]
    [InlineData("Báo cáo tháng 11.docx", null)]
    [InlineData("hoadon\u202Efdp.exe", '\u202E')]
    [InlineData("a\u0000b.pdf", '\u0000')]
    [InlineData("hai\ndong.pdf", '\n')]
    [InlineData("an\u200Bso.pdf", '\u200B')]
    [InlineData("moi\u2066ban.pdf", '\u2066')]
    public void A_file_name_may_not_hold_control_or_bidirectional_characters(string name, char? forbidden)
    {
        Assert.Equal(forbidden, TextNormalizer.FindForbiddenInName(name));
    }
}
