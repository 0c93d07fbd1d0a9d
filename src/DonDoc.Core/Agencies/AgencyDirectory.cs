using System.Text.Json;
using DonDoc.Core.Text;

namespace DonDoc.Core.Agencies;

/// <summary>
/// The agencies and groups of a province, and the resolution of a plan's agency cell into them.
/// Cells are split by the directory (longest name first), not by commas, so that "Sở Văn hóa, Thể thao
/// và Du lịch" stays one agency; case, diacritics, old and new tone placement ("Uỷ"/"Ủy"),
/// abbreviations (UBND, HĐND, KH&amp;CN, …) and a trailing "tỉnh" are tolerated. A name the directory
/// does not know is never dropped or guessed: it comes back unknown with its closest candidates.
/// </summary>
public sealed class AgencyDirectory
{
    /// <summary>Abbreviations as officials write them, and what they stand for (folded).</summary>
    private static readonly Dictionary<string, string[]> Abbreviations = new(StringComparer.Ordinal)
    {
        ["ubnd"] = ["uy", "ban", "nhan", "dan"],
        ["hdnd"] = ["hoi", "dong", "nhan", "dan"],
        ["mttq"] = ["mat", "tran", "to", "quoc"],
        ["ubmttq"] = ["uy", "ban", "mat", "tran", "to", "quoc"],
        ["ubkt"] = ["uy", "ban", "kiem", "tra"],
        ["tand"] = ["toa", "an", "nhan", "dan"],
        ["vksnd"] = ["vien", "kiem", "sat", "nhan", "dan"],
        ["vp"] = ["van", "phong"],
        ["kh&cn"] = ["khoa", "hoc", "va", "cong", "nghe"],
        ["khcn"] = ["khoa", "hoc", "va", "cong", "nghe"],
        ["nn&mt"] = ["nong", "nghiep", "va", "moi", "truong"],
        ["nnmt"] = ["nong", "nghiep", "va", "moi", "truong"],
        ["gd&dt"] = ["giao", "duc", "va", "dao", "tao"],
        ["gddt"] = ["giao", "duc", "va", "dao", "tao"],
        ["bchqs"] = ["bo", "chi", "huy", "quan", "su"],
        ["ttcb"] = ["tin", "hoc", "va", "cong", "bao"],
    };

    /// <summary>Words that join or qualify names without being part of them.</summary>
    private static readonly HashSet<string> Fillers = new(StringComparer.Ordinal) { "va", "voi" };

    private readonly Node _root = new();
    private readonly Dictionary<string, Agency> _agencies;
    private readonly Dictionary<string, AgencyGroup> _groups;
    private readonly List<(string Name, HashSet<string> Words)> _allNames = [];
    private readonly Dictionary<string, List<int>> _namesByWord = new(StringComparer.Ordinal);

    public AgencyDirectory(IEnumerable<Agency> agencies, IEnumerable<AgencyGroup> groups)
    {
        _agencies = agencies.GroupBy(a => a.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        _groups = groups.GroupBy(g => g.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        foreach (var agency in _agencies.Values)
        {
            foreach (var name in agency.Aliases.Prepend(agency.Name))
            {
                Add(name, new Entry(agency.Name, AgencyMatchKind.Agency));
            }
        }

        foreach (var group in _groups.Values)
        {
            foreach (var name in group.Aliases.Prepend(group.Name))
            {
                Add(name, new Entry(group.Name, AgencyMatchKind.Group));
            }
        }
    }

    public IReadOnlyCollection<Agency> Agencies => _agencies.Values;

    public IReadOnlyCollection<AgencyGroup> Groups => _groups.Values;

    /// <summary>The default directory shipped with DonDoc (Calendar-style embedded data).</summary>
    public static AgencyDirectory Default { get; } = LoadDefault();

    /// <summary>This directory with more agencies and groups (an administrator's, a person's choices).</summary>
    public AgencyDirectory With(IEnumerable<Agency> agencies, IEnumerable<AgencyGroup> groups) =>
        new(_agencies.Values.Concat(agencies), _groups.Values.Concat(groups));

    public Agency? FindAgency(string name) => _agencies.GetValueOrDefault(name);

    /// <summary>The agencies a group stands for: those it names and every agency of its kinds.</summary>
    public IReadOnlyList<Agency> Members(string groupName)
    {
        if (!_groups.TryGetValue(groupName, out var group))
        {
            return [];
        }

        return _agencies.Values
            .Where(a => group.MemberNames.Contains(a.Name) || group.MemberKinds.Contains(a.Kind))
            .OrderBy(a => a.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The agencies and groups that a cell names, in order.</summary>
    public IReadOnlyList<AgencyMatch> Resolve(string? cell)
    {
        if (string.IsNullOrWhiteSpace(cell))
        {
            return [];
        }

        var text = VietnameseText.CollapseWhiteSpace(cell.Normalize(System.Text.NormalizationForm.FormC));
        var tokens = Tokenize(text);
        var matches = new List<AgencyMatch>();
        var unknownStart = -1;
        var i = 0;
        while (i < tokens.Count)
        {
            var token = tokens[i];
            if (token.IsOpenParenthesis)
            {
                // A qualifier: "(Chủ trì với nội dung …)" belongs to the agency before it.
                var close = tokens.FindIndex(i, t => t.IsCloseParenthesis);
                var end = close < 0 ? tokens.Count - 1 : close;
                var note = text[tokens[i].Start..tokens[end].End].Trim('(', ')', ' ');
                FlushUnknown(ref unknownStart, i, tokens, text, matches);
                if (matches.Count > 0 && matches[^1].Note is null)
                {
                    matches[^1] = matches[^1] with { Note = note };
                }

                i = end + 1;
                continue;
            }

            if (token.IsSeparator)
            {
                FlushUnknown(ref unknownStart, i, tokens, text, matches);
                i++;
                continue;
            }

            var (length, entry) = LongestMatch(tokens, i);
            if (entry is not null)
            {
                FlushUnknown(ref unknownStart, i, tokens, text, matches);
                var last = i + length - 1;
                // "Sở Nội vụ tỉnh", "… trực thuộc": words that qualify a name without changing it.
                while (last + 1 < tokens.Count && tokens[last + 1].Words is ["tinh"])
                {
                    last++;
                }

                matches.Add(new AgencyMatch(text[tokens[i].Start..tokens[last].End].TrimEnd('.', ',', ';'), entry.Name, entry.Kind, [], null));
                i = last + 1;
                continue;
            }

            if (unknownStart < 0 && !(token.Words.Count == 1 && Fillers.Contains(token.Words[0])))
            {
                unknownStart = i;
            }

            i++;
        }

        FlushUnknown(ref unknownStart, tokens.Count, tokens, text, matches);
        return matches;
    }

    /// <summary>The closest names of the directory to an unknown text, best first.</summary>
    public IReadOnlyList<string> Candidates(string text, int count = 3)
    {
        var words = Normalise(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        // Only names that share a word can be close: the word index keeps this cheap for large directories.
        var shared = new HashSet<int>();
        // Words shared by very many names ("xã", "phường", "ủy ban") say little: look up the rarer ones.
        var postings = words.Select(w => _namesByWord.GetValueOrDefault(w)).OfType<List<int>>().OrderBy(p => p.Count).ToList();
        var selective = postings.Where(p => p.Count <= 64).ToList();
        foreach (var names in selective.Count > 0 ? selective : postings.Take(1))
        {
            shared.UnionWith(names);
        }

        return shared
            .Select(i => (_allNames[i].Name, Score: 2.0 * _allNames[i].Words.Count(words.Contains) / (words.Count + _allNames[i].Words.Count)))
            .Where(x => x.Score > 0.3)
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Name, StringComparer.Ordinal)
            .Select(x => x.Name)
            .Distinct()
            .Take(count)
            .ToList();
    }

    private void FlushUnknown(ref int start, int end, List<Token> tokens, string text, List<AgencyMatch> matches)
    {
        if (start < 0)
        {
            return;
        }

        var unknown = text[tokens[start].Start..tokens[end - 1].End].Trim(' ', ',', ';', '.');
        start = -1;
        if (unknown.Length == 0)
        {
            return;
        }

        matches.Add(new AgencyMatch(unknown, null, AgencyMatchKind.Unknown, Candidates(unknown), null));
    }

    private (int Length, Entry? Entry) LongestMatch(List<Token> tokens, int start)
    {
        var node = _root;
        Entry? best = null;
        var bestLength = 0;
        for (var i = start; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.IsSeparator && InNameSeparator(token.Text) is { } mark)
            {
                // Commas and dashes may belong to a name ("Sở Văn hóa, Thể thao và Du lịch", "Phòng Hành chính – Quản trị").
                if (node.Children.TryGetValue(mark, out var through))
                {
                    node = through;
                    continue;
                }

                break;
            }

            if (token.IsSeparator || token.IsOpenParenthesis || token.IsCloseParenthesis)
            {
                break;
            }

            var ok = true;
            foreach (var word in token.Words)
            {
                if (!node.Children.TryGetValue(word, out var next))
                {
                    ok = false;
                    break;
                }

                node = next;
            }

            if (!ok)
            {
                break;
            }

            if (node.Entry is not null)
            {
                best = node.Entry;
                bestLength = i - start + 1;
            }
        }

        return (bestLength, best);
    }

    private void Add(string name, Entry entry)
    {
        var words = Tokenize(name).SelectMany(t => t.IsSeparator ? (InNameSeparator(t.Text) is { } mark ? [mark] : []) : t.Words).ToList();
        if (words.Count == 0)
        {
            return;
        }

        Insert(words, entry);
        var nameWords = words.Where(w => w is not ("," or "-")).ToHashSet(StringComparer.Ordinal);
        _allNames.Add((entry.Name, nameWords));
        foreach (var word in nameWords)
        {
            if (!_namesByWord.TryGetValue(word, out var list))
            {
                _namesByWord[word] = list = [];
            }

            list.Add(_allNames.Count - 1);
        }

        if (words[^1] != "tinh")
        {
            return;
        }

        // "Văn phòng UBND tỉnh" is also written "Văn phòng UBND".
        Insert(words[..^1], entry, onlyIfFree: true);
    }

    private void Insert(List<string> words, Entry entry, bool onlyIfFree = false)
    {
        var node = _root;
        foreach (var word in words)
        {
            if (!node.Children.TryGetValue(word, out var next))
            {
                next = new Node();
                node.Children[word] = next;
            }

            node = next;
        }

        if (!onlyIfFree || node.Entry is null)
        {
            node.Entry = entry;
        }
    }

    /// <summary>The separators a name may contain, by one mark: "," and the dashes "-" / "–".</summary>
    private static string? InNameSeparator(string separator) => separator switch
    {
        "," => ",",
        "-" or "–" => "-",
        _ => null,
    };

    private static string Normalise(string text) =>
        string.Join(" ", Tokenize(text).Where(t => !t.IsSeparator && !t.IsOpenParenthesis && !t.IsCloseParenthesis).SelectMany(t => t.Words));

    /// <summary>Words (folded, abbreviations expanded), separators and parentheses, with their place in the text.</summary>
    private static List<Token> Tokenize(string text)
    {
        var folded = VietnameseText.Fold(text.Normalize(System.Text.NormalizationForm.FormC));
        var tokens = new List<Token>();
        var i = 0;
        while (i < folded.Length)
        {
            var c = folded[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (c is ',' or ';' or '/' or '.' or ':' or '–' or '-' or '+')
            {
                tokens.Add(new Token(c.ToString(), [], i, i + 1, IsSeparator: true));
                i++;
                continue;
            }

            if (c is '(' or ')')
            {
                tokens.Add(new Token(c.ToString(), [], i, i + 1, IsOpenParenthesis: c == '(', IsCloseParenthesis: c == ')'));
                i++;
                continue;
            }

            var start = i;
            while (i < folded.Length && (char.IsLetterOrDigit(folded[i]) || folded[i] == '&'))
            {
                i++;
            }

            if (i == start)
            {
                i++;
                continue;
            }

            var word = folded[start..i];
            IReadOnlyList<string> words = Abbreviations.TryGetValue(word, out var expanded) ? expanded : [word];
            tokens.Add(new Token(word, words, start, i));
        }

        return tokens;
    }

    private static AgencyDirectory LoadDefault()
    {
        using var stream = typeof(AgencyDirectory).Assembly.GetManifestResourceStream("DonDoc.Core.Agencies.Data.default-directory.json")
            ?? throw new InvalidOperationException("The default agency directory is missing from the assembly.");
        var data = JsonSerializer.Deserialize<DirectoryFile>(stream, new JsonSerializerOptions { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip })
            ?? throw new InvalidOperationException("The default agency directory is empty.");
        return new AgencyDirectory(
            data.Agencies.Select(a => new Agency(a.Name, Enum.Parse<AgencyKind>(a.Kind)) { Aliases = a.Aliases ?? [], Parent = a.Parent }),
            data.Groups.Select(g => new AgencyGroup(g.Name)
            {
                Aliases = g.Aliases ?? [],
                MemberKinds = (g.MemberKinds ?? []).Select(Enum.Parse<AgencyKind>).ToList(),
                MemberNames = g.Members ?? [],
            }));
    }

    private sealed record DirectoryFile(List<AgencyShape> Agencies, List<GroupShape> Groups);

    private sealed record AgencyShape(string Name, string Kind, List<string>? Aliases, string? Parent);

    private sealed record GroupShape(string Name, List<string>? Aliases, List<string>? MemberKinds, List<string>? Members);

    private sealed record Entry(string Name, AgencyMatchKind Kind);

    private sealed class Node
    {
        public Dictionary<string, Node> Children { get; } = new(StringComparer.Ordinal);

        public Entry? Entry { get; set; }
    }

    private sealed record Token(string Text, IReadOnlyList<string> Words, int Start, int End, bool IsSeparator = false, bool IsOpenParenthesis = false, bool IsCloseParenthesis = false);
}
