using System.Text.Json;

namespace DonDoc.Core.Agencies;

/// <summary>
/// The directory data shipped with DonDoc: the central bodies (Data/national-directory.json) and the bodies
/// of a province as every province has them (Data/default-directory.json), each with the former names
/// that resolve to their successors and the groups plans name.
/// </summary>
internal static class ShippedDirectory
{
    private static readonly Lazy<DirectoryData> NationalData = new(() => Read("national-directory.json"));
    private static readonly Lazy<DirectoryData> ProvinceData = new(() => Read("default-directory.json"));

    public static DirectoryData National => NationalData.Value;

    /// <summary>The bodies of "the province", named as a province's own plans name them ("Sở Nội vụ", "Công an tỉnh").</summary>
    public static DirectoryData Province => ProvinceData.Value;

    internal sealed record DirectoryData(IReadOnlyList<Agency> Agencies, IReadOnlyList<FormerAgency> Former, IReadOnlyList<AgencyGroup> Groups);

    private static DirectoryData Read(string file)
    {
        using var stream = typeof(ShippedDirectory).Assembly.GetManifestResourceStream("DonDoc.Core.Agencies.Data." + file)
            ?? throw new InvalidOperationException($"The agency directory {file} is missing from the assembly.");
        var data = JsonSerializer.Deserialize<DirectoryFile>(stream, new JsonSerializerOptions { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip })
            ?? throw new InvalidOperationException($"The agency directory {file} is empty.");
        return new DirectoryData(
            data.Agencies.Select(a => new Agency(a.Name, Enum.Parse<AgencyKind>(a.Kind)) { Aliases = a.Aliases ?? [], Parent = a.Parent }).ToList(),
            (data.Former ?? []).Select(f => new FormerAgency(f.Name, f.Successor) { Aliases = f.Aliases ?? [], Basis = f.Basis }).ToList(),
            data.Groups.Select(g => new AgencyGroup(g.Name)
            {
                Aliases = g.Aliases ?? [],
                MemberKinds = (g.MemberKinds ?? []).Select(Enum.Parse<AgencyKind>).ToList(),
                MemberNames = g.Members ?? [],
            }).ToList());
    }

    private sealed record DirectoryFile(List<AgencyShape> Agencies, List<FormerShape>? Former, List<GroupShape> Groups);

    private sealed record AgencyShape(string Name, string Kind, List<string>? Aliases, string? Parent);

    private sealed record FormerShape(string Name, string Successor, List<string>? Aliases, string? Basis);

    private sealed record GroupShape(string Name, List<string>? Aliases, List<string>? MemberKinds, List<string>? Members);
}
