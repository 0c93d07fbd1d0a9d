using DonDoc.Core.Agencies;

namespace DonDoc.Core.Tests.Agencies;

public sealed class ProvincialDirectoryTest
{
    private static readonly Province DongThap = AdministrativeUnits.Default.Find("Đồng Tháp")!;
    private static readonly Province HoChiMinh = AdministrativeUnits.Default.Find("TP HCM")!;
    private static readonly Province HaNoi = AdministrativeUnits.Default.Find("Hà Nội")!;

    // province, shipped body, its name in that province
    public static TheoryData<string, string, string> Names => new()
    {
        { "Đồng Tháp", "Sở Nội vụ", "Sở Nội vụ tỉnh Đồng Tháp" },
        { "Đồng Tháp", "Ủy ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh Đồng Tháp" },
        { "Đồng Tháp", "Tỉnh ủy", "Tỉnh ủy Đồng Tháp" },
        { "Đồng Tháp", "Ban Tổ chức Tỉnh ủy", "Ban Tổ chức Tỉnh ủy Đồng Tháp" },
        { "Đồng Tháp", "Phòng Tổng hợp", "Phòng Tổng hợp, Văn phòng Ủy ban nhân dân tỉnh Đồng Tháp" },
        { "Hà Nội", "Công an tỉnh", "Công an thành phố Hà Nội" },
        { "Hà Nội", "Tỉnh ủy", "Thành ủy Hà Nội" },
        { "Hà Nội", "Tỉnh đoàn", "Thành đoàn Hà Nội" },
        { "TP HCM", "Sở Nội vụ", "Sở Nội vụ Thành phố Hồ Chí Minh" },
        { "TP HCM", "Văn phòng Ủy ban nhân dân tỉnh", "Văn phòng Ủy ban nhân dân Thành phố Hồ Chí Minh" },
        { "TP HCM", "Tỉnh ủy", "Thành ủy Thành phố Hồ Chí Minh" },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void A_shipped_body_is_named_after_its_province(string province, string body, string expected)
    {
        Assert.Equal(expected, ProvincialDirectory.NameIn(body, AdministrativeUnits.Default.Find(province)!));
    }

    [Fact]
    public void A_province_has_its_bodies_and_a_people_committee_and_a_party_committee_per_commune()
    {
        var agencies = ProvincialDirectory.For(DongThap);

        Assert.Equal(AgencyDirectory.DefaultProvincialBodies.Count + 2 * 102, agencies.Count);
        Assert.Equal(agencies.Count, agencies.Select(a => a.Name).Distinct().Count());
        Assert.All(agencies, a => Assert.Equal("Tỉnh Đồng Tháp", a.Province));
        var commune = agencies.Single(a => a.Name == "Ủy ban nhân dân phường Cao Lãnh, tỉnh Đồng Tháp");
        Assert.Equal((AgencyKind.CommunePeopleCommittee, "Ủy ban nhân dân tỉnh Đồng Tháp"), (commune.Kind, commune.Parent));
        Assert.Contains("Ủy ban nhân dân phường Cao Lãnh", commune.LocalNames);
        Assert.Equal("Tỉnh ủy Đồng Tháp", agencies.Single(a => a.Name == "Đảng ủy phường Cao Lãnh, tỉnh Đồng Tháp").Parent);
    }

    [Fact]
    public void A_citys_bodies_are_named_locally_with_thanh_pho()
    {
        var police = ProvincialDirectory.For(HoChiMinh).Single(a => a.Name == "Công an Thành phố Hồ Chí Minh");

        Assert.Equal(["Công an thành phố"], police.LocalNames);
        Assert.Contains(ProvincialDirectory.For(HaNoi), a => a.LocalNames.Contains("Ban Tổ chức Thành ủy"));
    }

    [Fact]
    public void Every_province_names_its_agencies_uniquely_across_the_country()
    {
        var all = AdministrativeUnits.Default.Provinces.SelectMany(ProvincialDirectory.For).ToList();

        Assert.Equal(all.Count, all.Select(a => a.Name).Distinct().Count());
        Assert.Equal(2 * 3321, all.Count(a => a.Kind is AgencyKind.CommunePeopleCommittee or AgencyKind.CommunePartyCommittee));
    }
}
