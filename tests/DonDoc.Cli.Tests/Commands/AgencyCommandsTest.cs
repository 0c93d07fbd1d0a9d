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
