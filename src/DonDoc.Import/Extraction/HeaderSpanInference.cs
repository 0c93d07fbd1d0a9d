using DonDoc.Core.Text;
using DonDoc.Import.Reading;

namespace DonDoc.Import.Extraction;

/// <summary>
/// Puts the two rows of a header back over the right columns when the file wrote them without their merges (a
/// crawler's text: each header cell once). "STT | Tên dự án | Phân công | Dự kiến trình" above "Cơ quan trình | Cơ quan
/// chủ trì thẩm tra", over rows of five cells: one cell of the top row spans the two below it and the others go down
/// over both rows. Which one: a header that names a group ("Phân công", "Thời gian", "Kinh phí (triệu đồng)", "Cơ quan
/// thực hiện"), whose cells below are of its kind ("Bắt đầu", "Hoàn thành" under "Thời gian"; "Tổng số", "Ngân sách
/// trung ương" under "Kinh phí"). Headers that came with their merges (HTML, Word, Excel) are left as they are.
/// </summary>
public static class HeaderSpanInference
{
    private enum Group
    {
        Time,
        Money,
        Bodies,
    }

    /// <summary>Headers over a group of columns (folded, a parenthesised unit removed), and what the columns below hold.</summary>
    private static readonly Dictionary<string, Group> GroupHeaders = new(StringComparer.Ordinal)
    {
        ["thoi gian"] = Group.Time, ["thoi gian thuc hien"] = Group.Time, ["thoi han"] = Group.Time, ["tien do"] = Group.Time,
        ["tien do thuc hien"] = Group.Time, ["moc thoi gian"] = Group.Time, ["thoi gian trien khai"] = Group.Time,
        ["kinh phi"] = Group.Money, ["kinh phi thuc hien"] = Group.Money, ["nguon kinh phi"] = Group.Money, ["nguon von"] = Group.Money,
        ["du toan"] = Group.Money, ["kinh phi du kien"] = Group.Money, ["von"] = Group.Money,
        ["phan cong"] = Group.Bodies, ["phan cong thuc hien"] = Group.Bodies, ["co quan"] = Group.Bodies, ["don vi"] = Group.Bodies,
        ["co quan thuc hien"] = Group.Bodies, ["don vi thuc hien"] = Group.Bodies, ["trach nhiem"] = Group.Bodies,
        ["trach nhiem thuc hien"] = Group.Bodies, ["to chuc thuc hien"] = Group.Bodies, ["thuc hien"] = Group.Bodies,
        ["co quan don vi"] = Group.Bodies, ["co quan don vi thuc hien"] = Group.Bodies,
    };

    /// <summary>Wider headers are not spread: the choices grow fast, and no plan's table is so wide.</summary>
    private const int MaxWidth = 16;

    private static readonly string[] MoneyWords = ["tong", "ngan sach", "nguon", "von", "trong do", "khac", "xa hoi hoa", "trung uong", "dia phuong"];

    /// <summary>
    /// The header rows spread over <paramref name="width"/> columns, or the rows as they are when they need no spreading or
    /// no spreading is convincing.
    /// </summary>
    public static IReadOnlyList<SourceLine> Spread(IReadOnlyList<SourceLine> header, int width)
    {
        var named = header.Where(r => !TableHeaderFinder.IsColumnNumbering(r)).ToList();
        if (named.Count != 2 || width > MaxWidth || named.Any(r => r.Origins is not null || r.Cells!.Count >= width))
        {
            return header;
        }

        var top = named[0].Cells!.Select(CellText.Clean).ToList();
        var bottom = named[1].Cells!.Select(CellText.Clean).ToList();
        var parents = top.Count + bottom.Count - width;
        if (parents < 1 || parents > top.Count || bottom.Count < 2 * parents)
        {
            return header;
        }

        (int[] Parents, int[] Spans)? best = null;
        var bestScore = 0.0;
        foreach (var chosen in Subsets(top.Count, parents))
        {
            foreach (var spans in Compositions(bottom.Count, parents, 2))
            {
                var score = Score(top, bottom, chosen, spans);
                if (score > bestScore)
                {
                    bestScore = score;
                    best = (chosen, spans);
                }
            }
        }

        if (best is not { } spread)
        {
            return header;
        }

        var topCells = new List<string>(width);
        var topOrigins = new List<CellOrigin>(width);
        var bottomCells = new List<string>(width);
        var bottomOrigins = new List<CellOrigin>(width);
        var child = 0;
        for (var t = 0; t < top.Count; t++)
        {
            var at = Array.IndexOf(spread.Parents, t);
            if (at < 0)
            {
                // Merged down over the row below.
                topCells.Add(top[t]);
                topOrigins.Add(CellOrigin.Own);
                bottomCells.Add(top[t]);
                bottomOrigins.Add(CellOrigin.MergedFromAbove);
                continue;
            }

            for (var s = 0; s < spread.Spans[at]; s++)
            {
                topCells.Add(top[t]);
                topOrigins.Add(s == 0 ? CellOrigin.Own : CellOrigin.MergedFromLeft);
                bottomCells.Add(bottom[child++]);
                bottomOrigins.Add(CellOrigin.Own);
            }
        }

        return header.Select(r => ReferenceEquals(r, named[0])
                ? r with { Cells = topCells, Origins = topOrigins }
                : ReferenceEquals(r, named[1]) ? r with { Cells = bottomCells, Origins = bottomOrigins } : r)
            .ToList();
    }

    private static double Score(List<string> top, List<string> bottom, int[] parents, int[] spans)
    {
        var score = 0.0;
        var child = 0;
        for (var p = 0; p < parents.Length; p++)
        {
            var parent = top[parents[p]];
            var evidence = ColumnHeaders.Read(parent);
            if (evidence.Claim is ColumnRole.Number or ColumnRole.Content)
            {
                return double.MinValue;
            }

            var group = GroupOf(parent);
            score += group is null ? -0.5 : 1.0;
            for (var s = 0; s < spans[p]; s++)
            {
                score += group is { } g && Fits(bottom[child], g) ? 0.5 : 0;
                child++;
            }
        }

        return score;
    }

    private static Group? GroupOf(string header)
    {
        var text = header;
        var open = text.IndexOf('(', StringComparison.Ordinal);
        if (open > 0)
        {
            text = text[..open];
        }

        var folded = string.Join(' ', CellEvidence.FoldedWords(text));
        return GroupHeaders.TryGetValue(folded, out var group) ? group : null;
    }

    private static bool Fits(string cell, Group group)
    {
        var evidence = ColumnHeaders.Read(cell);
        var folded = VietnameseText.Fold(cell);
        return group switch
        {
            Group.Time => evidence.For(ColumnRole.Deadline) > 0 || folded.Contains("bat dau", StringComparison.Ordinal)
                || folded.Contains("khoi cong", StringComparison.Ordinal),
            Group.Money => evidence.For(ColumnRole.Budget) > 0 || MoneyWords.Any(w => folded.Contains(w, StringComparison.Ordinal)),
            _ => evidence.For(ColumnRole.Lead) > 0 || evidence.For(ColumnRole.Coordinators) > 0 || evidence.For(ColumnRole.Note) > 0,
        };
    }

    private static IEnumerable<int[]> Subsets(int n, int k)
    {
        if (k == 0)
        {
            yield return [];
            yield break;
        }

        for (var first = 0; first <= n - k; first++)
        {
            foreach (var rest in Subsets(n - first - 1, k - 1))
            {
                yield return [first, .. rest.Select(r => r + first + 1)];
            }
        }
    }

    /// <summary>The ways to write <paramref name="total"/> as <paramref name="parts"/> ordered parts of at least <paramref name="least"/>.</summary>
    private static IEnumerable<int[]> Compositions(int total, int parts, int least)
    {
        if (parts == 1)
        {
            if (total >= least)
            {
                yield return [total];
            }

            yield break;
        }

        for (var first = least; first <= total - least * (parts - 1); first++)
        {
            foreach (var rest in Compositions(total - first, parts - 1, least))
            {
                yield return [first, .. rest];
            }
        }
    }
}
