namespace DonDoc.Core.Deadlines;

/// <summary>
/// The words officials use for deadlines, folded (lower case, no diacritics, "đ" → "d"). The parser
/// builds its patterns from these tables: a new phrasing is a new table entry, not a new rule.
/// </summary>
internal static class DeadlineVocabulary
{
    /// <summary>Already done: "Đã hoàn thành".</summary>
    public static readonly string[] Done = ["da hoan thanh", "da thuc hien xong", "da ban hanh"];

    /// <summary>Continuous work: "Thường xuyên".</summary>
    public static readonly string[] Continuous = ["thuong xuyen", "lien tuc", "hang ngay", "hằng ngày"];

    /// <summary>"every": hằng / hàng / mỗi / định kỳ.</summary>
    public static readonly string[] Every = ["hang", "moi", "dinh ky hang", "dinh ky", "dinh ki"];

    /// <summary>Words that open a deadline without changing it: "trước", "chậm nhất", "hoàn thành trước".</summary>
    public static readonly string[] DateLead =
        ["truoc", "cham nhat", "chậm nhat", "hoan thanh truoc", "hoan thanh", "den", "vao", "trong", "ngay"];

    /// <summary>Events that a person records, after which a deadline runs: congresses, the plan's issue.</summary>
    public static readonly string[][] Events =
    [
        ["dai hoi"],
        ["hoi nghi"],
        ["ky hop"],
        ["ke hoach", "ban hanh"],
        ["bau cu"],
    ];

    /// <summary>Words that introduce a condition: "sau khi (có) …", "khi có …".</summary>
    public static readonly string[] ConditionOpeners = ["sau khi", "ngay sau khi", "khi co", "khi", "ke tu khi", "ngay khi"];

    /// <summary>Documents whose schedule a task follows: "Theo Kế hoạch của Bộ Chính trị".</summary>
    public static readonly string[] FollowedDocuments =
    [
        "ke hoach", "huong dan", "cong van", "thong tri", "thong bao", "quyet dinh", "chi dao", "van ban",
        "quy dinh", "nghi quyet", "chi thi", "lich", "tien do", "yeu cau", "chuong trinh",
    ];

    /// <summary>Roman and Arabic quarter numbers.</summary>
    public static readonly Dictionary<string, int> QuarterNumbers = new(StringComparer.Ordinal)
    {
        ["i"] = 1, ["ii"] = 2, ["iii"] = 3, ["iv"] = 4, ["1"] = 1, ["2"] = 2, ["3"] = 3, ["4"] = 4,
    };

    /// <summary>Halves of a year: "6 tháng đầu năm", "6 tháng cuối năm".</summary>
    public static readonly Dictionary<string, int> Halves = new(StringComparer.Ordinal)
    {
        ["dau"] = 1, ["cuoi"] = 2, ["dau nam"] = 1, ["cuoi nam"] = 2,
    };

    /// <summary>The plan's own year: "Trong năm", "Năm nay".</summary>
    public static readonly string[] PlanYear = ["trong nam", "nam nay", "ca nam", "trong nam ke hoach"];
}
