using System.Text.RegularExpressions;
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

/// <summary>How strongly a header names each role, and which role it claims (the strongest), or none.</summary>
public sealed record HeaderEvidence(IReadOnlyDictionary<ColumnRole, double> Weights, ColumnRole? Claim, double ClaimWeight)
{
    public static readonly HeaderEvidence None = new(new Dictionary<ColumnRole, double>(), null, 0);

    /// <summary>The header names something, even if it is no field ("Thời gian bắt đầu").</summary>
    public bool IsHeaderLike => ClaimWeight > 0;

    /// <summary>
    /// What the header says of <paramref name="role"/>, from -1 to 1.2: its weight when the header claims it; a
    /// weaker role of the same header ("chủ trì" in "Cơ quan chủ trì thẩm tra") less half the claim's weight.
    /// </summary>
    public double For(ColumnRole role)
    {
        var weight = Weights.GetValueOrDefault(role);
        return Claim == role ? weight : weight - (0.5 * ClaimWeight);
    }
}

/// <summary>
/// Recognises a column by the meaning of its header, in any order and phrasing. The vocabulary is data:
/// folded phrases, the role each names and how strongly; the longest phrases are not special, the
/// strongest claim wins, so that "Cơ quan chủ trì thẩm tra" (the reviewing committee of a legislative
/// programme) is a note although it says "chủ trì", and "Thời gian bắt đầu" is no deadline.
/// </summary>
public static partial class ColumnHeaders
{
    /// <summary>Header phrases (folded): the role they name (null: a column that is no task field) and how strongly.</summary>
    private static readonly (string Phrase, ColumnRole? Role, double Weight)[] Vocabulary =
    [
        ("noi dung", ColumnRole.Content, 1.0), ("nhiem vu", ColumnRole.Content, 0.9), ("cong viec", ColumnRole.Content, 0.9),
        ("hoat dong", ColumnRole.Content, 0.8), ("giai phap", ColumnRole.Content, 0.8), ("chi tieu", ColumnRole.Content, 0.8),
        ("ten nhiem vu", ColumnRole.Content, 1.0), ("ten du an", ColumnRole.Content, 0.9), ("ten de an", ColumnRole.Content, 0.9),
        ("ten van ban", ColumnRole.Content, 0.9), ("du an luat", ColumnRole.Content, 0.9), ("ten", ColumnRole.Content, 0.5),
        ("de an", ColumnRole.Content, 0.6), ("van ban", ColumnRole.Content, 0.5), ("muc tieu", ColumnRole.Content, 0.6),
        ("danh muc", ColumnRole.Content, 0.6), ("cong trinh", ColumnRole.Content, 0.6), ("yeu cau", ColumnRole.Content, 0.5),
        ("viec", ColumnRole.Content, 0.6), ("duoc kiem tra", ColumnRole.Content, 1.1), ("duoc giam sat", ColumnRole.Content, 1.1),
        ("duoc khao sat", ColumnRole.Content, 1.1), ("doi tuong", ColumnRole.Content, 0.9),
        ("chu tri", ColumnRole.Lead, 1.0), ("co quan trinh", ColumnRole.Lead, 1.0), ("don vi trinh", ColumnRole.Lead, 1.0),
        ("don vi thuc hien", ColumnRole.Lead, 0.9), ("co quan thuc hien", ColumnRole.Lead, 0.9), ("trach nhiem thuc hien", ColumnRole.Lead, 0.9),
        ("trach nhiem", ColumnRole.Lead, 0.7), ("phu trach", ColumnRole.Lead, 0.8), ("dau moi", ColumnRole.Lead, 0.8),
        ("nguoi thuc hien", ColumnRole.Lead, 0.8), ("soan thao", ColumnRole.Lead, 0.8), ("chu quan", ColumnRole.Lead, 0.6),
        ("co quan", ColumnRole.Lead, 0.5), ("don vi", ColumnRole.Lead, 0.5), ("thuc hien", ColumnRole.Lead, 0.4), ("giao", ColumnRole.Lead, 0.4),
        ("doan kiem tra", ColumnRole.Lead, 1.0), ("doan giam sat", ColumnRole.Lead, 1.0), ("to kiem tra", ColumnRole.Lead, 0.9),
        ("phoi hop", ColumnRole.Coordinators, 1.0),
        ("thoi gian", ColumnRole.Deadline, 0.9), ("thoi han", ColumnRole.Deadline, 1.0), ("tien do", ColumnRole.Deadline, 1.0),
        ("moc thoi gian", ColumnRole.Deadline, 1.0), ("du kien trinh", ColumnRole.Deadline, 1.0), ("thoi gian trinh", ColumnRole.Deadline, 1.0),
        ("thoi diem", ColumnRole.Deadline, 0.9), ("han hoan thanh", ColumnRole.Deadline, 1.0), ("hoan thanh", ColumnRole.Deadline, 0.7),
        ("lo trinh", ColumnRole.Deadline, 0.8), ("ket thuc", ColumnRole.Deadline, 0.7), ("nam hoan thanh", ColumnRole.Deadline, 1.0),
        ("trinh", ColumnRole.Deadline, 0.4), ("ngay", ColumnRole.Deadline, 0.4), ("han", ColumnRole.Deadline, 0.6), ("thoi gian hoan thanh", ColumnRole.Deadline, 1.1),
        ("san pham", ColumnRole.Product, 1.0), ("ket qua", ColumnRole.Product, 0.9), ("dau ra", ColumnRole.Product, 0.9),
        ("hinh thuc van ban", ColumnRole.Product, 0.9), ("muc tieu nam", ColumnRole.Product, 0.9), ("chi tieu can dat", ColumnRole.Product, 0.9), ("loai van ban", ColumnRole.Product, 0.8), ("hinh thuc", ColumnRole.Product, 0.6),
        ("kiem chung", ColumnRole.Evidence, 1.0), ("minh chung", ColumnRole.Evidence, 1.0),
        ("kinh phi", ColumnRole.Budget, 1.0), ("du toan", ColumnRole.Budget, 0.9), ("tong muc", ColumnRole.Budget, 0.8), ("von", ColumnRole.Budget, 0.5),
        ("ghi chu", ColumnRole.Note, 1.0), ("dia diem", ColumnRole.Note, 0.8), ("dia ban", ColumnRole.Note, 0.7), ("tham tra", ColumnRole.Note, 1.2), ("tham dinh", ColumnRole.Note, 1.2), ("thuoc nhom", ColumnRole.Note, 1.2),
        ("nhom nhiem vu", ColumnRole.Note, 1.1), ("nguon kinh phi", ColumnRole.Note, 1.1), ("nguon von", ColumnRole.Note, 1.1),
        ("cap trinh", ColumnRole.Note, 1.1), ("cap ban hanh", ColumnRole.Note, 1.0), ("co quan ban hanh", ColumnRole.Note, 1.0),
        ("linh vuc", ColumnRole.Note, 0.8), ("phan loai", ColumnRole.Note, 0.9),
        ("bat dau", null, 1.15), ("khoi cong", null, 1.15),
    ];

    // A narrow first column wraps its "STT" or "TT" over two lines: "ST" above "T", "T" above "T".
    private static readonly HashSet<string> NumberHeaders = new(StringComparer.Ordinal) { "stt", "tt", "so tt", "so thu tu", "thu tu", "so", "st t", "t t", "s tt", "s t t" };

    /// <summary>
    /// Every word a header line may hold: the words of the header phrases and of the number headers, the pieces
    /// a wrapped header leaves ("ST" / "T"), and the small words around them ("Cơ quan cho ý kiến", "Kinh phí
    /// (triệu đồng)").
    /// </summary>
    private static readonly HashSet<string> HeaderWords = new(
        Vocabulary.SelectMany(v => v.Phrase.Split(' '))
            .Concat(NumberHeaders.SelectMany(h => h.Split(' ')))
            .Concat(["s", "st", "va", "cac", "cua", "cho", "y", "kien", "chuan", "bi", "du", "tinh", "trieu", "nghin", "ty", "dong",
                     "cap", "duoc", "de", "xuat", "ban", "hanh", "chinh", "lien", "quan", "ho", "tro", "chi", "tiet", "cu", "the",
                     "ngan", "sach", "trung", "uong", "dia", "phuong", "nguon", "khac", "bat", "dau"]),
        StringComparer.Ordinal);

    /// <summary>Whether a line holds header words only ("Đơn vị chủ", "T", "thực hiện"): it may be a line of a table's header.</summary>
    public static bool IsHeaderLine(string line)
    {
        var words = WordPattern().Matches(VietnameseText.Fold(line)).Select(m => m.Value).ToList();
        return words.Count > 0 && words.All(w => HeaderWords.Contains(w) || w.All(char.IsDigit));
    }

    private static readonly Dictionary<string, (string[] Words, ColumnRole? Role, double Weight)[]> ByFirstWord = Vocabulary
        .Select(v => (Words: v.Phrase.Split(' '), v.Role, v.Weight))
        .GroupBy(v => v.Words[0], StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    /// <summary>What a header says about each role.</summary>
    public static HeaderEvidence Read(string header)
    {
        var words = Words(header);
        if (words.Count == 0)
        {
            return HeaderEvidence.None;
        }

        if (NumberHeaders.Contains(string.Join(' ', words)))
        {
            return new HeaderEvidence(new Dictionary<ColumnRole, double> { [ColumnRole.Number] = 1.0 }, ColumnRole.Number, 1.0);
        }

        var weights = new Dictionary<ColumnRole, double>();
        ColumnRole? claim = null;
        var claimWeight = 0.0;
        for (var i = 0; i < words.Count; i++)
        {
            if (!ByFirstWord.TryGetValue(words[i], out var phrases))
            {
                continue;
            }

            foreach (var (phrase, role, weight) in phrases)
            {
                if (i + phrase.Length > words.Count || !phrase.AsSpan().SequenceEqual(words.Skip(i).Take(phrase.Length).ToArray()))
                {
                    continue;
                }

                if (role is { } r)
                {
                    weights[r] = Math.Max(weights.GetValueOrDefault(r), weight);
                }

                if (weight > claimWeight)
                {
                    claimWeight = weight;
                    claim = role;
                }
            }
        }

        return claimWeight == 0 ? HeaderEvidence.None : new HeaderEvidence(weights, claim, claimWeight);
    }

    /// <summary>The role a header claims, when it claims one strongly enough to read a table by its header alone.</summary>
    public static ColumnRole? Recognise(string header)
    {
        var evidence = Read(header);
        return evidence.ClaimWeight >= 0.5 ? evidence.Claim : null;
    }

    /// <summary>The roles of a header row by header alone, or null when the row does not name a content column and two others.</summary>
    public static IReadOnlyList<ColumnRole?>? RecogniseRow(IReadOnlyList<string> cells)
    {
        var roles = cells.Select(Recognise).ToList();
        var distinct = roles.OfType<ColumnRole>().Distinct().Count();
        return distinct >= 3 && roles.Contains(ColumnRole.Content) ? roles : null;
    }

    /// <summary>
    /// The roles named, in order, by a header whose cells were flattened into running text
    /// ("stt noi dung cong viec co quan chu tri co quan phoi hop san pham/ ket qua thoi han").
    /// </summary>
    public static IReadOnlyList<ColumnRole> RolesInOrder(string foldedHeader)
    {
        var words = Words(foldedHeader);
        var found = new List<(int Position, int End, ColumnRole? Role, double Weight)>();
        if (words.Count > 0 && words[0] is "stt" or "tt")
        {
            found.Add((0, 1, ColumnRole.Number, 2.0));
        }

        for (var i = 0; i < words.Count; i++)
        {
            if (!ByFirstWord.TryGetValue(words[i], out var phrases))
            {
                continue;
            }

            foreach (var (phrase, role, weight) in phrases)
            {
                if (i + phrase.Length <= words.Count && phrase.AsSpan().SequenceEqual(words.Skip(i).Take(phrase.Length).ToArray()) && weight >= 0.7)
                {
                    found.Add((i, i + phrase.Length, role, weight));
                }
            }
        }

        // Longest phrase first at each place; a phrase inside a longer one is part of it.
        var roles = new List<ColumnRole>();
        var covered = -1;
        foreach (var (position, end, role, _) in found.OrderBy(f => f.Position).ThenByDescending(f => f.End - f.Position).ThenByDescending(f => f.Weight))
        {
            if (position < covered)
            {
                continue;
            }

            covered = end;
            if (role is { } r && !roles.Contains(r))
            {
                roles.Add(r);
            }
        }

        return roles;
    }

    /// <summary>A header's words, folded, without punctuation: "Sản phẩm/ Kết quả (1)" → san pham ket qua.</summary>
    public static List<string> Words(string header) =>
        WordPattern().Matches(VietnameseText.Fold(header)).Select(m => m.Value).Where(w => !w.All(char.IsDigit)).ToList();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
