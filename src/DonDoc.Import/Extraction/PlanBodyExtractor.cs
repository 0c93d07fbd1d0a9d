using System.Globalization;
using System.Text.RegularExpressions;
using DonDoc.Core.Deadlines;
using DonDoc.Core.Plans;
using DonDoc.Core.Text;
using DonDoc.Import.Reading;

namespace DonDoc.Import.Extraction;

/// <summary>
/// Reads the tasks that a plan's own text assigns, when there is no table: the numbered items of its
/// content section ("II. NỘI DUNG": "1. Title" then paragraphs) and of "TỔ CHỨC THỰC HIỆN" ("2. Sở Nội vụ"
/// then what it must do and "Thời gian hoàn thành: …"), with the metadata of the plan's heading.
/// </summary>
public sealed partial class PlanBodyExtractor(DeadlineParser deadlines)
{
    /// <summary>Section titles whose numbered items are tasks (folded).</summary>
    private static readonly string[] TaskSections = ["noi dung", "nhiem vu", "giai phap", "to chuc thuc hien", "phan cong"];

    /// <summary>Words that end the leading agency of a sentence: its verb ("chủ động", "thực hiện", …), folded.</summary>
    private static readonly string[] Verbs =
    [
        "chu dong", "thuc hien", "tham muu", "bam sat", "trien khai", "bao cao", "chiu trach nhiem", "ra soat", "phoi hop", "theo doi",
        "chu tri", "xay dung", "to chuc", "huong dan", "kiem tra", "tiep tuc", "can cu", "duoc giao",
    ];

    /// <param name="labelledOnly">
    /// Only items that name their lead on a labelled line ("Cơ quan chủ trì: …"): the body of a plan whose tasks are
    /// mostly in an appendix table assigns work so, while its other numbered items set aims.
    /// </param>
    public Extraction? TryExtract(SourceDocument document, bool labelledOnly = false)
    {
        var lines = document.Lines.Select(l => (l.Number, l.Raw, Text: CellText.Clean(l.Raw))).Where(l => l.Text.Length > 0).ToList();
        var headings = lines.Select((l, i) => (l, i)).Where(x => RomanHeading().IsMatch(x.l.Text)).ToList();
        if (headings.Count == 0 || !headings.Any(h => IsTaskSection(h.l.Text)))
        {
            return null;
        }

        var warnings = new List<ExtractionWarning>();
        var dropped = new List<DroppedLine>();
        var metadata = PlanMetadataReader.Read(lines.Take(headings[0].i).Select(l => l.Text).ToList());
        var tasks = new List<PlanTask>();
        for (var h = 0; h < headings.Count; h++)
        {
            var heading = RomanHeading().Match(headings[h].l.Text);
            var end = h + 1 < headings.Count ? headings[h + 1].i : lines.Count;
            var body = lines.Skip(headings[h].i + 1).Take(end - headings[h].i - 1).ToList();
            var closing = body.FindIndex(l => Closing().IsMatch(VietnameseText.Fold(l.Text)));
            if (closing >= 0)
            {
                foreach (var line in body.Skip(closing))
                {
                    dropped.Add(new DroppedLine(line.Number, line.Raw, "closing formula, recipients and signature"));
                }

                body = body.Take(closing).ToList();
            }

            if (!IsTaskSection(headings[h].l.Text))
            {
                dropped.Add(new DroppedLine(headings[h].l.Number, headings[h].l.Raw, "plan text outside the task sections"));
                foreach (var line in body)
                {
                    dropped.Add(new DroppedLine(line.Number, line.Raw, "plan text outside the task sections"));
                }

                continue;
            }

            var section = new Section(heading.Groups[1].Value, heading.Groups[2].Value.Trim());
            var assignments = VietnameseText.Fold(section.Title!).Contains("to chuc thuc hien", StringComparison.Ordinal);
            var items = body.Select((l, i) => (l, i, Head: ReadHead(l.Text))).Where(x => x.Head is not null).ToList();
            var levels = OutlineLevels(items.Select(x => x.Head!.Value.Style).ToList());
            var path = new List<(int Level, string Number, string Title)>();
            for (var k = 0; k < items.Count; k++)
            {
                var head = items[k].Head!.Value;
                path.RemoveAll(p => p.Level >= levels[k]);
                if (k + 1 < items.Count && levels[k + 1] > levels[k])
                {
                    // "1. Về nâng cao nhận thức" above "1.1. …", "1.2. …": a heading of the items under it, not a task.
                    path.Add((levels[k], head.Number[(head.Number.LastIndexOf('.') + 1)..], head.Title));
                    dropped.Add(new DroppedLine(items[k].l.Number, items[k].l.Raw, "heading of the items below it"));
                    continue;
                }

                var itemSection = path.Count == 0
                    ? section
                    : new Section(string.Join(".", new[] { section.Id! }.Concat(path.Select(p => p.Number))), path[^1].Title);
                var itemEnd = k + 1 < items.Count ? items[k + 1].i : body.Count;
                var paragraphs = body.Skip(items[k].i + 1).Take(itemEnd - items[k].i - 1).ToList();
                foreach (var (part, partLead) in Duties(head, paragraphs, assignments))
                {
                    var itemWarnings = new List<ExtractionWarning>();
                    var (task, labelledLead) = part.Number == head.Number
                        ? ReadItem(itemSection, head.Number, head.Title, part.Lines.Select(p => p.Text).ToList(), items[k].l.Raw,
                            part.Lines.Select(p => p.Raw), assignments, metadata.Year, itemWarnings, items[k].l.Number)
                        : (ReadDuty(new Section(string.Join(".", new[] { itemSection.Id! }.Append(head.Number)), head.Title), part.Number,
                            part.Lines, partLead!, metadata.Year), false);
                    if (labelledLead || !labelledOnly)
                    {
                        tasks.Add(task);
                        warnings.AddRange(itemWarnings.Select(w => w with { Task = tasks.Count - 1 }));
                    }
                }
            }
        }

        if (tasks.Count == 0)
        {
            return null;
        }

        var plan = metadata.ToPlan(document.FileName, tasks);
        return new Extraction(plan, warnings, dropped.OrderBy(d => d.Line).ToList()) { PlanYear = metadata.Year };
    }

    private (PlanTask Task, bool LabelledLead) ReadItem(
        Section section, string number, string title, List<string> paragraphs, string rawHeading, IEnumerable<string> rawParagraphs,
        bool assignments, int? planYear, List<ExtractionWarning> warnings, int line)
    {
        string? deadline = null;
        var text = new List<string>();
        var fields = new Dictionary<ColumnRole, string>();
        ColumnRole? open = null;
        foreach (var paragraph in paragraphs)
        {
            if (LabelledLine(paragraph) is { } labelled)
            {
                // "- Cơ quan chủ trì: Sở Nội vụ": a field, not part of the content.
                fields[labelled.Role] = CellText.Append(fields.GetValueOrDefault(labelled.Role), labelled.Value) ?? string.Empty;
                open = labelled.Role;
                if (labelled.Role == ColumnRole.Content)
                {
                    text.Add(labelled.Value);
                }

                continue;
            }

            if (open is { } role && paragraph.Length > 0 && !ItemMarker().IsMatch(paragraph) && !SubItem().IsMatch(paragraph))
            {
                // A labelled line wrapped onto the next.
                fields[role] = CellText.Append(fields[role], paragraph)!;
                if (role == ColumnRole.Content)
                {
                    text.Add(paragraph);
                }

                continue;
            }

            open = null;
            var time = TimeLine().Match(paragraph);
            if (time.Success)
            {
                deadline = time.Groups[1].Value.Trim();
            }
            else
            {
                text.Add(paragraph);
            }
        }

        deadline = fields.GetValueOrDefault(ColumnRole.Deadline) ?? deadline;
        var body = string.Join(" ", text);
        string? lead;
        string content;
        if (assignments)
        {
            // "2. Sở Nội vụ" then what it must do; "5. Trách nhiệm của người đứng đầu" names no agency: the text does;
            // "1. Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp …" is the duty itself, led by the body it begins with.
            var named = LeadingAgency(title);
            var onlyNamed = named is not null && named.Length >= title.TrimEnd('.', ':').Length - 1;
            var duty = !onlyNamed && named is not null && paragraphs.Count == 0;
            lead = onlyNamed ? title.TrimEnd('.', ':') : duty ? named : LeadingAgency(body);
            content = duty ? title : body;
        }
        else
        {
            lead = LeadingAgency(StripItemMarker(text.FirstOrDefault() ?? string.Empty));
            content = string.Join(" ", new[] { title, body }.Where(x => x.Length > 0));
        }

        lead = fields.GetValueOrDefault(ColumnRole.Lead) ?? lead;
        deadline ??= DeadlineInProse().Match(body) is { Success: true } inProse ? inProse.Value.Trim() : null;
        var builder = new TaskBuilder(section, number, line)
        {
            Content = content,
            Lead = lead,
            Deadline = deadline,
            Coordinators = fields.GetValueOrDefault(ColumnRole.Coordinators),
            Product = fields.GetValueOrDefault(ColumnRole.Product),
            Evidence = fields.GetValueOrDefault(ColumnRole.Evidence),
            Budget = fields.GetValueOrDefault(ColumnRole.Budget),
            Note = fields.GetValueOrDefault(ColumnRole.Note),
        };
        builder.RawLines.Add(rawHeading);
        builder.RawLines.AddRange(rawParagraphs);
        if (lead is null)
        {
            warnings.Add(new ExtractionWarning(line, "no_lead", $"Mục {section.Id}.{number}: văn bản không nêu cơ quan chủ trì."));
        }

        var task = builder.Build(deadlines, planYear, []);
        return (task, fields.ContainsKey(ColumnRole.Lead));
    }

    /// <summary>
    /// A labelled line of a prose plan: "- Nội dung: …", "- Cơ quan chủ trì: …", "- Thời gian thực hiện: …", "- Sản phẩm: …";
    /// the label is read with the column-header vocabulary, so that any wording a table header may use works here too.
    /// </summary>
    private static (ColumnRole Role, string Value)? LabelledLine(string paragraph)
    {
        var match = Label().Match(paragraph);
        if (!match.Success || CellEvidence.FoldedWords(match.Groups[1].Value).Count > 6)
        {
            return null;
        }

        var evidence = ColumnHeaders.Read(match.Groups[1].Value);
        return evidence.Claim is { } role && evidence.ClaimWeight >= 0.7 && role != ColumnRole.Number
            ? (role, match.Groups[2].Value.Trim())
            : null;
    }

    /// <summary>The head of a numbered item: "1. …", "2) …", "1.1. …", "Nhiệm vụ 3: …"; null for any other line.</summary>
    private static (string Style, string Number, string Title)? ReadHead(string text)
    {
        if (NumberedItem().Match(text) is { Success: true } simple)
        {
            return ("n", simple.Groups[1].Value, simple.Groups[2].Value.Trim());
        }

        if (DottedItem().Match(text) is { Success: true } dotted)
        {
            // "1.1." is one level under "1.", "1.1.1." two: the style is the depth.
            var number = dotted.Groups[1].Value;
            return (new string('n', number.Count(c => c == '.') + 1), number, dotted.Groups[2].Value.Trim());
        }

        return NamedItem().Match(text) is { Success: true } named
            ? ("w:" + VietnameseText.Fold(named.Groups[1].Value), named.Groups[1].Value + " " + named.Groups[2].Value, named.Groups[3].Value.Trim())
            : null;
    }

    /// <summary>
    /// The outline level of each item, as a reader sees it: a numbering style met for the first time goes one level under
    /// the item before it, a style met before goes back to that level ("1." then "1.1." then "1.2." then "2.").
    /// </summary>
    private static List<int> OutlineLevels(List<string> styles)
    {
        var open = new List<string>();
        var levels = new List<int>(styles.Count);
        foreach (var style in styles)
        {
            var at = open.IndexOf(style);
            if (at < 0)
            {
                open.Add(style);
                at = open.Count - 1;
            }
            else
            {
                open.RemoveRange(at + 1, open.Count - at - 1);
            }

            levels.Add(at);
        }

        return levels;
    }

    /// <summary>
    /// What an item assigns. Mostly itself; but in "Tổ chức thực hiện" an item that only names a body ("1. Cục Quản lý chất
    /// lượng:", a short title that begins with a body and ends with a colon) and then lists its duties as "a) …", "b) …", with no
    /// time or labelled line of their own, gives one task per duty, led by that body.
    /// </summary>
    private static IEnumerable<((string Number, List<(int Number, string Raw, string Text)> Lines) Part, string? Lead)> Duties(
        (string Style, string Number, string Title) head, List<(int Number, string Raw, string Text)> paragraphs, bool assignments)
    {
        var title = head.Title.TrimEnd(' ', ':', '.');
        var duties = paragraphs.Select((p, i) => (p, i)).Where(x => LetteredDuty().IsMatch(x.p.Text)).ToList();
        if (!assignments || !head.Title.TrimEnd().EndsWith(':') || duties.Count < 2 || duties[0].i != 0
            || LeadingAgency(title) is null || CellEvidence.FoldedWords(title).Count > 16
            || paragraphs.Any(p => TimeLine().IsMatch(p.Text) || LabelledLine(p.Text) is not null))
        {
            yield return ((head.Number, paragraphs), null);
            yield break;
        }

        for (var d = 0; d < duties.Count; d++)
        {
            var end = d + 1 < duties.Count ? duties[d + 1].i : paragraphs.Count;
            var letter = LetteredDuty().Match(duties[d].p.Text).Groups[1].Value;
            yield return ((letter, paragraphs.Skip(duties[d].i).Take(end - duties[d].i).ToList()), title);
        }
    }

    /// <summary>One lettered duty of a body named by the item above it: no deadline unless its text gives one.</summary>
    private PlanTask ReadDuty(Section section, string letter, List<(int Number, string Raw, string Text)> lines, string lead, int? planYear)
    {
        var content = string.Join(" ", lines.Select(l => l.Text)).Trim();
        content = LetteredDuty().Replace(content, string.Empty, 1);
        var builder = new TaskBuilder(section, letter, lines[0].Number)
        {
            Content = content,
            Lead = lead,
            Deadline = DeadlineInProse().Match(content) is { Success: true } inProse ? inProse.Value.Trim() : null,
        };
        builder.RawLines.AddRange(lines.Select(l => l.Raw));
        return builder.Build(deadlines, planYear, []);
    }

    /// <summary>The agency a sentence begins with: "Các cơ quan, đơn vị, địa phương chủ động …" → "Các cơ quan, đơn vị, địa phương".</summary>
    private static string? LeadingAgency(string sentence)
    {
        var text = sentence.Trim();
        if (text.StartsWith("Giao ", StringComparison.Ordinal))
        {
            text = text[5..];
        }

        var folded = VietnameseText.Fold(text);
        var words = WordRegex().Matches(folded).ToList();
        if (words.Count == 0 || !(ColumnVocabulary.AgencyHeads.Contains(words[0].Value) || words[0].Value == "nguoi"))
        {
            return null;
        }

        var end = 0;
        foreach (var word in words)
        {
            var rest = folded[word.Index..];
            if (Verbs.Any(v => rest.StartsWith(v, StringComparison.Ordinal) && (rest.Length == v.Length || !char.IsLetterOrDigit(rest[v.Length]))))
            {
                break;
            }

            if (!ColumnVocabulary.AgencyWords.Contains(word.Value) && word.Value is not ("nguoi" or "dung" or "dau" or "cap"))
            {
                break;
            }

            end = word.Index + word.Length;
        }

        return end == 0 ? null : text[..end].TrimEnd(',', ';', ' ');
    }

    private static string StripItemMarker(string text) => ItemMarker().Replace(text, string.Empty);

    private static bool IsTaskSection(string heading)
    {
        var folded = VietnameseText.Fold(RomanHeading().Match(heading).Groups[2].Value);
        return TaskSections.Any(s => folded.StartsWith(s, StringComparison.Ordinal)) && !folded.Contains("muc dich", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^([IVXLC]+)\s*[.:\-–]\s*(\S.*)$")]
    private static partial Regex RomanHeading();

    [GeneratedRegex(@"^(\d{1,2})\s*[.)]\s+(\S.*)$")]
    private static partial Regex NumberedItem();

    [GeneratedRegex(@"^[a-zđ]\)\s*")]
    private static partial Regex ItemMarker();

    [GeneratedRegex(@"^(\d{1,2}(?:\.\d{1,2}){1,3})\.?\s+(\S.*)$")]
    private static partial Regex DottedItem();

    /// <summary>"Nhiệm vụ 3: …", "Hoạt động 2. …": an item named by the word it counts.</summary>
    [GeneratedRegex(@"^(Nhiệm vụ|Hoạt động|Công việc|Giải pháp)\s+(?:số\s+|thứ\s+)?(\d{1,2})\s*[:.\-–]\s*(\S.*)$")]
    private static partial Regex NamedItem();

    [GeneratedRegex(@"^([a-zđ])\)\s+")]
    private static partial Regex LetteredDuty();

    [GeneratedRegex(@"^\s*(?:[-–+•*]|[a-zđ][).])?\s*([\p{L}][\p{L} ,/]{1,50}?)\s*:\s*(\S.*)$")]
    private static partial Regex Label();

    /// <summary>A line that opens a sub-item or a bullet: "- ", "+ ", "• ".</summary>
    [GeneratedRegex(@"^\s*[-–+•*]\s")]
    private static partial Regex SubItem();

    [GeneratedRegex(@"^(?:Thời gian|Thời hạn|Tiến độ)(?: hoàn thành| thực hiện)?\s*:\s*(.+)$")]
    private static partial Regex TimeLine();

    [GeneratedRegex(@"\b(?:vào ngày \d{1,2} (?:hằng|hàng) (?:tháng|quý|năm)|trước ngày \d{1,2}/\d{1,2}(?:/\d{4})?|chậm nhất (?:ngày )?\d{1,2}/\d{1,2}(?:/\d{4})?)")]
    private static partial Regex DeadlineInProse();

    [GeneratedRegex(@"^(?:trên đây|noi nhan|tren day)")]
    private static partial Regex Closing();

    [GeneratedRegex(@"[\p{L}\p{N}&]+")]
    private static partial Regex WordRegex();
}
