namespace DonDoc.Core.Deadlines;

public sealed partial class DeadlineParser
{
    private enum AtomKind
    {
        /// <summary>"31/8/2025", "ngày 20 tháng 5 năm 2026", "16h ngày 31/3/2026", "05/6".</summary>
        Date,

        /// <summary>"ngày 15" of "từ ngày 15 đến ngày 20/10/2025": a day that takes its month from the next date.</summary>
        Day,

        /// <summary>"Tháng 4/2026", "12/2025", "tháng 6".</summary>
        Month,

        /// <summary>"Quý III/2026", "Quí IV-2025", "quý 3 năm 2026".</summary>
        Quarter,

        /// <summary>"6 tháng đầu năm 2026", "9 tháng đầu năm".</summary>
        Months,

        /// <summary>"Năm 2027", "2027", "cuối năm 2025".</summary>
        Year,

        /// <summary>"Trong năm": the plan's year.</summary>
        PlanYear,

        /// <summary>"Năm học 2025 - 2026": September of the first year to June of the second (Year is the second).</summary>
        SchoolYear,
    }

    /// <summary>A date or period as printed: tokens [From, To); a year of 0 is one the text leaves out.</summary>
    private readonly record struct Atom(AtomKind Kind, int From, int To, int Year, int FirstMonth, int LastMonth, int Day, TimeOnly? Time);

    private sealed partial class Reading
    {
        /// <summary>Dates and periods; those joined by "và", ",", "-", "đến" make one range or list, due at its end.</summary>
        private void ReadTimes()
        {
            var chain = new List<Atom>();
            Atom? previous = null;
            for (var i = _from; i < _to;)
            {
                if (!Free(i))
                {
                    i++;
                    continue;
                }

                var continues = previous is { } last && Joined(last.To, i);
                if (!TryAtom(i, _to, continues ? previous : null, out var atom))
                {
                    i++;
                    continue;
                }

                if (!continues && chain.Count > 0)
                {
                    AddChain(chain);
                    chain.Clear();
                }

                chain.Add(atom);
                previous = atom;
                i = atom.To;
            }

            if (chain.Count > 0)
            {
                AddChain(chain);
            }
        }

        /// <summary>Whether only connectors ("và", "đến hết", ",", "-") stand between two dates or periods.</summary>
        private bool Joined(int end, int start)
        {
            if (JoinedAcrossParentheses(end, start))
            {
                return true;
            }

            if (start <= end || start - end > 4)
            {
                return false;
            }

            for (var i = end; i < start; i++)
            {
                if (!Free(i))
                {
                    return false;
                }

                var kind = _tokens[i].Kind;
                if (kind is TokenKind.Comma or TokenKind.Dash || (kind == TokenKind.Word && WordIn(i, DeadlineVocabulary.Connectors)))
                {
                    continue;
                }

                return false;
            }

            return true;
        }

        /// <summary>
        /// "Kỳ họp thứ Nhất (tháng 4/2026) và Kỳ họp thứ Hai (tháng 10/2026)": periods in parentheses after
        /// the items of one list ("…) và … (…") are one list, due at its end.
        /// </summary>
        private bool JoinedAcrossParentheses(int end, int start)
        {
            if (start - end < 4 || start - end > 10 || !_text.Is(end, TokenKind.Close) || !_text.Is(start - 1, TokenKind.Open) || !WordAt(end + 1, "va"))
            {
                return false;
            }

            for (var i = end + 2; i < start - 1; i++)
            {
                // The items' names may be taken already (an event: "Kỳ họp thứ Hai").
                if (_tokens[i].Kind != TokenKind.Word)
                {
                    return false;
                }
            }

            return true;
        }

        private void AddChain(List<Atom> chain)
        {
            // A day alone ("ngày 25") says nothing.
            if (chain.All(a => a.Kind == AtomKind.Day))
            {
                return;
            }

            var opened = WordAt(chain[0].From - 1, "tu");
            var from = opened ? chain[0].From - 1 : chain[0].From;
            var to = chain[^1].To;
            Use(from, to);

            // "Từ tháng 3 năm 2017" with no end says when work starts, not when it is due.
            if (opened && chain.Count == 1)
            {
                return;
            }
            var printed = _text.Printed(from, to);
            var tentative = Expected(from);

            // Years left out take the next printed year ("tháng 3 và tháng 4/2026", "từ 15/5 đến 30/6/2026"),
            // the year before when that would make the range run backwards ("từ tháng 12 đến tháng 2/2027").
            var atoms = chain.ToArray();
            var borrowed = false;
            for (var k = atoms.Length - 2; k >= 0; k--)
            {
                var next = atoms[k + 1];
                if (atoms[k].Kind == AtomKind.Day && next.Kind == AtomKind.Date)
                {
                    atoms[k] = atoms[k] with { FirstMonth = next.FirstMonth, LastMonth = next.LastMonth };
                }

                if (atoms[k].Year == 0 && next.Year != 0 && atoms[k].Kind != AtomKind.PlanYear)
                {
                    var year = next.Year;
                    if (atoms[k].FirstMonth > next.FirstMonth || (atoms[k].FirstMonth == next.FirstMonth && atoms[k].Day > next.Day))
                    {
                        year--;
                    }

                    atoms[k] = atoms[k] with { Year = year };
                }
            }

            for (var k = 1; k < atoms.Length; k++)
            {
                if (atoms[k].Year == 0 && atoms[k - 1].Year != 0 && atoms[k].Kind != AtomKind.PlanYear)
                {
                    atoms[k] = atoms[k] with { Year = atoms[k - 1].Year };
                }
            }

            DateOnly? start = null;
            DateOnly? end = null;
            Atom? last = null;
            foreach (var atom in atoms)
            {
                var a = atom;
                if (a.Year == 0)
                {
                    if (_planYear is not { } planYear)
                    {
                        Add(from, new UnknownTerm(a.Kind == AtomKind.PlanYear ? UnknownReason.NeedsPlanYear : UnknownReason.NoYear, printed));
                        return;
                    }

                    a = a with { Year = planYear };
                    borrowed = true;
                }

                if (a.Kind == AtomKind.Day)
                {
                    if (a.FirstMonth == 0)
                    {
                        continue;
                    }

                    a = a with { Kind = AtomKind.Date };
                }

                if (!Bounds(a, out var atomStart, out var atomEnd))
                {
                    Add(from, new UnknownTerm(a.Kind == AtomKind.Date ? UnknownReason.NotADate : UnknownReason.NotAPeriod, _text.Printed(atom.From, atom.To)));
                    return;
                }

                start = start is { } s && s < atomStart ? s : atomStart;
                if (end is not { } e || atomEnd >= e)
                {
                    end = atomEnd;
                    last = a;
                }
            }

            if (start is null || end is null)
            {
                return;
            }

            // A date, or a range or list that ends on a day ("Từ ngày 01/3/2026 đến ngày 30/4/2026",
            // "Trước ngày 10/6/2026 và trước ngày 10/12/2026"), is due on that day: kind "date".
            if (last is { Kind: AtomKind.Date } ending)
            {
                Add(from, new DateTerm(end.Value, ending.Time) { Tentative = tentative });
                return;
            }

            var label = borrowed ? WithPlanYear(printed, atoms[^1].Kind) : printed;
            Add(from, new PeriodTerm(start.Value, end.Value, label) { Tentative = tentative });
        }

        private string WithPlanYear(string printed, AtomKind kind) =>
            kind is AtomKind.Month or AtomKind.Quarter or AtomKind.Date ? $"{printed}/{_planYear}" : $"{printed} {_planYear}";

        /// <summary>Whether "Dự kiến" comes shortly before <paramref name="index"/>.</summary>
        private bool Expected(int index)
        {
            for (var i = index - 1; i >= _from && i >= index - 4; i--)
            {
                if (_tokens[i].Kind is TokenKind.Comma or TokenKind.Open or TokenKind.Close)
                {
                    return false;
                }

                if (_text.IsWord(i, "kien") && _text.IsWord(i - 1, "du"))
                {
                    return true;
                }

                if (_text.IsWord(i, "tinh") && _text.IsWord(i - 1, "du"))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Bounds(Atom atom, out DateOnly start, out DateOnly end)
        {
            start = end = default;
            if (atom.Kind == AtomKind.SchoolYear)
            {
                // The school year runs from September; its work is closed by 30 June (the yearly time
                // frame of the school year set by the Bộ Giáo dục và Đào tạo).
                start = new DateOnly(atom.Year - 1, 9, 1);
                end = new DateOnly(atom.Year, 6, 30);
                return atom.Year > 1;
            }

            if (atom.Year is < 1 or > 9999 || atom.FirstMonth is < 1 or > 12 || atom.LastMonth is < 1 or > 12 || atom.LastMonth < atom.FirstMonth)
            {
                return false;
            }

            if (atom.Kind == AtomKind.Date)
            {
                if (atom.Day < 1 || atom.Day > DateTime.DaysInMonth(atom.Year, atom.FirstMonth))
                {
                    return false;
                }

                start = end = new DateOnly(atom.Year, atom.FirstMonth, atom.Day);
                return true;
            }

            start = new DateOnly(atom.Year, atom.FirstMonth, 1);
            end = new DateOnly(atom.Year, atom.LastMonth, DateTime.DaysInMonth(atom.Year, atom.LastMonth));
            return true;
        }

        /// <summary>
        /// A date or period starting at token <paramref name="i"/> (before <paramref name="to"/>, on free
        /// tokens); <paramref name="previous"/> is the one it would continue ("Quý I, II/2027": "II").
        /// </summary>
        private bool TryAtom(int i, int to, Atom? previous, out Atom atom)
        {
            atom = default;
            if (i >= to || _used[i])
            {
                return false;
            }

            return TryDate(i, to, out atom)
                || TrySchoolYear(i, to, out atom)
                || TryMonth(i, to, out atom)
                || TryQuarter(i, to, out atom)
                || TryMonths(i, to, out atom)
                || TryYear(i, to, out atom)
                || TryPlanYear(i, to, out atom)
                || (previous is { } last && TryContinuation(i, to, last, out atom))
                || TryDay(i, to, out atom);
        }

        private bool Available(int index, int to) => index < to && !_used[index];

        private bool Word(int index, int to, string word) => Available(index, to) && _text.IsWord(index, word);

        private bool Separator(int index, int to) =>
            Available(index, to) && _tokens[index].Kind is TokenKind.Slash or TokenKind.Dot or TokenKind.Dash;

        /// <summary>A number printed as part of a document's reference ("số 12/2025", "15/2025/NĐ-CP"), not a time.</summary>
        private bool Reference(int first, int end) =>
            WordIn(first - 1, DeadlineVocabulary.NumberMarkers)
            || ((_text.Is(end, TokenKind.Slash) || _text.Is(end, TokenKind.Dash))
                && !_tokens[end].SpaceBefore && _text.Is(end + 1, TokenKind.Word) && !_tokens[end + 1].SpaceBefore);

        private int Year(int index, int to) => Available(index, to) ? _text.Year(index) : -1;

        private int Small(int index, int to, int max) =>
            Available(index, to) && _text.Number(index, 2) is var value and >= 0 && value <= max ? value : -1;

        private bool TryDate(int i, int to, out Atom atom)
        {
            atom = default;
            var start = i;
            TimeOnly? time = null;
            if (TryHour(i, to, out var hour, out var afterHour))
            {
                time = hour;
                i = afterHour;
                if (_text.Is(i, TokenKind.Comma) && Available(i, to))
                {
                    i++;
                }

                if (Word(i, to, "luc"))
                {
                    i++;
                }
            }

            if (Word(i, to, "ngay"))
            {
                i++;
            }

            var day = Small(i, to, 99);
            if (day < 0)
            {
                return false;
            }

            // "20 tháng 5 năm 2026", "ngày 30 tháng 11".
            if (Word(i + 1, to, "thang") && Small(i + 2, to, 99) is var wordMonth and >= 0)
            {
                var end = i + 3;
                var year = 0;
                if ((Word(end, to, "nam") || Separator(end, to)) && Year(end + 1, to) > 0)
                {
                    year = Year(end + 1, to);
                    end += 2;
                }
                else if (NextYear(end, to) is > 0 and var words && _planYear is { } planYear)
                {
                    year = planYear + 1;
                    end += words;
                }

                if (!time.HasValue && !_text.IsWord(start, "ngay") && year == 0)
                {
                    return false;
                }

                atom = new Atom(AtomKind.Date, start, end, year, wordMonth, wordMonth, day, time);
                return true;
            }

            if (!Separator(i + 1, to) || Small(i + 2, to, 99) is not (var month and >= 0))
            {
                return false;
            }

            // "31/8/2025", "31.8.2025", "31-8-2025".
            if (Separator(i + 3, to) && Year(i + 4, to) > 0)
            {
                if (Reference(i, i + 5))
                {
                    return false;
                }

                atom = new Atom(AtomKind.Date, start, i + 5, Year(i + 4, to), month, month, day, time);
                return true;
            }

            // "05/6": no year. Not "7-9" (months), not "3/4/..." cut short, not a fraction of a reference.
            if (_tokens[i + 1].Kind == TokenKind.Dash || (_text.Is(i + 3, TokenKind.Slash) || _text.Is(i + 3, TokenKind.Dot)) && _text.Is(i + 4, TokenKind.Number))
            {
                return false;
            }

            if (Reference(i, i + 3) || month > 12)
            {
                return false;
            }

            // "15/01 năm sau": the year after the plan's.
            if (NextYear(i + 3, to) is > 0 and var length)
            {
                atom = new Atom(AtomKind.Date, start, i + 3 + length, _planYear is { } planYear ? planYear + 1 : 0, month, month, day, time);
                return true;
            }

            atom = new Atom(AtomKind.Date, start, i + 3, 0, month, month, day, time);
            return true;
        }

        /// <summary>The length of "năm sau", "năm tiếp theo" at <paramref name="index"/>, or 0.</summary>
        private int NextYear(int index, int to)
        {
            if (!Word(index, to, "nam"))
            {
                return 0;
            }

            if (Word(index + 1, to, "sau"))
            {
                return 2;
            }

            return Word(index + 1, to, "tiep") && Word(index + 2, to, "theo") ? 3 : 0;
        }

        /// <summary>"16h", "17h00", "16 giờ 30 phút".</summary>
        private bool TryHour(int i, int to, out TimeOnly time, out int next)
        {
            time = default;
            next = i;
            var hour = Small(i, to, 23);
            if (hour < 0 || !(Word(i + 1, to, "h") || Word(i + 1, to, "gio")))
            {
                return false;
            }

            next = i + 2;
            var minute = 0;
            var minutes = Small(next, to, 59);
            // "17h00", "16 giờ 30 phút", "17 giờ 00 ngày …".
            if (minutes >= 0 && (!_tokens[next].SpaceBefore || Word(next + 1, to, "phut") || (_text.IsWord(i + 1, "gio") && !Separator(next + 1, to))))
            {
                minute = minutes;
                next++;
                if (Word(next, to, "phut"))
                {
                    next++;
                }
            }

            if (Available(next, to) && _tokens[next].Kind == TokenKind.Other && _text.Folded[_tokens[next].Start] is '\'' or '’')
            {
                next++;
            }

            time = new TimeOnly(hour, minute);
            return true;
        }

        private bool TryMonth(int i, int to, out Atom atom)
        {
            atom = default;
            if (Word(i, to, "thang"))
            {
                var month = Small(i + 1, to, 99);
                if (month < 0)
                {
                    return false;
                }

                // "Tháng 4/2026", "tháng 10 năm 2026", "tháng 12 2025"; "tháng 7-9/2025" is "tháng 7" joined to "9/2025".
                if ((Separator(i + 2, to) || Word(i + 2, to, "nam")) && Year(i + 3, to) > 0)
                {
                    atom = new Atom(AtomKind.Month, i, i + 4, Year(i + 3, to), month, month, 0, null);
                    return true;
                }

                if (Year(i + 2, to) > 0 && _tokens[i + 2].SpaceBefore)
                {
                    atom = new Atom(AtomKind.Month, i, i + 3, Year(i + 2, to), month, month, 0, null);
                    return true;
                }

                if (Separator(i + 2, to) && _text.Is(i + 3, TokenKind.Number) && _tokens[i + 2].Kind != TokenKind.Dash)
                {
                    return false;
                }

                atom = new Atom(AtomKind.Month, i, i + 2, 0, month, month, 0, null);
                return true;
            }

            // A bare month: "12/2025", "03/2025", "6-2025".
            var bare = Small(i, to, 12);
            if (bare >= 1 && Separator(i + 1, to) && Year(i + 2, to) is var year and >= 1900 && !Reference(i, i + 3))
            {
                atom = new Atom(AtomKind.Month, i, i + 3, year, bare, bare, 0, null);
                return true;
            }

            return false;
        }

        private bool TryQuarter(int i, int to, out Atom atom)
        {
            atom = default;
            if (!(Word(i, to, "quy") || Word(i, to, "qui")))
            {
                return false;
            }

            var quarter = QuarterAt(i + 1, to);
            if (quarter == 0)
            {
                return false;
            }

            atom = QuarterWithYear(i, i + 2, to, quarter);
            return true;
        }

        /// <summary>"I"…"IV" or 1…4 at <paramref name="index"/>, or 0.</summary>
        private int QuarterAt(int index, int to)
        {
            if (!Available(index, to))
            {
                return 0;
            }

            if (_text.Number(index, 1) is >= 1 and <= 4 and var number)
            {
                return number;
            }

            var roman = RomanValue(index);
            return roman is >= 1 and <= 4 ? roman : 0;
        }

        private Atom QuarterWithYear(int start, int end, int to, int quarter)
        {
            var year = 0;
            if ((Separator(end, to) || Word(end, to, "nam")) && Year(end + 1, to) > 0)
            {
                year = Year(end + 1, to);
                end += 2;
            }
            else if (Year(end, to) > 0)
            {
                year = Year(end, to);
                end++;
            }

            return new Atom(AtomKind.Quarter, start, end, year, (quarter * 3) - 2, quarter * 3, 0, null);
        }

        /// <summary>"6 tháng đầu năm 2026", "06 tháng cuối năm", "nửa đầu năm", "9 tháng đầu năm".</summary>
        private bool TryMonths(int i, int to, out Atom atom)
        {
            atom = default;
            int first, last, next;
            var count = Small(i, to, 12);
            if ((count == 6 || Word(i, to, "sau")) && Word(i + 1, to, "thang") && (Word(i + 2, to, "dau") || Word(i + 2, to, "cuoi")))
            {
                var firstHalf = _text.IsWord(i + 2, "dau");
                (first, last) = firstHalf ? (1, 6) : (7, 12);
                next = i + 3;
            }
            else if ((count == 9 || Word(i, to, "chin")) && Word(i + 1, to, "thang") && Word(i + 2, to, "dau"))
            {
                (first, last) = (1, 9);
                next = i + 3;
            }
            else if (Word(i, to, "nua") && (Word(i + 1, to, "dau") || Word(i + 1, to, "cuoi")))
            {
                (first, last) = _text.IsWord(i + 1, "dau") ? (1, 6) : (7, 12);
                next = i + 2;
            }
            else
            {
                return false;
            }

            if (!Word(next, to, "nam"))
            {
                return false;
            }

            next++;
            var year = Year(next, to);
            if (year > 0)
            {
                next++;
            }

            atom = new Atom(AtomKind.Months, i, next, Math.Max(year, 0), first, last, 0, null);
            return true;
        }

        /// <summary>"Năm học 2025 - 2026", "năm học 2025-2026", "năm học 2025/2026".</summary>
        private bool TrySchoolYear(int i, int to, out Atom atom)
        {
            atom = default;
            if (!Word(i, to, "nam") || !Word(i + 1, to, "hoc"))
            {
                return false;
            }

            var first = Year(i + 2, to);
            var second = (Separator(i + 3, to) || Word(i + 3, to, "den")) ? Year(i + 4, to) : -1;
            if (first < 1900 || second != first + 1)
            {
                return false;
            }

            atom = new Atom(AtomKind.SchoolYear, i, i + 5, second, 9, 6, 0, null);
            return true;
        }

        /// <summary>"Năm 2027", "2027", "cuối năm 2025", "giai đoạn 2026" (of "giai đoạn 2026-2030").</summary>
        private bool TryYear(int i, int to, out Atom atom)
        {
            atom = default;
            var start = i;
            if (Word(i, to, "nam") && Year(i + 1, to) > 0)
            {
                i++;
            }

            var year = Year(i, to);
            // A bare year right after "12/" or "13." belongs to something else ("số 12/2025").
            var afterNumber = start == i && (_text.Is(i - 1, TokenKind.Slash) || _text.Is(i - 1, TokenKind.Dot)) && !_tokens[i].SpaceBefore;
            if (year is < 1900 or > 2199 || (start == i && NamesTerm(i)) || afterNumber || Reference(i, i + 1))
            {
                return false;
            }

            atom = new Atom(AtomKind.Year, start, i + 1, year, 1, 12, 0, null);
            return true;
        }

        /// <summary>A year that numbers a document or names a term of office ("số 2025", "nhiệm kỳ 2025-2030"), not a deadline.</summary>
        private bool NamesTerm(int year) =>
            WordIn(year - 1, DeadlineVocabulary.NumberMarkers) || _text.IsWord(year - 1, "khoa")
            || (_text.Is(year - 1, TokenKind.Dash) && _text.Year(year - 2) > 0 && WordIn(year - 3, DeadlineVocabulary.NumberMarkers));

        /// <summary>"Trong năm", "năm nay", "cuối năm", "đến hết năm": the plan's year.</summary>
        private bool TryPlanYear(int i, int to, out Atom atom)
        {
            atom = default;
            var length = PhraseAtUpTo(i, to, DeadlineVocabulary.PlanYear);
            if (length == 0 && (Word(i, to, "het") || Word(i, to, "cuoi")) && Word(i + 1, to, "nam"))
            {
                length = 2;
            }

            if (length == 0 || Year(i + length, to) > 0)
            {
                return false;
            }

            atom = new Atom(AtomKind.PlanYear, i, i + length, _planYear ?? 0, 1, 12, 0, null);
            return true;
        }

        private int PhraseAtUpTo(int index, int to, string[][] phrases)
        {
            foreach (var words in phrases)
            {
                var all = true;
                for (var k = 0; k < words.Length && all; k++)
                {
                    all = Word(index + k, to, words[k]);
                }

                if (all)
                {
                    return words.Length;
                }
            }

            return 0;
        }

        /// <summary>The next item of a list that leaves out its word: "Quý I, II/2027", "tháng 3, 4 và 5/2026".</summary>
        private bool TryContinuation(int i, int to, Atom previous, out Atom atom)
        {
            atom = default;
            if (previous.Kind == AtomKind.Quarter && QuarterAt(i, to) is var quarter and > 0)
            {
                atom = QuarterWithYear(i, i + 1, to, quarter);
                return true;
            }

            if (previous.Kind == AtomKind.Month && Small(i, to, 12) is var month and >= 1 && !Separator(i + 1, to))
            {
                atom = new Atom(AtomKind.Month, i, i + 1, 0, month, month, 0, null);
                return true;
            }

            if (previous.Kind is AtomKind.Date or AtomKind.Day && Small(i, to, 31) is var day and >= 1 && !Separator(i + 1, to) && !Word(i + 1, to, "ngay"))
            {
                atom = new Atom(AtomKind.Day, i, i + 1, 0, previous.FirstMonth, previous.LastMonth, day, null);
                return true;
            }

            return false;
        }

        /// <summary>"ngày 15" (of "từ ngày 15 đến ngày 20/10/2025"), "từ 15 đến …".</summary>
        private bool TryDay(int i, int to, out Atom atom)
        {
            atom = default;
            var start = i;
            if (Word(i, to, "ngay"))
            {
                i++;
            }
            else if (!_text.IsWord(i - 1, "tu"))
            {
                return false;
            }

            var day = Small(i, to, 31);
            if (day < 1 || Separator(i + 1, to) || Word(i + 1, to, "thang") || Word(i + 1, to, "ngay"))
            {
                return false;
            }

            atom = new Atom(AtomKind.Day, start, i + 1, 0, 0, 0, day, null);
            return true;
        }
    }
}
