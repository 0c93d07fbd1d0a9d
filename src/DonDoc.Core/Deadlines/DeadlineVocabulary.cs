namespace DonDoc.Core.Deadlines;

/// <summary>
/// The words officials use for deadlines, folded (lower case, no diacritics, "đ" → "d"), one array of
/// words per phrase. The grammar reads these tables: a new phrasing is a new entry, not a new rule.
/// </summary>
internal static class DeadlineVocabulary
{
    /// <summary>Already done: "Đã hoàn thành".</summary>
    public static readonly string[][] Done = Phrases("da hoan thanh", "da thuc hien xong", "da ban hanh", "da thuc hien");

    /// <summary>Continuous work: "Thường xuyên", "Liên tục", "Hằng ngày".</summary>
    public static readonly string[][] Continuous = Phrases("thuong xuyen", "lien tuc", "hang ngay", "moi ngay");

    /// <summary>"every": hằng / hàng / mỗi (a unit follows).</summary>
    public static readonly string[] Every = ["hang", "moi"];

    /// <summary>"periodically": định kỳ (a unit or "hằng" follows).</summary>
    public static readonly string[][] Periodically = Phrases("dinh ky", "dinh ki");

    /// <summary>Events that a person records, after which a deadline runs: congresses, meetings, the plan's issue.</summary>
    public static readonly string[][][] Events =
    [
        [["dai", "hoi"]],
        [["hoi", "nghi"]],
        [["ky", "hop"]],
        [["ki", "hop"]],
        [["bau", "cu"]],
        [["ke", "hoach"], ["ban", "hanh"]],

        // Feasts, exams and disasters the plan's work is timed by: "Trước Tết Nguyên đán", "Trong thời gian tổ chức thi".
        [["tet"]],
        [["ky", "thi"]],
        [["to", "chuc", "thi"]],
        [["ket", "qua", "thi"]],
        [["thien", "tai"]],
        [["khai", "giang"]],
        [["tin", "bao"]],
        [["con", "bao"]],
        [["bao", "tan"]],
        [["ap", "thap", "nhiet", "doi"]],
        [["lenh", "so", "tan"]],

        // A document the plan names, once issued: "Sau khi Nghị định được ban hành" (not "sau khi Trung ương ban hành …").
        [["nghi", "dinh"], ["ban", "hanh"]],
        [["thong", "tu"], ["ban", "hanh"]],
        [["nghi", "quyet"], ["ban", "hanh"]],
        [["quyet", "dinh"], ["ban", "hanh"]],
        [["luat"], ["ban", "hanh"]],
        [["de", "an"], ["ban", "hanh"]],
        [["chuong", "trinh"], ["ban", "hanh"]],
        [["quy", "che"], ["ban", "hanh"]],
        [["quy", "dinh"], ["ban", "hanh"]],

        // … once passed: "Sau khi Luật được Quốc hội thông qua".
        [["luat"], ["thong", "qua"]],
        [["nghi", "quyet"], ["thong", "qua"]],
        [["de", "an"], ["thong", "qua"]],
    ];

    /// <summary>Openers that say "at once when …": the task is due on the day the event happens, not waiting on a condition.</summary>
    public static readonly string[][] ImmediateOpeners = Phrases("ngay sau khi", "ngay khi");

    /// <summary>Words before a start with no end: "Bắt đầu (thực hiện) từ năm 2026".</summary>
    public static readonly string[][] OpenStartLeads = Phrases("bat dau thuc hien tu", "bat dau trien khai tu", "bat dau ap dung tu", "bat dau tu");

    /// <summary>Words that introduce a condition: "sau khi (có) …", "khi có …", "kể từ khi …".</summary>
    public static readonly string[][] ConditionOpeners = Phrases(
        "ngay sau khi", "sau khi", "ke tu khi", "ngay khi", "khi co", "khi", "tuy thuoc vao", "tuy thuoc", "phu thuoc vao", "tuy theo", "tuy vao");

    /// <summary>Documents or schedules whose timing a task follows: "Theo Kế hoạch của Bộ Chính trị", "Theo lộ trình được giao".</summary>
    public static readonly string[][] FollowedDocuments = Phrases(
        "ke hoach", "huong dan", "cong van", "thong tri", "thong bao", "quyet dinh", "chi dao", "van ban",
        "quy dinh", "nghi quyet", "nghi dinh", "thong tu", "chi thi", "ket luan", "de an", "lich", "tien do",
        "yeu cau", "chuong trinh", "lo trinh", "thoi gian quy dinh", "thoi han quy dinh", "luat",
        "dieu", "moc thoi gian", "moc", "phan cong", "trien khai", "ket qua");

    /// <summary>Words that may stand between a separator and the date that binds a task: "…, chậm nhất ngày …", "(trước …)".</summary>
    public static readonly HashSet<string> DeadlineLeads = new(StringComparer.Ordinal)
    {
        "cham", "nhat", "truoc", "han", "hoan", "thanh", "khong", "qua", "trong", "vao", "den", "het", "ngay", "thoi", "gian", "xong",
    };

    /// <summary>Of those, the ones that alone make a date binding (a bare "ngày …" may be a document's date).</summary>
    public static readonly HashSet<string> BindingLeads = new(StringComparer.Ordinal)
    {
        "cham", "truoc", "han", "hoan", "khong", "trong", "vao", "den",
    };

    /// <summary>Words between two dates or periods that make them one range or list: "và", "đến (hết)", ",", "-".</summary>
    public static readonly HashSet<string> Connectors = new(StringComparer.Ordinal)
    {
        "va", "den", "toi", "het", "hoac", "cho", "ngay", "truoc", "trong",
    };

    /// <summary>Labels that mark waves of one task ("Đợt 1:", "Giai đoạn 2:"): the task is due when the last ends.</summary>
    public static readonly string[][] WaveLabels = Phrases("dot", "lan", "buoc", "giai doan");

    /// <summary>Words that say a date is only expected: "Dự kiến ngày …".</summary>
    public static readonly string[][] Expected = Phrases("du kien", "du tinh");

    /// <summary>The plan's own year: "Trong năm", "Năm nay".</summary>
    public static readonly string[][] PlanYear = Phrases("trong nam ke hoach", "trong nam nay", "trong nam", "nam nay", "ca nam");

    /// <summary>Words before a number that make it a document's number, not a date: "số 12/2025".</summary>
    public static readonly HashSet<string> NumberMarkers = new(StringComparer.Ordinal) { "so", "ma", "ky" };

    /// <summary>Roman and Arabic quarter numbers.</summary>
    public static readonly Dictionary<string, int> QuarterNumbers = new(StringComparer.Ordinal)
    {
        ["i"] = 1, ["ii"] = 2, ["iii"] = 3, ["iv"] = 4,
    };

    private static string[][] Phrases(params string[] phrases) =>
        phrases.Select(p => p.Split(' ')).OrderByDescending(words => words.Length).ToArray();
}
