using DonDoc.Core.Agencies;

namespace DonDoc.Core.Tests.Agencies;

public sealed class AgencyDirectoryTest
{
    private readonly AgencyDirectory _directory = AgencyDirectory.Default;

    // cell, expected names in order ("?" marks an unknown piece)
    public static TheoryData<string, string[]> Cells => new()
    {
        { "Sở Nội vụ", ["Sở Nội vụ"] },
        { "SỞ NỘI VỤ", ["Sở Nội vụ"] },
        { "so noi vu", ["Sở Nội vụ"] },
        { "Sở Nội vụ tỉnh", ["Sở Nội vụ"] },
        { "Sở KH&CN", ["Sở Khoa học và Công nghệ"] },
        { "Sở Khoa học và Công nghệ (Chủ trì về nhiệm vụ chuyển đổi số).", ["Sở Khoa học và Công nghệ"] },
        { "Sở Văn hóa, Thể thao và Du lịch", ["Sở Văn hóa, Thể thao và Du lịch"] },
        { "Sở Văn hoá, Thể thao và Du lịch; Sở Y tế", ["Sở Văn hóa, Thể thao và Du lịch", "Sở Y tế"] },
        { "VP UBND tỉnh", ["Văn phòng Ủy ban nhân dân tỉnh"] },
        { "Văn phòng UBND tỉnh", ["Văn phòng Ủy ban nhân dân tỉnh"] },
        { "Uỷ ban nhân dân các xã, phường", ["Ủy ban nhân dân các xã, phường"] },
        { "UBND các xã, phường", ["Ủy ban nhân dân các xã, phường"] },
        { "Các Sở, ban, ngành; Các đơn vị sự nghiệp trực thuộc UBND tỉnh", ["Các sở, ban, ngành", "Các đơn vị sự nghiệp trực thuộc Ủy ban nhân dân tỉnh"] },
        { "các cơ quan, đơn vị liên quan", ["Các cơ quan, đơn vị liên quan"] },
        { "Đảng ủy các xã, phường", ["Đảng ủy các xã, phường"] },
        { "Các phòng, ban, trung tâm", ["Các phòng, ban, trung tâm"] },
        { "Các ban đảng tỉnh, Văn phòng Tỉnh ủy; Đảng ủy UBND tỉnh", ["Các ban đảng tỉnh", "Văn phòng Tỉnh ủy", "Đảng ủy Ủy ban nhân dân tỉnh"] },
        { "Ban Tổ chức Tỉnh ủy; UBKT Tỉnh ủy", ["Ban Tổ chức Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy"] },
        { "Văn phòng UBND tỉnh, Sở Nội vụ, Thanh tra tỉnh", ["Văn phòng Ủy ban nhân dân tỉnh", "Sở Nội vụ", "Thanh tra tỉnh"] },
        { "Đảng ủy HĐND tỉnh, Đảng ủy MTTQ tỉnh", ["Đảng ủy Hội đồng nhân dân tỉnh", "Đảng ủy Mặt trận Tổ quốc tỉnh"] },
        { "Sở Nội vụ và Sở Tài chính", ["Sở Nội vụ", "Sở Tài chính"] },
        { "Phòng Hành chính - Quản trị", ["Phòng Hành chính – Quản trị"] },
        { "Sở Nội vụ; Hợp tác xã Hoa Mai", ["Sở Nội vụ", "?"] },
        { "Ban Quản lý khu kinh tế", ["?"] },

        // Central bodies, by their names and the abbreviations plans use.
        { "Chính phủ; Thủ tướng Chính phủ", ["Chính phủ", "Thủ tướng Chính phủ"] },
        { "Văn phòng Chính phủ", ["Văn phòng Chính phủ"] },
        { "VPCP, UBTVQH", ["Văn phòng Chính phủ", "Ủy ban Thường vụ Quốc hội"] },
        { "Bộ NN&MT, Bộ VHTTDL", ["Bộ Nông nghiệp và Môi trường", "Bộ Văn hóa, Thể thao và Du lịch"] },
        { "BCA, BQP", ["Bộ Công an", "Bộ Quốc phòng"] },
        { "Bộ Văn hóa, Thể thao và Du lịch; Bộ Y tế", ["Bộ Văn hóa, Thể thao và Du lịch", "Bộ Y tế"] },
        { "Ngân hàng Nhà nước Việt Nam, Thanh tra Chính phủ", ["Ngân hàng Nhà nước Việt Nam", "Thanh tra Chính phủ"] },
        { "Ủy ban Pháp luật và Tư pháp của Quốc hội", ["Ủy ban Pháp luật và Tư pháp"] },
        { "Hội đồng Dân tộc, các Ủy ban của Quốc hội", ["Hội đồng Dân tộc, các Ủy ban của Quốc hội"] },
        { "Ủy ban Khoa học, Công nghệ và Môi trường", ["Ủy ban Khoa học, Công nghệ và Môi trường"] },
        { "Văn phòng Quốc hội; Tổng Thư ký Quốc hội", ["Văn phòng Quốc hội", "Tổng Thư ký Quốc hội"] },
        { "TANDTC, VKSNDTC, Kiểm toán nhà nước", ["Tòa án nhân dân tối cao", "Viện kiểm sát nhân dân tối cao", "Kiểm toán nhà nước"] },
        { "Ban Tổ chức Trung ương; Ban Bí thư", ["Ban Tổ chức Trung ương", "Ban Bí thư"] },
        { "Ủy ban Trung ương MTTQ Việt Nam", ["Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"] },
        { "Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ", ["Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ"] },
        { "UBND các tỉnh, thành phố trực thuộc Trung ương", ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"] },

        // Names that the 2025 restructuring retired resolve to the body that took them over.
        { "Bộ Kế hoạch và Đầu tư", ["Bộ Tài chính"] },
        { "Bộ KH&ĐT; Bộ TT&TT", ["Bộ Tài chính", "Bộ Khoa học và Công nghệ"] },
        { "Bộ Lao động - Thương binh và Xã hội", ["Bộ Nội vụ"] },
        { "Bộ LĐ-TB&XH", ["Bộ Nội vụ"] },
        { "Bộ Tài nguyên và Môi trường, Bộ Nông nghiệp và Phát triển nông thôn", ["Bộ Nông nghiệp và Môi trường", "Bộ Nông nghiệp và Môi trường"] },
        { "Bộ Giao thông vận tải", ["Bộ Xây dựng"] },
        { "Ủy ban Dân tộc", ["Bộ Dân tộc và Tôn giáo"] },
        { "Sở Kế hoạch và Đầu tư", ["Sở Tài chính"] },
        { "Sở TN&MT", ["Sở Nông nghiệp và Môi trường"] },

        // "&" is "và"; a dash inside an unknown name is part of it; a list may share its head.
        { "Trung tâm Tin học & Công báo", ["Trung tâm Tin học và Công báo"] },
        { "Phòng Quản trị - Tài vụ", ["?"] },
        { "Phòng Quản trị - Tài vụ; Sở Nội vụ", ["?", "Sở Nội vụ"] },
        { "Hợp tác xã Hoa Mai - Sở Nội vụ", ["?", "Sở Nội vụ"] },
        { "Sở Nội vụ, Tài chính, Tư pháp", ["Sở Nội vụ", "Sở Tài chính", "Sở Tư pháp"] },
        { "Các Bộ: Công an, Quốc phòng, Ngoại giao", ["Bộ Công an", "Bộ Quốc phòng", "Bộ Ngoại giao"] },

        // A name before the collective tail of the next shares it.
        { "Hội đồng nhân dân, Ủy ban nhân dân các xã, phường", ["Hội đồng nhân dân các xã, phường", "Ủy ban nhân dân các xã, phường"] },
        { "HĐND, UBND các xã, phường", ["Hội đồng nhân dân các xã, phường", "Ủy ban nhân dân các xã, phường"] },
        { "Đảng ủy, UBND các xã, phường", ["Đảng ủy các xã, phường", "Ủy ban nhân dân các xã, phường"] },
        { "HĐND, UBND tỉnh", ["Hội đồng nhân dân tỉnh", "Ủy ban nhân dân tỉnh"] },
        { "Sở Tư pháp, UBND các xã, phường", ["Sở Tư pháp", "Ủy ban nhân dân các xã, phường"] },
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public void A_cell_resolves_into_directory_entries_in_order(string cell, string[] expected)
    {
        var matches = _directory.Resolve(cell);

        Assert.Equal(expected, matches.Select(m => m.Kind == AgencyMatchKind.Unknown ? "?" : m.Name));
    }

    [Fact]
    public void A_qualifier_in_parentheses_is_kept_as_a_note()
    {
        var match = Assert.Single(_directory.Resolve("Văn phòng UBND tỉnh (Chủ trì với nội dung tham mưu cải cách thủ tục hành chính)."));

        Assert.Equal("Chủ trì với nội dung tham mưu cải cách thủ tục hành chính", match.Note);
    }

    [Fact]
    public void An_unknown_name_is_kept_with_its_closest_candidates()
    {
        var unknown = _directory.Resolve("Sở Nội vụu").Single();

        Assert.Equal(AgencyMatchKind.Unknown, unknown.Kind);
        Assert.Equal("Sở Nội vụu", unknown.Text);
        Assert.Contains("Sở Nội vụ", unknown.Candidates);
    }

    [Fact]
    public void Groups_are_told_apart_from_agencies()
    {
        var matches = _directory.Resolve("Sở Tư pháp; Các sở, ban, ngành");

        Assert.Equal([AgencyMatchKind.Agency, AgencyMatchKind.Group], matches.Select(m => m.Kind));
    }

    [Fact]
    public void A_former_name_says_which_name_the_plan_used()
    {
        var match = Assert.Single(_directory.Resolve("Bộ Kế hoạch và Đầu tư (chủ trì)"));

        Assert.Equal(("Bộ Tài chính", "Bộ Kế hoạch và Đầu tư", "chủ trì"), (match.Name, match.FormerName, match.Note));
    }

    [Fact]
    public void Every_ministry_and_ministerial_agency_of_the_2025_government_is_a_member_of_the_ministries_group()
    {
        // Nghị quyết 176/2025/QH15: 14 bộ and 3 cơ quan ngang bộ.
        var members = _directory.Members("Các bộ, cơ quan ngang bộ");

        Assert.Equal(17, members.Count);
        Assert.Contains(members, a => a.Name == "Bộ Dân tộc và Tôn giáo");
        Assert.DoesNotContain(members, a => a.Name == "Sở Nội vụ");
    }

    [Fact]
    public void A_remembered_alias_resolves_on_the_next_import()
    {
        var extended = _directory.With([new Agency("Hợp tác xã Hoa Mai", AgencyKind.Other) { Aliases = ["HTX Hoa Mai"] }], []);

        Assert.Equal("Hợp tác xã Hoa Mai", extended.Resolve("HTX Hoa Mai").Single().Name);
    }
}

public sealed class LeadRuleTest
{
    private readonly AgencyDirectory _directory = AgencyDirectory.Default;

    [Fact]
    public void One_agency_as_lead_breaks_no_rule()
    {
        Assert.Null(LeadRule.Check(_directory.Resolve("Sở Nội vụ")));
    }

    [Fact]
    public void Two_leads_may_be_split_or_reduced_to_one()
    {
        var problem = LeadRule.Check(_directory.Resolve("Văn phòng UBND tỉnh; Sở Khoa học và Công nghệ"))!;

        Assert.Equal([LeadChoice.SplitPerLead, LeadChoice.PickOneLead], problem.Choices);
    }

    [Fact]
    public void A_group_as_lead_may_be_expanded_into_its_members()
    {
        var problem = LeadRule.Check(_directory.Resolve("Các sở, ban, ngành"))!;

        Assert.Contains(LeadChoice.ExpandGroup, problem.Choices);
        Assert.Contains(_directory.Members("Các sở, ban, ngành"), a => a.Name == "Sở Nội vụ");
        Assert.DoesNotContain(_directory.Members("Các sở, ban, ngành"), a => a.Name == "Ban Tổ chức Tỉnh ủy");
    }

    [Fact]
    public void An_unknown_lead_asks_a_person()
    {
        Assert.Equal([LeadChoice.ResolveUnknown], LeadRule.Check(_directory.Resolve("Ban Quản lý khu kinh tế"))!.Choices);
    }
}
