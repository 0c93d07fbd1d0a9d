namespace DonDoc.Core.Deadlines;

public sealed partial class DeadlineParser
{
    private sealed partial class Reading
    {
        /// <summary>
        /// Reporting schedules: "Ngày 25 hàng tháng", "Trước ngày 15 tháng cuối quý", "trước ngày 07/6 hằng
        /// năm", "Tháng 12 hằng năm", "Định kỳ 6 tháng", "Định kỳ hằng năm (trước ngày 30 tháng 11)".
        /// </summary>
        private void ReadRecurring()
        {
            for (var i = _from; i < _to; i++)
            {
                if (!Free(i))
                {
                    continue;
                }

                if (TryDayOfEveryWeek(i, out var rule, out var end)
                    || TryDayOfEveryMonth(i, out rule, out end)
                    || TryDayOfEveryQuarter(i, out rule, out end)
                    || TryDayOfEveryYear(i, out rule, out end)
                    || TryMonthOfEveryYear(i, out rule, out end)
                    || TryEveryPeriod(i, out rule, out end)
                    || TryTimesPerPeriod(i, out rule, out end))
                {
                    var term = rule.Frequency == RecurrenceFrequency.Yearly && rule.Day is { } day && day > DateTime.DaysInMonth(2024, rule.MonthOfPeriod)
                        ? (DeadlineTerm)new UnknownTerm(UnknownReason.NotADayOfTheYear, $"{day}/{rule.MonthOfPeriod}")
                        : new RecurringTerm(rule);
                    Add(i, term);
                    Use(i, end);
                    i = end - 1;
                }
            }
        }

        /// <summary>"hằng", "hàng", "mỗi", "định kỳ", "định kỳ hằng" at <paramref name="index"/>: the length, or 0.</summary>
        private int EveryAt(int index)
        {
            var length = PhraseAt(index, DeadlineVocabulary.Periodically);
            foreach (var every in DeadlineVocabulary.Every)
            {
                if (WordAt(index + length, every))
                {
                    return length + 1;
                }
            }

            return length;
        }

        /// <summary>"ngày 25 hằng tháng", "ngày 20 của mỗi tháng".</summary>
        private bool TryDayOfEveryMonth(int i, out RecurrenceRule rule, out int end)
        {
            rule = null!;
            end = i;
            var day = DayAfterNgay(i, out var next);
            var every = day > 0 ? EveryAt(next) : 0;
            if (day > 0 && every == 0 && WordAt(next, "thang") && NextOfEach(next + 1) is > 0 and var following)
            {
                // "ngày 05 của tháng liền kề": day 5 of the month after each one.
                rule = new RecurrenceRule(RecurrenceFrequency.Monthly, day, 1);
                end = next + 1 + following;
                return true;
            }

            if (every == 0 || !WordAt(next + every, "thang"))
            {
                return false;
            }

            rule = new RecurrenceRule(RecurrenceFrequency.Monthly, day, 1);
            end = next + every + 1;
            return true;
        }

        /// <summary>
        /// "liền kề", "trước liền kề", "kế tiếp", "tiếp theo" after "tháng"/"năm" at <paramref name="index"/>: the
        /// period right after (or before) each one, so the day recurs; the length, or 0.
        /// </summary>
        private int NextOfEach(int index)
        {
            var k = WordAt(index, "truoc") || WordAt(index, "sau") ? index + 1 : index;
            return WordAt(k, "lien") && WordAt(k + 1, "ke") ? k + 2 - index
                : k == index && (WordAt(k, "ke") || WordAt(k, "tiep")) && (WordAt(k + 1, "tiep") || WordAt(k + 1, "theo")) ? 2
                : 0;
        }

        /// <summary>"ngày thứ Sáu hằng tuần", "Thứ Hai hàng tuần", "Chủ nhật hằng tuần".</summary>
        private bool TryDayOfEveryWeek(int i, out RecurrenceRule rule, out int end)
        {
            rule = null!;
            end = i;
            var k = WordAt(i, "ngay") ? i + 1 : i;
            int weekday;
            if (WordAt(k, "chu") && WordAt(k + 1, "nhat"))
            {
                weekday = 7;
            }
            else if (WordAt(k, "thu") && Free(k + 1))
            {
                weekday = _text.Number(k + 1, 1) is >= 2 and <= 7 and var printed ? printed - 1
                    : _text.IsWord(k + 1, "hai") ? 1
                    : _text.IsWord(k + 1, "ba") ? 2
                    : _text.IsWord(k + 1, "tu") ? 3
                    : _text.IsWord(k + 1, "nam") ? 4
                    : _text.IsWord(k + 1, "sau") ? 5
                    : _text.IsWord(k + 1, "bay") ? 6
                    : 0;
            }
            else
            {
                return false;
            }

            var every = weekday > 0 ? EveryAt(k + 2) : 0;
            if (every == 0 || !WordAt(k + 2 + every, "tuan"))
            {
                return false;
            }

            rule = new RecurrenceRule(RecurrenceFrequency.Weekly, weekday, 1);
            end = k + 2 + every + 1;
            return true;
        }

        /// <summary>"ngày 15 tháng cuối quý", "ngày 20 của tháng đầu mỗi quý".</summary>
        private bool TryDayOfEveryQuarter(int i, out RecurrenceRule rule, out int end)
        {
            rule = null!;
            end = i;
            var day = DayAfterNgay(i, out var next);
            if (day <= 0 || !WordAt(next, "thang"))
            {
                return false;
            }

            next++;
            var monthOfQuarter = WordAt(next, "cuoi") ? 3 : WordAt(next, "dau") ? 1 : WordAt(next, "giua") ? 2 : 0;
            if (monthOfQuarter == 0)
            {
                return false;
            }

            next++;
            if (WordAt(next, "cua"))
            {
                next++;
            }

            next += EveryAt(next);
            if (!WordAt(next, "quy"))
            {
                return false;
            }

            rule = new RecurrenceRule(RecurrenceFrequency.Quarterly, day, monthOfQuarter);
            end = next + 1;
            return true;
        }

        /// <summary>"07/6 hằng năm", "ngày 30 tháng 11 hằng năm".</summary>
        private bool TryDayOfEveryYear(int i, out RecurrenceRule rule, out int end)
        {
            rule = null!;
            end = i;
            if (!DayAndMonth(i, out var day, out var month, out var next))
            {
                return false;
            }

            var every = EveryAt(next);
            if (every == 0 && WordAt(next, "nam") && NextOfEach(next + 1) is > 0 and var following)
            {
                // "31/01 năm liền kề", "ngày 31/12 năm trước liền kề": that day of the year after (or before) each one.
                rule = new RecurrenceRule(RecurrenceFrequency.Yearly, day, month);
                end = next + 1 + following;
                return true;
            }

            if (every == 0 || !WordAt(next + every, "nam"))
            {
                return false;
            }

            rule = new RecurrenceRule(RecurrenceFrequency.Yearly, day, month);
            end = next + every + 1;
            return true;
        }

        /// <summary>"Tháng 12 hằng năm", "Quý IV hằng năm".</summary>
        private bool TryMonthOfEveryYear(int i, out RecurrenceRule rule, out int end)
        {
            rule = null!;
            end = i;
            int month;
            var next = i + 2;
            if (WordAt(i, "thang") && _text.Number(i + 1, 2) is >= 1 and <= 12 and var printed && Free(i + 1))
            {
                month = printed;
            }
            else if ((WordAt(i, "quy") || WordAt(i, "qui")) && QuarterAt(i + 1, _to) is > 0 and var quarter)
            {
                month = quarter * 3;
            }
            else
            {
                return false;
            }

            var every = EveryAt(next);
            if (every == 0 || !WordAt(next + every, "nam"))
            {
                return false;
            }

            rule = new RecurrenceRule(RecurrenceFrequency.Yearly, null, month);
            end = next + every + 1;
            return true;
        }

        /// <summary>
        /// "hằng tháng", "định kỳ hằng quý", "hằng năm", "định kỳ 6 tháng", with the day that follows when
        /// there is one: "Định kỳ hằng năm (trước ngày 30 tháng 11)", "Hằng tháng, trước ngày 20".
        /// </summary>
        private bool TryEveryPeriod(int i, out RecurrenceRule rule, out int end)
        {
            rule = null!;
            end = i;
            var periodically = PhraseAt(i, DeadlineVocabulary.Periodically);
            var every = EveryAt(i);
            var next = i + every;
            RecurrenceFrequency frequency;
            if ((_text.Number(next, 2) == 6 && Free(next) || WordAt(next, "sau")) && WordAt(next + 1, "thang"))
            {
                frequency = RecurrenceFrequency.HalfYearly;
                next += 2;
            }
            else if (_text.Number(next, 2) == 3 && Free(next) && WordAt(next + 1, "thang") && periodically > 0)
            {
                frequency = RecurrenceFrequency.Quarterly;
                next += 2;
            }
            else if (every > 0 && WordAt(next, "thang"))
            {
                frequency = RecurrenceFrequency.Monthly;
                next++;
            }
            else if (every > 0 && WordAt(next, "quy"))
            {
                frequency = RecurrenceFrequency.Quarterly;
                next++;
            }
            else if (every > 0 && WordAt(next, "nam"))
            {
                frequency = RecurrenceFrequency.Yearly;
                next++;
            }
            else if (every > 0 && WordAt(next, "tuan"))
            {
                frequency = RecurrenceFrequency.Weekly;
                next++;
            }
            else
            {
                return false;
            }

            if (every == 0)
            {
                return false;
            }

            end = next;
            rule = frequency switch
            {
                RecurrenceFrequency.Monthly => new RecurrenceRule(RecurrenceFrequency.Monthly, null, 1),
                RecurrenceFrequency.Quarterly => new RecurrenceRule(RecurrenceFrequency.Quarterly, null, 3),
                RecurrenceFrequency.HalfYearly => new RecurrenceRule(RecurrenceFrequency.HalfYearly, null, 6),
                RecurrenceFrequency.Weekly => new RecurrenceRule(RecurrenceFrequency.Weekly, null, 1),
                _ => new RecurrenceRule(RecurrenceFrequency.Yearly, null, 12),
            };

            // The day of the schedule, when printed right after it ("(trước ngày 30 tháng 11)", ", trước ngày 20").
            var k = next;
            while (k < _to && k < next + 4 && Free(k) && (_tokens[k].Kind is TokenKind.Open or TokenKind.Comma || WordIn(k, DeadlineVocabulary.DeadlineLeads) && !_text.IsWord(k, "ngay")))
            {
                k++;
            }

            if (frequency is RecurrenceFrequency.Yearly or RecurrenceFrequency.HalfYearly && DayAndMonth(k, out var day, out var month, out var afterDay))
            {
                rule = frequency == RecurrenceFrequency.Yearly
                    ? new RecurrenceRule(RecurrenceFrequency.Yearly, day, month)
                    : new RecurrenceRule(RecurrenceFrequency.HalfYearly, day, month % 6 == 0 ? 6 : month % 6);
                end = SkipClose(SkipYear(afterDay));
            }
            else if (frequency == RecurrenceFrequency.Yearly && WordAt(k, "thang") && _text.Number(k + 1, 2) is >= 1 and <= 12 and var inMonth && !Separator(k + 2, _to))
            {
                rule = new RecurrenceRule(RecurrenceFrequency.Yearly, null, inMonth);
                end = SkipClose(k + 2);
            }
            else if (frequency == RecurrenceFrequency.Quarterly && TryDayOfEveryQuarter(k, out var quarterly, out var afterQuarter))
            {
                rule = quarterly;
                end = SkipClose(afterQuarter);
            }
            else if (frequency is RecurrenceFrequency.Monthly or RecurrenceFrequency.Quarterly && DayAfterNgay(k, out var afterNgay) is > 0 and var dayOfMonth
                && !Separator(afterNgay, _to) && !WordAt(afterNgay, "thang"))
            {
                rule = new RecurrenceRule(frequency, dayOfMonth, frequency == RecurrenceFrequency.Monthly ? 1 : 3);
                end = SkipClose(afterNgay);
            }

            return true;
        }

        /// <summary>"6 tháng/lần", "3 tháng một lần".</summary>
        private bool TryTimesPerPeriod(int i, out RecurrenceRule rule, out int end)
        {
            rule = null!;
            end = i;
            var months = Free(i) ? _text.Number(i, 2) : -1;
            if (months is not (1 or 3 or 6 or 12) || !WordAt(i + 1, "thang"))
            {
                return false;
            }

            var next = i + 2;
            if (_text.Is(next, TokenKind.Slash) && Free(next) || WordAt(next, "mot"))
            {
                next++;
            }
            else
            {
                return false;
            }

            if (!WordAt(next, "lan"))
            {
                return false;
            }

            rule = months switch
            {
                1 => new RecurrenceRule(RecurrenceFrequency.Monthly, null, 1),
                3 => new RecurrenceRule(RecurrenceFrequency.Quarterly, null, 3),
                6 => new RecurrenceRule(RecurrenceFrequency.HalfYearly, null, 6),
                _ => new RecurrenceRule(RecurrenceFrequency.Yearly, null, 12),
            };
            end = next + 1;
            return true;
        }

        /// <summary>The day of "ngày 25" at <paramref name="i"/> (1–31), or 0.</summary>
        private int DayAfterNgay(int i, out int next)
        {
            next = i;
            if (!WordAt(i, "ngay"))
            {
                return 0;
            }

            var day = Free(i + 1) ? _text.Number(i + 1, 2) : -1;
            if (day is < 1 or > 31)
            {
                return 0;
            }

            next = i + 2;
            if (WordAt(next, "cua"))
            {
                next++;
            }

            return day;
        }

        /// <summary>"07/6", "ngày 07/6", "ngày 30 tháng 11", "30/11/2025" (its year set aside) at <paramref name="i"/>.</summary>
        private bool DayAndMonth(int i, out int day, out int month, out int next)
        {
            day = month = 0;
            next = i;
            var k = WordAt(i, "ngay") ? i + 1 : i;
            day = Free(k) ? _text.Number(k, 2) : -1;
            if (day is < 1 or > 31)
            {
                return false;
            }

            if (WordAt(k + 1, "thang") && Free(k + 2) && _text.Number(k + 2, 2) is >= 1 and <= 12 and var wordMonth)
            {
                month = wordMonth;
                next = k + 3;
                return true;
            }

            if ((_text.Is(k + 1, TokenKind.Slash) || _text.Is(k + 1, TokenKind.Dot)) && Free(k + 1) && Free(k + 2) && _text.Number(k + 2, 2) is >= 1 and <= 12 and var month2)
            {
                month = month2;
                next = k + 3;
                return true;
            }

            return false;
        }

        /// <summary>Past a year printed after a yearly day ("30/11/2025 hằng năm"): "/2025", "năm 2025".</summary>
        private int SkipYear(int index) =>
            (Separator(index, _to) || WordAt(index, "nam")) && Year(index + 1, _to) > 0 ? index + 2 : index;

        private int SkipClose(int index) => _text.Is(index, TokenKind.Close) && Free(index) ? index + 1 : index;
    }
}
