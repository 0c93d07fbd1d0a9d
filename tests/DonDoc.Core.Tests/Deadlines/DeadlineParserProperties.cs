using DonDoc.Core.Deadlines;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DonDoc.Core.Tests.Deadlines;

public sealed class DeadlineParserProperties
{
    private static readonly string[] Fragments =
    [
        "trước", "ngày", "tháng", "quý", "năm", "/", "-", ";", "thường xuyên", "sau", "đại hội", "khi có", "theo",
        "hằng", "IV", "31", "02", "2026", "99999", "0", " ", "(", ")", "Đ", "h", "làm việc", "giai đoạn",
    ];

    [Property(MaxTest = 500)]
    public void Parsing_any_string_gives_a_deadline_and_never_throws(string? text, int? planYear)
    {
        var deadline = new DeadlineParser().Parse(text, planYear);

        Assert.NotNull(deadline);
        Assert.NotEmpty(deadline.Terms);
    }

    [Property(MaxTest = 1000)]
    public Property Parsing_sentences_of_deadline_words_never_throws() =>
        Prop.ForAll(
            Gen.ArrayOf(Gen.Elements(Fragments)).Select(parts => string.Join(" ", parts)).ToArbitrary(),
            text =>
            {
                var deadline = new DeadlineParser().Parse(text, 2026);
                return deadline.Terms.Count > 0 && deadline.Raw == text;
            });
}
