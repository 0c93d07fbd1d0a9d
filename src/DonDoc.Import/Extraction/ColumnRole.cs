using DonDoc.Core.Text;

namespace DonDoc.Import.Extraction;

/// <summary>What a column of a task table holds.</summary>
public enum ColumnRole
{
    Number,
    Content,
    Lead,
    Coordinators,
    Deadline,
    Product,
    Evidence,
    Budget,
    Note,
}

/// <summary>Recognises a column by the meaning of its header, in any order and phrasing.</summary>
public static class ColumnHeaders
{
    /// <summary>Header words (folded), most specific first: "Cơ quan phối hợp" is coordinators before it is an agency.</summary>
    private static readonly (ColumnRole Role, string[] Words)[] Synonyms =
    [
        (ColumnRole.Coordinators, ["phoi hop"]),
        (ColumnRole.Lead, ["chu tri", "don vi thuc hien", "co quan thuc hien", "trach nhiem thuc hien", "don vi thuc hien chinh"]),
        (ColumnRole.Evidence, ["kiem chung"]),
        (ColumnRole.Budget, ["kinh phi", "du toan"]),
        (ColumnRole.Note, ["ghi chu"]),
        (ColumnRole.Product, ["san pham", "ket qua"]),
        (ColumnRole.Deadline, ["thoi gian", "thoi han", "tien do", "moc thoi gian"]),
        (ColumnRole.Content, ["noi dung", "nhiem vu", "cong viec", "hoat dong", "giai phap"]),
    ];

    private static readonly string[] NumberHeaders = ["stt", "tt", "so tt", "so thu tu"];

    public static ColumnRole? Recognise(string header)
    {
        var folded = VietnameseText.CollapseWhiteSpace(VietnameseText.Fold(header)).Trim(' ', '.', ':', '/');
        if (folded.Length == 0)
        {
            return null;
        }

        if (NumberHeaders.Contains(folded))
        {
            return ColumnRole.Number;
        }

        foreach (var (role, words) in Synonyms)
        {
            if (words.Any(w => folded.Contains(w, StringComparison.Ordinal)))
            {
                return role;
            }
        }

        return null;
    }

    /// <summary>
    /// The roles named, in order, by a header whose cells were flattened into running text
    /// ("stt noi dung cong viec co quan chu tri co quan phoi hop san pham/ ket qua thoi han").
    /// </summary>
    public static IReadOnlyList<ColumnRole> RolesInOrder(string foldedHeader)
    {
        var found = new List<(int Position, int End, ColumnRole Role)>();
        var number = System.Text.RegularExpressions.Regex.Match(foldedHeader, @"^\s*(stt|tt)\b");
        if (number.Success)
        {
            found.Add((number.Index, number.Index + number.Length, ColumnRole.Number));
        }

        foreach (var (role, words) in Synonyms)
        {
            foreach (var word in words)
            {
                for (var at = foldedHeader.IndexOf(word, StringComparison.Ordinal); at >= 0; at = foldedHeader.IndexOf(word, at + 1, StringComparison.Ordinal))
                {
                    found.Add((at, at + word.Length, role));
                }
            }
        }

        var roles = new List<ColumnRole>();
        var covered = -1;
        foreach (var (position, end, role) in found.OrderBy(f => f.Position).ThenByDescending(f => f.End - f.Position))
        {
            if (position < covered)
            {
                continue;
            }

            covered = end;
            if (!roles.Contains(role))
            {
                roles.Add(role);
            }
        }

        return roles;
    }

    /// <summary>The roles of a header row, or null when the row is not a task-table header.</summary>
    public static IReadOnlyList<ColumnRole?>? RecogniseRow(IReadOnlyList<string> cells)
    {
        var roles = cells.Select(Recognise).ToList();
        var distinct = roles.OfType<ColumnRole>().Distinct().Count();
        return distinct >= 3 && roles.Contains(ColumnRole.Content) ? roles : null;
    }
}
