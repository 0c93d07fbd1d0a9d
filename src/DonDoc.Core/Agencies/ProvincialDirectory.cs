using System.Text.RegularExpressions;

namespace DonDoc.Core.Agencies;

/// <summary>
/// The agencies of one province, written from the shipped bodies of "the province" and the province's
/// communes: "Sở Nội vụ" becomes "Sở Nội vụ tỉnh Đồng Tháp", "Công an tỉnh" "Công an thành phố Hà Nội",
/// "Tỉnh ủy" "Thành ủy Thành phố Hồ Chí Minh"; each commune gets its UBND and its Đảng ủy ("Ủy ban nhân dân
/// xã Mỹ Thọ, tỉnh Đồng Tháp"). Every agency keeps the names its own province's plans use as local names.
/// </summary>
public static partial class ProvincialDirectory
{
    /// <summary>The province's agencies, parents before their units.</summary>
    public static IReadOnlyList<Agency> For(Province province)
    {
        var template = ShippedDirectory.Province.Agencies;
        var names = template.ToDictionary(a => a.Name, a => CanonicalName(a, province, template), StringComparer.Ordinal);
        var agencies = new List<Agency>(template.Count + 2 * province.Communes.Count);
        foreach (var body in template.OrderBy(a => Depth(a, template)))
        {
            agencies.Add(new Agency(names[body.Name], body.Kind)
            {
                Province = province.Name,
                Parent = body.Parent is { } parent ? names[parent] : null,
                LocalNames = body.Aliases.Prepend(body.Name).Select(n => LocalName(n, province)).Distinct(StringComparer.Ordinal).ToList(),
            });
        }

        var peopleCommittee = names[template.Single(a => a.Kind == AgencyKind.ProvincePeopleCommittee).Name];
        var partyCommittee = names["Tỉnh ủy"];
        foreach (var commune in province.Communes)
        {
            // Luật Tổ chức chính quyền địa phương số 72/2025/QH15: every xã, phường, đặc khu has its Ủy ban nhân dân; Điều lệ Đảng: its Đảng ủy.
            agencies.Add(new Agency($"Ủy ban nhân dân {commune.FullName}, {province.InText}", AgencyKind.CommunePeopleCommittee)
            {
                Province = province.Name,
                Parent = peopleCommittee,
                LocalNames = [$"Ủy ban nhân dân {commune.FullName}", commune.FullName],
            });
            agencies.Add(new Agency($"Đảng ủy {commune.FullName}, {province.InText}", AgencyKind.CommunePartyCommittee)
            {
                Province = province.Name,
                Parent = partyCommittee,
                LocalNames = [$"Đảng ủy {commune.FullName}"],
            });
        }

        return agencies;
    }

    /// <summary>The name the shipped body <paramref name="templateName"/> has in a province ("Sở Tài chính" → "Sở Tài chính tỉnh Đồng Tháp").</summary>
    public static string NameIn(string templateName, Province province)
    {
        var template = ShippedDirectory.Province.Agencies;
        var body = template.FirstOrDefault(a => a.Name == templateName) ?? new Agency(templateName, AgencyKind.Other);
        return CanonicalName(body, province, template);
    }

    private static string CanonicalName(Agency body, Province province, IReadOnlyList<Agency> template)
    {
        var named = Placeholders(body.Name, province, qualified: true);
        if (named != body.Name)
        {
            return named;
        }

        // A unit is named with what it belongs to ("Phòng Tổng hợp, Văn phòng Ủy ban nhân dân tỉnh Đồng Tháp"), an agency with its province.
        return body.Kind == AgencyKind.InternalUnit && body.Parent is { } parent
            ? $"{body.Name}, {CanonicalName(template.First(a => a.Name == parent), province, template)}"
            : $"{body.Name} {province.InText}";
    }

    /// <summary>How the province's own plans name a shipped body: as shipped in a tỉnh, with "thành phố", "Thành ủy", "Thành đoàn" in a city.</summary>
    private static string LocalName(string name, Province province) => province.IsCity ? Placeholders(name, province, qualified: false) : name;

    /// <summary>Replaces the words that stand for the province: "tỉnh", "Tỉnh ủy", "Tỉnh đoàn".</summary>
    private static string Placeholders(string name, Province province, bool qualified) =>
        ProvinceWord().Replace(name, match =>
        {
            var word = match.Value.ToLowerInvariant();
            var city = province.IsCity;
            if (word != "tỉnh")
            {
                var head = (city ? "Thành " : "Tỉnh ") + word["tỉnh ".Length..];
                return qualified ? $"{head} {province.Called}" : head;
            }

            return qualified ? province.InText : (city ? "thành phố" : "tỉnh");
        });

    private static int Depth(Agency body, IReadOnlyList<Agency> template)
    {
        var depth = 0;
        for (var parent = body.Parent; parent is not null; parent = template.FirstOrDefault(a => a.Name == parent)?.Parent)
        {
            depth++;
        }

        return depth;
    }

    // "Tỉnh ủy", "Tỉnh đoàn" or the word "tỉnh" on its own ("Công an tỉnh", "UBND tỉnh", "Thanh tra tỉnh"); not "tỉnh" inside a word.
    [GeneratedRegex(@"(?<![\p{L}\p{Nd}])(Tỉnh ủy|Tỉnh uỷ|Tỉnh đoàn|tỉnh)(?![\p{L}\p{Nd}])", RegexOptions.CultureInvariant)]
    private static partial Regex ProvinceWord();
}
