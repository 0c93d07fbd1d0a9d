using DonDoc.Core.Text;

namespace DonDoc.Import.Extraction;

/// <summary>
/// Turns an agency name printed in capitals in a group heading ("ĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH") into the
/// way the name is written ("Đảng ủy Ủy ban nhân dân tỉnh"), keeping the printed letters and taking the
/// capitalisation from the known names. A heading that names no known agency keeps its leading words.
/// </summary>
public static class AgencyNameCasing
{
    /// <summary>Canonical names of a province's agencies after the 2025 reorganisation (their capitalisation is what matters here).</summary>
    public static readonly IReadOnlyList<string> KnownNames =
    [
        "Đảng ủy Ủy ban nhân dân tỉnh", "Đảng ủy các cơ quan Đảng tỉnh", "Đảng ủy Hội đồng nhân dân tỉnh", "Đảng ủy Mặt trận Tổ quốc tỉnh",
        "Các cơ quan thuộc Tỉnh ủy", "Ban Tổ chức Tỉnh ủy", "Ban Tuyên giáo và Dân vận Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy", "Văn phòng Tỉnh ủy",
        "Trường Chính trị tỉnh", "Đảng ủy Quân sự tỉnh", "Đảng ủy Công an tỉnh", "Đảng ủy Toà án nhân dân tỉnh", "Đảng ủy Tòa án nhân dân tỉnh",
        "Đảng ủy Viện Kiểm sát nhân dân tỉnh", "Đảng ủy các xã, phường", "Ban Nội chính Tỉnh ủy", "Ban Thường vụ Tỉnh ủy",
        "Ủy ban nhân dân tỉnh", "Hội đồng nhân dân tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Văn phòng UBND tỉnh",
        "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh", "Sở Nội vụ", "Sở Tài chính", "Sở Tư pháp", "Sở Xây dựng", "Sở Y tế",
        "Sở Công Thương", "Sở Khoa học và Công nghệ", "Sở Giáo dục và Đào tạo", "Sở Nông nghiệp và Môi trường", "Sở Văn hóa, Thể thao và Du lịch",
        "Sở Dân tộc và Tôn giáo", "Sở Ngoại vụ", "Thanh tra tỉnh", "Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh", "Ủy ban nhân dân các xã, phường",
    ];

    private static readonly (string Folded, string Name)[] Known =
        KnownNames.Select(n => (Fold(n), n)).OrderByDescending(k => k.Item1.Length).ToArray();

    /// <summary>The agency (or agencies, comma-separated) that a heading names, written as names are written.</summary>
    public static string FromHeading(string heading)
    {
        var parts = heading.Split(", ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var names = new List<string>();
        var rest = heading.Trim();
        while (rest.Length > 0)
        {
            var folded = Fold(rest);
            var match = Known.FirstOrDefault(k => folded.StartsWith(k.Folded, StringComparison.Ordinal)
                && (folded.Length == k.Folded.Length || !char.IsLetterOrDigit(folded[k.Folded.Length])));
            if (match.Name is null)
            {
                break;
            }

            names.Add(ApplyCasing(rest[..match.Folded.Length], match.Name));
            rest = rest[match.Folded.Length..].TrimStart(' ', ',', ';');
        }

        if (names.Count > 0)
        {
            return string.Join(", ", names);
        }

        return parts.Length > 0 ? SentenceCase(parts[0]) : heading;
    }

    private static string ApplyCasing(string printed, string model)
    {
        var chars = printed.ToCharArray();
        for (var i = 0; i < chars.Length && i < model.Length; i++)
        {
            chars[i] = char.IsUpper(model[i]) ? char.ToUpperInvariant(chars[i]) : char.ToLowerInvariant(chars[i]);
        }

        return new string(chars);
    }

    private static string SentenceCase(string text)
    {
        var lower = text.ToLowerInvariant();
        return lower.Length == 0 ? lower : char.ToUpperInvariant(lower[0]) + lower[1..];
    }

    private static string Fold(string text) => VietnameseText.Fold(text.Normalize(System.Text.NormalizationForm.FormC));
}
