namespace DonDoc.Import.Extraction;

/// <summary>
/// Words (folded) that characterise what a column holds, for cutting rows whose columns were flattened.
/// Data, not rules: a new document style should need new words here, not new code.
/// </summary>
internal static class ColumnVocabulary
{
    /// <summary>Words that make up agency names: "Sở Khoa học và Công nghệ", "UBND các xã, phường", "Đảng ủy HĐND tỉnh".</summary>
    public static readonly HashSet<string> AgencyWords = new(StringComparer.Ordinal)
    {
        "so", "ban", "nganh", "co", "quan", "don", "vi", "ubnd", "hdnd", "mttq", "ubkt", "uy", "nhan", "dan", "cac", "xa", "phuong",
        "tinh", "huyen", "thi", "tran", "van", "phong", "thanh", "tra", "cong", "an", "su", "dang", "bo", "hoi", "dong", "mat",
        "to", "quoc", "lien", "doan", "the", "tai", "chinh", "noi", "vu", "khoa", "hoc", "va", "nghe", "trung", "tam", "truong",
        "benh", "vien", "kho", "bac", "chi", "cuc", "tuyen", "giao", "chuc", "kiem", "thuong", "truc", "tu", "phap", "xay", "dung",
        "y", "te", "duc", "dao", "tao", "hoa", "thao", "du", "lich", "nong", "nghiep", "moi", "ngoai", "ton", "toa", "sat", "dia",
        "thuoc", "khoi", "tri", "bao", "dai", "phat", "hinh", "tin", "ttcb", "hanh", "quan", "tri", "nghien", "cuu", "tong", "hop",
        "ke", "hoach", "lao", "thuong", "binh", "xh", "kh&cn", "nn&mt", "vp", "tand", "vksnd", "cand", "bchqs", "quan", "doi",
        "phu", "nu", "nien", "cuu", "chien", "binh", "nong", "dan", "ngan", "hang", "thue", "hai", "lieu", "bien", "gioi", "lien",
        "cap", "chu", "tich", "lanh", "dao", "ca", "nhan", "trong", "ngoai", "toan", "chi", "bo", "ky", "luat",
    };

    /// <summary>
    /// Agency names and groups as plans print them: every name and alias of the shipped directory, and the
    /// loose wordings that no directory entry holds. A span that holds them is an agency cell; a cut inside one is wrong.
    /// </summary>
    public static readonly string[] AgencyPhrases =
    [
        .. AgencyNameCasing.KnownNames,
        .. Core.Agencies.AgencyDirectory.DefaultCellNames,
        // Abbreviated forms the directory understands by expanding UBND, HĐND, MTTQ, UBKT rather than by storing them.
        "Văn phòng UBND tỉnh", "UBND tỉnh", "HĐND tỉnh", "Đảng ủy HĐND tỉnh", "Đảng ủy UBND tỉnh", "Đảng ủy MTTQ tỉnh", "UBKT Tỉnh ủy",
        "cơ quan đơn vị", "cơ quan, đơn vị", "các xã, phường", "Các cơ quan, đơn vị, địa phương có liên quan", "các cơ quan liên quan",
        "cơ quan liên quan", "các cơ quan, đơn vị liên quan", "Các phòng, ban, trung tâm", "Các phòng thuộc khối nghiên cứu – tổng hợp",
        "Phòng Hành chính – Quản trị", "Hội đồng nhân dân", "Ủy ban nhân dân", "Các phòng chuyên môn", "Văn phòng Sở",
        "Các phòng, trung tâm thuộc Sở", "Trung tâm Công nghệ thông tin và Truyền thông", "Ban Quản lý dự án", "Kho bạc Nhà nước",
        "Bảo hiểm xã hội tỉnh", "Cục Thuế tỉnh", "Báo và Phát thanh, Truyền hình tỉnh",
    ];

    /// <summary>How agency names begin.</summary>
    public static readonly HashSet<string> AgencyHeads = new(StringComparer.Ordinal)
    {
        "so", "van", "ubnd", "hdnd", "uy", "cac", "ban", "thanh", "cong", "dang", "hoi", "bo", "trung", "mat", "co", "truong", "toa",
        "vien", "kho", "chi", "lien", "don", "phong", "mttq", "ubkt", "tinh", "tand", "vksnd", "quan", "doan", "hoc", "cuc", "vu", "tong",
    };

    /// <summary>Words of deadline expressions, besides numbers and dates.</summary>
    public static readonly HashSet<string> DeadlineWords = new(StringComparer.Ordinal)
    {
        "truoc", "cham", "nhat", "ngay", "thang", "quy", "nam", "thuong", "xuyen", "hang", "sau", "khi", "co", "dai", "hoi", "trong",
        "hoan", "thanh", "thuc", "hien", "va", "cua", "theo", "huong", "dan", "trung", "uong", "ke", "hoach", "giai", "doan", "den",
        "het", "tu", "dinh", "ky", "da", "cap", "cac", "quyet", "tinh", "ban", "quy", "bo", "chinh", "tri", "uy", "vu", "so", "van",
        "chi", "dao", "to", "chuc", "lam", "viec", "dang", "ket", "thuc", "lan", "thu", "i", "ii", "iii", "iv", "v", "vi", "vii",
        "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv", "h", "gio", "vao", "moi", "nay", "dau", "cuoi", "6", "ngay", "duoc",
        "giao", "bien", "che", "nhiem", "tiep", "tuc", "xong", "lien", "tien", "do", "nay", "thong", "ly", "phan", "ban", "hanh",
    };

    /// <summary>How deadline cells begin: "Trước", "Chậm nhất", "Sau khi", "Theo", "Quý", "Thường xuyên", "Đã hoàn thành".</summary>
    public static readonly string[] DeadlineOpeners =
    [
        "truoc", "cham nhat", "sau", "theo", "thuc hien", "quy", "thang", "nam", "trong", "ngay", "hang", "dinh ky", "da hoan thanh",
        "khi", "thuong xuyen", "tu thang", "tu ngay", "tu nam", "tu quy", "giai doan", "den", "hoan thanh", "vao", "ke tu", "6 thang",
        "moi", "cuoi", "dau", "ngay sau",
    ];

    /// <summary>How products and evidence begin: "Văn bản", "Báo cáo", "Quy chế", "Kế hoạch".</summary>
    public static readonly string[] ProductHeads =
    [
        "van ban", "bao cao", "quy che", "ke hoach", "quyet dinh", "to trinh", "cong van", "de an", "chuong trinh", "huong dan",
        "thong bao", "bien ban", "danh sach", "nghi quyet", "quy dinh", "co so du lieu", "phan mem", "he thong", "ho so", "dang tin",
        "tai lieu", "cac quyet dinh", "cac van ban", "so lieu", "bai viet", "tin bai", "ket qua", "100%", "cuoc hop", "hoi nghi",
        "chuyen muc", "quy trinh", "ban do", "du thao", "phuong an", "ke hoach;", "bang", "quyet dinh,", "tap huan",
    ];
}
