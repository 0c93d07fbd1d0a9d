using DonDoc.Core.Deadlines;
using DonDoc.Core.Text;

namespace DonDoc.Import.Extraction;

/// <summary>
/// Cuts the words of a row whose columns were flattened (PDF text) into one span per column, in the
/// header's order, choosing the cut that best fits what each column holds: agency names for lead and
/// coordinators, the deadline grammar for the time column, document words for products and evidence,
/// amounts for budgets, and everything else for content. A dynamic program over the cut points finds
/// the best cut exactly; the margin to the second best tells how sure it is.
/// </summary>
public sealed partial class RowSegmenter(DeadlineParser deadlines)
{
    /// <summary>A word of the row, and whether a new source line starts with it.</summary>
    public sealed record Token(string Text, string Folded, bool StartsLine)
    {
        /// <summary>The length of the source line the word is on: long lines are wrapped content, not merged cells.</summary>
        public int LineLength { get; init; }
    }

    public sealed record Segmentation(IReadOnlyList<string> Cells, double Margin);

    /// <summary>
    /// Which texts read as a deadline, remembered over the rows of one document: a plan repeats its
    /// deadline cells ("Thường xuyên", "Quý IV/2026") on row after row, and each row tries many spans.
    /// </summary>
    public sealed class DeadlineMemo
    {
        private readonly Dictionary<string, bool> _understood = new(StringComparer.Ordinal);

        internal bool Understood(string text, DeadlineParser deadlines, int? planYear)
        {
            if (!_understood.TryGetValue(text, out var understood))
            {
                understood = deadlines.Parse(text, planYear).Kind != DeadlineKind.Unknown;
                _understood[text] = understood;
            }

            return understood;
        }
    }

    public static List<Token> Tokenize(IEnumerable<string> lines)
    {
        var tokens = new List<Token>();
        foreach (var line in lines)
        {
            var first = true;
            var lineLength = line.Trim().Length;
            foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (first && tokens.Count > 0 && tokens[^1].Text.EndsWith('-') && tokens[^1].Text.Length > 1 && char.IsLetterOrDigit(word[0]))
                {
                    // "2025-" at the end of a line and "2030." at the start of the next are one word.
                    var joined = tokens[^1].Text + word;
                    tokens[^1] = new Token(joined, VietnameseText.Fold(joined).Trim(',', ';', '.', ':', '(', ')', '"'), tokens[^1].StartsLine);
                    first = false;
                    continue;
                }

                tokens.Add(new Token(word, VietnameseText.Fold(word).Trim(',', ';', '.', ':', '(', ')', '"'), first) { LineLength = lineLength });
                first = false;
            }
        }

        return tokens;
    }

    /// <param name="continuation">The row goes on after a page break: any column may be empty.</param>
    /// <param name="memo">The deadline texts already read in this document (one plan year); a fresh one when null.</param>
    public Segmentation Segment(IReadOnlyList<Token> tokens, IReadOnlyList<ColumnRole> roles, int? planYear, bool continuation = false, DeadlineMemo? memo = null)
    {
        var n = tokens.Count;
        // One more column after the last: content that the extraction moved past the other cells (a page
        // break whose page number and header were lost). It must open in lower case, mid-sentence.
        var contentIndex = continuation ? -1 : roles.ToList().IndexOf(ColumnRole.Content);
        roles = contentIndex >= 0 ? [.. roles, ColumnRole.Content] : roles;
        var k = roles.Count;
        var scores = new SpanScores(tokens, deadlines, planYear, continuation, memo ?? new DeadlineMemo());
        double Score(int column, int start, int end) => column == k - 1 && contentIndex >= 0
            ? (start == end ? 0 : scores.DisplacedContent(start))
            : scores.Score(roles[column], start, end);
        // What a cut before each word and a cell ending after each word add, computed once for the row:
        // the dynamic program below asks for them once per column and span.
        var cutAt = new double[n + 1];
        var endAt = new double[n + 1];
        for (var p = 0; p <= n; p++)
        {
            cutAt[p] = scores.CutBonus(p);
            endAt[p] = p == 0 || p == n ? 0 : scores.EndBonus(p);
        }

        // best[c, j]: the best score of cutting tokens [0, j) into columns [0, c]. An empty cell has no cut and no end.
        var best = new double[k, n + 1];
        var from = new int[k, n + 1];
        for (var j = 0; j <= n; j++)
        {
            best[0, j] = Score(0, 0, j) + endAt[j];
            from[0, j] = 0;
        }

        for (var c = 1; c < k; c++)
        {
            for (var j = 0; j <= n; j++)
            {
                var bestScore = double.NegativeInfinity;
                var bestFrom = j;
                for (var i = 0; i <= j; i++)
                {
                    if (double.IsNegativeInfinity(best[c - 1, i]))
                    {
                        continue;
                    }

                    var score = best[c - 1, i] + Score(c, i, j) + (i == j ? 0 : cutAt[i] + endAt[j]);
                    if (score > bestScore)
                    {
                        bestScore = score;
                        bestFrom = i;
                    }
                }

                best[c, j] = bestScore;
                from[c, j] = bestFrom;
            }
        }

        var cells = new string[k];
        var end = n;
        for (var c = k - 1; c >= 0; c--)
        {
            var start = c == 0 ? 0 : from[c, end];
            cells[c] = string.Join(" ", tokens.Skip(start).Take(end - start).Select(t => t.Text));
            end = start;
        }

        if (contentIndex >= 0)
        {
            cells[contentIndex] = string.Join(" ", new[] { cells[contentIndex], cells[k - 1] }.Where(x => x.Length > 0));
            cells = cells[..^1];
        }

        // The margin: how much worse the best cut is when the last boundary moves by one word.
        var margin = double.PositiveInfinity;
        if (k > 1)
        {
            var lastFrom = from[k - 1, n];
            foreach (var alternative in new[] { lastFrom - 1, lastFrom + 1 })
            {
                if (alternative >= 0 && alternative <= n && !double.IsNegativeInfinity(best[k - 2, alternative]))
                {
                    var score = best[k - 2, alternative] + Score(k - 1, alternative, n) + (alternative == n ? 0 : cutAt[alternative]);
                    margin = Math.Min(margin, best[k - 1, n] - score);
                }
            }
        }

        return new Segmentation(cells, margin);
    }

    /// <summary>How well a span of words fits each kind of column.</summary>
    private sealed class SpanScores
    {
        private readonly IReadOnlyList<Token> _tokens;
        private readonly DeadlineParser _deadlines;
        private readonly int? _planYear;
        private readonly double[] _agencyPrefix;
        private readonly int[] _nonDeadlinePrefix;
        private readonly DeadlineMemo _memo;
        private readonly bool[] _insideName;
        private readonly bool[] _startsName;
        private readonly bool[] _endsName;
        private readonly bool[] _documentHead;
        private readonly bool[] _deadlineOpener;
        private readonly bool[] _amount;

        private readonly bool _continuation;
        private readonly bool _singleLine;
        private readonly int _longestLine;

        public SpanScores(IReadOnlyList<Token> tokens, DeadlineParser deadlines, int? planYear, bool continuation, DeadlineMemo memo)
        {
            _memo = memo;
            _continuation = continuation;
            _singleLine = tokens.Count(t => t.StartsLine) <= 1;
            _longestLine = tokens.Count == 0 ? 0 : tokens.Max(t => t.LineLength);
            _tokens = tokens;
            _deadlines = deadlines;
            _planYear = planYear;
            _agencyPrefix = new double[tokens.Count + 1];
            _nonDeadlinePrefix = new int[tokens.Count + 1];
            _insideName = new bool[tokens.Count + 1];
            _startsName = new bool[tokens.Count + 1];
            _endsName = new bool[tokens.Count + 1];
            var covered = KnownNameCoverage(tokens, _insideName, _startsName);
            _documentHead = new bool[tokens.Count];
            _deadlineOpener = new bool[tokens.Count];
            _amount = new bool[tokens.Count];
            for (var i = 0; i < tokens.Count; i++)
            {
                var head = string.Join(" ", tokens.Skip(i).Take(4).Select(t => t.Folded));
                var first = tokens[i].Text[0];
                // A cell starts with a capital ("Văn bản", "Báo cáo") or a figure ("100% …"); "văn bản" in lower case is wrapped content.
                var documentHead = head.Replace('/', ' ');
                _documentHead[i] = (char.IsUpper(first) || char.IsDigit(first))
                    && ColumnVocabulary.ProductHeads.Any(h => StartsWithWords(documentHead, h));
                // A date ("31/8/2025") or an hour ("16h") may open a deadline; a year range ("2025-2030.") or a count may not.
                _deadlineOpener[i] = ColumnVocabulary.DeadlineOpeners.Any(o => StartsWithWords(head, o))
                    || tokens[i].Folded.Contains('/', StringComparison.Ordinal) || OpeningHour().IsMatch(tokens[i].Folded);
                // An amount ("14.000.000"): a cut before it is likely even within a line.
                _amount[i] = tokens[i].Text.Count(char.IsDigit) >= 5 && !tokens[i].Text.Contains('/', StringComparison.Ordinal);
            }

            for (var i = 1; i < tokens.Count; i++)
            {
                // A known name ends here and another agency begins: a likely cut even within a line.
                _endsName[i] = covered[i - 1] && !_insideName[i] && (_startsName[i] || ColumnVocabulary.AgencyHeads.Contains(tokens[i].Folded)) && char.IsUpper(tokens[i].Text[0]);
            }
            for (var i = 0; i < tokens.Count; i++)
            {
                var word = tokens[i].Folded;
                _agencyPrefix[i + 1] = _agencyPrefix[i] + (covered[i] ? 1.5 : IsAgencyWord(word) ? 0.3 : -2.0);
                _nonDeadlinePrefix[i + 1] = _nonDeadlinePrefix[i] + (IsDeadlineWord(word) ? 0 : 1);
            }
        }

        public double Score(ColumnRole role, int start, int end)
        {
            var length = end - start;
            if (length == 0 && _continuation)
            {
                return 0;
            }

            return role switch
            {
                ColumnRole.Content => length == 0 ? -20 : 0,
                ColumnRole.Lead => length == 0 ? -4 : Agency(start, end),
                ColumnRole.Coordinators => length == 0 ? -1 : Agency(start, end),
                ColumnRole.Deadline => length == 0 ? -4 : Deadline(start, end),
                ColumnRole.Product or ColumnRole.Evidence => length == 0 ? -0.5 : Document(start, end),
                ColumnRole.Budget => length == 0 ? 0 : Budget(start, end),
                ColumnRole.Note => length == 0 ? 0 : -0.5 * length,
                _ => 0,
            };
        }

        /// <summary>A cell does not end in a comma or semicolon: "Các sở, ban, ngành," goes on in the next line.</summary>
        public double EndBonus(int end)
        {
            var text = _tokens[end - 1].Text;
            return text.EndsWith(',') || text.EndsWith(';') ? -3 : 0;
        }

        /// <summary>Content displaced past the last column: only text that goes on mid-sentence, at a line start.</summary>
        public double DisplacedContent(int start)
        {
            var token = _tokens[start];
            return token.StartsLine && char.IsLower(token.Text[0]) ? -1 : -100;
        }

        /// <summary>Cells begin on a new line and with a capital: a cut elsewhere costs.</summary>
        public double CutBonus(int position)
        {
            if (position >= _tokens.Count)
            {
                return 0;
            }

            if (_insideName[position])
            {
                return -5;
            }

            var token = _tokens[position];
            var isAmount = _amount[position];
            var bonus = token.StartsLine ? 1.0 : _endsName[position] || isAmount ? -1.0 : -4.0;
            if (!token.StartsLine && !_singleLine && token.LineLength > 0.7 * _longestLine && !isAmount)
            {
                // Two cells merged on one line are short; a long line is one cell's wrapped text.
                bonus -= 6;
            }
            if (char.IsUpper(token.Text[0]))
            {
                bonus += 0.5;
            }
            else if (!char.IsDigit(token.Text[0]))
            {
                bonus -= 1.0;
            }

            return bonus;
        }

        private double Agency(int start, int end)
        {
            var score = _agencyPrefix[end] - _agencyPrefix[start];
            score += _startsName[start] || ColumnVocabulary.AgencyHeads.Contains(_tokens[start].Folded) ? 1 : -2;
            // Agency cells start with a capital; "các cơ quan …" in lower case is the tail of a sentence.
            return char.IsLower(_tokens[start].Text[0]) ? score - 3 : score;
        }

        private double Deadline(int start, int end)
        {
            var outside = _nonDeadlinePrefix[end] - _nonDeadlinePrefix[start];
            var length = end - start;
            // A deadline cell opens with a deadline word ("Trước", "Sau khi", "Quý", "Theo", a date) and is
            // mostly made of them; a condition may quote a document ("Sau khi Trung ương ban hành Quy định …").
            var opens = _deadlineOpener[start];
            if (length > 24 || !opens || outside * 2 > length)
            {
                return -3.0 * length;
            }

            var understood = _memo.Understood(string.Join(" ", _tokens.Skip(start).Take(length).Select(t => t.Text)), _deadlines, _planYear);

            return understood ? 3 + length - (1.5 * outside) : -3.0 * length;
        }

        private double Document(int start, int end)
        {
            var begins = _documentHead[start];
            return begins ? 3 + (0.1 * Math.Min(end - start, 12)) : -4 - (0.5 * (end - start));
        }

        private double Budget(int start, int end)
        {
            var text = string.Join(" ", _tokens.Skip(start).Take(end - start).Select(t => t.Text));
            return BudgetParser.Parse(text, out var malformed) is not null && !malformed ? 3 : -4.0 * (end - start);
        }

        /// <summary>Marks the words covered by known agency names (longest first), the cuts inside them and where they start.</summary>
        private static bool[] KnownNameCoverage(IReadOnlyList<Token> tokens, bool[] inside, bool[] starts)
        {
            var covered = new bool[tokens.Count];
            var i = 0;
            while (i < tokens.Count)
            {
                var longest = 0;
                if (PhrasesByFirstWord.TryGetValue(tokens[i].Folded, out var phrases))
                {
                    foreach (var phrase in phrases)
                    {
                        if (phrase.Length > longest && i + phrase.Length <= tokens.Count && Matches(tokens, i, phrase))
                        {
                            longest = phrase.Length;
                        }
                    }
                }

                if (longest == 0)
                {
                    i++;
                    continue;
                }

                starts[i] = true;
                for (var j = i; j < i + longest; j++)
                {
                    covered[j] = true;
                    if (j > i)
                    {
                        inside[j] = true;
                    }
                }

                i += longest;
            }

            return covered;
        }

        private static bool Matches(IReadOnlyList<Token> tokens, int at, string[] phrase)
        {
            for (var k = 0; k < phrase.Length; k++)
            {
                if (tokens[at + k].Folded != phrase[k])
                {
                    return false;
                }
            }

            return true;
        }

        private static readonly string[][] KnownPhrases = ColumnVocabulary.AgencyPhrases
            .Select(p => VietnameseText.Fold(p).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim(',', ';', '.', ':', '(', ')', '"')).Where(w => w.Length > 0).ToArray())
            .Where(p => p.Length >= 2)
            .Distinct(new PhraseComparer())
            .ToArray();

        private static readonly Dictionary<string, string[][]> PhrasesByFirstWord = KnownPhrases
            .GroupBy(p => p[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

        private sealed class PhraseComparer : IEqualityComparer<string[]>
        {
            public bool Equals(string[]? x, string[]? y) => x is not null && y is not null && x.SequenceEqual(y);

            public int GetHashCode(string[] obj) => string.Join(" ", obj).GetHashCode(StringComparison.Ordinal);
        }

        private static bool StartsWithWords(string text, string prefix) =>
            text.StartsWith(prefix, StringComparison.Ordinal) && (text.Length == prefix.Length || text[prefix.Length] == ' ');

        private static bool IsAgencyWord(string word) =>
            ColumnVocabulary.AgencyWords.Contains(word) || word is "–" or "-" or "&";

        /// <summary>Deadline words, dates ("31/8/2025", "16h") and short numbers; an amount ("14.000.000") is not one.</summary>
        private static bool IsDeadlineWord(string word) =>
            word.Length == 0 || ColumnVocabulary.DeadlineWords.Contains(word) || word.Contains('/', StringComparison.Ordinal)
            || (word.Any(char.IsDigit) && word.Count(char.IsDigit) <= 4 && !word.Contains('.', StringComparison.Ordinal));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{1,2}(h\d{0,2}|gio)?$")]
    private static partial System.Text.RegularExpressions.Regex OpeningHour();
}
