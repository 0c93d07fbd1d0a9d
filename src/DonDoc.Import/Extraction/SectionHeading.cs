using System.Text.RegularExpressions;
using DonDoc.Core.Plans;
using DonDoc.Core.Text;

namespace DonDoc.Import.Extraction;

/// <summary>The numbering families of headings: parts A/B/C, Roman sections, arabic groups (by depth), named ones ("Lĩnh vực 3"), none.</summary>
public enum HeadingKind
{
    Letter,
    Roman,
    Arabic,
    Named,
    Unnumbered,
}

/// <summary>A heading's id as printed ("A", "IV", "5.1", "Lĩnh vực III") and its numbering family.</summary>
/// <param name="Depth">For arabic ids, how many numbers ("5" is 1, "5.1" is 2); for named ids, 0.</param>
/// <param name="Word">For named ids, the word that names the level ("Lĩnh vực", "Phần"), folded.</param>
public sealed record HeadingMark(HeadingKind Kind, string? Id, int Depth = 0, string? Word = null)
{
    /// <summary>Which level of the path the heading replaces: the same family (and depth, and word).</summary>
    public string Level => Kind switch
    {
        HeadingKind.Arabic => $"arabic{Depth}",
        HeadingKind.Named => $"named {Word}",
        _ => Kind.ToString(),
    };
}

/// <summary>Recognises section headings: "I", "II. TITLE", "A – TITLE", "5.1. Thương mại", "Lĩnh vực III: TITLE", "Phần 2 – TITLE".</summary>
public static partial class SectionHeading
{
    /// <summary>Reads a heading from the number cell (and the content cell when the title is there).</summary>
    public static bool TryRead(string numberCell, string contentCell, out string id, out string? title)
    {
        if (ReadMark(numberCell) is { } mark && mark.Kind is HeadingKind.Named or HeadingKind.Roman)
        {
            id = mark.Id!;
            title = CellText.NullIfEmpty(contentCell);
            return true;
        }

        if (ReadInText(numberCell) is { } inText && inText.Mark.Kind is HeadingKind.Named or HeadingKind.Roman)
        {
            id = inText.Mark.Id!;
            title = inText.Title ?? CellText.NullIfEmpty(contentCell);
            return true;
        }

        id = string.Empty;
        title = null;
        return false;
    }

    /// <summary>A number cell that is a heading id: "A", "B.", "IV", "II.", "5", "5.1.", "Lĩnh vực III", "Phần 2", "Mục I".</summary>
    public static HeadingMark? ReadMark(string numberCell)
    {
        var text = numberCell.Trim().TrimEnd('.', ':', ')', '-', '–').Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (NamedId().Match(text) is { Success: true } named)
        {
            var word = VietnameseText.Fold(named.Groups[1].Value);
            return new HeadingMark(HeadingKind.Named, $"{Capitalised(named.Groups[1].Value)} {named.Groups[2].Value.ToUpperInvariant()}", 0, word);
        }

        if (IsRoman(text))
        {
            return new HeadingMark(HeadingKind.Roman, text);
        }

        if (text.Length == 1 && char.IsUpper(text[0]))
        {
            return new HeadingMark(HeadingKind.Letter, text);
        }

        if (ArabicId().IsMatch(text))
        {
            return new HeadingMark(HeadingKind.Arabic, text, text.Count(c => c == '.') + 1);
        }

        return null;
    }

    /// <summary>A heading written in one text: "II. DỮ LIỆU SỐ", "A. NHIỆM VỤ CHUNG", "5.1. Thương mại", "Lĩnh vực 3: Y tế".</summary>
    public static (HeadingMark Mark, string? Title)? ReadInText(string text)
    {
        var trimmed = text.Trim();
        if (NamedInText().Match(trimmed) is { Success: true } named)
        {
            var word = VietnameseText.Fold(named.Groups[1].Value);
            return (new HeadingMark(HeadingKind.Named, $"{Capitalised(named.Groups[1].Value)} {named.Groups[2].Value.ToUpperInvariant()}", 0, word),
                CellText.NullIfEmpty(named.Groups[3].Value.Trim()));
        }

        var numbered = NumberedInText().Match(trimmed);
        if (!numbered.Success)
        {
            return null;
        }

        var id = numbered.Groups[1].Value;
        var rest = CellText.NullIfEmpty(numbered.Groups[2].Value.Trim());
        if (IsRoman(id))
        {
            return (new HeadingMark(HeadingKind.Roman, id), rest);
        }

        if (id.Length == 1 && char.IsUpper(id[0]))
        {
            return (new HeadingMark(HeadingKind.Letter, id), rest);
        }

        return ArabicId().IsMatch(id) ? (new HeadingMark(HeadingKind.Arabic, id, id.Count(c => c == '.') + 1), rest) : null;
    }

    public static bool IsRoman(string text) => text.Length is > 0 and <= 7 && RomanNumeral().IsMatch(text);

    /// <summary>Text printed in capitals: "CẢI CÁCH THỂ CHẾ" (two words, six letters at least).</summary>
    public static bool IsCapitals(string text)
    {
        var letters = 0;
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                if (char.IsLower(c))
                {
                    return false;
                }

                letters++;
            }
        }

        return letters >= 6 && text.Trim().Contains(' ', StringComparison.Ordinal);
    }

    /// <summary>A heading named by its kind without a numeral: "Lĩnh vực Y tế", "Nhóm nhiệm vụ về thể chế", "Hoạt động truyền thông".</summary>
    public static bool IsNamedWithoutNumber(string text) =>
        NamedWithoutNumber().IsMatch(text.Trim()) && CellEvidence.FoldedWords(text).Count <= 14 && !text.TrimEnd().EndsWith(',');

    private static string Capitalised(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..].ToLowerInvariant();

    [GeneratedRegex(@"^(Lĩnh vực|LĨNH VỰC|Phần|PHẦN|Mục|MỤC|Nhóm|NHÓM|Chương|CHƯƠNG|Chuyên đề|CHUYÊN ĐỀ)\s+([IVXLC]+|\d+|[A-Z])$")]
    private static partial Regex NamedId();

    [GeneratedRegex(@"^(Lĩnh vực|LĨNH VỰC|Phần|PHẦN|Mục|MỤC|Nhóm|NHÓM|Chương|CHƯƠNG|Chuyên đề|CHUYÊN ĐỀ)\s+([IVXLC]+|\d+|[A-Z])\b\s*[.:\-–)]?\s*(.*)$")]
    private static partial Regex NamedInText();

    [GeneratedRegex(@"^([IVXLC]+|[A-ZĐ]|\d{1,2}(?:\.\d{1,2}){0,3})\s*[.:\-–)]\s*(\S.*)$")]
    private static partial Regex NumberedInText();

    [GeneratedRegex(@"^\d{1,3}(?:\.\d{1,3}){0,4}$")]
    private static partial Regex ArabicId();

    [GeneratedRegex(@"^(?=[IVXLC])(XL|L?X{0,3})(IX|IV|V?I{0,3})$")]
    private static partial Regex RomanNumeral();

    [GeneratedRegex(@"^(?:Lĩnh vực|LĨNH VỰC|Nhóm nhiệm vụ|NHÓM NHIỆM VỤ|Nhóm|NHÓM|Hoạt động|HOẠT ĐỘNG|Chuyên đề|CHUYÊN ĐỀ)\s+\S")]
    private static partial Regex NamedWithoutNumber();
}

/// <summary>
/// The headings in force at a row, outermost first: a part (A), a section (IV), a group (2, 5.1), a named level
/// ("Lĩnh vực III"). A heading replaces the one of its own level and everything inside it. A task's section is
/// the path of ids ("A.IV", "B.I.2", "1" for task "1.3"), a group id that a sub-group's id extends said once
/// ("B.II.5.1"); its title is the innermost heading's text.
/// </summary>
public sealed class SectionPath
{
    private readonly List<(HeadingMark Mark, string? Title)> _levels = [];

    /// <summary>Per arabic group heading in force: whether its tasks carry its number ("1" → "1.1", "1.2") or start again ("1", "2").</summary>
    private readonly Dictionary<int, bool> _childrenCarryNumber = [];

    public bool IsEmpty => _levels.Count == 0;

    /// <summary>The innermost heading's title.</summary>
    public string? InnermostTitle => _levels.Count == 0 ? null : _levels[^1].Title;

    public void Enter(HeadingMark mark, string? title)
    {
        var level = _levels.FindIndex(l => l.Mark.Level == mark.Level);
        if (level < 0 && mark.Kind == HeadingKind.Arabic)
        {
            // "2" after "1.3" closes the deeper arabic levels too.
            level = _levels.FindIndex(l => l.Mark.Kind == HeadingKind.Arabic && l.Mark.Depth > mark.Depth);
        }

        if (level >= 0)
        {
            Close(level);
        }
        else if (mark.Kind != HeadingKind.Unnumbered && _levels.Count > 0 && _levels[^1].Mark.Kind == HeadingKind.Unnumbered)
        {
            // An unnumbered heading names a group of rows; a numbered one after it starts a new one.
            Close(_levels.Count - 1);
        }

        _levels.Add((mark, title));
    }

    /// <summary>
    /// A task numbered <paramref name="number"/> comes: a group whose tasks carry its number ("1" over "1.1", "1.2")
    /// ends at the first task that does not ("2").
    /// </summary>
    public void Task(string? number)
    {
        if (number is null || SectionHeading.ReadMark(number) is not { Kind: HeadingKind.Arabic })
        {
            return;
        }

        for (var level = _levels.Count - 1; level >= 0; level--)
        {
            var (mark, _) = _levels[level];
            if (mark.Kind != HeadingKind.Arabic)
            {
                return;
            }

            var carries = number.StartsWith(mark.Id + ".", StringComparison.Ordinal);
            if (!_childrenCarryNumber.TryGetValue(level, out var style))
            {
                _childrenCarryNumber[level] = carries;
                return;
            }

            if (!style || carries)
            {
                return;
            }

            Close(level);
        }
    }

    private void Close(int level)
    {
        _levels.RemoveRange(level, _levels.Count - level);
        foreach (var key in _childrenCarryNumber.Keys.Where(k => k >= level).ToList())
        {
            _childrenCarryNumber.Remove(key);
        }
    }

    /// <summary>Whether a letter id goes on the letter level in force ("C" after "B"), rather than being a Roman numeral.</summary>
    public bool ContinuesLetters(string letter)
    {
        var last = _levels.FindLast(l => l.Mark.Kind == HeadingKind.Letter);
        return last.Mark?.Id is { Length: 1 } id && letter.Length == 1 && letter[0] == id[0] + 1;
    }

    /// <summary>The section of a task numbered <paramref name="number"/> under the headings in force.</summary>
    public Section? For(string? number)
    {
        if (_levels.Count == 0)
        {
            return null;
        }

        var ids = new List<string>();
        for (var i = 0; i < _levels.Count; i++)
        {
            var id = _levels[i].Mark.Id;
            if (id is null)
            {
                continue;
            }

            // "5" under which "5.1" stands is said once: "B.II.5.1", not "B.II.5.5.1".
            var implied = _levels[i].Mark.Kind == HeadingKind.Arabic
                && _levels.Skip(i + 1).Any(l => l.Mark.Kind == HeadingKind.Arabic && l.Mark.Id!.StartsWith(id + ".", StringComparison.Ordinal));
            if (!implied)
            {
                ids.Add(id);
            }
        }

        var title = _levels[^1].Title ?? _levels.LastOrDefault(l => l.Title is not null).Title;
        return new Section(ids.Count == 0 ? null : string.Join('.', ids), title);
    }
}
