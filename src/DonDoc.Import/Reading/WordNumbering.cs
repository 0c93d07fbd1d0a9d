using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DonDoc.Import.Reading;

/// <summary>
/// The text of a Word paragraph as it prints, automatic numbering included: Word keeps "1.", "II." or
/// "a)" of a numbered paragraph in its numbering definitions, not in the text. Counters follow the
/// document order; a level restarts after a higher one; bullets print as "-".
/// </summary>
internal sealed class WordNumbering
{
    private readonly Dictionary<int, int> _abstractOfNum = [];
    private readonly Dictionary<int, Dictionary<int, int>> _startOverrides = [];
    private readonly Dictionary<int, Dictionary<int, Level>> _levels = [];
    private readonly Dictionary<string, (int NumId, int Level)> _styleNumbering = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int[]> _counters = [];
    private readonly HashSet<int> _overridesApplied = [];

    private sealed record Level(int Start, NumberFormatValues Format, string Text);

    public WordNumbering(MainDocumentPart main)
    {
        var numbering = main.NumberingDefinitionsPart?.Numbering;
        if (numbering is not null)
        {
            foreach (var abstractNum in numbering.Elements<AbstractNum>())
            {
                if (abstractNum.AbstractNumberId?.Value is not { } id)
                {
                    continue;
                }

                var levels = new Dictionary<int, Level>();
                foreach (var level in abstractNum.Elements<DocumentFormat.OpenXml.Wordprocessing.Level>())
                {
                    var index = level.LevelIndex?.Value ?? 0;
                    levels[index] = new Level(
                        level.StartNumberingValue?.Val?.Value ?? 0,
                        level.NumberingFormat?.Val?.Value ?? NumberFormatValues.Decimal,
                        level.LevelText?.Val?.Value ?? string.Empty);
                }

                _levels[id] = levels;
            }

            foreach (var instance in numbering.Elements<NumberingInstance>())
            {
                if (instance.NumberID?.Value is not { } numId || instance.AbstractNumId?.Val?.Value is not { } abstractId)
                {
                    continue;
                }

                _abstractOfNum[numId] = abstractId;
                foreach (var levelOverride in instance.Elements<LevelOverride>())
                {
                    if (levelOverride.StartOverrideNumberingValue?.Val?.Value is { } start)
                    {
                        (_startOverrides.TryGetValue(numId, out var starts) ? starts : _startOverrides[numId] = [])[levelOverride.LevelIndex?.Value ?? 0] = start;
                    }
                }
            }
        }

        var styles = main.StyleDefinitionsPart?.Styles;
        if (styles is not null)
        {
            foreach (var style in styles.Elements<Style>())
            {
                if (style.StyleId?.Value is { } styleId && style.StyleParagraphProperties?.NumberingProperties is { } numPr
                    && numPr.NumberingId?.Val?.Value is { } numId)
                {
                    _styleNumbering[styleId] = (numId, numPr.NumberingLevelReference?.Val?.Value ?? 0);
                }
            }
        }
    }

    /// <summary>The paragraph's label and text, as printed.</summary>
    public string Text(Paragraph paragraph)
    {
        var text = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case Text t:
                    text.Append(t.Text);
                    break;
                case TabChar or Break or CarriageReturn:
                    text.Append(' ');
                    break;
                case NoBreakHyphen:
                    text.Append('-');
                    break;
            }
        }

        var label = Label(paragraph);
        return label is null ? text.ToString() : label + " " + text;
    }

    private string? Label(Paragraph paragraph)
    {
        var properties = paragraph.ParagraphProperties;
        int? numId = properties?.NumberingProperties?.NumberingId?.Val?.Value;
        var level = properties?.NumberingProperties?.NumberingLevelReference?.Val?.Value;
        if (numId is null && properties?.ParagraphStyleId?.Val?.Value is { } styleId && _styleNumbering.TryGetValue(styleId, out var fromStyle))
        {
            numId = fromStyle.NumId;
            level ??= fromStyle.Level;
        }

        if (numId is not { } id || id == 0 || !_abstractOfNum.TryGetValue(id, out var abstractId) || !_levels.TryGetValue(abstractId, out var levels))
        {
            return null;
        }

        var ilvl = Math.Clamp(level ?? 0, 0, 8);
        if (!levels.TryGetValue(ilvl, out var definition))
        {
            return null;
        }

        if (!_counters.TryGetValue(abstractId, out var counters))
        {
            counters = new int[9];
            for (var i = 0; i < 9; i++)
            {
                counters[i] = (levels.TryGetValue(i, out var l) ? l.Start : 1) - 1;
            }

            _counters[abstractId] = counters;
        }

        if (_startOverrides.TryGetValue(id, out var overrides) && _overridesApplied.Add(id))
        {
            foreach (var (overridden, start) in overrides)
            {
                counters[Math.Clamp(overridden, 0, 8)] = start - 1;
            }
        }

        counters[ilvl]++;
        for (var deeper = ilvl + 1; deeper < 9; deeper++)
        {
            counters[deeper] = (levels.TryGetValue(deeper, out var l) ? l.Start : 1) - 1;
        }

        if (definition.Format == NumberFormatValues.None)
        {
            return null;
        }

        if (definition.Format == NumberFormatValues.Bullet)
        {
            return "-";
        }

        var label = new StringBuilder();
        var pattern = definition.Text;
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '%' && i + 1 < pattern.Length && pattern[i + 1] is >= '1' and <= '9')
            {
                var referenced = pattern[i + 1] - '1';
                var format = levels.TryGetValue(referenced, out var l) ? l.Format : NumberFormatValues.Decimal;
                label.Append(Format(Math.Max(counters[referenced], referenced == ilvl ? 1 : 0), format));
                i++;
            }
            else
            {
                label.Append(pattern[i]);
            }
        }

        var result = label.ToString().Trim();
        return result.Length == 0 ? null : result;
    }

    private static string Format(int value, NumberFormatValues format)
    {
        if (format == NumberFormatValues.UpperRoman)
        {
            return Roman(value);
        }

        if (format == NumberFormatValues.LowerRoman)
        {
            return Roman(value).ToLowerInvariant();
        }

        if (format == NumberFormatValues.UpperLetter)
        {
            return Letters(value);
        }

        if (format == NumberFormatValues.LowerLetter)
        {
            return Letters(value).ToLowerInvariant();
        }

        if (format == NumberFormatValues.DecimalZero)
        {
            return value.ToString("00", CultureInfo.InvariantCulture);
        }

        return value.ToString(CultureInfo.InvariantCulture);
    }

    private static string Roman(int value)
    {
        if (value <= 0 || value >= 4000)
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        (int Value, string Digits)[] numerals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
        var text = new StringBuilder();
        foreach (var (n, digits) in numerals)
        {
            while (value >= n)
            {
                text.Append(digits);
                value -= n;
            }
        }

        return text.ToString();
    }

    /// <summary>A, B, …, Z, AA, BB, … as Word letters lists.</summary>
    private static string Letters(int value)
    {
        if (value <= 0)
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        var letter = (char)('A' + ((value - 1) % 26));
        return new string(letter, Math.Min(((value - 1) / 26) + 1, 10));
    }
}
