using DonDoc.Core.Agencies;

namespace DonDoc.Core.Tests.Agencies;

/// <summary>Names read relative to the plan's issuer, in a directory that holds two provinces.</summary>
public sealed class PlanIssuerResolutionTest
{
    private const string DongThapIssuer = "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP";
    private const string HoChiMinhIssuer = "Ủy ban nhân dân Thành phố Hồ Chí Minh";

    /// <summary>The central bodies and the provinces Đồng Tháp and TP Hồ Chí Minh, as after two province imports (which replace the default province).</summary>
    private static readonly AgencyDirectory TwoProvinces = new(
        AgencyDirectory.Default.Agencies.Where(a => AgencyDirectory.DefaultProvincialBodies.All(b => b.Name != a.Name))
            .Concat(ProvincialDirectory.For(AdministrativeUnits.Default.Find("Đồng Tháp")!))
            .Concat(ProvincialDirectory.For(AdministrativeUnits.Default.Find("Hồ Chí Minh")!)),
        AgencyDirectory.Default.Groups,
        AgencyDirectory.Default.FormerAgencies);

    // issuer, cell, expected names in order ("?" marks an unknown piece)
    public static TheoryData<string?, string, string[]> Cells => new()
    {
        { DongThapIssuer, "Sở Nội vụ", ["Sở Nội vụ tỉnh Đồng Tháp"] },
        { HoChiMinhIssuer, "Sở Nội vụ", ["Sở Nội vụ Thành phố Hồ Chí Minh"] },
        { HoChiMinhIssuer, "Công an Thành phố; Văn phòng UBND TP", ["Công an Thành phố Hồ Chí Minh", "Văn phòng Ủy ban nhân dân Thành phố Hồ Chí Minh"] },
        { DongThapIssuer, "VP UBND tỉnh, SNV", ["Văn phòng Ủy ban nhân dân tỉnh Đồng Tháp", "Sở Nội vụ tỉnh Đồng Tháp"] },
        { DongThapIssuer, "UBND phường Cao Lãnh; Đảng ủy xã Mỹ Thọ", ["Ủy ban nhân dân phường Cao Lãnh, tỉnh Đồng Tháp", "Đảng ủy xã Mỹ Thọ, tỉnh Đồng Tháp"] },
        { DongThapIssuer, "Sở Kế hoạch và Đầu tư", ["Sở Tài chính tỉnh Đồng Tháp"] },
        { DongThapIssuer, "UBND các xã, phường", ["Ủy ban nhân dân các xã, phường"] },
        { DongThapIssuer, "Hội đồng nhân dân, Ủy ban nhân dân các xã, phường", ["Hội đồng nhân dân các xã, phường", "Ủy ban nhân dân các xã, phường"] },
        { DongThapIssuer, "HĐND, UBND tỉnh", ["Hội đồng nhân dân tỉnh Đồng Tháp", "Ủy ban nhân dân tỉnh Đồng Tháp"] },

        // A name qualified by its province resolves in any plan, a central name in every plan.
        { HoChiMinhIssuer, "Sở Nội vụ tỉnh Đồng Tháp", ["Sở Nội vụ tỉnh Đồng Tháp"] },
        { "Thủ tướng Chính phủ", "UBND tỉnh Đồng Tháp, UBND TP. Hồ Chí Minh", ["Ủy ban nhân dân tỉnh Đồng Tháp", "Ủy ban nhân dân Thành phố Hồ Chí Minh"] },
        { "Thủ tướng Chính phủ", "Sở Nội vụ Đồng Tháp", ["Sở Nội vụ tỉnh Đồng Tháp"] },
        { DongThapIssuer, "UBND xã Mỹ Thọ, tỉnh Đồng Tháp", ["Ủy ban nhân dân xã Mỹ Thọ, tỉnh Đồng Tháp"] },
        { DongThapIssuer, "Bộ Nội vụ, Văn phòng Chính phủ", ["Bộ Nội vụ", "Văn phòng Chính phủ"] },
        { HoChiMinhIssuer, "Bộ KH&ĐT", ["Bộ Tài chính"] },

        // A province's local names mean nothing in another province's plans, nor in a plan without a province.
        { HoChiMinhIssuer, "UBND phường Cao Lãnh", ["?"] },
        { "Thủ tướng Chính phủ", "Sở Nội vụ", ["?"] },
        { DongThapIssuer, "Sở Nội vụ thành phố Hà Nội", ["?"] },
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public void A_cell_resolves_in_the_plan_of_its_issuer(string? issuer, string cell, string[] expected)
    {
        var matches = TwoProvinces.InPlanOf(issuer).Resolve(cell);

        Assert.Equal(expected, matches.Select(m => m.Kind == AgencyMatchKind.Unknown ? "?" : m.Name));
    }

    [Fact]
    public void The_communes_of_a_plan_are_the_communes_of_its_issuers_province()
    {
        var dongThap = TwoProvinces.InPlanOf(DongThapIssuer);
        var hoChiMinh = TwoProvinces.InPlanOf(HoChiMinhIssuer);

        var communes = dongThap.Members("Ủy ban nhân dân các xã, phường");

        Assert.Equal("Tỉnh Đồng Tháp", dongThap.PlanProvince);
        Assert.Equal(102, communes.Count);
        Assert.All(communes, a => Assert.Equal("Tỉnh Đồng Tháp", a.Province));
        Assert.Equal(168, hoChiMinh.Members("Ủy ban nhân dân các xã, phường").Count);
        Assert.Equal(102, dongThap.Members("Đảng ủy các xã, phường").Count);
        Assert.Contains(dongThap.Members("Các sở, ban, ngành"), a => a.Name == "Sở Nội vụ tỉnh Đồng Tháp");
        Assert.DoesNotContain(dongThap.Members("Các sở, ban, ngành"), a => a.Province != "Tỉnh Đồng Tháp");
    }

    [Fact]
    public void A_national_group_gathers_its_members_from_every_province()
    {
        var members = TwoProvinces.InPlanOf(DongThapIssuer).Members("Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương");

        Assert.Equal(["Ủy ban nhân dân Thành phố Hồ Chí Minh", "Ủy ban nhân dân tỉnh Đồng Tháp"], members.Select(a => a.Name));
    }

    [Fact]
    public void Assignment_of_a_group_lead_expands_into_the_issuers_communes()
    {
        var directory = TwoProvinces.InPlanOf(DongThapIssuer);

        var outcome = AssignmentPlanner.Plan(directory, directory.Resolve("UBND các xã, phường"), directory.Resolve("Sở Nội vụ"), LeadChoice.ExpandGroup);

        Assert.Null(outcome.Problem);
        Assert.Equal(102, outcome.Tasks.Count);
        Assert.All(outcome.Tasks, t => Assert.Equal("Sở Nội vụ tỉnh Đồng Tháp", Assert.Single(t.Coordinators).Name));
    }

    [Fact]
    public void A_directory_with_one_province_reads_every_plan_as_that_provinces()
    {
        var one = new AgencyDirectory(
            AgencyDirectory.Default.Agencies.Where(a => AgencyDirectory.DefaultProvincialBodies.All(b => b.Name != a.Name))
                .Concat(ProvincialDirectory.For(AdministrativeUnits.Default.Find("Đồng Tháp")!)),
            AgencyDirectory.Default.Groups,
            AgencyDirectory.Default.FormerAgencies);

        Assert.Equal("Sở Nội vụ tỉnh Đồng Tháp", one.Resolve("Sở Nội vụ").Single().Name);
        Assert.Equal("Sở Nội vụ tỉnh Đồng Tháp", one.InPlanOf("Bộ Nội vụ").Resolve("Sở Nội vụ").Single().Name);
        Assert.Equal(102, one.Members("Ủy ban nhân dân các xã, phường").Count);
    }

    [Fact]
    public void The_issuers_province_is_read_from_the_agency_it_names()
    {
        Assert.Equal("Tỉnh Đồng Tháp", TwoProvinces.ProvinceOfIssuer("UBND PHƯỜNG CAO LÃNH"));
        Assert.Equal("Thành phố Hồ Chí Minh", TwoProvinces.ProvinceOfIssuer("THÀNH ỦY THÀNH PHỐ HỒ CHÍ MINH"));
        Assert.Null(TwoProvinces.ProvinceOfIssuer("VĂN PHÒNG CHÍNH PHỦ"));
    }

    [Fact]
    public void An_unknown_name_in_a_plan_gets_candidates_of_that_plan_only()
    {
        var unknown = TwoProvinces.InPlanOf(DongThapIssuer).Resolve("Sở Nội vụu").Single();

        Assert.Equal(AgencyMatchKind.Unknown, unknown.Kind);
        Assert.Contains("Sở Nội vụ tỉnh Đồng Tháp", unknown.Candidates);
        Assert.DoesNotContain("Sở Nội vụ Thành phố Hồ Chí Minh", unknown.Candidates);
    }
}
