namespace DonDoc.Import.Evaluation;

/// <summary>
/// The similarity ratio of Python's <c>difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()</c>:
/// twice the characters of the recursively longest matching blocks over the total length.
/// </summary>
public static class SequenceSimilarity
{
    public static double Ratio(string a, string b)
    {
        var total = a.Length + b.Length;
        return total == 0 ? 1.0 : 2.0 * MatchingCharacters(a, b) / total;
    }

    /// <summary>An upper bound of <see cref="Ratio"/> from character counts (difflib's quick_ratio).</summary>
    public static double QuickRatio(string a, string b)
    {
        var total = a.Length + b.Length;
        if (total == 0)
        {
            return 1.0;
        }

        var counts = new Dictionary<char, int>();
        foreach (var c in b)
        {
            counts[c] = counts.GetValueOrDefault(c) + 1;
        }

        var matches = 0;
        foreach (var c in a)
        {
            if (counts.TryGetValue(c, out var n) && n > 0)
            {
                counts[c] = n - 1;
                matches++;
            }
        }

        return 2.0 * matches / total;
    }

    private static int MatchingCharacters(string a, string b)
    {
        var positions = new Dictionary<char, List<int>>();
        for (var j = 0; j < b.Length; j++)
        {
            if (!positions.TryGetValue(b[j], out var list))
            {
                positions[b[j]] = list = [];
            }

            list.Add(j);
        }

        var matched = 0;
        var queue = new Stack<(int ALo, int AHi, int BLo, int BHi)>();
        queue.Push((0, a.Length, 0, b.Length));
        while (queue.Count > 0)
        {
            var (alo, ahi, blo, bhi) = queue.Pop();
            var (i, j, k) = LongestMatch(a, b, positions, alo, ahi, blo, bhi);
            if (k == 0)
            {
                continue;
            }

            matched += k;
            if (alo < i && blo < j)
            {
                queue.Push((alo, i, blo, j));
            }

            if (i + k < ahi && j + k < bhi)
            {
                queue.Push((i + k, ahi, j + k, bhi));
            }
        }

        return matched;
    }

    private static (int I, int J, int Size) LongestMatch(string a, string b, Dictionary<char, List<int>> positions, int alo, int ahi, int blo, int bhi)
    {
        int besti = alo, bestj = blo, bestSize = 0;
        var lengths = new Dictionary<int, int>();
        var next = new Dictionary<int, int>();
        for (var i = alo; i < ahi; i++)
        {
            next.Clear();
            if (positions.TryGetValue(a[i], out var js))
            {
                foreach (var j in js)
                {
                    if (j < blo)
                    {
                        continue;
                    }

                    if (j >= bhi)
                    {
                        break;
                    }

                    var k = lengths.GetValueOrDefault(j - 1) + 1;
                    next[j] = k;
                    if (k > bestSize)
                    {
                        besti = i - k + 1;
                        bestj = j - k + 1;
                        bestSize = k;
                    }
                }
            }

            (lengths, next) = (next, lengths);
        }

        while (besti > alo && bestj > blo && a[besti - 1] == b[bestj - 1])
        {
            besti--;
            bestj--;
            bestSize++;
        }

        while (besti + bestSize < ahi && bestj + bestSize < bhi && a[besti + bestSize] == b[bestj + bestSize])
        {
            bestSize++;
        }

        return (besti, bestj, bestSize);
    }
}
