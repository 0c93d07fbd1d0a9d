using DonDoc.Core.Text;

namespace DonDoc.Core.Agencies;

/// <summary>One piece of an agency cell: a word (folded, abbreviations expanded), a separator or a parenthesis, with its place in the text.</summary>
internal sealed record AgencyToken(string Text, IReadOnlyList<string> Words, int Start, int End, bool IsSeparator = false, bool IsOpenParenthesis = false, bool IsCloseParenthesis = false)
{
    public bool IsWord => !IsSeparator && !IsOpenParenthesis && !IsCloseParenthesis;
}

/// <summary>
/// Cuts an agency cell into tokens the way officials write names: case and diacritics folded, the old and new
/// tone placement alike, abbreviations expanded ("UBND" → "ủy ban nhân dân", "KH&amp;ĐT" → "kế hoạch và đầu tư",
/// "TP." → "thành phố"), "&amp;" read as "và".
/// </summary>
internal static class AgencyNameTokenizer
{
    /// <summary>Abbreviations that stand for words inside names (folded), and what they stand for.</summary>
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
        ["th&cb"] = ["tin", "hoc", "va", "cong", "bao"],
        ["kh&dt"] = ["ke", "hoach", "va", "dau", "tu"],
        ["khdt"] = ["ke", "hoach", "va", "dau", "tu"],
        ["tt&tt"] = ["thong", "tin", "va", "truyen", "thong"],
        ["tn&mt"] = ["tai", "nguyen", "va", "moi", "truong"],
        ["tnmt"] = ["tai", "nguyen", "va", "moi", "truong"],
        ["nn&ptnt"] = ["nong", "nghiep", "va", "phat", "trien", "nong", "thon"],
        ["nnptnt"] = ["nong", "nghiep", "va", "phat", "trien", "nong", "thon"],
        ["gtvt"] = ["giao", "thong", "van", "tai"],
        ["dt&tg"] = ["dan", "toc", "va", "ton", "giao"],
        ["vhttdl"] = ["van", "hoa", ",", "the", "thao", "va", "du", "lich"],
        ["dbqh"] = ["dai", "bieu", "quoc", "hoi"],
        ["tw"] = ["trung", "uong"],
        ["tp"] = ["thanh", "pho"],
        ["hcm"] = ["ho", "chi", "minh"],
        ["tphcm"] = ["thanh", "pho", "ho", "chi", "minh"],
        ["&"] = ["va"],
    };

    /// <summary>Words (folded, abbreviations expanded), separators and parentheses, with their place in the text.</summary>
    public static List<AgencyToken> Tokenize(string text)
    {
        var folded = VietnameseText.Fold(text.Normalize(System.Text.NormalizationForm.FormC));
        var tokens = new List<AgencyToken>();
        var i = 0;
        while (i < folded.Length)
        {
            var c = folded[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            // "TP. Hồ Chí Minh", "TP.HCM": the full stop of an abbreviation is not a separator.
            if (c == '.' && tokens.Count > 0 && tokens[^1].IsWord && Abbreviations.ContainsKey(tokens[^1].Text) && i + 1 < folded.Length && folded[i + 1] != '.')
            {
                i++;
                continue;
            }

            if (c is ',' or ';' or '/' or '.' or ':' or '–' or '-' or '+')
            {
                tokens.Add(new AgencyToken(c.ToString(), [], i, i + 1, IsSeparator: true));
                i++;
                continue;
            }

            if (c is '(' or ')')
            {
                tokens.Add(new AgencyToken(c.ToString(), [], i, i + 1, IsOpenParenthesis: c == '(', IsCloseParenthesis: c == ')'));
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
            tokens.Add(new AgencyToken(word, words, start, i));
        }

        return tokens;
    }

    /// <summary>The words of a name as the index keeps them: words and the in-name marks "," and "-".</summary>
    public static List<string> NameWords(string name) =>
        Tokenize(name).SelectMany(t => t.IsSeparator ? (InNameSeparator(t.Text) is { } mark ? [mark] : []) : t.IsWord ? t.Words : []).ToList();

    /// <summary>The separators a name may contain, by one mark: "," and the dashes "-" / "–".</summary>
    public static string? InNameSeparator(string separator) => separator switch
    {
        "," => ",",
        "-" or "–" => "-",
        _ => null,
    };
}
