namespace DonDoc.Core.Agencies;

/// <summary>What a name of the index stands for.</summary>
internal enum NameTarget
{
    Agency,
    Group,
    Former,
}

/// <summary>A name's meaning: an agency or group by its canonical name, or a former name with its successor.</summary>
internal sealed record NameEntry(string Name, NameTarget Target, FormerAgency? Former = null);

/// <summary>
/// Every name of a directory as a word trie (words interned as integers, edges in one table, so that tens of
/// thousands of names cost a few megabytes): a name that means the same everywhere is a global entry of its
/// node, a name that means an agency only in one province's plans is a local entry of that node for that
/// province. A second index of names by word gives the closest names to an unknown text.
/// </summary>
internal sealed class AgencyNameIndex
{
    public const int Root = 0;

    /// <summary>No province: the entry is global.</summary>
    public const int Everywhere = -1;

    private readonly Dictionary<string, int> _words = new(StringComparer.Ordinal);
    private readonly Dictionary<long, int> _edges = [];
    private readonly List<NameEntry?> _global = [null];
    private readonly List<bool> _hasLocal = [false];
    private readonly Dictionary<long, NameEntry> _local = [];
    private readonly List<(string Name, int[] Words, int Province, int Owner)> _names = [];
    private readonly Dictionary<int, List<int>> _namesByWord = [];

    /// <summary>The id of a word, or -1 when no name holds it.</summary>
    public int WordId(string word) => _words.GetValueOrDefault(word, -1);

    /// <summary>The node reached from <paramref name="node"/> by a word id, or -1.</summary>
    public int Next(int node, int word) => word < 0 ? -1 : _edges.GetValueOrDefault(Key(node, word), -1);

    /// <summary>The entry a node has in a plan of <paramref name="province"/> (its local entry first), or null.</summary>
    public NameEntry? EntryAt(int node, int province)
    {
        if (province >= 0 && _hasLocal[node] && _local.TryGetValue(Key(node, province), out var local))
        {
            return local;
        }

        return _global[node];
    }

    /// <summary>The node's entry for that province only (not the global one), or null.</summary>
    public NameEntry? LocalAt(int node, int province) =>
        province >= 0 && _hasLocal[node] && _local.TryGetValue(Key(node, province), out var local) ? local : null;

    public NameEntry? GlobalAt(int node) => _global[node];

    public bool HasLocal(int node) => _hasLocal[node];

    /// <summary>
    /// Adds a name, valid everywhere or in one province's plans, of an agency that belongs to <paramref name="owner"/>'s
    /// province (or none); a name ending in the province word ("Văn phòng UBND tỉnh") is also known without it, where that is free.
    /// </summary>
    public void Add(string name, NameEntry entry, int province, int owner = Everywhere)
    {
        var words = AgencyNameTokenizer.NameWords(name);
        if (words.Count == 0)
        {
            return;
        }

        Insert(words, entry, province, onlyIfFree: false);
        var ids = words.Where(w => w is not ("," or "-")).Select(w => _words[w]).Distinct().ToArray();
        _names.Add((entry.Name, ids, province, owner));
        foreach (var word in ids)
        {
            if (!_namesByWord.TryGetValue(word, out var list))
            {
                _namesByWord[word] = list = [];
            }

            list.Add(_names.Count - 1);
        }

        if (words[^1] == "tinh")
        {
            Insert(words[..^1], entry, province, onlyIfFree: true);
        }
        else if (words.Count > 2 && words[^2] == "thanh" && words[^1] == "pho")
        {
            Insert(words[..^2], entry, province, onlyIfFree: true);
        }
    }

    /// <summary>The node a word sequence ends at, or -1 (used to read a successor's name).</summary>
    public int Walk(IReadOnlyList<string> words)
    {
        var node = Root;
        foreach (var word in words)
        {
            node = Next(node, WordId(word));
            if (node < 0)
            {
                return -1;
            }
        }

        return node;
    }

    /// <summary>
    /// Names that share a word with <paramref name="words"/> and suit a plan of <paramref name="province"/> (no local name or
    /// agency of another province when the plan has one), with their Dice score.
    /// </summary>
    public IEnumerable<(string Name, double Score)> Similar(IReadOnlyCollection<string> words, int province)
    {
        var ids = words.Select(WordId).Where(id => id >= 0).Distinct().ToList();
        // Words shared by very many names ("xã", "phường", "ủy ban") say little: look up the rarer ones.
        var postings = ids.Select(id => _namesByWord[id]).OrderBy(p => p.Count).ToList();
        var selective = postings.Where(p => p.Count <= 64).ToList();
        var shared = new HashSet<int>();
        foreach (var names in selective.Count > 0 ? selective : postings.Take(1))
        {
            shared.UnionWith(names);
        }

        var wanted = ids.ToHashSet();
        foreach (var index in shared)
        {
            var (name, nameWords, nameProvince, owner) = _names[index];
            if ((nameProvince != Everywhere && nameProvince != province) || (province >= 0 && owner != Everywhere && owner != province))
            {
                continue;
            }

            yield return (name, 2.0 * nameWords.Count(wanted.Contains) / (words.Count + nameWords.Length));
        }
    }

    private void Insert(List<string> words, NameEntry entry, int province, bool onlyIfFree)
    {
        var node = Root;
        foreach (var word in words)
        {
            if (!_words.TryGetValue(word, out var id))
            {
                _words[word] = id = _words.Count;
            }

            var key = Key(node, id);
            if (!_edges.TryGetValue(key, out var next))
            {
                next = _global.Count;
                _global.Add(null);
                _hasLocal.Add(false);
                _edges[key] = next;
            }

            node = next;
        }

        if (province == Everywhere)
        {
            if (!onlyIfFree || _global[node] is null)
            {
                _global[node] = entry;
            }

            return;
        }

        var slot = Key(node, province);
        if (!onlyIfFree || !_local.ContainsKey(slot))
        {
            _local[slot] = entry;
            _hasLocal[node] = true;
        }
    }

    private static long Key(int node, int value) => ((long)node << 32) | (uint)value;
}
