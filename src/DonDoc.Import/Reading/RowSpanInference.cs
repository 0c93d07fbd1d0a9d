using System.Text.RegularExpressions;

namespace DonDoc.Import.Reading;

/// <summary>
/// Puts back the cells that a table written without its merges leaves out. A crawler writes a cell merged down
/// over several rows (an HTML rowspan) only in its first row, so the rows under it are short: "6 | Chương trình
/// quản lý nợ công … | Quyết định | Tháng 6" under "5 | Cục Quản lý nợ | Nghị định … | Nghị định | Quý III". Each
/// short row's cells are placed in the columns whose cells they look like (length, digits, a sequence number, a
/// date), in order; the columns left over take the text of the row above, marked as merged from above as every
/// reader marks the copies of a merged cell. A row much shorter than the table (a section heading across the
/// columns) and the rows above the first whole row (the header) are left as they are.
/// </summary>
internal static partial class RowSpanInference
{
    /// <summary>Cells a short row may lack: a rowspan covers one or two columns, rarely more.</summary>
    private const int MaxMissing = 3;

    public static List<SourceLine> Fill(List<SourceLine> rows)
    {
        var width = rows.Max(r => r.Cells!.Count);
        if (width < 3 || rows.All(r => r.Cells!.Count == width))
        {
            return rows;
        }

        // Rows that begin with a sequence number are the table's data; the header's short words would blur the profile.
        var numbered = rows.Any(r => SequenceNumber().IsMatch(r.Cells![0].Trim()));
        var profile = new ColumnProfile(width);
        var filled = new List<SourceLine>(rows.Count);
        SourceLine? above = null;
        foreach (var row in rows)
        {
            var cells = row.Cells!;
            if (cells.Count == width)
            {
                if (!numbered || SequenceNumber().IsMatch(cells[0].Trim()))
                {
                    profile.Add(row);
                }

                filled.Add(row);
                above = row;
                continue;
            }

            var missing = width - cells.Count;
            if (above is null || cells.Count < 2 || missing > MaxMissing || cells.Count * 2 < width
                || Placement(cells, above, profile, missing) is not { } taken)
            {
                // A heading across the columns ends every merge above it.
                filled.Add(row);
                above = null;
                continue;
            }

            var texts = new string[width];
            var origins = new CellOrigin[width];
            var next = 0;
            for (var c = 0; c < width; c++)
            {
                if (taken[c])
                {
                    texts[c] = cells[next++];
                    origins[c] = CellOrigin.Own;
                }
                else
                {
                    texts[c] = above.Cells![c];
                    origins[c] = CellOrigin.MergedFromAbove;
                }
            }

            var line = row with { Cells = texts, Origins = origins };
            profile.Add(line);
            filled.Add(line);
            above = line;
        }

        return filled;
    }

    /// <summary>Which columns the short row's cells fill (true) — the order kept, the others merged from a non-empty cell above.</summary>
    private static bool[]? Placement(IReadOnlyList<string> cells, SourceLine above, ColumnProfile profile, int missing)
    {
        var width = cells.Count + missing;
        bool[]? best = null;
        var bestCost = double.MaxValue;
        foreach (var skipped in Combinations(width, missing))
        {
            if (skipped.Any(c => above.Cells![c].Trim().Length == 0))
            {
                continue;
            }

            var taken = new bool[width];
            Array.Fill(taken, true);
            foreach (var c in skipped)
            {
                taken[c] = false;
            }

            var cost = 0.0;
            var next = 0;
            for (var c = 0; c < width; c++)
            {
                if (taken[c])
                {
                    cost += profile.Distance(c, cells[next++]);
                }
            }

            if (cost < bestCost)
            {
                bestCost = cost;
                best = taken;
            }
        }

        return best;
    }

    private static IEnumerable<int[]> Combinations(int n, int k)
    {
        var chosen = new int[k];
        for (var i = 0; i < k; i++)
        {
            chosen[i] = i;
        }

        while (true)
        {
            yield return (int[])chosen.Clone();
            var at = k - 1;
            while (at >= 0 && chosen[at] == n - k + at)
            {
                at--;
            }

            if (at < 0)
            {
                yield break;
            }

            chosen[at]++;
            for (var j = at + 1; j < k; j++)
            {
                chosen[j] = chosen[j - 1] + 1;
            }
        }
    }

    /// <summary>What the own cells of each column look like on average, from the rows read so far.</summary>
    private sealed class ColumnProfile(int width)
    {
        private const int Features = 5;
        private static readonly double[] Weights = [1, 1, 2, 0.5, 1];
        private readonly double[,] _sums = new double[width, Features];
        private readonly int[] _counts = new int[width];

        public void Add(SourceLine row)
        {
            for (var c = 0; c < width; c++)
            {
                if (row.OriginOf(c) != CellOrigin.Own)
                {
                    continue;
                }

                var features = Describe(row.Cells![c]);
                for (var f = 0; f < Features; f++)
                {
                    _sums[c, f] += features[f];
                }

                _counts[c]++;
            }
        }

        public double Distance(int column, string cell)
        {
            if (_counts[column] == 0)
            {
                return 0.5;
            }

            var features = Describe(cell);
            var distance = 0.0;
            for (var f = 0; f < Features; f++)
            {
                distance += Math.Abs(features[f] - _sums[column, f] / _counts[column]) * Weights[f];
            }

            return distance;
        }

        /// <summary>
        /// Length (log scale), share of digits, a sequence number ("5", "1.2", "IV"), a short time ("Quý II", "12/2026"), share
        /// of capitalised words (a body's name "Cục Quản lý nợ và Kinh tế đối ngoại" against a task's sentence).
        /// </summary>
        private static double[] Describe(string cell)
        {
            var text = cell.Trim();
            var digits = text.Count(char.IsDigit);
            var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return
            [
                Math.Log(1 + text.Length) / Math.Log(401),
                text.Length == 0 ? 0 : (double)digits / text.Length,
                SequenceNumber().IsMatch(text) ? 1 : 0,
                text.Length <= 40 && TimeWords().IsMatch(text) ? 1 : 0,
                words.Length == 0 ? 0 : (double)words.Count(w => char.IsUpper(w[0])) / words.Length,
            ];
        }
    }

    [GeneratedRegex(@"^\(?(?:\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,6}|[a-zđ])\)?\.?$")]
    private static partial Regex SequenceNumber();

    [GeneratedRegex(@"\d{1,2}/\d{4}|\b(?:[Qq]uý|[Tt]háng|[Nn]ăm|[Tt]hường xuyên|[Hh][ằà]ng)\b")]
    private static partial Regex TimeWords();
}
