namespace DonDoc.Core.Deadlines;

/// <summary>
/// Reads the deadline column of a plan ("Chậm nhất ngày 01/4/2026", "Quý III/2026", "Thường xuyên",
/// "Sau đại hội 07 ngày", "Sau khi có hướng dẫn của Trung ương", "Từ tháng 12/2025 đến quý I/2026")
/// into a <see cref="Deadline"/>. Total: every string gives a value; what is not understood becomes an
/// <see cref="UnknownTerm"/> with a reason.
/// </summary>
/// <remarks>
/// A grammar over tokens, without regular expressions: the text is cleaned, folded and cut into words,
/// numbers and signs once; the text is split into parts at ";", at list dashes and at labels ("Đợt 1:",
/// "Sơ kết:"); within a part, rules run from the most specific (a condition that quotes a document with
/// its own dates) to the least (a bare date), each taking the tokens it reads so that none is read
/// twice. Every rule looks at a bounded number of tokens from where it starts, so a parse is linear in
/// the length of the text. Dates and periods joined by "và", ",", "-", "đến" form one range or list,
/// due at its end; waves ("Đợt 1: …; Đợt 2: …") likewise; other labelled milestones are due at the first.
/// </remarks>
public sealed partial class DeadlineParser
{
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

        var source = DeadlineText.Read(text);
        if (source.Tokens.Length == 0)
        {
            return Deadline.None with { Raw = text };
        }

        var terms = new Reading(source, planYear).Run();
        return terms.Count == 0
            ? new Deadline(text, [new UnknownTerm(UnknownReason.NotUnderstood, source.Clean)])
            : new Deadline(text, terms);
    }

    /// <summary>A part of the text: between separators, after its label when it has one.</summary>
    /// <param name="LabelFrom">Where the part starts, its label included.</param>
    private readonly record struct Part(int LabelFrom, int From, int To, string? Label, bool Wave);

    /// <summary>The state of one parse: the text, which tokens are taken, the part being read.</summary>
    private sealed partial class Reading(DeadlineText text, int? planYear)
    {
        private readonly DeadlineText _text = text;
        private readonly Token[] _tokens = text.Tokens;
        private readonly bool[] _used = new bool[text.Tokens.Length];
        private readonly int? _planYear = planYear;
        private readonly List<(int Position, DeadlineTerm Term)> _found = [];
        private int _from;
        private int _to;

        public List<DeadlineTerm> Run()
        {
            var parts = new List<Part>();
            var start = 0;
            for (var i = 0; i < _tokens.Length; i++)
            {
                if (_tokens[i].Kind == TokenKind.Semicolon)
                {
                    SplitAtListDashes(start, i, parts);
                    start = i + 1;
                }
            }

            SplitAtListDashes(start, _tokens.Length, parts);

            var results = new List<(Part Part, List<(int Position, DeadlineTerm Term)> Terms)>(parts.Count);
            foreach (var part in parts)
            {
                _from = part.From;
                _to = part.To;
                _found.Clear();
                ReadPart();
                results.Add((part, _found.OrderBy(t => t.Position).ToList()));
            }

            return Combine(results);
        }

        private void ReadPart()
        {
            if (_from >= _to)
            {
                return;
            }

            ReadDone();
            ReadFollowedDocuments();
            ReadOffsetsFromEvents();
            ReadConditions();
            ReadEvents();
            ReadRecurring();
            ReadOpenStarts();
            ReadContinuous();
            ReadTimes();
        }

        /// <summary>
        /// Cuts [from, to) at dashes that open a list item ("… 01/7/2026 - Phương án: …"), not at those
        /// that join two dates or periods ("2025 - 2035", "Quý IV/2025- Quý II/2026").
        /// </summary>
        private void SplitAtListDashes(int from, int to, List<Part> parts)
        {
            var start = from;
            for (var i = from; i < to; i++)
            {
                if (_tokens[i].Kind != TokenKind.Dash || !(_tokens[i].SpaceBefore || i == from))
                {
                    continue;
                }

                // "Quý II - III/2026", "tháng 01 - 12": the item after the dash may leave out its word.
                if (i > from && i + 1 < to && EndsTime(i, out var ending)
                    && TryAtom(i + 1, to, ending.Kind is AtomKind.Quarter or AtomKind.Month ? ending : null, out _))
                {
                    continue;
                }

                SplitAtLabels(start, i, parts);
                start = i + 1;
            }

            SplitAtLabels(start, to, parts);
        }

        /// <summary>Whether a date or period ends right before token <paramref name="index"/>.</summary>
        private bool EndsTime(int index, out Atom ending)
        {
            // A date or period is at most eight tokens long ("16 giờ 30 ngày 31/3/2026").
            for (var start = Math.Max(0, index - 8); start < index; start++)
            {
                if (TryAtom(start, index, null, out ending) && ending.To == index)
                {
                    return true;
                }
            }

            ending = default;
            return false;
        }

        /// <summary>Cuts [from, to) at labels ("Sơ kết:", "Đợt 2:") and at wave markers ("Đợt 2 từ …").</summary>
        private void SplitAtLabels(int from, int to, List<Part> parts)
        {
            var partStart = from;
            string? label = null;
            var wave = false;
            var contentStart = from;
            for (var i = from; i < to; i++)
            {
                var opensLabel = i == from || _tokens[i - 1].Kind is TokenKind.Comma or TokenKind.Dot or TokenKind.Close;
                if (!opensLabel || _tokens[i].Kind != TokenKind.Word)
                {
                    continue;
                }

                var waveLength = WaveMarkerLength(i, to);
                var isWave = waveLength > 0;
                var colon = LabelColon(i, to);
                if (colon < 0 && !isWave)
                {
                    continue;
                }

                if (i > from)
                {
                    parts.Add(new Part(partStart, contentStart, i, label, wave));
                }

                partStart = i;
                wave = isWave;
                var labelEnd = colon >= 0 ? colon : i + waveLength;
                label = _text.Printed(i, labelEnd);
                contentStart = colon >= 0 ? colon + 1 : labelEnd;
                i = contentStart - 1;
            }

            parts.Add(new Part(partStart, contentStart, to, label, wave));
        }

        /// <summary>The colon of a label of one to six words starting at <paramref name="index"/>, or -1.</summary>
        private int LabelColon(int index, int to)
        {
            for (var i = index; i < to && i < index + 7; i++)
            {
                switch (_tokens[i].Kind)
                {
                    case TokenKind.Colon:
                        // "16:30" is an hour, not a label.
                        return i > index && !_text.Is(i + 1, TokenKind.Number) ? i : -1;
                    case TokenKind.Word:
                    case TokenKind.Number when i > index:
                        continue;
                    default:
                        return -1;
                }
            }

            return -1;
        }

        /// <summary>The length of "Đợt 1", "Giai đoạn II", "Lần 2" at <paramref name="index"/>, or 0.</summary>
        private int WaveMarkerLength(int index, int to)
        {
            foreach (var words in DeadlineVocabulary.WaveLabels)
            {
                if (!_text.AreWords(index, words))
                {
                    continue;
                }

                var number = index + words.Length;
                if (number >= to)
                {
                    return 0;
                }

                var value = _text.Number(number, 2);
                if (value is >= 1 and <= 20 || RomanValue(number) is >= 1)
                {
                    return words.Length + 1;
                }
            }

            return 0;
        }

        private int RomanValue(int index)
        {
            if (!_text.Is(index, TokenKind.Word))
            {
                return 0;
            }

            var token = _tokens[index];
            return _text.Folded.AsSpan(token.Start, token.Length) switch
            {
                "i" => 1,
                "ii" => 2,
                "iii" => 3,
                "iv" => 4,
                "v" => 5,
                "vi" => 6,
                _ => 0,
            };
        }

        /// <summary>
        /// Waves of one task are due when the last ends; separately labelled milestones keep their labels
        /// and, as the order of the terms, make the task due at the first.
        /// </summary>
        private List<DeadlineTerm> Combine(List<(Part Part, List<(int Position, DeadlineTerm Term)> Terms)> results)
        {
            var waves = results.Where(r => r.Part.Wave && r.Terms.Any(t => t.Term.Due is not null)).ToList();
            var labelled = results.Count(r => r.Part.Label is not null && r.Terms.Count > 0);
            var terms = new List<DeadlineTerm>();
            var waveMerged = false;
            foreach (var (part, found) in results)
            {
                if (waves.Count >= 2 && part.Wave && found.Any(t => t.Term.Due is not null))
                {
                    if (!waveMerged)
                    {
                        waveMerged = true;
                        var concrete = waves.SelectMany(w => w.Terms).Select(t => t.Term).Where(t => t.Due is not null).ToList();
                        var start = concrete.Min(StartOf);
                        var latest = concrete.MaxBy(t => t.Due!.Value)!;
                        var end = latest.Due!.Value;
                        var last = waves[^1].Part;

                        // Waves that end on a day are due on that day (kind "date"), as a range of days is.
                        terms.Add(latest is DateTerm dated
                            ? new DateTerm(end, dated.Time)
                            : new PeriodTerm(start, end, _text.Printed(waves[0].Part.LabelFrom, last.To)));
                    }

                    terms.AddRange(found.Select(t => t.Term).Where(t => t.Due is null));
                    continue;
                }

                foreach (var (_, term) in found)
                {
                    terms.Add(labelled >= 2 && part.Label is not null ? term with { Milestone = part.Label } : term);
                }
            }

            return terms;
        }

        private static DateOnly StartOf(DeadlineTerm term) => term switch
        {
            PeriodTerm period => period.Start,
            _ => term.Due!.Value,
        };

        private bool Free(int index) => index >= _from && index < _to && !_used[index];

        private bool WordAt(int index, string word) => Free(index) && _text.IsWord(index, word);

        /// <summary>The length of the first of <paramref name="phrases"/> whose free words start at <paramref name="index"/>, or 0.</summary>
        private int PhraseAt(int index, string[][] phrases)
        {
            foreach (var words in phrases)
            {
                var all = true;
                for (var i = 0; i < words.Length && all; i++)
                {
                    all = WordAt(index + i, words[i]);
                }

                if (all)
                {
                    return words.Length;
                }
            }

            return 0;
        }

        private bool WordIn(int index, HashSet<string> words)
        {
            if (!_text.Is(index, TokenKind.Word))
            {
                return false;
            }

            var token = _tokens[index];
            return words.GetAlternateLookup<ReadOnlySpan<char>>().Contains(_text.Folded.AsSpan(token.Start, token.Length));
        }

        private void Use(int from, int to)
        {
            for (var i = Math.Max(from, _from); i < to && i < _to; i++)
            {
                _used[i] = true;
            }
        }

        private void Add(int position, DeadlineTerm term) => _found.Add((position, term));

        /// <summary>
        /// Where a condition, a quoted document or an event that starts at <paramref name="from"/> ends:
        /// at a taken token, or at a separator after which a binding date follows ("…, chậm nhất ngày 30/6/2026").
        /// </summary>
        private int StopAt(int from)
        {
            var i = from;
            while (i < _to && !IsStop(i))
            {
                i++;
            }

            return i;
        }

        private bool IsStop(int index)
        {
            if (_used[index])
            {
                return true;
            }

            var token = _tokens[index];
            var separates = token.Kind is TokenKind.Comma or TokenKind.Open or TokenKind.Dot
                || (token.Kind == TokenKind.Dash && token.SpaceBefore);
            return separates && BindingTimeFollows(index + 1);
        }

        /// <summary>Whether lead words that bind a date ("chậm nhất", "trước", "hoàn thành trong") and then a date or period start at <paramref name="index"/>.</summary>
        private bool BindingTimeFollows(int index)
        {
            var binding = false;
            var i = index;
            while (i < _to && i < index + 6 && WordIn(i, DeadlineVocabulary.DeadlineLeads))
            {
                binding |= WordIn(i, DeadlineVocabulary.BindingLeads);
                i++;
            }

            // "ngày" is both a lead and the first word of a date: let the date have it.
            if (i > index && _text.IsWord(i - 1, "ngay"))
            {
                i--;
            }

            return binding && !_used[Math.Min(i, _to - 1)] && TryAtom(i, _to, null, out _);
        }
    }
}
