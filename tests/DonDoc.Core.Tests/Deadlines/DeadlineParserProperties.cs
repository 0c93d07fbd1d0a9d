using System.Text;
using DonDoc.Core.Deadlines;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DonDoc.Core.Tests.Deadlines;

/// <summary>
/// The parser over adversarial input: long runs of digits and slashes, "ngày ngày ngày …", every
/// Unicode code unit, deadline words in any order. It must give a deadline for every string and never
/// throw (no timeouts either: it uses no regular expressions and reads every token a bounded number of times).
/// </summary>
public sealed class DeadlineParserProperties
{
    private static readonly string[] Fragments =
    [
        "trước", "ngày", "tháng", "quý", "Quí", "năm", "/", "-", "–", ";", ":", ",", ".", "thường xuyên", "sau", "đại hội", "khi có", "theo",
        "hằng", "IV", "31", "02", "2026", "99999", "0", " ", "(", ")", "Đ", "h", "làm việc", "giai đoạn", "từ", "đến", "và", "Đợt 1:",
        "Sơ kết:", "kế hoạch", "ban hành", "chậm nhất", "dự kiến", "kể từ", "định kỳ", "hằng năm", "16h", "lần", "\u200b", "\u0301",
        "tuần", "thứ Sáu", "liền kề", "giờ", "khai giảng", "bắt đầu từ", "ngay khi", "bão tan", "thông qua",
    ];

    private static readonly string[] Repeated =
    [
        "9", "1/", "12/", "ngày ", "ngày 1 ", "tháng ", "quý I, ", "Quý IV/2025- ", "2025-", "2025 - ", "từ tháng 1 đến ", "sau khi đại hội ",
        "khi kế hoạch ", "kế hoạch đại hội ", "theo kế hoạch ", "- ", "Đợt 1: ", "Sơ kết: 6/2026, ", "(", "05 ngày sau ", "hằng năm ",
        "chậm nhất ngày 1, ", "trước 17h00 ", "\u200b", "đ", "a\u0301",
        "24 giờ sau khi ", "thứ hai hằng ", "bắt đầu từ ", "ngày 05 của tháng liền ", "trước khai giảng năm học 2026 - ", "03 tháng kể từ ",
    ];

    private readonly DeadlineParser _parser = new();

    [Property(MaxTest = 1000)]
    public void Parsing_any_string_gives_a_deadline_and_never_throws(string? text, int? planYear)
    {
        var deadline = _parser.Parse(text, planYear);

        Assert.NotEmpty(deadline.Terms);
        Assert.Equal(text, deadline.Raw);
    }

    [Property(MaxTest = 2000)]
    public Property Parsing_sentences_of_deadline_words_never_throws() =>
        Prop.ForAll(
            Gen.ArrayOf(Gen.Elements(Fragments)).Select(parts => string.Join(" ", parts)).ToArbitrary(),
            text => Understood(_parser.Parse(text, 2026), text));

    [Property(MaxTest = 500)]
    public Property Parsing_long_repetitions_never_throws() =>
        Prop.ForAll(
            Gen.Elements(Repeated).SelectMany(unit => Gen.Choose(1, 1500).Select(times => new StringBuilder().Insert(0, unit, times).ToString())).ToArbitrary(),
            text => Understood(_parser.Parse(text, 2026), text) && Understood(_parser.Parse(text), text));

    [Property(MaxTest = 1000)]
    public Property Parsing_any_code_units_never_throws() =>
        Prop.ForAll(
            Gen.ArrayOf(Gen.Choose(0, 0xFFFF).Select(c => (char)c)).Select(chars => new string(chars)).ToArbitrary(),
            text => Understood(_parser.Parse(text, 2026), text));

    [Property(MaxTest = 500)]
    public Property Invisible_characters_and_decomposed_letters_change_nothing() =>
        Prop.ForAll(
            Gen.Elements("Quý IV/2027", "Chậm nhất ngày 01/4/2026", "Thường xuyên", "Sau đại hội 07 ngày", "Từ tháng 12/2025 đến quý I/2026", "Định kỳ hằng năm (trước ngày 30 tháng 11)")
                .SelectMany(text => Gen.Choose(0, text.Length).Select(at => (text, at))).ToArbitrary(),
            ((string Text, int At) input) =>
            {
                var expected = _parser.Parse(input.Text, 2026);
                var withZeroWidth = _parser.Parse(input.Text.Insert(input.At, "\u200b"), 2026);
                var decomposed = _parser.Parse(input.Text.Normalize(NormalizationForm.FormD), 2026);
                return Same(expected, withZeroWidth) && Same(expected, decomposed);
            });

    private static bool Understood(Deadline deadline, string text) => deadline.Terms.Count > 0 && deadline.Raw == text && deadline.Detail.Length > 0;

    private static bool Same(Deadline a, Deadline b) => a.Kind == b.Kind && a.Due == b.Due && a.Terms.Count == b.Terms.Count;
}
