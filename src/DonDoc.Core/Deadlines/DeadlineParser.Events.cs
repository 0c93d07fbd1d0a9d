namespace DonDoc.Core.Deadlines;

public sealed partial class DeadlineParser
{
    private sealed partial class Reading
    {
        /// <summary>"Đã hoàn thành".</summary>
        private void ReadDone()
        {
            for (var i = _from; i < _to; i++)
            {
                var length = PhraseAt(i, DeadlineVocabulary.Done);
                if (length > 0)
                {
                    Add(i, new DoneTerm());
                    Use(i, i + length);
                    i += length - 1;
                }
            }
        }

        /// <summary>"Theo Kế hoạch số 331-KH/TU …", "Theo lộ trình được giao tại …": the dates inside belong to the document, not to the task.</summary>
        private void ReadFollowedDocuments()
        {
            for (var i = _from; i < _to; i++)
            {
                if (!WordAt(i, "theo"))
                {
                    continue;
                }

                var document = i + 1;
                if (WordAt(document, "cac") || WordAt(document, "nhung") || WordAt(document, "dung"))
                {
                    document++;
                }

                if (PhraseAt(document, DeadlineVocabulary.FollowedDocuments) == 0)
                {
                    continue;
                }

                var stop = StopAt(document);
                Add(i, new ConditionalTerm(_text.Printed(i, stop)));
                Use(i, stop);
                i = stop - 1;
            }
        }

        /// <summary>
        /// A number of days from an event: "Chậm nhất 07 ngày sau khi kết thúc Đại hội", "Trong thời hạn 05
        /// ngày làm việc kể từ ngày nhận được hồ sơ", "Sau 7 ngày làm việc" (the event implied by the task).
        /// </summary>
        private void ReadOffsetsFromEvents()
        {
            for (var i = _from; i < _to; i++)
            {
                var days = Free(i) ? _text.Number(i, 3) : -1;
                if (days < 1)
                {
                    continue;
                }

                // "24 giờ sau khi bão tan", "03 tháng kể từ khi …": hours and months count only with the word
                // that anchors them to an event, so "16 giờ ngày 31/3" stays an hour and "6 tháng đầu năm" a period.
                var months = 0;
                if (WordAt(i + 1, "gio") || WordAt(i + 1, "thang"))
                {
                    var anchor = i + 2;
                    if (!(WordAt(anchor, "sau") || WordAt(anchor, "truoc") || ((WordAt(anchor, "ke") || WordAt(anchor, "tinh")) && WordAt(anchor + 1, "tu"))))
                    {
                        continue;
                    }

                    if (_text.IsWord(i + 1, "gio"))
                    {
                        days = (days + 23) / 24;
                    }
                    else
                    {
                        months = days;
                        days = 0;
                    }
                }
                else if (!WordAt(i + 1, "ngay"))
                {
                    continue;
                }

                var next = i + 2;
                var working = months == 0 && WordAt(next, "lam") && WordAt(next + 1, "viec");
                if (working)
                {
                    next += 2;
                }

                // "05 ngày 15/3" or "02 ngày 15 và 16/10" count days of a date, not an offset.
                if (_text.Is(next, TokenKind.Number) || _text.Is(next, TokenKind.Slash))
                {
                    continue;
                }

                var (leadStart, leadDirection) = OffsetLead(i);
                EventDirection direction;
                var anchored = true;
                if (WordAt(next, "truoc"))
                {
                    direction = EventDirection.Before;
                    next++;
                }
                else if (WordAt(next, "sau"))
                {
                    direction = EventDirection.After;
                    next++;
                }
                else if ((WordAt(next, "ke") || WordAt(next, "tinh")) && WordAt(next + 1, "tu"))
                {
                    direction = EventDirection.After;
                    next += 2;
                }
                else if (leadDirection is { } lead)
                {
                    direction = lead;
                    anchored = false;
                }
                else
                {
                    continue;
                }

                if (WordAt(next, "khi"))
                {
                    next++;
                }

                var name = EventName(next, out var nameEnd);
                if (!anchored && FindEvent(next, nameEnd, out _) < 0)
                {
                    // "Sau 7 ngày làm việc", "Chậm nhất 30 ngày": the event is implied by the task.
                    name = string.Empty;
                    nameEnd = next;
                }

                var start = Math.Min(leadStart, i);
                Add(start, new EventRelativeTerm(name, direction, days, working, months));
                Use(start, nameEnd);
                i = nameEnd - 1;
            }
        }

        /// <summary>The words before an offset that make it one ("chậm nhất", "trong thời hạn", "sau", "trước"), and the direction they give.</summary>
        private (int Start, EventDirection? Direction) OffsetLead(int number)
        {
            var i = number - 1;
            if (WordAt(i, "sau"))
            {
                return (i, EventDirection.After);
            }

            if (WordAt(i, "truoc"))
            {
                return (i, EventDirection.Before);
            }

            if (WordAt(i, "han") && WordAt(i - 1, "thoi") && WordAt(i - 2, "trong"))
            {
                return (i - 2, EventDirection.After);
            }

            if (WordAt(i, "vong") && WordAt(i - 1, "trong"))
            {
                return (i - 1, EventDirection.After);
            }

            if (WordAt(i, "nhat") && WordAt(i - 1, "cham"))
            {
                return (i - 1, EventDirection.After);
            }

            if ((WordAt(i, "qua") && WordAt(i - 1, "khong")) || (WordAt(i, "da") && WordAt(i - 1, "toi")))
            {
                return (i - 1, EventDirection.After);
            }

            if (WordAt(i, "trong"))
            {
                return (i, EventDirection.After);
            }

            return (number, null);
        }

        /// <summary>
        /// The name of the event from <paramref name="from"/>: from its event word ("Đại hội …") when it has
        /// one, else the words themselves ("ngày nhận được hồ sơ"); it ends at a stop, a parenthesis or a
        /// date, and after at most <see cref="MaxEventWords"/> tokens.
        /// </summary>
        private string EventName(int from, out int end)
        {
            end = from;
            while (end < _to && end < from + MaxEventWords && !IsStop(end) && !_text.Is(end, TokenKind.Open) && !TryAtom(end, _to, null, out _))
            {
                end++;
            }

            var eventWord = FindEvent(from, end, out _);
            var start = eventWord >= 0 ? eventWord : from;
            return _text.Printed(start, end);
        }

        /// <summary>The longest event name read: "ngày nhận được văn bản đề nghị của Sở Nội vụ về …" is cut there.</summary>
        private const int MaxEventWords = 24;

        /// <summary>The most words between the parts of one event's words.</summary>
        private const int MaxEventGap = 12;

        /// <summary>"Sau khi có hướng dẫn …" waits for a trigger; one that names an event ("Sau khi kết thúc Đại hội") is an event.</summary>
        private void ReadConditions()
        {
            for (var i = _from; i < _to; i++)
            {
                var length = PhraseAt(i, DeadlineVocabulary.ConditionOpeners);
                if (length == 0 || !Free(i + length))
                {
                    continue;
                }

                // An event named soon after the opener makes it an event ("Sau khi kết thúc Đại hội").
                var window = i + length;
                while (window < _to && window < i + length + MaxEventWords && !IsStop(window))
                {
                    window++;
                }

                if (FindEvent(i + length, window, out _) >= 0)
                {
                    continue;
                }

                var stop = StopAt(i + length);

                var start = WordAt(i - 1, "ngay") ? i - 1 : i;
                if (PhraseAt(start, DeadlineVocabulary.ImmediateOpeners) is > 0 and var immediate)
                {
                    // "Ngay sau khi có quyết định …", "Ngay khi có lệnh …": due the day it happens.
                    Add(start, new EventRelativeTerm(_text.Printed(start + immediate, stop), EventDirection.After, 0, false));
                    Use(start, stop);
                    i = stop - 1;
                    continue;
                }

                Add(start, new ConditionalTerm(_text.Printed(start, stop)));
                Use(start, stop);
                i = stop - 1;
            }
        }

        /// <summary>"Sau đại hội 07 ngày", "Trước Đại hội Đảng bộ tỉnh 30 ngày làm việc", "Ngay sau khi Kế hoạch được ban hành".</summary>
        private void ReadEvents()
        {
            var searchFrom = _from;
            while (true)
            {
                var eventStart = FindEvent(searchFrom, _to, out var eventLength);
                if (eventStart < 0)
                {
                    return;
                }

                // The direction is the nearest "sau"/"trước" before the event, else after it ("Sau đại hội 07 ngày").
                // "Trong dịp Tết", "Trong thời gian tổ chức thi", "Dịp Lễ …": while it lasts.
                var direction = EventDirection.After;
                var directed = false;
                var spanStart = eventStart;
                for (var k = eventStart - 1; k >= _from && Free(k); k--)
                {
                    if (WordAt(k, "sau") || WordAt(k, "truoc"))
                    {
                        direction = _text.IsWord(k, "sau") ? EventDirection.After : EventDirection.Before;
                        directed = true;
                        spanStart = WordAt(k - 1, "ngay") ? k - 1 : k;
                        break;
                    }

                    if (WordAt(k, "trong") || WordAt(k, "dip"))
                    {
                        direction = EventDirection.During;
                        spanStart = k;
                        break;
                    }
                }

                var nameEnd = eventStart + eventLength;
                var offset = 0;
                var working = false;
                var spanEnd = nameEnd;
                while (nameEnd < _to && nameEnd < eventStart + MaxEventWords && !IsStop(nameEnd) && !_text.Is(nameEnd, TokenKind.Open) && !TryAtom(nameEnd, _to, null, out _))
                {
                    if (_text.Number(nameEnd, 3) is var days and >= 1 && WordAt(nameEnd + 1, "ngay"))
                    {
                        offset = days;
                        spanEnd = nameEnd + 2;
                        working = WordAt(spanEnd, "lam") && WordAt(spanEnd + 1, "viec");
                        if (working)
                        {
                            spanEnd += 2;
                        }

                        break;
                    }

                    nameEnd++;
                }

                // "Trước khai giảng năm học 2026 - 2027": a year printed right after an event that the task comes
                // before or after says which event it is; it is not the task's own deadline.
                if (directed && offset == 0 && nameEnd < _to && !IsStop(nameEnd) && TryAtom(nameEnd, _to, null, out var which)
                    && which.Kind is AtomKind.Year or AtomKind.SchoolYear && EndsPart(which.To))
                {
                    nameEnd = which.To;
                }

                spanEnd = Math.Max(spanEnd, nameEnd);
                var name = _text.Printed(eventStart, nameEnd).TrimEnd(')');
                Add(spanStart, new EventRelativeTerm(name, direction, offset, working));
                Use(spanStart, spanEnd);
                searchFrom = spanEnd;
            }
        }

        /// <summary>The first free event word ("Đại hội", "Kế hoạch … ban hành") in [from, to), or -1.</summary>
        private int FindEvent(int from, int to, out int length)
        {
            var best = -1;
            length = 0;
            foreach (var phrase in DeadlineVocabulary.Events)
            {
                for (var i = from; i < to && (best < 0 || i < best); i++)
                {
                    if (!AllFree(i, phrase[0]))
                    {
                        continue;
                    }

                    var position = i + phrase[0].Length;
                    var all = true;
                    for (var p = 1; p < phrase.Length && all; p++)
                    {
                        // "Kế hoạch UBND tỉnh được ban hành": the words of one event stand close together.
                        var limit = Math.Min(to, position + MaxEventGap);
                        while (position < limit && !AllFree(position, phrase[p]))
                        {
                            position++;
                        }

                        all = position < limit;
                        position += phrase[p].Length;
                    }

                    if (all)
                    {
                        best = i;
                        length = phrase[0].Length;
                    }

                    break;
                }
            }

            return best;
        }

        private bool AllFree(int index, string[] words)
        {
            for (var i = 0; i < words.Length; i++)
            {
                if (!WordAt(index + i, words[i]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Whether nothing but a closing sign or a full stop follows from token <paramref name="index"/> to the end of the part.</summary>
        private bool EndsPart(int index)
        {
            var k = index;
            while (k < _to && _tokens[k].Kind is TokenKind.Close or TokenKind.Dot)
            {
                k++;
            }

            return k >= _to;
        }

        /// <summary>"Bắt đầu (thực hiện) từ năm 2026" with no end printed: work that goes on from then.</summary>
        private void ReadOpenStarts()
        {
            for (var i = _from; i < _to; i++)
            {
                var length = PhraseAt(i, DeadlineVocabulary.OpenStartLeads);
                if (length == 0 || !TryAtom(i + length, _to, null, out var start))
                {
                    continue;
                }

                // "Bắt đầu từ tháng 3 đến tháng 6/2026" is a range, read with the times.
                var after = start.To;
                if (after < _to && (WordIn(after, DeadlineVocabulary.Connectors) || _tokens[after].Kind == TokenKind.Dash))
                {
                    continue;
                }

                Add(i, new ContinuousTerm());
                Use(i, after);
                i = after - 1;
            }
        }

        /// <summary>"Thường xuyên", "Liên tục", "Hằng ngày".</summary>
        private void ReadContinuous()
        {
            for (var i = _from; i < _to; i++)
            {
                var length = PhraseAt(i, DeadlineVocabulary.Continuous);
                if (length == 0)
                {
                    continue;
                }

                if (_found.Count == 0 || _found[^1].Term is not ContinuousTerm)
                {
                    Add(i, new ContinuousTerm());
                }

                // "Thường xuyên trong năm", "… trong tháng": all along the period, not due at its end.
                if (WordAt(i + length, "trong") && (WordAt(i + length + 1, "nam") || WordAt(i + length + 1, "thang") || WordAt(i + length + 1, "quy"))
                    && !_text.Is(i + length + 2, TokenKind.Number))
                {
                    length += 2;
                }

                Use(i, i + length);
                i += length - 1;
            }
        }
    }
}
