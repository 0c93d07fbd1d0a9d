using System.Globalization;
using DonDoc.Core.Text;

namespace DonDoc.Import.Extraction;

/// <summary>
/// Writes a body's name printed in capitals in a national header block ("ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP",
/// "BỘ THÔNG TIN VÀ TRUYỀN THÔNG") the way names are written ("Ủy ban nhân dân tỉnh Đồng Tháp", "Bộ Thông tin
/// và Truyền thông"): the first word and proper nouns capitalised, the field of a ministry or department
/// capitalised at its start and after "và" or a comma, a place after its unit word (tỉnh, xã, phường) in title case.
/// A name already written in mixed case is kept.
/// </summary>
public static class OfficialNameCasing
{
    /// <summary>Administrative units (folded) after which a place name follows.</summary>
    private static readonly string[][] Units =
    [
        ["thanh", "pho"], ["thi", "xa"], ["thi", "tran"], ["tinh"], ["huyen"], ["quan"], ["xa"], ["phuong"], ["dac", "khu"],
    ];

    /// <summary>Proper nouns written with capitals wherever they stand (folded words → written form).</summary>
    private static readonly (string[] Folded, string Written)[] ProperNouns =
    [
        (["chinh", "phu"], "Chính phủ"), (["quoc", "hoi"], "Quốc hội"), (["tinh", "uy"], "Tỉnh ủy"), (["thanh", "uy"], "Thành ủy"),
        (["huyen", "uy"], "Huyện ủy"), (["trung", "uong"], "Trung ương"), (["nha", "nuoc"], "Nhà nước"), (["viet", "nam"], "Việt Nam"),
        (["mat", "tran", "to", "quoc"], "Mặt trận Tổ quốc"), (["thanh", "pho", "ho", "chi", "minh"], "Thành phố Hồ Chí Minh"),
        (["bo", "chinh", "tri"], "Bộ Chính trị"), (["ban", "bi", "thu"], "Ban Bí thư"),
        (["uy", "ban", "nhan", "dan"], "Ủy ban nhân dân"), (["hoi", "dong", "nhan", "dan"], "Hội đồng nhân dân"),
        (["toa", "an", "nhan", "dan"], "Tòa án nhân dân"), (["vien", "kiem", "sat", "nhan", "dan"], "Viện kiểm sát nhân dân"),
    ];

    /// <summary>Bodies whose field follows: "Sở Nội vụ", "Bộ Tư pháp", "Ban Tổ chức", "Văn phòng Chính phủ" (folded).</summary>
    private static readonly string[][] FieldBodies =
    [
        ["so"], ["bo"], ["ban"], ["cuc"], ["tong", "cuc"], ["chi", "cuc"], ["vu"], ["vien"], ["van", "phong"], ["uy", "ban"], ["hoi", "dong"],
        ["trung", "tam"], ["phong"], ["thanh", "tra"], ["kho", "bac"], ["toa", "an"],
    ];

    /// <summary>Abbreviations kept in capitals (folded): UBND, HĐND, MTTQ …</summary>
    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "ubnd", "hdnd", "mttq", "ubmttq", "ubkt", "tand", "vksnd", "bchqs", "ttcb", "kh&cn", "nn&mt", "gd&dt", "vh,tt&dl", "ct", "tw", "tu",
        "qh", "ubtvqh", "cp", "ttg", "vp", "bch",
    };

    public static string FromCapitals(string printed)
    {
        var text = VietnameseText.CollapseWhiteSpace(printed).Trim();
        if (text.Any(char.IsLower))
        {
            return text;
        }

        var words = text.Split(' ');
        var folded = words.Select(w => VietnameseText.Fold(w).Trim(',', '.', ';', ':')).ToArray();
        var output = words.Select(w => w.ToLower(CultureInfo.InvariantCulture)).ToArray();
        var capitalise = new bool[words.Length];
        capitalise[0] = true;
        var i = 0;
        var afterUnit = false;
        while (i < words.Length)
        {
            if (afterUnit)
            {
                capitalise[i] = true;
                i++;
                continue;
            }

            if (MatchAt(folded, i, ProperNouns.Select(p => p.Folded)) is { } proper)
            {
                var written = ProperNouns.First(p => p.Folded.SequenceEqual(proper)).Written.Split(' ');
                for (var k = 0; k < proper.Length; k++)
                {
                    capitalise[i + k] = char.IsUpper(written[k][0]);
                }

                i += proper.Length;
                continue;
            }

            if (MatchAt(folded, i, Units) is { } unit && i > 0)
            {
                i += unit.Length;
                afterUnit = true;
                continue;
            }

            if (MatchAt(folded, i, FieldBodies) is { } body && i + body.Length < words.Length)
            {
                // The field: its first word, and each word after "và" or a comma, until a unit or a proper noun.
                var j = i + body.Length;
                capitalise[j] = true;
                for (var k = j + 1; k < words.Length; k++)
                {
                    if (MatchAt(folded, k, Units) is not null || MatchAt(folded, k, ProperNouns.Select(p => p.Folded)) is not null)
                    {
                        break;
                    }

                    if (folded[k - 1] == "va" || words[k - 1].EndsWith(',') || words[k - 1] is "-" or "–")
                    {
                        capitalise[k] = true;
                    }
                }

                i += body.Length;
                continue;
            }

            i++;
        }

        for (var k = 0; k < output.Length; k++)
        {
            if (Abbreviations.Contains(folded[k]))
            {
                output[k] = words[k];
            }
            else if (capitalise[k] && output[k].Length > 0)
            {
                output[k] = char.ToUpper(output[k][0], CultureInfo.InvariantCulture) + output[k][1..];
            }
        }

        return string.Join(' ', output);
    }

    private static string[]? MatchAt(string[] folded, int at, IEnumerable<string[]> phrases) =>
        phrases.Where(p => at + p.Length <= folded.Length && p.SequenceEqual(folded.Skip(at).Take(p.Length)))
            .OrderByDescending(p => p.Length).FirstOrDefault();
}
