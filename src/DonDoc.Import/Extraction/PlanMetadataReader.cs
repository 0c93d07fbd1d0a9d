using System.Globalization;
using System.Text.RegularExpressions;
using DonDoc.Core.Plans;
using DonDoc.Core.Text;

namespace DonDoc.Import.Extraction;

/// <summary>
/// Reads plan metadata from the lines above the task table: the appendix heading, the title, and the
/// "(Kèm theo Kế hoạch số 376-KH/TU ngày 21/7/2025 của Ban Thường vụ Tỉnh ủy)" reference.
/// </summary>
public static partial class PlanMetadataReader
{
    public sealed record Metadata(string? Number, string? Issuer, DateOnly? IssuedOn, int? Year, string? Title)
    {
        /// <summary>The plan these lines head, with its tasks, read from the named file.</summary>
        public Plan ToPlan(string? sourceFile, IReadOnlyList<PlanTask> tasks) => new()
        {
            Number = Number,
            Issuer = Issuer,
            IssuedOn = IssuedOn,
            Title = Title,
            SourceFile = sourceFile,
            Tasks = tasks,
        };
    }

    public static Metadata Read(IReadOnlyList<string> lines)
    {
        string? number = null, issuer = null, title = null;
        DateOnly? issuedOn = null;
        int? year = null;
        foreach (var rawLine in lines)
        {
            var line = CellText.Clean(rawLine);
            if (line.Length == 0)
            {
                continue;
            }

            var reference = Reference().Match(line);
            var textPart = reference.Success ? line[..reference.Index].Trim() : line;
            if (reference.Success)
            {
                var inner = reference.Groups[1].Value;
                var folded = VietnameseText.Fold(inner);
                var numberMatch = PlanNumber().Match(inner);
                if (numberMatch.Success && numberMatch.Groups[1].Value.Any(char.IsDigit) && char.IsDigit(numberMatch.Groups[1].Value[0]))
                {
                    number ??= numberMatch.Groups[1].Value.TrimEnd(',', '.');
                }

                var date = IssueDate().Match(folded);
                if (date.Success)
                {
                    year ??= int.Parse(date.Groups[3].Value, CultureInfo.InvariantCulture);
                    if (int.TryParse(date.Groups[1].Value, out var day) && int.TryParse(date.Groups[2].Value, out var month)
                        && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year.Value, month))
                    {
                        issuedOn ??= new DateOnly(year.Value, month, day);
                    }
                }

                var of = folded.LastIndexOf(" cua ", StringComparison.Ordinal);
                if (of >= 0)
                {
                    issuer ??= inner[(of + 5)..].Trim().TrimEnd(')', '.', ' ');
                }
            }

            if (textPart.Length > 0 && !IsAppendixHeading(textPart) && title is null)
            {
                title = textPart;
            }
        }

        if (year is null && title is not null && TitleYear().Match(VietnameseText.Fold(title)) is { Success: true } titleYear)
        {
            year = int.Parse(titleYear.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        return new Metadata(number, issuer, issuedOn, issuedOn?.Year ?? year, title);
    }

    public static bool IsAppendixHeading(string line) => AppendixHeading().IsMatch(VietnameseText.Fold(line).Trim());

    [GeneratedRegex(@"\((?:\s*)(k[eè]m theo[^)]*)\)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Reference();

    [GeneratedRegex(@"(?:s[ốo]|số)\s*:?\s*([0-9][^\s,;)]*|/[^\s,;)]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PlanNumber();

    [GeneratedRegex(@"ngay\s*(\d{0,2})\s*/\s*(\d{0,2})\s*/\s*(\d{4})")]
    private static partial Regex IssueDate();

    [GeneratedRegex(@"\bnam\s+(\d{4})\b")]
    private static partial Regex TitleYear();

    [GeneratedRegex(@"^phu luc(\s+[ivxlc\d]+)?\s*[.:]?$")]
    private static partial Regex AppendixHeading();
}
