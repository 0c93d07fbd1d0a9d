using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DonDoc.Core.Plans;
using DonDoc.Core.Text;

namespace DonDoc.Import.Extraction;

/// <summary>
/// Reads a plan's metadata from the lines above its task table (or its body): the national header block
/// (issuer | national motto, "Số: 310/KH-UBND" | "Đồng Tháp, ngày 19 tháng 11 năm 2025" — two columns that a
/// reader may give as text lines, as the cells of a border-less table, or run together), the document type
/// ("KẾ HOẠCH") and the title after it, and the appendix's "(Kèm theo Kế hoạch số 376-KH/TU ngày 21/7/2025 của
/// Ban Thường vụ Tỉnh ủy)". The plan's year comes from the title ("… trong năm 2026"), else from the date.
/// </summary>
public static partial class PlanMetadataReader
{
    public sealed record Metadata(string? Number, string? Issuer, DateOnly? IssuedOn, int? Year, string? Title)
    {
        /// <summary>Where the plan was signed, as printed before ", ngày …".</summary>
        public string? Place { get; init; }

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

    /// <summary>How far into the lines the header block may reach when no document type line ends it.</summary>
    private const int HeaderReach = 12;

    public static Metadata Read(IReadOnlyList<string> lines)
    {
        var texts = lines.Select(l => Markup().Replace(CellText.Clean(l), string.Empty)).Where(l => l.Length > 0).ToList();
        var typeAt = texts.FindIndex(IsDocumentType);
        var headerEnd = typeAt >= 0 && typeAt <= 30 ? typeAt : Math.Min(texts.Count, HeaderReach);
        string? number = null, place = null;
        DateOnly? issuedOn = null;
        int? dateYear = null;
        var issuerLines = new List<string>();
        var headerDone = false;
        var scanned = 0;
        for (var i = 0; i < headerEnd && !headerDone; i++)
        {
            scanned = i;
            var line = WithoutMotto(texts[i]);
            if (line.Length == 0)
            {
                continue;
            }

            if (IsAppendixHeading(line) || Reference().IsMatch(line))
            {
                break;
            }

            scanned = i + 1;

            var numberMatch = NumberLine().Match(line);
            if (numberMatch.Success && number is null)
            {
                var printed = numberMatch.Groups[1].Value.TrimEnd(',', '.', ';');
                number = printed.Length > 0 && char.IsDigit(printed[0]) ? printed : null;
                var before = line[..numberMatch.Index].Trim();
                if (before.Length > 0)
                {
                    issuerLines.Add(before);
                }

                line = line[(numberMatch.Index + numberMatch.Length)..].Trim();
            }

            if (PlaceDate().Match(VietnameseText.Fold(line)) is { Success: true } date && dateYear is null)
            {
                place = CellText.NullIfEmpty(line[..date.Groups["place"].Length].Trim(' ', ',', '.', '-', '–'));
                (issuedOn, dateYear) = Date(date);
                line = line[..date.Groups["place"].Index].Trim();
                headerDone = typeAt < 0;
            }

            if (line.Length > 0 && number is null && dateYear is null && LooksLikeIssuerLine(line))
            {
                issuerLines.Add(line);
            }
        }

        // A decision that issues a plan ("QUYẾT ĐỊNH Ban hành Kế hoạch …") carries the plan itself further on: its title is the plan's.
        var planAt = texts.FindIndex(l => IsDocumentType(l) && VietnameseText.Fold(l).StartsWith("ke hoach", StringComparison.Ordinal));
        var title = planAt >= 0 ? TitleAfter(texts, planAt) : typeAt >= 0 ? TitleAfter(texts, typeAt) : null;
        var issuer = IssuerFromHeader(issuerLines, place);
        string? referenceNumber = null, referenceIssuer = null;
        DateOnly? referenceDate = null;
        int? referenceYear = null;
        string? fallbackTitle = null;
        string? sentenceIssuer = null;
        for (var i = 0; i < texts.Count; i++)
        {
            var line = texts[i];
            var reference = Reference().Match(line);
            if (reference.Success)
            {
                var inner = reference.Groups[1].Value;
                var folded = VietnameseText.Fold(inner);
                var numberMatch = PlanNumber().Match(inner);
                if (numberMatch.Success && numberMatch.Groups[1].Value.Any(char.IsDigit) && char.IsDigit(numberMatch.Groups[1].Value[0]))
                {
                    referenceNumber ??= numberMatch.Groups[1].Value.TrimEnd(',', '.');
                }

                var date = IssueDate().Match(folded);
                if (date.Success && referenceYear is null)
                {
                    referenceYear = int.Parse(date.Groups[3].Value, CultureInfo.InvariantCulture);
                    if (int.TryParse(date.Groups[1].Value, out var day) && int.TryParse(date.Groups[2].Value, out var month)
                        && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(referenceYear.Value, month))
                    {
                        referenceDate = new DateOnly(referenceYear.Value, month, day);
                    }
                }

                var of = folded.LastIndexOf(" cua ", StringComparison.Ordinal);
                if (of >= 0)
                {
                    referenceIssuer ??= CellText.NullIfEmpty(inner[(of + 5)..].Trim().TrimEnd(')', '.', ' '));
                }
            }

            // The appendix's own title: the first line that is not a heading, a reference or part of the header block.
            var textPart = reference.Success ? line[..reference.Index].Trim() : line;
            if (fallbackTitle is null && i >= (number is null && dateYear is null && issuerLines.Count == 0 ? 0 : scanned) && textPart.Length > 0 && !IsAppendixHeading(textPart) && !IsDocumentType(textPart))
            {
                fallbackTitle = textPart;
            }

            if (sentenceIssuer is null && IssuingSentence().Match(VietnameseText.Fold(line)) is { Success: true } issuing)
            {
                sentenceIssuer = line.Substring(issuing.Groups[1].Index, issuing.Groups[1].Length).Trim();
            }
        }

        // "UBND tỉnh" of a document dated "Đắk Lắk, ngày …" is "UBND tỉnh Đắk Lắk".
        sentenceIssuer = WithPlace(sentenceIssuer, place);
        title ??= fallbackTitle;
        issuer ??= referenceIssuer ?? sentenceIssuer;
        number ??= referenceNumber;
        issuedOn ??= referenceDate;
        var year = TitleYear(title) ?? issuedOn?.Year ?? dateYear ?? referenceYear;
        return new Metadata(number, issuer, issuedOn, year, title) { Place = place };
    }

    public static bool IsAppendixHeading(string line) => AppendixHeading().IsMatch(VietnameseText.Fold(line).Trim());

    /// <summary>"KẾ HOẠCH", "CHƯƠNG TRÌNH HÀNH ĐỘNG": the type of the document, printed in capitals on a line of its own (or before the title).</summary>
    public static bool IsDocumentType(string line)
    {
        var match = DocumentType().Match(VietnameseText.Fold(line));
        return match.Success && line[..match.Groups[1].Length].All(c => !char.IsLetter(c) || char.IsUpper(c));
    }

    /// <summary>The year a title names: "… trong năm 2026", "Kế hoạch năm 2026"; null when it names none.</summary>
    public static int? TitleYear(string? title) =>
        title is not null && YearInTitle().Match(VietnameseText.Fold(title)) is { Success: true } match
            ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : null;

    /// <summary>The title: the rest of the type line, then the lines after it up to the first that opens the text ("Căn cứ …", "I. …").</summary>
    private static string? TitleAfter(List<string> texts, int typeAt)
    {
        var parts = new List<string>();
        var typeLine = texts[typeAt];
        var rest = typeLine[DocumentType().Match(VietnameseText.Fold(typeLine)).Groups[1].Length..].Trim(' ', ':', '-', '–');
        if (rest.Length > 0)
        {
            parts.Add(rest);
        }

        for (var i = typeAt + 1; i < texts.Count && parts.Count < 4; i++)
        {
            var line = texts[i];
            var folded = VietnameseText.Fold(line);
            if (TitleEnd().IsMatch(folded) || IsAppendixHeading(line) || Separator().IsMatch(line) || CellEvidence.FoldedWords(line).Count > 60)
            {
                break;
            }

            parts.Add(line);
            if (line.EndsWith('.') || line.EndsWith(':'))
            {
                break;
            }
        }

        return parts.Count == 0 ? null : string.Join(" ", parts);
    }

    /// <summary>
    /// The issuer from the header's left column: the lowest body it names ("UBND TỈNH ĐỒNG THÁP / SỞ NỘI VỤ" → Sở Nội vụ),
    /// a line that goes on with a place ("TỈNH ĐỒNG THÁP") joined to the one above, written as names are written.
    /// </summary>
    private static string? IssuerFromHeader(List<string> lines, string? place)
    {
        var bodies = new List<string>();
        foreach (var line in lines)
        {
            var folded = VietnameseText.Fold(line);
            if (bodies.Count > 0 && ContinuesName().IsMatch(folded))
            {
                bodies[^1] += " " + line;
                continue;
            }

            bodies.AddRange(SplitBodies(line));
        }

        if (bodies.Count == 0)
        {
            return null;
        }

        var issuer = OfficialNameCasing.FromCapitals(bodies[^1].Trim(' ', ',', '.', '-', '–'));
        return WithPlace(issuer, place);
    }

    /// <summary>"UBND TỈNH ĐỒNG THÁP SỞ NỘI VỤ" run together (one table cell) → the two bodies.</summary>
    private static IEnumerable<string> SplitBodies(string line)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var start = 0;
        for (var i = 2; i < words.Length; i++)
        {
            var folded = VietnameseText.Fold(words[i]);
            var previous = VietnameseText.Fold(words[i - 1]);
            if (BodyHeads.Contains(folded) && previous is not ("uy" or "ban") && words[i].All(c => !char.IsLetter(c) || char.IsUpper(c)))
            {
                yield return string.Join(' ', words[start..i]);
                start = i;
            }
        }

        yield return string.Join(' ', words[start..]);
    }

    /// <summary>How an issuer's name begins in a header block (folded first words).</summary>
    private static readonly HashSet<string> IssuerHeads = new(StringComparer.Ordinal)
    {
        "uy", "ubnd", "hdnd", "hoi", "so", "ban", "van", "bo", "cuc", "tong", "phong", "trung", "chi", "dang", "vien", "truong", "thu",
        "chinh", "quoc", "tinh", "thanh", "huyen", "xa", "phuong", "mat", "ubmttq", "mttq", "cong", "toa", "kiem", "lien", "doan", "hoc",
    };

    /// <summary>Words that begin the name of a body under another in a header block (folded).</summary>
    private static readonly HashSet<string> BodyHeads = new(StringComparer.Ordinal) { "so", "ban", "van", "bo", "cuc", "phong", "trung", "chi", "dang", "vien", "truong" };

    /// <summary>"Ủy ban nhân dân tỉnh" signed at "Lâm Đồng" is "Ủy ban nhân dân tỉnh Lâm Đồng"; a name that ends with its place is kept.</summary>
    private static string? WithPlace(string? issuer, string? place)
    {
        if (issuer is null || place is null)
        {
            return issuer;
        }

        // Compared with its marks: folded, "Ủy ban nhân dân tỉnh Hà Tĩnh" would end with "tinh" too.
        var name = issuer.Normalize(NormalizationForm.FormC).ToLowerInvariant();
        return name.EndsWith(" tỉnh", StringComparison.Ordinal) || name.EndsWith(" thành phố", StringComparison.Ordinal)
            ? $"{issuer} {place}"
            : issuer;
    }

    private static bool LooksLikeIssuerLine(string line)
    {
        var letters = line.Where(char.IsLetter).ToList();
        var first = CellEvidence.FoldedWords(line).FirstOrDefault();
        return letters.Count >= 2 && letters.Count(char.IsUpper) * 10 >= letters.Count * 8 && !Separator().IsMatch(line)
            && first is not null && (IssuerHeads.Contains(first) || ContinuesName().IsMatch(VietnameseText.Fold(line) + " "));
    }

    private static string WithoutMotto(string line)
    {
        var folded = VietnameseText.Fold(line);
        var matches = Motto().Matches(folded);
        if (matches.Count == 0)
        {
            return Separator().IsMatch(line) ? string.Empty : line;
        }

        var kept = new System.Text.StringBuilder();
        var at = 0;
        foreach (Match m in matches)
        {
            kept.Append(line, at, m.Index - at).Append(' ');
            at = m.Index + m.Length;
        }

        kept.Append(line, at, line.Length - at);
        return VietnameseText.CollapseWhiteSpace(kept.ToString()).Trim(' ', '-', '–', '_');
    }

    private static (DateOnly?, int?) Date(Match date)
    {
        var year = int.Parse(date.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (int.TryParse(date.Groups["day"].Value, out var day) && int.TryParse(date.Groups["month"].Value, out var month)
            && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            return (new DateOnly(year, month, day), year);
        }

        return (null, year);
    }

    /// <summary>Markdown emphasis and heading marks around a line: "# PHỤ LỤC", "**KẾ HOẠCH**", "*(Kèm theo …)*".</summary>
    [GeneratedRegex(@"^[#*_>\s]+|[*_\s]+$")]
    private static partial Regex Markup();

    [GeneratedRegex(@"\((?:\s*)(k[eè]m theo[^)]*)\)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Reference();

    [GeneratedRegex(@"(?:s[ốo]|số)\s*:?\s*([0-9][^\s,;)]*|/[^\s,;)]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PlanNumber();

    /// <summary>"Số: 310/KH-UBND", "Số 376-KH/TU" at the start of a line or after the issuer in the same cell.</summary>
    [GeneratedRegex(@"(?:^|\s)S[ốỐ]\s*(?::\s*|\s+(?=\d))([^\s,;]*)", RegexOptions.CultureInvariant)]
    private static partial Regex NumberLine();

    [GeneratedRegex(@"ngay\s*(\d{0,2})\s*/\s*(\d{0,2})\s*/\s*(\d{4})")]
    private static partial Regex IssueDate();

    /// <summary>"Đồng Tháp, ngày 19 tháng 11 năm 2025" or "Hà Nội, ngày 19/11/2025" (folded).</summary>
    [GeneratedRegex(@"^(?<place>[^,]{0,60}?),?\s*ngay\s*(?:(?<day>\d{0,2})\s*thang\s*(?<month>\d{0,2})\s*nam\s*(?<year>\d{4})|(?<day>\d{1,2})\s*[/.-]\s*(?<month>\d{1,2})\s*[/.-]\s*(?<year>\d{4}))")]
    private static partial Regex PlaceDate();

    [GeneratedRegex(@"\b(?:trong\s+)?nam\s+(\d{4})\b")]
    private static partial Regex YearInTitle();

    [GeneratedRegex(@"^phu luc(\s+[ivxlc\d]+)?\s*[.:]?$")]
    private static partial Regex AppendixHeading();

    [GeneratedRegex(@"^((?:ke hoach|chuong trinh|de an|quyet dinh|nghi quyet|chi thi|huong dan|thong bao|cong van|bao cao)(?: hanh dong| cong tac| trien khai)?)(?:\s|$|:)")]
    private static partial Regex DocumentType();

    [GeneratedRegex(@"^(?:can cu|thuc hien|nham|de |tren co so|theo |xet |[ivxlc]+\s*[.:\-–]|phan\s+[ivxlc\d]|\(?kem theo|muc dich|noi nhan)")]
    private static partial Regex TitleEnd();

    [GeneratedRegex(@"^[\s\-–_*=.]{3,}$")]
    private static partial Regex Separator();

    [GeneratedRegex(@"cong hoa xa hoi chu nghia viet nam|doc lap\s*[-–]?\s*tu do\s*[-–]?\s*hanh phuc|dang cong san viet nam|[-–_]{3,}")]
    private static partial Regex Motto();

    /// <summary>A header line that goes on with the body's place ("TỈNH ĐỒNG THÁP"), not a body of its own ("TỈNH ỦY").</summary>
    [GeneratedRegex(@"^(?:tinh|thanh pho|huyen|quan|thi xa|xa|phuong)\s+(?!uy\b)")]
    private static partial Regex ContinuesName();

    [GeneratedRegex(@",\s*((?:ubnd|uy ban nhan dan|so|ban|van phong|tinh uy|dang uy)[^,]*?)\s+ban hanh ke hoach")]
    private static partial Regex IssuingSentence();
}
