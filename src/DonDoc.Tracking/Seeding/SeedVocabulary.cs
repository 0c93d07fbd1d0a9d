namespace DonDoc.Tracking.Seeding;

/// <summary>The words seeded plans are written in: provinces, departments, communes, task phrases, deadlines as plans print them.</summary>
internal static class SeedVocabulary
{
    /// <summary>The 34 provinces and cities (from 1 July 2025, Nghị quyết 202/2025/QH15); the first is the default directory's own province.</summary>
    public static readonly string[] Provinces =
    [
        "", "thành phố Hà Nội", "thành phố Huế", "tỉnh Lai Châu", "tỉnh Điện Biên", "tỉnh Sơn La", "tỉnh Lạng Sơn", "tỉnh Quảng Ninh",
        "tỉnh Thanh Hóa", "tỉnh Nghệ An", "tỉnh Hà Tĩnh", "tỉnh Cao Bằng", "tỉnh Tuyên Quang", "tỉnh Lào Cai", "tỉnh Thái Nguyên",
        "tỉnh Phú Thọ", "tỉnh Bắc Ninh", "tỉnh Hưng Yên", "thành phố Hải Phòng", "tỉnh Ninh Bình", "tỉnh Quảng Trị",
        "thành phố Đà Nẵng", "tỉnh Quảng Ngãi", "tỉnh Gia Lai", "tỉnh Khánh Hòa", "tỉnh Lâm Đồng", "tỉnh Đắk Lắk",
        "Thành phố Hồ Chí Minh", "tỉnh Đồng Nai", "tỉnh Tây Ninh", "thành phố Cần Thơ", "tỉnh Vĩnh Long", "tỉnh Đồng Tháp",
        "tỉnh Cà Mau",
    ];

    /// <summary>A province's departments and bodies, before the province's name.</summary>
    public static readonly string[] Departments =
    [
        "Sở Nội vụ", "Sở Tài chính", "Sở Tư pháp", "Sở Xây dựng", "Sở Y tế", "Sở Công Thương", "Sở Khoa học và Công nghệ",
        "Sở Giáo dục và Đào tạo", "Sở Nông nghiệp và Môi trường", "Sở Văn hóa, Thể thao và Du lịch", "Sở Dân tộc và Tôn giáo",
        "Sở Ngoại vụ", "Thanh tra", "Văn phòng Ủy ban nhân dân", "Công an", "Bộ Chỉ huy Quân sự", "Ban Tổ chức Tỉnh ủy",
        "Trung tâm Phục vụ hành chính công", "Ủy ban Mặt trận Tổ quốc Việt Nam", "Liên đoàn Lao động",
    ];

    public static readonly string[] CommuneSyllables =
    [
        "An", "Bình", "Phú", "Tân", "Hòa", "Long", "Mỹ", "Phước", "Thạnh", "Xuân", "Hưng", "Quang", "Đông", "Tây", "Nam",
        "Bắc", "Trung", "Vĩnh", "Thuận", "Đức", "Hiệp", "Lợi", "Thành", "Nghĩa", "Hải", "Sơn", "Lâm", "Hồng", "Kim", "Ngọc",
        "Cát", "Lộc", "Phong", "Thủy", "Hà", "Minh",
    ];

    public static readonly string[] PlanTopics =
    [
        "chuyển đổi số", "cải cách hành chính", "phòng, chống tham nhũng, tiêu cực", "công tác văn thư, lưu trữ", "phát triển kinh tế - xã hội",
        "xây dựng chính quyền số", "thi đua, khen thưởng", "công tác dân vận", "phổ biến, giáo dục pháp luật", "bảo đảm an toàn thông tin mạng",
        "thực hiện Nghị quyết của Tỉnh ủy", "công tác cán bộ", "phát triển nguồn nhân lực", "bảo vệ môi trường", "phòng, chống thiên tai",
    ];

    public static readonly string[] Verbs =
    [
        "Triển khai", "Tổ chức thực hiện", "Xây dựng", "Rà soát, đánh giá", "Kiểm tra việc thực hiện", "Hoàn thiện", "Đẩy mạnh",
        "Tăng cường", "Nâng cao chất lượng", "Số hóa", "Tuyên truyền, phổ biến", "Ban hành", "Tập huấn", "Tổng kết", "Sơ kết",
        "Chỉ đạo, hướng dẫn", "Cập nhật", "Theo dõi, đôn đốc",
    ];

    public static readonly string[] Objects =
    [
        "hồ sơ, tài liệu lưu trữ", "thủ tục hành chính", "cơ sở dữ liệu dân cư", "hệ thống văn bản quy phạm pháp luật",
        "công tác cải cách hành chính", "dịch vụ công trực tuyến toàn trình", "công tác thi đua, khen thưởng", "đội ngũ cán bộ, công chức",
        "quy chế làm việc", "hệ thống an toàn thông tin", "hạ tầng viễn thông", "công tác văn thư", "hồ sơ công việc điện tử",
        "kế hoạch phát triển kinh tế - xã hội", "chương trình mục tiêu quốc gia", "công tác tiếp công dân", "quy hoạch sử dụng đất",
        "nền tảng chia sẻ dữ liệu", "chữ ký số", "kho dữ liệu số", "công tác phòng, chống tham nhũng", "vị trí việc làm",
        "bộ chỉ số đánh giá chất lượng phục vụ", "phong trào thi đua", "chính sách hỗ trợ doanh nghiệp", "công tác quản lý ngân sách",
    ];

    public static readonly string[] Places =
    [
        "trên địa bàn", "tại các cơ quan, đơn vị", "năm 2026", "giai đoạn 2026 - 2030", "của ngành", "cấp xã", "", "",
    ];

    public static readonly string[] Products =
    [
        "Báo cáo kết quả", "Kế hoạch", "Quyết định", "Văn bản hướng dẫn", "Cơ sở dữ liệu", "Báo cáo tổng kết", "Quy chế", "Đề án",
    ];

    public static readonly string[] Sections =
    [
        "NHIỆM VỤ CHUNG", "CẢI CÁCH THỂ CHẾ", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "XÂY DỰNG CHÍNH QUYỀN SỐ", "TỔ CHỨC THỰC HIỆN",
    ];

    public static readonly string[] Recurring = ["Ngày 25 hằng tháng", "Hằng tháng", "Hằng quý", "Trước ngày 15 tháng cuối quý", "Định kỳ 6 tháng", "Hằng năm"];

    public static readonly string[] Waiting =
    [
        "Sau Đại hội Đảng bộ tỉnh 07 ngày", "Sau khi có hướng dẫn của Trung ương", "Sau khi có hướng dẫn của Bộ Nội vụ",
        "Sau kỳ họp Hội đồng nhân dân tỉnh 10 ngày làm việc",
    ];

    public static readonly string[] Other = ["Đã hoàn thành", "Theo tiến độ chung", "Khi có yêu cầu"];

    public static readonly string[] Roman = ["I", "II", "III", "IV", "V"];
}
