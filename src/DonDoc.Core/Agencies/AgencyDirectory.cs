using DonDoc.Core.Text;

namespace DonDoc.Core.Agencies;

/// <summary>
/// The agencies and groups of the directory — central bodies, provinces and their communes — and the
/// resolution of a plan's agency cell into them. Cells are split by the directory (longest name first), not
/// by commas, so that "Sở Văn hóa, Thể thao và Du lịch" stays one agency; case, diacritics, old and new tone
/// placement ("Uỷ"/"Ủy"), abbreviations (UBND, HĐND, KH&amp;ĐT, TP. HCM, …) and a trailing "tỉnh" are tolerated.
/// A name the directory does not know is never dropped or guessed: it comes back unknown with its closest
/// candidates.
/// <para>
/// Names are read in a plan: <see cref="InPlanOf"/> gives the directory as a plan of that issuer reads it, where
/// "Sở Nội vụ" is the Sở Nội vụ of the issuer's province and "UBND các xã, phường" its communes. A directory that
/// holds a single province reads every plan as that province's; central names resolve in every plan.
/// </para>
/// </summary>
public sealed class AgencyDirectory
{
    /// <summary>The plan's province is one the directory does not hold: no province's local names apply.</summary>
    private const int Elsewhere = -2;

    /// <summary>No plan given: the directory's only province, if it holds exactly one.</summary>
    private const int Unset = -1;

    /// <summary>Words that join or qualify names without being part of them.</summary>
    private static readonly HashSet<string> Fillers = new(StringComparer.Ordinal) { "va", "voi" };

    /// <summary>First words of agency names: after a dash, one of these starts another agency; anything else continues the name.</summary>
    private static readonly HashSet<string> NameHeads = new(StringComparer.Ordinal)
    {
        "so", "bo", "ban", "phong", "van", "uy", "hoi", "trung", "cong", "thanh", "toa", "vien", "dang", "cuc", "chi", "truong",
        "benh", "lien", "doan", "bao", "dai", "kho", "ngan", "cac", "tinh", "thuong", "quan", "tong", "hoc", "mat",
    };

    /// <summary>Heads that a list may share: "Sở Nội vụ, Tài chính", "Các Bộ: Công an, Quốc phòng".</summary>
    private static readonly HashSet<string> SharedHeads = new(StringComparer.Ordinal) { "so", "bo", "ban" };

    private readonly Shared _shared;
    private readonly int _province;

    /// <summary>The plan's province when the directory does not hold it.</summary>
    private readonly string? _elsewhere;

    public AgencyDirectory(IEnumerable<Agency> agencies, IEnumerable<AgencyGroup> groups)
        : this(agencies, groups, [])
    {
    }

    public AgencyDirectory(IEnumerable<Agency> agencies, IEnumerable<AgencyGroup> groups, IEnumerable<FormerAgency> formerAgencies)
        : this(new Shared(agencies, groups, formerAgencies), Unset, null)
    {
    }

    private AgencyDirectory(Shared shared, int province, string? elsewhere)
    {
        _shared = shared;
        _province = province;
        _elsewhere = elsewhere;
    }

    public IReadOnlyCollection<Agency> Agencies => _shared.Agencies.Values;

    public IReadOnlyCollection<AgencyGroup> Groups => _shared.Groups.Values;

    /// <summary>Names of agencies that no longer exist, each resolving to its successor.</summary>
    public IReadOnlyCollection<FormerAgency> FormerAgencies => _shared.Former.Values;

    /// <summary>The provinces whose agencies the directory holds (official names, "Tỉnh Đồng Tháp").</summary>
    public IReadOnlyList<string> Provinces => _shared.Provinces;

    /// <summary>The province whose plans this directory reads (given, or its only province); null when none.</summary>
    public string? PlanProvince => Effective >= 0 ? _shared.Provinces[Effective] : _elsewhere;

    /// <summary>The default directory shipped with DonDoc: the central bodies and the bodies of "the province".</summary>
    public static AgencyDirectory Default { get; } = new(
        ShippedDirectory.National.Agencies.Concat(ShippedDirectory.Province.Agencies),
        ShippedDirectory.National.Groups.Concat(ShippedDirectory.Province.Groups),
        ShippedDirectory.National.Former.Concat(ShippedDirectory.Province.Former));

    /// <summary>The agencies of the default directory that stand for "the province" (the bodies a province import replaces).</summary>
    public static IReadOnlyList<Agency> DefaultProvincialBodies => ShippedDirectory.Province.Agencies;

    /// <summary>
    /// The names that lead and coordinator cells hold, for cutting rows whose columns were flattened: the bodies and
    /// groups of the province, the ministries and the Government's agencies, and former names. Names that prose uses
    /// far more often than a cell does are left out: the Quốc hội's, the Party's and the Front's central bodies ("báo cáo
    /// Ban Tổ chức Trung ương"), the Front by its own name and the mass organisations as a whole ("Đại hội Mặt trận Tổ
    /// quốc Việt Nam tỉnh", "các tổ chức chính trị - xã hội cấp xã") — cells name the Front's committee ("Ủy ban MTTQ tỉnh").
    /// </summary>
    public static IReadOnlyList<string> DefaultCellNames { get; } = ShippedDirectory.Province.Agencies
        .Concat(ShippedDirectory.National.Agencies.Where(a => a.Kind is AgencyKind.Ministry or AgencyKind.GovernmentAgency or AgencyKind.MinistryUnit))
        .SelectMany(a => a.Aliases.Prepend(a.Name))
        .Concat(ShippedDirectory.Province.Groups.Concat(ShippedDirectory.National.Groups)
            .Where(g => !g.MemberKinds.Any(k => k is AgencyKind.MassOrganisation or AgencyKind.CentralMassOrganisation))
            .SelectMany(g => g.Aliases.Prepend(g.Name)))
        .Concat(ShippedDirectory.Province.Former.Concat(ShippedDirectory.National.Former).SelectMany(f => f.Aliases.Prepend(f.Name)))
        .Where(name => !VietnameseText.Fold(name).StartsWith("mat tran to quoc", StringComparison.Ordinal) && !VietnameseText.Fold(name).StartsWith("mttq", StringComparison.Ordinal))
        .Distinct(StringComparer.Ordinal)
        .ToList();

    /// <summary>This directory with more agencies and groups (an administrator's, a person's choices), read in the same plan.</summary>
    public AgencyDirectory With(IEnumerable<Agency> agencies, IEnumerable<AgencyGroup> groups) =>
        new AgencyDirectory(new Shared(_shared.Agencies.Values.Concat(agencies), _shared.Groups.Values.Concat(groups), _shared.Former.Values), Unset, null)
            .ForProvince(_province == Unset ? null : PlanProvince);

    /// <summary>
    /// The directory as a plan of this issuer reads it ("Ủy ban nhân dân tỉnh Đồng Tháp", "UBND TP. Hồ Chí Minh",
    /// "Tỉnh ủy Đồng Tháp"): names local to the issuer's province resolve to its agencies. An issuer without a
    /// province (a ministry, the Government) changes nothing.
    /// </summary>
    public AgencyDirectory InPlanOf(string? issuer) => ProvinceOfIssuer(issuer) is { } province ? ForProvince(province) : this;

    /// <summary>The directory as plans of this province read it; null reads them as a directory without a plan does.</summary>
    public AgencyDirectory ForProvince(string? province)
    {
        if (province is null)
        {
            return _province == Unset ? this : new AgencyDirectory(_shared, Unset, null);
        }

        var known = AdministrativeUnits.Default.Find(province);
        var name = known?.Name ?? province;
        var id = _shared.ProvinceId(name);
        return id >= 0 ? new AgencyDirectory(_shared, id, null) : new AgencyDirectory(_shared, Elsewhere, name);
    }

    /// <summary>
    /// The province (official name) of a plan's issuer: the province of the agency it names, else a province or a
    /// commune it names ("UBND xã Mỹ Thọ" when only one province has a xã Mỹ Thọ); null for central issuers.
    /// </summary>
    public string? ProvinceOfIssuer(string? issuer)
    {
        if (string.IsNullOrWhiteSpace(issuer))
        {
            return null;
        }

        var global = _province == Elsewhere ? this : new AgencyDirectory(_shared, Elsewhere, null);
        foreach (var match in global.Resolve(issuer))
        {
            if (match.Kind == AgencyMatchKind.Agency && FindAgency(match.Name!)?.Province is { } province)
            {
                return province;
            }
        }

        return AdministrativeUnits.Default.ProvinceNamedIn(issuer)?.Name;
    }

    public Agency? FindAgency(string name) => _shared.Agencies.GetValueOrDefault(name);

    /// <summary>
    /// The agencies a group stands for in this plan: those it names, and every agency of its kinds — from every
    /// province for a national group ("UBND các tỉnh, thành phố"), from the plan's province otherwise ("UBND các xã,
    /// phường" of a plan of Đồng Tháp are the communes of Đồng Tháp), together with the agencies of no province.
    /// </summary>
    public IReadOnlyList<Agency> Members(string groupName)
    {
        if (!_shared.Groups.TryGetValue(groupName, out var group))
        {
            return [];
        }

        var nationwide = group.MemberKinds.Count > 0 && group.MemberKinds.All(k => k.IsNationwide());
        var province = Effective >= 0 ? _shared.Provinces[Effective] : null;
        var byKind = group.MemberKinds.Count == 0
            ? []
            : group.MemberKinds.SelectMany(kind => _shared.ByKind.GetValueOrDefault(kind, []))
                .Where(a => nationwide || a.Province is null || a.Province == province);
        return byKind
            .Concat(group.MemberNames.Select(FindAgency).OfType<Agency>())
            .DistinctBy(a => a.Name)
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
        var reading = new Reading(this, text);
        return reading.Run();
    }

    /// <summary>The closest names of the directory to an unknown text, best first.</summary>
    public IReadOnlyList<string> Candidates(string text, int count = 3)
    {
        var words = AgencyNameTokenizer.Tokenize(text).Where(t => t.IsWord).SelectMany(t => t.Words).ToHashSet(StringComparer.Ordinal);
        return _shared.Index.Similar(words, Effective)
            .Where(x => x.Score > 0.3)
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Name, StringComparer.Ordinal)
            .Select(x => x.Name)
            .Distinct()
            .Take(count)
            .ToList();
    }

    /// <summary>The province whose local names apply: the plan's, or the only one the directory holds.</summary>
    private int Effective => _province switch
    {
        Unset => _shared.Provinces.Count == 1 ? 0 : Unset,
        _ => _province,
    };

    /// <summary>One cell being read: its tokens, their word ids, and the matches found so far.</summary>
    private sealed class Reading(AgencyDirectory directory, string text)
    {
        private readonly AgencyNameIndex _index = directory._shared.Index;
        private readonly List<AgencyToken> _tokens = AgencyNameTokenizer.Tokenize(text);
        private readonly List<AgencyMatch> _matches = [];
        private readonly List<(int Start, int End)> _spans = [];
        private int[][] _ids = [];
        private int _unknownStart = -1;

        /// <summary>A shared head ("bo" of "Các Bộ:") that the unknown names after it may take.</summary>
        private string? _head;

        public List<AgencyMatch> Run()
        {
            _ids = _tokens.Select(t => t.Words.Select(_index.WordId).ToArray()).ToArray();
            var context = directory.Effective;
            var i = 0;
            while (i < _tokens.Count)
            {
                var token = _tokens[i];
                if (token.IsOpenParenthesis)
                {
                    // A qualifier: "(Chủ trì với nội dung …)" belongs to the agency before it.
                    var close = _tokens.FindIndex(i, t => t.IsCloseParenthesis);
                    var end = close < 0 ? _tokens.Count - 1 : close;
                    var note = text[_tokens[i].Start.._tokens[end].End].Trim('(', ')', ' ');
                    FlushUnknown(i);
                    if (_matches.Count > 0 && _matches[^1].Note is null)
                    {
                        _matches[^1] = _matches[^1] with { Note = note };
                    }

                    i = end + 1;
                    continue;
                }

                if (token.IsSeparator)
                {
                    // "Phòng Quản trị - Tài vụ": a dash inside a name the directory does not know, not between two agencies.
                    if (_unknownStart >= 0 && AgencyNameTokenizer.InNameSeparator(token.Text) == "-" && ContinuesName(i + 1, context))
                    {
                        i++;
                        continue;
                    }

                    FlushUnknown(i, token.Text == ":");
                    i++;
                    continue;
                }

                // "Các Bộ: Công an, Quốc phòng": after a heading, a name takes the heading's head first.
                if (_head is not null && HeadedName(i) is { } headed)
                {
                    FlushUnknown(i);
                    _matches.Add(ToMatch(Printed(i, headed.End), headed.Entry, context));
                    _spans.Add((i, headed.End));
                    i = headed.End;
                    continue;
                }

                var match = LongestMatch(i, context);
                if ((match.Entry is not null || match.OtherProvince) && NamesCommuneAt(i + match.Length))
                {
                    // "UBND phường Cao Lãnh" of a commune the plan's province does not have: one unknown name, not "UBND" and a commune.
                    _unknownStart = _unknownStart < 0 ? i : _unknownStart;
                    i += match.Length;
                    continue;
                }

                if (match.Entry is not null || match.OtherProvince)
                {
                    FlushUnknown(i);
                    var last = i + match.Length - 1;
                    // "Sở Nội vụ tỉnh", "Công an thành phố": words that qualify a name without changing it.
                    while (TrailingLevel(last + 1) is > 0 and var level)
                    {
                        last += level;
                    }

                    Add(i, last + 1, match);
                    i = last + 1;
                    continue;
                }

                if (_unknownStart < 0 && !(token.Words.Count == 1 && Fillers.Contains(token.Words[0])))
                {
                    _unknownStart = i;
                }

                i++;
            }

            FlushUnknown(_tokens.Count);
            return _matches;
        }

        /// <summary>Whether a commune's level ("xã", "phường", "đặc khu") follows directly: the name before it is a commune's body.</summary>
        private bool NamesCommuneAt(int at) =>
            at < _tokens.Count && _tokens[at].IsWord && (_tokens[at].Words is ["xa"] or ["phuong"]
                || (_tokens[at].Words is ["dac"] && at + 1 < _tokens.Count && _tokens[at + 1].Words is ["khu"]));

        /// <summary>How many tokens at <paramref name="at"/> say "tỉnh" or "thành phố" (and nothing more), or 0.</summary>
        private int TrailingLevel(int at)
        {
            if (at >= _tokens.Count)
            {
                return 0;
            }

            return _tokens[at].Words switch
            {
                ["tinh"] or ["thanh", "pho"] => 1,
                ["thanh"] when at + 1 < _tokens.Count && _tokens[at + 1].Words is ["pho"] => 2,
                _ => 0,
            };
        }

        private void Add(int start, int end, Match match)
        {
            var printed = Printed(start, end);
            AgencyMatch result;
            if (match.OtherProvince || match.Entry is null)
            {
                // A local name qualified by a province the directory does not hold ("Sở Nội vụ thành phố Hà Nội"): not ours to guess.
                result = new AgencyMatch(printed, null, AgencyMatchKind.Unknown, directory.Candidates(printed), null);
            }
            else
            {
                result = ToMatch(printed, match.Entry, match.Province);
            }

            // "Hội đồng nhân dân, Ủy ban nhân dân các xã, phường": the name before shares the tail of this one.
            if (_matches.Count > 0 && _spans[^1].End <= start && OnlyJoinersBetween(_spans[^1].End, start)
                && SharedTail(_spans[^1].Start, _spans[^1].End, start, end, match.Province) is { } shared)
            {
                _matches[^1] = ToMatch(_matches[^1].Text, shared, match.Province) with { Note = _matches[^1].Note };
            }

            _matches.Add(result);
            _spans.Add((start, end));
            _head = null;
        }

        private AgencyMatch ToMatch(string printed, NameEntry entry, int province)
        {
            if (entry.Target != NameTarget.Former)
            {
                return new AgencyMatch(printed, entry.Name, entry.Target == NameTarget.Group ? AgencyMatchKind.Group : AgencyMatchKind.Agency, [], null);
            }

            // A former name means what its successor means in the same plan.
            var successor = Successor(entry.Former!, province);
            return successor is null
                ? new AgencyMatch(printed, null, AgencyMatchKind.Unknown, directory.Candidates(entry.Former!.Successor), null) { FormerName = entry.Former!.Name }
                : new AgencyMatch(printed, successor.Name, successor.Target == NameTarget.Group ? AgencyMatchKind.Group : AgencyMatchKind.Agency, [], null) { FormerName = entry.Former!.Name };
        }

        private NameEntry? Successor(FormerAgency former, int province)
        {
            var node = _index.Walk(AgencyNameTokenizer.NameWords(former.Successor));
            var entry = node < 0 ? null : _index.EntryAt(node, province);
            return entry?.Target == NameTarget.Former ? null : entry;
        }

        private void FlushUnknown(int end, bool beforeColon = false)
        {
            if (_unknownStart < 0)
            {
                return;
            }

            var start = _unknownStart;
            _unknownStart = -1;
            var unknown = Printed(start, end);
            if (unknown.Length == 0)
            {
                return;
            }

            var words = _tokens.Skip(start).Take(end - start).Where(t => t.IsWord).SelectMany(t => t.Words).ToList();
            // "Các Bộ: Công an, Quốc phòng": a shared head before a colon is a heading of the list, not an agency.
            if (beforeColon && words.Count is 1 or 2 && SharedHeads.Contains(words[^1]) && (words.Count == 1 || words[0] == "cac"))
            {
                _head = words[^1];
                return;
            }

            // "Sở Nội vụ, Tài chính": an unknown name after a name with a shared head may take that head.
            var head = _head ?? (_spans.Count > 0 && _spans[^1].End <= start ? HeadOf(_spans[^1].Start) : null);
            if (head is not null && ExactEntry([head, .. words], directory.Effective) is { } entry)
            {
                _matches.Add(ToMatch(unknown, entry, directory.Effective));
                _spans.Add((start, end));
                _head = head;
                return;
            }

            _matches.Add(new AgencyMatch(unknown, null, AgencyMatchKind.Unknown, directory.Candidates(unknown), null));
            _spans.Add((start, end));
        }

        /// <summary>The words from a token to the next separator, with the list's head before them, when that names an agency.</summary>
        private (NameEntry Entry, int End)? HeadedName(int start)
        {
            var end = start;
            var words = new List<string> { _head! };
            while (end < _tokens.Count && _tokens[end].IsWord)
            {
                words.AddRange(_tokens[end].Words);
                end++;
            }

            return ExactEntry(words, directory.Effective) is { } entry ? (entry, end) : null;
        }

        private string Printed(int start, int end) =>
            start >= end ? string.Empty : text[_tokens[start].Start.._tokens[end - 1].End].Trim(' ', ',', ';', '.');

        private string? HeadOf(int start)
        {
            var words = _tokens[start].Words;
            var first = words.Count > 0 && words[0] == "cac" && start + 1 < _tokens.Count ? _tokens[start + 1].Words.FirstOrDefault() : words.FirstOrDefault();
            return first is not null && SharedHeads.Contains(first) ? first : null;
        }

        private bool OnlyJoinersBetween(int from, int to)
        {
            for (var k = from; k < to; k++)
            {
                var token = _tokens[k];
                if (!(token.IsSeparator && token.Text is "," or "-" or "–") && !(token.IsWord && token.Words is ["va"]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// The name that the previous piece becomes with the collective tail of this one ("các xã, phường", "cấp xã",
        /// "các tỉnh, thành phố"), when the directory knows it.
        /// </summary>
        private NameEntry? SharedTail(int previousStart, int previousEnd, int start, int end, int province)
        {
            var previous = _tokens.Skip(previousStart).Take(previousEnd - previousStart).SelectMany(Marks).ToList();
            for (var k = start + 1; k < end; k++)
            {
                if (_tokens[k].Words is not ["cac"] and not ["cap"])
                {
                    continue;
                }

                var tail = _tokens.Skip(k).Take(end - k).SelectMany(Marks);
                if (ExactEntry([.. previous, .. tail], province) is { } entry)
                {
                    return entry;
                }
            }

            return null;
        }

        private static IEnumerable<string> Marks(AgencyToken token) =>
            token.IsSeparator ? (AgencyNameTokenizer.InNameSeparator(token.Text) is { } mark ? [mark] : []) : token.Words;

        private NameEntry? ExactEntry(IReadOnlyList<string> words, int province)
        {
            var node = _index.Walk(words);
            return node < 0 ? null : _index.EntryAt(node, province);
        }

        /// <summary>After a dash: a word that starts no agency name and no directory name continues the unknown name.</summary>
        private bool ContinuesName(int at, int context) =>
            at < _tokens.Count && _tokens[at].IsWord && _tokens[at].Words.Count > 0
            && !NameHeads.Contains(_tokens[at].Words[0]) && LongestMatch(at, context).Entry is null;

        /// <summary>The longest name at a token: in the plan's province, or in the province that a qualifier after it names.</summary>
        private Match LongestMatch(int start, int context)
        {
            var node = AgencyNameIndex.Root;
            var best = new Match(0, null, context, false);
            for (var i = start; i < _tokens.Count; i++)
            {
                var token = _tokens[i];
                if (token.IsSeparator && AgencyNameTokenizer.InNameSeparator(token.Text) is { } mark)
                {
                    // Commas and dashes may belong to a name ("Sở Văn hóa, Thể thao và Du lịch", "Phòng Hành chính – Quản trị").
                    var through = _index.Next(node, _index.WordId(mark));
                    if (through < 0)
                    {
                        break;
                    }

                    node = through;
                    continue;
                }

                if (!token.IsWord)
                {
                    break;
                }

                foreach (var word in _ids[i])
                {
                    node = _index.Next(node, word);
                    if (node < 0)
                    {
                        break;
                    }
                }

                if (node < 0)
                {
                    break;
                }

                var length = i - start + 1;
                var entry = _index.EntryAt(node, context);
                if (entry is not null)
                {
                    best = new Match(length, entry, context, false);
                }

                // "Sở Nội vụ tỉnh Đồng Tháp", "UBND xã Mỹ Thọ, Đồng Tháp", "Công an TP. HCM": a province after a name chooses it.
                if ((entry is not null || _index.HasLocal(node)) && Qualifier(i + 1) is { } qualifier)
                {
                    var province = directory._shared.ProvinceId(qualifier.Province.Name);
                    if (province >= 0 && (_index.LocalAt(node, province) ?? FormerAt(node)) is { } chosen)
                    {
                        best = new Match(length + qualifier.Length, chosen, province, false);
                    }
                    else if (province < 0 && directory._shared.Provinces.Count == 0 && entry is not null)
                    {
                        // A directory without provinces stands for any province: "Sở Nội vụ tỉnh Đồng Tháp" is its Sở Nội vụ.
                        best = new Match(length + qualifier.Length, entry, context, false);
                    }
                    else if (province < 0 && (_index.HasLocal(node) || FormerAt(node) is not null))
                    {
                        best = new Match(length + qualifier.Length, null, context, true);
                    }
                }
            }

            return best;
        }

        private NameEntry? FormerAt(int node) => _index.GlobalAt(node) is { Target: NameTarget.Former } former ? former : null;

        /// <summary>A province named at a token ("tỉnh Đồng Tháp", ", Đồng Tháp", "TP. HCM"): the province and how many tokens it takes.</summary>
        private (Province Province, int Length)? Qualifier(int at)
        {
            var k = at;
            if (k < _tokens.Count && _tokens[k].IsSeparator && _tokens[k].Text == ",")
            {
                k++;
            }

            if (k >= _tokens.Count || !_tokens[k].IsWord || _tokens[k].Words.Count == 0 || !AdministrativeUnits.Default.StartsKey(_tokens[k].Words[0]))
            {
                return null;
            }

            (Province, int)? found = null;
            var words = new List<string>();
            for (var j = k; j < _tokens.Count && j < k + 6 && _tokens[j].IsWord; j++)
            {
                words.AddRange(_tokens[j].Words);
                if (AdministrativeUnits.Default.FindByKey(string.Join(' ', words)) is { } province)
                {
                    found = (province, j - at + 1);
                }
            }

            return found;
        }

        private readonly record struct Match(int Length, NameEntry? Entry, int Province, bool OtherProvince);
    }

    /// <summary>What every reading of the same directory shares: the agencies, groups, provinces and the name index.</summary>
    private sealed class Shared
    {
        private readonly Dictionary<string, int> _provinceIds = new(StringComparer.Ordinal);

        public Shared(IEnumerable<Agency> agencies, IEnumerable<AgencyGroup> groups, IEnumerable<FormerAgency> formerAgencies)
        {
            Agencies = agencies.GroupBy(a => a.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
            Groups = groups.GroupBy(g => g.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
            Former = formerAgencies.GroupBy(f => f.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
            foreach (var province in Agencies.Values.Select(a => a.Province).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                _provinceIds[province] = Provinces.Count;
                Provinces.Add(province);
            }

            ByKind = Agencies.Values.GroupBy(a => a.Kind).ToDictionary(g => g.Key, g => g.ToList());

            // Former names first, so that an agency or group that took a former name's words keeps them.
            foreach (var former in Former.Values)
            {
                var entry = new NameEntry(former.Name, NameTarget.Former, former);
                foreach (var name in former.Aliases.Prepend(former.Name))
                {
                    Index.Add(name, entry, AgencyNameIndex.Everywhere);
                }
            }

            foreach (var agency in Agencies.Values)
            {
                var entry = new NameEntry(agency.Name, NameTarget.Agency);
                var owner = agency.Province is { } province ? _provinceIds[province] : AgencyNameIndex.Everywhere;
                foreach (var name in agency.Aliases.Prepend(agency.Name))
                {
                    Index.Add(name, entry, AgencyNameIndex.Everywhere, owner);
                }

                foreach (var name in owner >= 0 ? agency.LocalNames : [])
                {
                    Index.Add(name, entry, owner, owner);
                }
            }

            foreach (var group in Groups.Values)
            {
                var entry = new NameEntry(group.Name, NameTarget.Group);
                foreach (var name in group.Aliases.Prepend(group.Name))
                {
                    Index.Add(name, entry, AgencyNameIndex.Everywhere);
                }
            }
        }

        public Dictionary<string, Agency> Agencies { get; }

        public Dictionary<string, AgencyGroup> Groups { get; }

        public Dictionary<string, FormerAgency> Former { get; }

        public Dictionary<AgencyKind, List<Agency>> ByKind { get; }

        public List<string> Provinces { get; } = [];

        public AgencyNameIndex Index { get; } = new();

        public int ProvinceId(string province) => _provinceIds.GetValueOrDefault(province, -1);
    }
}
