using System.Globalization;
using System.Text.RegularExpressions;
using DonDoc.Core.Text;

namespace DonDoc.Core.Deadlines;

/// <summary>
/// Reads the deadline column of a plan ("Chậm nhất ngày 01/4/2026", "Quý III/2026", "Thường xuyên",
/// "Sau đại hội 07 ngày", "Sau khi có hướng dẫn của Trung ương") into a <see cref="Deadline"/>.
/// Total: every string gives a value; what is not understood becomes an <see cref="UnknownTerm"/> with a reason.
/// </summary>
/// <remarks>
/// The text is folded (lower case, no diacritics) and cut into clauses at ";" and list dashes. Within a
/// clause, recognizers run from the most specific (a condition that quotes a document with its own
/// dates) to the least (a bare date), each masking what it consumed so that no span is read twice.
/// </remarks>
public sealed partial class DeadlineParser
{
    private const char Mask = '\u0001';

    private static readonly string Every = Alternation(DeadlineVocabulary.Every);
    private static readonly Regex DoneRegex = Build($@"\b(?:{Alternation(DeadlineVocabulary.Done)})\b");
    private static readonly Regex ContinuousRegex = Build($@"\b(?:{Alternation(DeadlineVocabulary.Continuous)})\b");
    private static readonly Regex FollowsDocumentRegex = Build($@"\btheo\s+(?:cac\s+|nhung\s+)?(?:{Alternation(DeadlineVocabulary.FollowedDocuments)})\b.*$");
    private static readonly Regex ConditionRegex = Build($@"(?:\bngay\s+)?\b(?:{Alternation(DeadlineVocabulary.ConditionOpeners)})\s+\S.*$");
    private static readonly Regex OffsetRegex = Build(@"\b(\d{1,3})\s+ngay(\s+lam\s+viec)?\b");
    private static readonly Regex DirectionRegex = Build(@"\b(sau|truoc)\b");
    private static readonly Regex OffsetAfterImpliedEventRegex = Build(@"\bsau\s+(\d{1,3})\s+ngay(\s+lam\s+viec)?\b");
    private static readonly Regex ImmediatelyRegex = Build(@"\bngay\s+(?:sau|khi)\b");

    // Recurring.
    private static readonly Regex MonthlyOnDayRegex = Build($@"(?:\b(?:truoc|vao|cham nhat)\s+)?\bngay\s+(\d{{1,2}})\s+(?:{Every})\s+thang\b");
    private static readonly Regex QuarterlyOnDayRegex = Build(@"(?:\b(?:truoc|vao|cham nhat)\s+)?\bngay\s+(\d{1,2})\s+(?:cua\s+)?thang\s+(cuoi|dau|giua)\s+(?:cua\s+)?(?:moi\s+|hang\s+)?quy\b");
    private static readonly Regex YearlyOnDateRegex = Build($@"(?:\b(?:truoc|vao|cham nhat)\s+)?(?:\bngay\s+)?\b(\d{{1,2}})\s*/\s*(\d{{1,2}})\s+(?:{Every})\s+nam\b");
    private static readonly Regex EveryPeriodRegex = Build($@"\b(?:{Every})\s+(6\s+thang|sau\s+thang|thang|quy|nam)\b");

    // Periods.
    private static readonly Regex FullDateRegex = Build(@"\bngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})\b");
    private static readonly Regex MonthRangeFromToRegex = Build(@"\btu\s+(?:thang\s+)?(\d{1,2})(?:\s*/\s*(\d{4}))?\s+(?:den|toi)\s+(?:het\s+)?thang\s+(\d{1,2})\s*(?:/|\s+nam\s+)\s*(\d{4})\b");
    private static readonly Regex MonthSpanRegex = Build(@"\bthang\s+(\d{1,2})\s*[-–]\s*(\d{1,2})\s*(?:/|\s+nam\s+)\s*(\d{4})\b");
    private static readonly Regex MonthListRegex = Build(@"\bthang\s+(\d{1,2})((?:\s*(?:,|va|;)\s*(?:thang\s+)?\d{1,2})*)\s*(?:/|\s+nam\s+)\s*(\d{4})\b");
    private static readonly Regex MonthNoYearRegex = Build(@"\bthang\s+(\d{1,2})\b(?!\s*/)");
    private static readonly Regex QuarterRegex = Build(@"\bquy\s+(iv|iii|ii|i|[1-4])\b((?:\s*(?:,|va|-|–)\s*(?:quy\s+)?(?:iv|iii|ii|i|[1-4])\b)*)(?:\s*(?:/|\s+nam\s+|\s+)\s*(\d{4}))?");
    private static readonly Regex HalfYearRegex = Build(@"\b(?:6|sau)\s+thang\s+(dau|cuoi)\s+nam(?:\s*(\d{4}))?|\bnua\s+(dau|cuoi)\s+nam(?:\s*(\d{4}))?");
    private static readonly Regex PhaseRegex = Build(@"\bgiai\s+doan\s+(\d{4})\s*[-–]\s*(\d{4})\b");
    private static readonly Regex EndOfYearRegex = Build(@"\b(?:den\s+)?(?:het|cuoi)\s+nam\s+(\d{4})\b");
    private static readonly Regex YearListRegex = Build(@"\bnam\s+(\d{4})((?:\s*(?:,|va|-|–)\s*\d{4})*)\b");
    private static readonly Regex PlanYearRegex = Build($@"\b(?:{Alternation(DeadlineVocabulary.PlanYear)})\b");
    private static readonly Regex BareYearRegex = Build(@"^\W*(\d{4})\W*$");

    // Dates.
    private static readonly Regex DateRegex = Build(@"(?:\b(\d{1,2})\s*(?:h|gio)\s*(\d{2})?(?:\s*phut)?\s*(?:,\s*)?(?:ngay\s+)?)?\b(\d{1,2})\s*[/.]\s*(\d{1,2})(?:\s*[/.]\s*(\d{4}))?\b(?!\s*[/.]\s*\d)");
    private static readonly Regex HourRegex = Build(@"\b(\d{1,2})\s*(?:h|gio)\s*(\d{2})?\b");

    private static readonly Regex ClauseBreakRegex = Build(@";|(?:^|\s)[-–]\s|\n");

    /// <summary>Parses <paramref name="text"/>; <paramref name="planYear"/> fills dates and periods printed without a year.</summary>
    public Deadline Parse(string? text, int? planYear = null)
    {
        if (text is null)
        {
            return Deadline.None;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return Deadline.None with { Raw = text };
        }

        if (text.Length > LongestText)
        {
            return new Deadline(text, [new UnknownTerm($"{text.Length} characters are not a deadline (at most {LongestText})")]);
        }

        var original = VietnameseText.CollapseWhiteSpace(text.Normalize(System.Text.NormalizationForm.FormC));
        var folded = VietnameseText.Fold(original);
        var terms = new List<(int Position, DeadlineTerm Term)>();
        var start = 0;
        foreach (Match breakMatch in ClauseBreakRegex.Matches(folded))
        {
            ParseClause(original, folded, start, breakMatch.Index, planYear, terms);
            start = breakMatch.Index + breakMatch.Length;
        }

        ParseClause(original, folded, start, folded.Length, planYear, terms);
        if (terms.Count == 0)
        {
            return new Deadline(text, [new UnknownTerm($"not understood: \"{original}\"")]);
        }

        return new Deadline(text, terms.OrderBy(t => t.Position).Select(t => t.Term).ToList());
    }

    private static void ParseClause(string original, string folded, int start, int end, int? planYear, List<(int, DeadlineTerm)> terms)
    {
        if (end <= start)
        {
            return;
        }

        var clause = new Clause(original.Substring(start, end - start), folded.Substring(start, end - start).ToCharArray(), start);
        if (clause.Folded.AsSpan().Trim().IsEmpty)
        {
            return;
        }

        // Each recognizer runs only when its key word is present: most clauses need two or three of them.
        if (clause.Mentions("hoan thanh") || clause.Mentions("thuc hien xong") || clause.Mentions("ban hanh"))
        {
            ReadDone(clause, terms);
        }

        if (clause.Mentions("theo"))
        {
            ReadFollowedDocument(clause, terms);
        }

        if (clause.Mentions("khi"))
        {
            ReadConditionOrEvent(clause, terms);
        }

        if (clause.Mentions("dai hoi") || clause.Mentions("hoi nghi") || clause.Mentions("ky hop") || clause.Mentions("bau cu") || clause.Mentions("ban hanh")
            || (clause.Mentions("sau") && clause.Mentions("ngay")))
        {
            ReadEvent(clause, terms);
        }

        if (clause.MentionsWord("hang") || clause.MentionsWord("moi") || clause.Mentions("dinh k") || clause.Mentions("cuoi quy") || clause.Mentions("dau quy") || clause.Mentions("giua quy"))
        {
            ReadRecurring(clause, terms);
        }

        if (clause.Mentions("thuong xuyen") || clause.Mentions("lien tuc") || clause.Mentions("hang ngay"))
        {
            ReadContinuous(clause, terms);
        }

        ReadPeriods(clause, planYear, terms);
        if (clause.Text.AsSpan().IndexOfAny('/', '.') >= 0)
        {
            ReadDates(clause, planYear, terms);
        }
    }

    private static void ReadDone(Clause clause, List<(int, DeadlineTerm)> terms)
    {
        foreach (var match in clause.Consume(DoneRegex))
        {
            terms.Add((clause.Offset + match.Index, new DoneTerm()));
        }
    }

    /// <summary>"Theo Kế hoạch số 331-KH/TU …": the dates inside belong to the document, not to the task.</summary>
    private static void ReadFollowedDocument(Clause clause, List<(int, DeadlineTerm)> terms)
    {
        foreach (var match in clause.Consume(FollowsDocumentRegex))
        {
            terms.Add((clause.Offset + match.Index, new ConditionalTerm(clause.OriginalOf(match))));
        }
    }

    /// <summary>"Sau khi có hướng dẫn …" waits for a trigger; "Chậm nhất 07 ngày sau khi kết thúc Đại hội" for an event.</summary>
    private static void ReadConditionOrEvent(Clause clause, List<(int, DeadlineTerm)> terms)
    {
        var match = ConditionRegex.Match(clause.Text);
        if (!match.Success)
        {
            return;
        }

        var condition = VietnameseText.Fold(clause.OriginalOf(match));
        if (MentionsEvent(condition))
        {
            ReadEvent(clause, terms);
            return;
        }

        clause.MaskSpan(match.Index, match.Length);
        var trigger = clause.OriginalOf(match);
        terms.Add((clause.Offset + match.Index, new ConditionalTerm(trigger)));
    }

    private static void ReadEvent(Clause clause, List<(int, DeadlineTerm)> terms)
    {
        var text = clause.Text;
        var eventIndex = FindEvent(text, out var eventLength);
        var offsetMatch = OffsetRegex.Match(text);
        if (eventIndex < 0)
        {
            // "Sau 7 ngày làm việc": an offset after an event the task implies.
            var bare = OffsetAfterImpliedEventRegex.Match(text);
            if (!bare.Success)
            {
                return;
            }

            clause.MaskSpan(bare.Index, bare.Length);
            terms.Add((clause.Offset + bare.Index, new EventRelativeTerm(string.Empty, EventDirection.After, int.Parse(bare.Groups[1].Value, CultureInfo.InvariantCulture), bare.Groups[2].Success)));
            return;
        }

        // The direction is the nearest "sau"/"trước" before the event, else after it ("Sau đại hội 07 ngày").
        var after = true;
        var spanStart = eventIndex;
        foreach (Match direction in DirectionRegex.Matches(text[..eventIndex]))
        {
            after = direction.Groups[1].Value == "sau";
            spanStart = Math.Min(spanStart, direction.Index);
        }

        var immediately = ImmediatelyRegex.Match(text);
        if (immediately.Success && immediately.Index < eventIndex)
        {
            spanStart = Math.Min(spanStart, immediately.Index);
        }

        var eventEnd = EventNameEnd(text, eventIndex + eventLength, offsetMatch);
        var eventName = clause.Original.Substring(eventIndex, eventEnd - eventIndex).Trim().TrimEnd('.', ',', ';', ':', ')');
        var offset = 0;
        var workingDays = false;
        var spanEnd = eventEnd;
        if (offsetMatch.Success)
        {
            offset = int.Parse(offsetMatch.Groups[1].Value, CultureInfo.InvariantCulture);
            workingDays = offsetMatch.Groups[2].Success;
            spanStart = Math.Min(spanStart, offsetMatch.Index);
            spanEnd = Math.Max(spanEnd, offsetMatch.Index + offsetMatch.Length);
        }

        clause.MaskSpan(spanStart, spanEnd - spanStart);
        terms.Add((clause.Offset + spanStart, new EventRelativeTerm(eventName, after ? EventDirection.After : EventDirection.Before, offset, workingDays)));
    }

    /// <summary>The event's name runs to the offset, a parenthesis or the end of the clause.</summary>
    private static int EventNameEnd(string text, int from, Match offset)
    {
        var end = text.Length;
        if (offset.Success && offset.Index >= from)
        {
            end = offset.Index;
        }

        var paren = text.IndexOf('(', from);
        if (paren >= 0 && paren < end)
        {
            end = paren;
        }

        return end;
    }

    private static bool MentionsEvent(string folded) => FindEvent(folded, out _) >= 0;

    private static int FindEvent(string folded, out int length)
    {
        foreach (var words in DeadlineVocabulary.Events)
        {
            var first = IndexOfWord(folded, words[0], 0);
            if (first < 0)
            {
                continue;
            }

            var position = first;
            var all = true;
            for (var i = 1; i < words.Length && all; i++)
            {
                position = IndexOfWord(folded, words[i], position);
                all = position >= 0;
            }

            if (all)
            {
                length = words[0].Length;
                return first;
            }
        }

        length = 0;
        return -1;
    }

    private static int IndexOfWord(string text, string word, int from)
    {
        var index = text.IndexOf(word, from, StringComparison.Ordinal);
        while (index >= 0)
        {
            var startsWord = index == 0 || !char.IsLetterOrDigit(text[index - 1]);
            var end = index + word.Length;
            var endsWord = end == text.Length || !char.IsLetterOrDigit(text[end]);
            if (startsWord && endsWord)
            {
                return index;
            }

            index = text.IndexOf(word, index + 1, StringComparison.Ordinal);
        }

        return -1;
    }

    private static void ReadRecurring(Clause clause, List<(int, DeadlineTerm)> terms)
    {
        foreach (var m in clause.Consume(MonthlyOnDayRegex))
        {
            if (Day(m.Groups[1]) is { } day)
            {
                terms.Add((clause.Offset + m.Index, new RecurringTerm(new RecurrenceRule(RecurrenceFrequency.Monthly, day, 1))));
            }
        }

        foreach (var m in clause.Consume(QuarterlyOnDayRegex))
        {
            var monthOfQuarter = m.Groups[2].Value switch { "dau" => 1, "giua" => 2, _ => 3 };
            if (Day(m.Groups[1]) is { } day)
            {
                terms.Add((clause.Offset + m.Index, new RecurringTerm(new RecurrenceRule(RecurrenceFrequency.Quarterly, day, monthOfQuarter))));
            }
        }

        foreach (var m in clause.Consume(YearlyOnDateRegex))
        {
            var day = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            var month = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            DeadlineTerm term = month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2024, month)
                ? new RecurringTerm(new RecurrenceRule(RecurrenceFrequency.Yearly, day, month))
                : new UnknownTerm($"{day}/{month} is not a day of the year");
            terms.Add((clause.Offset + m.Index, term));
        }

        foreach (var m in clause.Consume(EveryPeriodRegex))
        {
            var rule = m.Groups[1].Value switch
            {
                "thang" => new RecurrenceRule(RecurrenceFrequency.Monthly, null, 1),
                "quy" => new RecurrenceRule(RecurrenceFrequency.Quarterly, null, 3),
                "nam" => new RecurrenceRule(RecurrenceFrequency.Yearly, null, 12),
                _ => new RecurrenceRule(RecurrenceFrequency.HalfYearly, null, 6),
            };
            terms.Add((clause.Offset + m.Index, new RecurringTerm(rule)));
        }
    }

    private static void ReadContinuous(Clause clause, List<(int, DeadlineTerm)> terms)
    {
        foreach (var m in clause.Consume(ContinuousRegex))
        {
            terms.Add((clause.Offset + m.Index, new ContinuousTerm()));
        }
    }

    private static void ReadPeriods(Clause clause, int? planYear, List<(int, DeadlineTerm)> terms)
    {
        foreach (var m in clause.ConsumeIf("thang", FullDateRegex))
        {
            terms.Add((clause.Offset + m.Index, MakeDate(Number(m.Groups[1]), Number(m.Groups[2]), Number(m.Groups[3]), null, clause.OriginalOf(m))));
        }

        foreach (var m in clause.ConsumeIf("thang", MonthRangeFromToRegex))
        {
            var endYear = Number(m.Groups[4]);
            var startYear = m.Groups[2].Success ? Number(m.Groups[2]) : endYear;
            terms.Add((clause.Offset + m.Index, MonthPeriod(startYear, Number(m.Groups[1]), endYear, Number(m.Groups[3]), clause.OriginalOf(m))));
        }

        foreach (var m in clause.ConsumeIf("thang", MonthSpanRegex))
        {
            var year = Number(m.Groups[3]);
            terms.Add((clause.Offset + m.Index, MonthPeriod(year, Number(m.Groups[1]), year, Number(m.Groups[2]), clause.OriginalOf(m))));
        }

        foreach (var m in clause.ConsumeIf("thang", MonthListRegex))
        {
            var year = Number(m.Groups[3]);
            var months = new List<int> { Number(m.Groups[1]) };
            months.AddRange(Regex.Matches(m.Groups[2].Value, @"\d{1,2}").Select(x => int.Parse(x.Value, CultureInfo.InvariantCulture)));
            terms.Add((clause.Offset + m.Index, MonthPeriod(year, months.Min(), year, months.Max(), clause.OriginalOf(m))));
        }

        foreach (var m in clause.ConsumeIf("quy", QuarterRegex))
        {
            var year = m.Groups[3].Success ? Number(m.Groups[3]) : planYear;
            var quarters = new List<int> { DeadlineVocabulary.QuarterNumbers[m.Groups[1].Value] };
            quarters.AddRange(Regex.Matches(m.Groups[2].Value, @"iv|iii|ii|i|[1-4]").Select(x => DeadlineVocabulary.QuarterNumbers[x.Value]));
            terms.Add((clause.Offset + m.Index, year is { } y
                ? MonthPeriod(y, (quarters.Min() * 3) - 2, y, quarters.Max() * 3, clause.OriginalOf(m))
                : new UnknownTerm($"\"{clause.OriginalOf(m)}\" has no year and the plan's year is not known")));
        }

        foreach (var m in clause.ConsumeIf("nam", HalfYearRegex))
        {
            var half = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[3].Value;
            var yearGroup = m.Groups[2].Success ? m.Groups[2] : m.Groups[4];
            var year = yearGroup.Success ? Number(yearGroup) : planYear;
            terms.Add((clause.Offset + m.Index, year is { } y
                ? (half == "dau" ? MonthPeriod(y, 1, y, 6, clause.OriginalOf(m)) : MonthPeriod(y, 7, y, 12, clause.OriginalOf(m)))
                : new UnknownTerm($"\"{clause.OriginalOf(m)}\" has no year and the plan's year is not known")));
        }

        foreach (var m in clause.ConsumeIf("giai doan", PhaseRegex))
        {
            terms.Add((clause.Offset + m.Index, MonthPeriod(Number(m.Groups[1]), 1, Number(m.Groups[2]), 12, clause.OriginalOf(m))));
        }

        foreach (var m in clause.ConsumeIf("nam", EndOfYearRegex))
        {
            var year = Number(m.Groups[1]);
            terms.Add((clause.Offset + m.Index, MonthPeriod(year, 1, year, 12, clause.OriginalOf(m))));
        }

        foreach (var m in clause.ConsumeIf("nam", YearListRegex))
        {
            var years = new List<int> { Number(m.Groups[1]) };
            years.AddRange(Regex.Matches(m.Groups[2].Value, @"\d{4}").Select(x => int.Parse(x.Value, CultureInfo.InvariantCulture)));
            terms.Add((clause.Offset + m.Index, MonthPeriod(years.Min(), 1, years.Max(), 12, clause.OriginalOf(m))));
        }

        foreach (var m in clause.Consume(BareYearRegex))
        {
            var year = Number(m.Groups[1]);
            terms.Add((clause.Offset + m.Index, MonthPeriod(year, 1, year, 12, clause.OriginalOf(m))));
        }

        foreach (var m in clause.ConsumeIf("nam", PlanYearRegex))
        {
            terms.Add((clause.Offset + m.Index, planYear is { } y
                ? MonthPeriod(y, 1, y, 12, $"{clause.OriginalOf(m)} {y}")
                : new UnknownTerm($"\"{clause.OriginalOf(m)}\" needs the plan's year, which is not known")));
        }

        foreach (var m in clause.ConsumeIf("thang", MonthNoYearRegex))
        {
            var month = Number(m.Groups[1]);
            terms.Add((clause.Offset + m.Index, planYear is { } y
                ? MonthPeriod(y, month, y, month, $"{clause.OriginalOf(m)}/{y}")
                : new UnknownTerm($"\"{clause.OriginalOf(m)}\" has no year and the plan's year is not known")));
        }
    }

    private static void ReadDates(Clause clause, int? planYear, List<(int, DeadlineTerm)> terms)
    {
        var hourBefore = HourRegex.Match(clause.Text);
        foreach (var m in clause.Consume(DateRegex))
        {
            var day = Number(m.Groups[3]);
            var month = Number(m.Groups[4]);
            int? year = m.Groups[5].Success ? Number(m.Groups[5]) : planYear;
            TimeOnly? time = null;
            var hourGroup = m.Groups[1];
            var minuteGroup = m.Groups[2];
            if (!hourGroup.Success && hourBefore.Success && hourBefore.Index < m.Index)
            {
                hourGroup = hourBefore.Groups[1];
                minuteGroup = hourBefore.Groups[2];
            }

            if (hourGroup.Success)
            {
                var hour = Number(hourGroup);
                var minute = minuteGroup.Success ? Number(minuteGroup) : 0;
                if (hour is >= 0 and < 24 && minute is >= 0 and < 60)
                {
                    time = new TimeOnly(hour, minute);
                }
            }

            terms.Add((clause.Offset + m.Index, year is { } y
                ? MakeDate(day, month, y, time, clause.OriginalOf(m))
                : new UnknownTerm($"\"{clause.OriginalOf(m)}\" has no year and the plan's year is not known")));
        }
    }

    private static DeadlineTerm MakeDate(int day, int month, int year, TimeOnly? time, string printed)
    {
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return new UnknownTerm($"\"{printed}\" is not a date");
        }

        return new DateTerm(new DateOnly(year, month, day), time);
    }

    private static DeadlineTerm MonthPeriod(int startYear, int startMonth, int endYear, int endMonth, string printed)
    {
        if (startMonth is < 1 or > 12 || endMonth is < 1 or > 12 || startYear is < 1 or > 9999 || endYear is < 1 or > 9999)
        {
            return new UnknownTerm($"\"{printed}\" is not a period");
        }

        var start = new DateOnly(startYear, startMonth, 1);
        var end = new DateOnly(endYear, endMonth, DateTime.DaysInMonth(endYear, endMonth));
        return end < start ? new UnknownTerm($"\"{printed}\" ends before it starts") : new PeriodTerm(start, end, printed);
    }

    private static int Number(Group group) =>
        int.TryParse(group.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : -1;

    private static int? Day(Group group) => Number(group) is var day and >= 1 and <= 31 ? day : null;

    private static string Alternation(IEnumerable<string> words) =>
        string.Join("|", words.OrderByDescending(w => w.Length).Select(w => Regex.Escape(w).Replace(@"\ ", @"\s+", StringComparison.Ordinal)));

    /// <summary>
    /// No match timeout: a timer that trips when the machine is busy makes a good deadline fail at random. The
    /// patterns have bounded repetitions, and what they read is bounded by <see cref="LongestText"/>.
    /// </summary>
    private static Regex Build(string pattern) =>
        new(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled, Regex.InfiniteMatchTimeout);

    /// <summary>The longest text read as a deadline: a time cell is a line or two, never a page.</summary>
    public const int LongestText = 2_000;

    /// <summary>One clause of the text: its original form, its folded form with consumed spans masked, and where it starts.</summary>
    private sealed class Clause(string original, char[] folded, int offset)
    {
        private string? _text;

        public string Original { get; } = original;

        public char[] Folded { get; } = folded;

        public int Offset { get; } = offset;

        /// <summary>The folded text with what was consumed masked; rebuilt only after a mask.</summary>
        public string Text => _text ??= new string(Folded);

        /// <summary>Whether <paramref name="word"/> is still in the unconsumed text: a cheap test before a regex.</summary>
        public bool Mentions(string word) => Text.Contains(word, StringComparison.Ordinal);

        /// <summary>Whether <paramref name="word"/> is still in the text as a whole word ("hang", not the end of "thang").</summary>
        public bool MentionsWord(string word) => IndexOfWord(Text, word, 0) >= 0;

        /// <summary><see cref="Consume"/> when <paramref name="word"/> is still in the text; nothing otherwise.</summary>
        public List<Match> ConsumeIf(string word, Regex regex) => Mentions(word) ? Consume(regex) : [];

        /// <summary>Every match of <paramref name="regex"/> in what is not yet consumed; masks each.</summary>
        public List<Match> Consume(Regex regex)
        {
            var matches = regex.Matches(Text).Where(m => m.Length > 0).ToList();
            foreach (var match in matches)
            {
                MaskSpan(match.Index, match.Length);
            }

            return matches;
        }

        public void MaskSpan(int index, int length)
        {
            Array.Fill(Folded, Mask, index, length);
            _text = null;
        }

        public string OriginalOf(Match match) => Original.Substring(match.Index, match.Length).Trim().TrimEnd('.', ';', ',');
    }
}
