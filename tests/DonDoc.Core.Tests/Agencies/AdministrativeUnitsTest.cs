using DonDoc.Core.Agencies;

namespace DonDoc.Core.Tests.Agencies;

public sealed class AdministrativeUnitsTest
{
    private readonly AdministrativeUnits _units = AdministrativeUnits.Default;

    [Fact]
    public void The_register_holds_34_provinces_and_3321_communes_as_reorganised_on_1_July_2025()
    {
        var communes = _units.Provinces.SelectMany(p => p.Communes).ToList();

        Assert.Equal(34, _units.Provinces.Count);
        Assert.Equal(6, _units.Provinces.Count(p => p.IsCity));
        Assert.Equal(3321, communes.Count);
        Assert.Equal((2621, 687, 13), (communes.Count(c => c.Level == CommuneLevel.Commune), communes.Count(c => c.Level == CommuneLevel.Ward), communes.Count(c => c.Level == CommuneLevel.SpecialZone)));
        Assert.Equal(3321, communes.Select(c => c.Code).Distinct().Count());
    }

    [Fact]
    public void Each_province_carries_the_resolution_of_its_communes()
    {
        var dongThap = _units.Find("Đồng Tháp")!;

        Assert.Equal("1663/NQ-UBTVQH15", dongThap.Resolution);
        Assert.Equal(102, dongThap.Communes.Count);
        Assert.Contains(dongThap.Communes, c => c.FullName == "phường Cao Lãnh");
        Assert.Equal(34, _units.Provinces.Select(p => p.Resolution).Distinct().Count());
    }

    // what a person types, the province's official name
    public static TheoryData<string, string?> Names => new()
    {
        { "Đồng Tháp", "Tỉnh Đồng Tháp" },
        { "tỉnh đồng tháp", "Tỉnh Đồng Tháp" },
        { "Tỉnh Đồng Tháp", "Tỉnh Đồng Tháp" },
        { "TP HCM", "Thành phố Hồ Chí Minh" },
        { "TP. Hồ Chí Minh", "Thành phố Hồ Chí Minh" },
        { "Thành phố Hồ Chí Minh", "Thành phố Hồ Chí Minh" },
        { "Hà Nội", "Thành phố Hà Nội" },
        { "Huế", "Thành phố Huế" },
        { "Tiền Giang", "Tỉnh Đồng Tháp" },
        { "Bình Dương", "Thành phố Hồ Chí Minh" },
        { "Quảng Nam", "Thành phố Đà Nẵng" },
        { "Hoà Bình", "Tỉnh Phú Thọ" },
        { "Gotham", null },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void A_province_is_found_by_any_name_a_person_gives_it(string name, string? expected)
    {
        Assert.Equal(expected, _units.Find(name)?.Name);
    }

    // a plan's issuer as printed, the province it belongs to
    public static TheoryData<string, string?> Issuers => new()
    {
        { "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP", "Tỉnh Đồng Tháp" },
        { "UBND TP. HỒ CHÍ MINH", "Thành phố Hồ Chí Minh" },
        { "TỈNH ỦY ĐỒNG THÁP", "Tỉnh Đồng Tháp" },
        { "BAN CHẤP HÀNH ĐẢNG BỘ TỈNH ĐỒNG THÁP", "Tỉnh Đồng Tháp" },
        { "Sở Nội vụ thành phố Hà Nội", "Thành phố Hà Nội" },
        { "ỦY BAN NHÂN DÂN PHƯỜNG CAO LÃNH", "Tỉnh Đồng Tháp" },
        { "UBND TỈNH TIỀN GIANG", "Tỉnh Đồng Tháp" },
        { "THỦ TƯỚNG CHÍNH PHỦ", null },
        { "BỘ NỘI VỤ", null },
        { "ỦY BAN THƯỜNG VỤ QUỐC HỘI", null },
    };

    [Theory]
    [MemberData(nameof(Issuers))]
    public void A_plans_issuer_names_its_province(string issuer, string? expected)
    {
        Assert.Equal(expected, _units.ProvinceNamedIn(issuer)?.Name);
    }
}
