namespace DonDoc.Core.Agencies;

/// <summary>The level of a commune-level unit.</summary>
public enum CommuneLevel
{
    Commune,
    Ward,
    SpecialZone,
}

/// <summary>A xã, phường or đặc khu, with its code in the national register.</summary>
public sealed record Commune(int Code, CommuneLevel Level, string Name)
{
    /// <summary>The level as it is written before the name: "xã", "phường", "đặc khu".</summary>
    public string LevelWord => Level switch
    {
        CommuneLevel.Ward => "phường",
        CommuneLevel.SpecialZone => "đặc khu",
        _ => "xã",
    };

    /// <summary>"xã Mỹ Thọ", "phường Cao Lãnh", "đặc khu Phú Quốc".</summary>
    public string FullName => $"{LevelWord} {Name}";
}

/// <summary>
/// A province or centrally-run city after the 2025 reorganisation, with its communes and the resolution of the
/// Ủy ban Thường vụ Quốc hội that set them up.
/// </summary>
public sealed record Province(int Code, string Name, string Resolution, IReadOnlyList<string> FormerProvinces, IReadOnlyList<Commune> Communes)
{
    public bool IsCity => Name.StartsWith("Thành phố ", StringComparison.Ordinal);

    /// <summary>The name without its level: "Đồng Tháp", "Hà Nội", "Hồ Chí Minh".</summary>
    public string ShortName => Name[(IsCity ? "Thành phố ".Length : "Tỉnh ".Length)..];

    /// <summary>
    /// How the province is named after an agency: "tỉnh Đồng Tháp", "thành phố Hà Nội". Hồ Chí Minh names a person,
    /// so the city keeps its capitalised "Thành phố" everywhere (as Nghị quyết 202/2025/QH15 writes it).
    /// </summary>
    public string InText => PersonNamed ? Name : (IsCity ? "thành phố " : "tỉnh ") + ShortName;

    /// <summary>What follows "Tỉnh ủy"/"Thành ủy" and "Tỉnh đoàn"/"Thành đoàn": "Đồng Tháp", "Hà Nội", "Thành phố Hồ Chí Minh".</summary>
    public string Called => PersonNamed ? Name : ShortName;

    private bool PersonNamed => ShortName == "Hồ Chí Minh";
}

/// <summary>
/// The 34 provinces and 3,321 communes from 1 July 2025 (Nghị quyết 202/2025/QH15 and the 34 resolutions
/// 1654–1687/NQ-UBTVQH15), shipped as Data/administrative-units.tsv; see Data/SOURCES.md.
/// </summary>
public sealed class AdministrativeUnits
{
    private static readonly Lazy<AdministrativeUnits> Shipped = new(Load);

    private readonly Dictionary<string, Province> _byKey = new(StringComparer.Ordinal);

    /// <summary>Provinces merged in 2025, by their bare name ("tien giang"): only a person's explicit choice names them.</summary>
    private readonly Dictionary<string, Province> _byFormerName = new(StringComparer.Ordinal);

    private readonly HashSet<string> _firstWords = new(StringComparer.Ordinal);

    private readonly Lazy<Dictionary<string, List<Province>>> _communes;

    private AdministrativeUnits(IReadOnlyList<Province> provinces)
    {
        Provinces = provinces;
        foreach (var province in provinces)
        {
            foreach (var name in new[] { province.Name, province.ShortName, province.InText })
            {
                _byKey[Key(name)] = province;
            }
        }

        // A province merged in 2025 names the province that took it in ("tỉnh Tiền Giang" → Đồng Tháp), unless it kept the name.
        foreach (var province in provinces)
        {
            foreach (var former in province.FormerProvinces)
            {
                _byFormerName.TryAdd(Key(former), province);
                _byKey.TryAdd(Key("tỉnh " + former), province);
            }
        }

        var city = _byKey[Key("Hồ Chí Minh")];
        foreach (var name in new[] { "thành phố Hồ Chí Minh", "TP HCM", "TPHCM", "HCM" })
        {
            _byKey.TryAdd(Key(name), city);
        }

        foreach (var key in _byKey.Keys)
        {
            _firstWords.Add(key.Split(' ')[0]);
        }

        _communes = new(() =>
        {
            var index = new Dictionary<string, List<Province>>(StringComparer.Ordinal);
            foreach (var province in Provinces)
            {
                foreach (var commune in province.Communes)
                {
                    var key = Key(commune.FullName);
                    if (!index.TryGetValue(key, out var list))
                    {
                        index[key] = list = [];
                    }

                    list.Add(province);
                }
            }

            return index;
        });
    }

    /// <summary>The shipped register.</summary>
    public static AdministrativeUnits Default => Shipped.Value;

    public IReadOnlyList<Province> Provinces { get; }

    /// <summary>
    /// The province a person names: "Đồng Tháp", "tỉnh Đồng Tháp", "Tỉnh Đồng Tháp", "TP HCM", "TP. Hồ Chí Minh",
    /// or a province merged into it ("Tiền Giang"); case and diacritics do not matter. Null when none.
    /// </summary>
    public Province? Find(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var key = Key(name);
        if (_byKey.TryGetValue(key, out var province) || _byFormerName.TryGetValue(key, out province))
        {
            return province;
        }

        foreach (var prefix in new[] { "thanh pho ", "tinh " })
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal) && _byKey.TryGetValue(key[prefix.Length..], out province))
            {
                return province;
            }
        }

        return null;
    }

    /// <summary>The province that these folded words name ("dong thap", "tinh dong thap", "thanh pho ho chi minh", "tinh tien giang").</summary>
    internal Province? FindByKey(string key) => _byKey.GetValueOrDefault(key);

    /// <summary>Whether a province's name can begin with this folded word (a cheap test before <see cref="FindByKey"/>).</summary>
    internal bool StartsKey(string word) => _firstWords.Contains(word);

    /// <summary>
    /// The province a text such as a plan's issuer names: "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP", "UBND TP. HCM", "Tỉnh ủy Đồng
    /// Tháp"; else the province of the commune it names, when only one province has a commune of that name ("UBND
    /// phường Cao Lãnh"). Null when it names none (a ministry, the Government).
    /// </summary>
    public Province? ProvinceNamedIn(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var words = AgencyNameTokenizer.Tokenize(text).Where(t => t.IsWord).SelectMany(t => t.Words).ToList();
        for (var i = 0; i < words.Count; i++)
        {
            // A commune's name may be a province's ("phường Hà Tĩnh"): the words after "xã"/"phường" name a commune.
            if (i > 0 && words[i - 1] is "xa" or "phuong" or "khu")
            {
                continue;
            }

            if (LongestKey(words, i, _byKey) is { } province)
            {
                return province;
            }
        }

        for (var i = 0; i + 1 < words.Count; i++)
        {
            if (words[i] is "xa" or "phuong" || (words[i] == "dac" && words[i + 1] == "khu"))
            {
                if (LongestKey(words, i, _communes.Value) is [var only])
                {
                    return only;
                }
            }
        }

        return null;
    }

    private static T? LongestKey<T>(List<string> words, int start, Dictionary<string, T> keys)
        where T : class
    {
        T? found = null;
        var key = new System.Text.StringBuilder();
        for (var j = start; j < words.Count && j < start + 7; j++)
        {
            if (j > start)
            {
                key.Append(' ');
            }

            key.Append(words[j]);
            if (keys.TryGetValue(key.ToString(), out var value))
            {
                found = value;
            }
        }

        return found;
    }

    /// <summary>The folded comparison form of a name, words as agency names read them: "TP. Hồ Chí Minh" → "thanh pho ho chi minh".</summary>
    public static string Key(string name) =>
        string.Join(' ', AgencyNameTokenizer.Tokenize(name).Where(t => t.IsWord).SelectMany(t => t.Words));

    private static AdministrativeUnits Load()
    {
        using var stream = typeof(AdministrativeUnits).Assembly.GetManifestResourceStream("DonDoc.Core.Agencies.Data.administrative-units.tsv")
            ?? throw new InvalidOperationException("The administrative units are missing from the assembly.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>Reads the shipped format: a "P" line per province, then one line per commune ("x", "p" or "dk", code, name).</summary>
    internal static AdministrativeUnits Parse(string text)
    {
        var provinces = new List<Province>();
        List<Commune>? communes = null;
        string[]? header = null;
        void Close()
        {
            if (header is not null)
            {
                provinces.Add(new Province(int.Parse(header[1], System.Globalization.CultureInfo.InvariantCulture), header[2], header[3],
                    header[4].Split(';', StringSplitOptions.RemoveEmptyEntries), communes!));
            }
        }

        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.TrimEnd('\r').Split('\t');
            if (fields[0] == "P")
            {
                Close();
                header = fields;
                communes = [];
                continue;
            }

            var level = fields[0] switch
            {
                "x" => CommuneLevel.Commune,
                "p" => CommuneLevel.Ward,
                "dk" => CommuneLevel.SpecialZone,
                _ => throw new FormatException($"Unknown commune level \"{fields[0]}\" in the administrative units."),
            };
            communes!.Add(new Commune(int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture), level, fields[2]));
        }

        Close();
        return new AdministrativeUnits(provinces);
    }
}
