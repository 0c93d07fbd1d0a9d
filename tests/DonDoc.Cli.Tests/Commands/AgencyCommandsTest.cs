using System.Text.Json;

namespace DonDoc.Cli.Tests.Commands;

public sealed class AgencyCommandsTest : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "dondoc-agency-tests", Guid.NewGuid().ToString("N"));

    public AgencyCommandsTest() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Match_prints_one_element_per_agency_or_group_in_order()
    {
        var result = await DondocProcess.RunInAsync(_directory, null, "agencies", "match", "Văn phòng UBND tỉnh (Chủ trì); Các Sở, ban, ngành; Hợp tác xã Hoa Mai");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var items = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(["agency", "group", "unknown"], items.Select(i => i.GetProperty("kind").GetString()));
        Assert.Equal("Văn phòng Ủy ban nhân dân tỉnh", items[0].GetProperty("agency").GetString());
        Assert.Equal("Chủ trì", items[0].GetProperty("note").GetString());
        Assert.Equal("Hợp tác xã Hoa Mai", items[2].GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.Null, items[2].GetProperty("agency").ValueKind);
    }

    [Fact]
    public async Task An_imported_csv_and_a_remembered_alias_are_used_by_the_next_match()
    {
        var csv = Path.Combine(_directory, "xa.csv");
        await File.WriteAllTextAsync(csv, "name,kind,aliases,parent\nỦy ban nhân dân xã Hòa Phú,CommunePeopleCommittee,UBND xã Hòa Phú,\n");

        var imported = await DondocProcess.RunInAsync(_directory, null, "agencies", "import", csv);
        var alias = await DondocProcess.RunInAsync(_directory, null, "agencies", "alias", "HTX Hoa Mai", "--agency", "Hợp tác xã Hoa Mai", "--kind", "Other");
        var match = await DondocProcess.RunInAsync(_directory, null, "agencies", "match", "UBND xã Hoà Phú; HTX Hoa Mai");

        Assert.Equal(0, imported.ExitCode);
        Assert.Equal(0, alias.ExitCode);
        using var json = JsonDocument.Parse(match.Output);
        Assert.Equal(
            ["Ủy ban nhân dân xã Hòa Phú", "Hợp tác xã Hoa Mai"],
            json.RootElement.EnumerateArray().Select(i => i.GetProperty("agency").GetString()));
    }

    [Fact]
    public async Task A_province_import_loads_its_bodies_and_communes_and_match_reads_names_in_the_issuers_province()
    {
        var imported = await DondocProcess.RunInAsync(_directory, null, "agencies", "import", "--province", "Đồng Tháp");
        var match = await DondocProcess.RunInAsync(_directory, null, "agencies", "match", "Sở Nội vụ; UBND các xã, phường; Bộ KH&ĐT", "--issuer", "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP");
        var provinces = await DondocProcess.RunInAsync(_directory, null, "agencies", "provinces");

        Assert.Equal(0, imported.ExitCode);
        Assert.Contains("102 xã, phường", imported.Output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(match.Output);
        var items = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(["Sở Nội vụ tỉnh Đồng Tháp", "Ủy ban nhân dân các xã, phường", "Bộ Tài chính"], items.Select(i => i.GetProperty("agency").GetString()));
        Assert.Equal(102, items[1].GetProperty("members").GetInt32());
        Assert.Equal("Bộ Kế hoạch và Đầu tư", items[2].GetProperty("formerName").GetString());
        Assert.Equal(34, provinces.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("Tỉnh Đồng Tháp\t102 xã, phường\t1663/NQ-UBTVQH15\tđã nhập", provinces.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_province_is_refused_with_the_way_to_list_them()
    {
        var result = await DondocProcess.RunInAsync(_directory, null, "agencies", "import", "--province", "Gotham");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("dondoc agencies provinces", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_json_file_imports_agencies_of_a_province_with_their_local_names()
    {
        var file = Path.Combine(_directory, "co-quan.json");
        await File.WriteAllTextAsync(file, """
            [{ "name": "Ban Quản lý Khu kinh tế tỉnh Đồng Tháp", "kind": "Department", "province": "Đồng Tháp", "localNames": ["Ban Quản lý Khu kinh tế", "BQL KKT"] }]
            """);

        var imported = await DondocProcess.RunInAsync(_directory, null, "agencies", "import", file);
        var inPlan = await DondocProcess.RunInAsync(_directory, null, "agencies", "match", "BQL KKT", "--issuer", "UBND tỉnh Đồng Tháp");

        Assert.Equal(0, imported.ExitCode);
        using var json = JsonDocument.Parse(inPlan.Output);
        Assert.Equal("Ban Quản lý Khu kinh tế tỉnh Đồng Tháp", json.RootElement[0].GetProperty("agency").GetString());
    }

    [Fact]
    public async Task A_csv_with_an_unknown_kind_is_refused_and_nothing_is_stored()
    {
        var csv = Path.Combine(_directory, "sai.csv");
        await File.WriteAllTextAsync(csv, "name,kind\nSở Mới,Department\nPhòng Lạ,NotAKind\n");

        var result = await DondocProcess.RunInAsync(_directory, null, "agencies", "import", csv);
        var list = await DondocProcess.RunInAsync(_directory, null, "agencies", "list");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("NotAKind", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Sở Mới", list.Output, StringComparison.Ordinal);
        Assert.Contains("Sở Nội vụ", list.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_alias_that_already_names_another_agency_is_refused()
    {
        var first = await DondocProcess.RunInAsync(_directory, null, "agencies", "alias", "Phòng HCTH", "--agency", "Sở Nội vụ");
        var second = await DondocProcess.RunInAsync(_directory, null, "agencies", "alias", "phòng hcth", "--agency", "Sở Tư pháp");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(2, second.ExitCode);
        Assert.Contains("đã dùng cho \"Sở Nội vụ\"", second.Error, StringComparison.Ordinal);
    }
}
