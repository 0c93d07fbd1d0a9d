using System.CommandLine;
using System.Text;
using System.Text.Json;
using DonDoc.Cli.Output;
using DonDoc.Core.Agencies;
using DonDoc.Data.Agencies;
using DonDoc.Data.Storage;
using DonDoc.Import.Reading;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Cli.Commands;

/// <summary><c>dondoc agencies match|list|provinces|import|alias</c>.</summary>
public static class AgencyCommands
{
    public static Command Build()
    {
        var agencies = new Command("agencies", "Danh mục cơ quan, đơn vị (the agency directory)");
        agencies.Subcommands.Add(BuildMatch());
        agencies.Subcommands.Add(BuildList());
        agencies.Subcommands.Add(BuildProvinces());
        agencies.Subcommands.Add(BuildImport());
        agencies.Subcommands.Add(BuildAlias());
        return agencies;
    }

    private static Command BuildMatch()
    {
        var text = new Argument<string>("text") { Description = "Ô cơ quan như ghi trong kế hoạch (an agency cell as printed)" };
        var issuer = new Option<string?>("--issuer") { Description = "Cơ quan ban hành kế hoạch, để hiểu tên theo tỉnh của cơ quan đó (the plan's issuer)" };
        var command = new Command("match", "Tách và nhận diện các cơ quan trong một ô, in JSON (resolve a cell into agencies)") { text, issuer };
        command.SetAction((parse, cancellationToken) => DonDocCommandLine.RunAsync(async () =>
        {
            var directory = (await LoadAsync(cancellationToken)).InPlanOf(parse.GetValue(issuer));
            var matches = directory.Resolve(parse.GetValue(text));
            Console.WriteLine(JsonOutput.Serialize(matches.Select(m => new
            {
                text = m.Text,
                agency = m.Name,
                kind = m.Kind switch { AgencyMatchKind.Agency => "agency", AgencyMatchKind.Group => "group", _ => "unknown" },
                candidates = m.Candidates,
                note = m.Note,
                formerName = m.FormerName,
                members = m.Kind == AgencyMatchKind.Group ? directory.Members(m.Name!).Count : (int?)null,
            })));
            return 0;
        }));
        return command;
    }

    private static Command BuildList()
    {
        var command = new Command("list", "In danh mục cơ quan và nhóm (print the directory)");
        command.SetAction((_, cancellationToken) => DonDocCommandLine.RunAsync(async () =>
        {
            var directory = await LoadAsync(cancellationToken);
            foreach (var agency in directory.Agencies.OrderBy(a => a.Kind).ThenBy(a => a.Name, StringComparer.Ordinal))
            {
                Console.WriteLine($"{agency.Kind}\t{agency.Name}\t{string.Join("; ", agency.Aliases)}");
            }

            foreach (var group in directory.Groups.OrderBy(g => g.Name, StringComparer.Ordinal))
            {
                Console.WriteLine($"Group\t{group.Name}\t{string.Join("; ", group.Aliases)}");
            }

            return 0;
        }));
        return command;
    }

    private static Command BuildProvinces()
    {
        var command = new Command("provinces", "In danh sách 34 tỉnh, thành phố và số xã, phường (list the provinces that --province accepts)");
        command.SetAction((_, cancellationToken) => DonDocCommandLine.RunAsync(async () =>
        {
            var loaded = (await LoadAsync(cancellationToken)).Provinces.ToHashSet(StringComparer.Ordinal);
            foreach (var province in AdministrativeUnits.Default.Provinces)
            {
                Console.WriteLine($"{province.Code:00}\t{province.Name}\t{province.Communes.Count} xã, phường\t{province.Resolution}\t{(loaded.Contains(province.Name) ? "đã nhập" : "")}".TrimEnd('\t'));
            }

            return 0;
        }));
        return command;
    }

    private static Command BuildImport()
    {
        var file = new Argument<FileInfo?>("file")
        {
            Description = "Tệp CSV (UTF-8), XLSX: tên, loại, tên khác (phân cách bằng ;), cơ quan cấp trên, tỉnh; hoặc JSON: [{name, kind, aliases, parent, province}]",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var province = new Option<string?>("--province") { Description = "Nhập các cơ quan cấp tỉnh và các xã, phường của một tỉnh, thành phố (\"Đồng Tháp\", \"TP HCM\")" };
        var command = new Command("import", "Nhập cơ quan, đơn vị từ tệp, hoặc của một tỉnh với --province (import agencies)") { file, province };
        command.SetAction((parse, cancellationToken) => DonDocCommandLine.RunAsync(async () =>
        {
            var info = parse.GetValue(file);
            var provinceName = parse.GetValue(province);
            if ((info is null) == (provinceName is null))
            {
                throw new CliError("hãy chỉ ra một tệp hoặc --province TÊN_TỈNH", "give either a file or --province NAME");
            }

            if (provinceName is not null)
            {
                return await ImportProvinceAsync(provinceName, cancellationToken);
            }

            if (!info!.Exists)
            {
                throw new CliError($"không tìm thấy tệp \"{info.FullName}\"", $"file not found: {info.FullName}");
            }

            var content = await File.ReadAllBytesAsync(info.FullName, cancellationToken);
            var agencies = info.Name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? ParseJson(content) : ParseAgencies(ReadRows(info.Name, content));
            await using var services = DatabaseCommands.BuildServices();
            await DatabaseMigrator.MigrateAsync(services, cancellationToken);
            using var scope = services.CreateScope();
            var store = new AgencyDirectoryStore(scope.ServiceProvider.GetRequiredService<DonDocDbContext>());
            int count;
            try
            {
                count = await store.UpsertAsync(agencies, cancellationToken);
            }
            catch (DirectoryConflictException conflict)
            {
                throw new CliError(conflict.Vietnamese + "; không nhập gì", conflict.Message + "; nothing imported");
            }

            Console.WriteLine($"Đã nhập {count} cơ quan, đơn vị ({count} agencies imported).");
            return 0;
        }));
        return command;
    }

    private static async Task<int> ImportProvinceAsync(string name, CancellationToken cancellationToken)
    {
        var province = AdministrativeUnits.Default.Find(name)
            ?? throw new CliError(
                $"không có tỉnh, thành phố \"{name}\"; xem danh sách bằng: dondoc agencies provinces",
                $"no province \"{name}\"; list them with: dondoc agencies provinces");
        await using var services = DatabaseCommands.BuildServices();
        await DatabaseMigrator.MigrateAsync(services, cancellationToken);
        using var scope = services.CreateScope();
        var store = new AgencyDirectoryStore(scope.ServiceProvider.GetRequiredService<DonDocDbContext>());
        // The default directory first, so that a first province takes over its bodies rather than doubling them.
        await store.SeedDefaultAsync(cancellationToken);
        var result = await store.ImportProvinceAsync(province, cancellationToken);
        Console.WriteLine(
            $"{province.Name} ({province.Resolution}): {result.Communes} xã, phường; thêm {result.Created} cơ quan, đơn vị" +
            (result.Adopted > 0 ? $", gắn {result.Adopted} cơ quan của danh mục mặc định vào tỉnh" : "") +
            (result.Updated > 0 ? $", cập nhật {result.Updated}" : "") +
            $" ({result.Created} created, {result.Adopted} taken over from the default directory, {result.Updated} updated).");
        return 0;
    }

    private static Command BuildAlias()
    {
        var text = new Argument<string>("text") { Description = "Tên như ghi trong kế hoạch (the name as printed)" };
        var agency = new Option<string>("--agency") { Description = "Tên chuẩn của cơ quan (the agency's canonical name)", Required = true };
        var kind = new Option<AgencyKind?>("--kind") { Description = "Loại, khi là cơ quan mới (kind, for a new agency)" };
        var command = new Command("alias", "Ghi nhớ một tên gọi khác, hoặc thêm cơ quan mới (remember an alias or a new agency)") { text, agency, kind };
        command.SetAction((parse, cancellationToken) => DonDocCommandLine.RunAsync(async () =>
        {
            var name = parse.GetValue(agency)!.Trim();
            var alias = parse.GetValue(text)!.Trim();
            var directory = await LoadAsync(cancellationToken);
            var known = directory.FindAgency(name);
            if (known is null && parse.GetValue(kind) is null)
            {
                throw new CliError($"không có cơ quan \"{name}\" trong danh mục; thêm --kind để tạo cơ quan mới", $"no agency \"{name}\"; pass --kind to create it");
            }

            await using var services = DatabaseCommands.BuildServices();
            await DatabaseMigrator.MigrateAsync(services, cancellationToken);
            using var scope = services.CreateScope();
            var store = new AgencyDirectoryStore(scope.ServiceProvider.GetRequiredService<DonDocDbContext>());
            try
            {
                await store.UpsertAsync([new Agency(name, known?.Kind ?? parse.GetValue(kind)!.Value) { Aliases = alias == name ? [] : [alias] }], cancellationToken);
            }
            catch (DirectoryConflictException conflict)
            {
                throw new CliError(conflict.Vietnamese, conflict.Message);
            }

            Console.WriteLine($"Đã ghi nhớ: \"{alias}\" → {name}");
            return 0;
        }));
        return command;
    }

    /// <summary>The directory in force: the default, and the stored agencies when a database is configured and exists.</summary>
    public static async Task<AgencyDirectory> LoadAsync(CancellationToken cancellationToken)
    {
        await using var services = DatabaseCommands.BuildServices();
        var options = services.GetRequiredService<DatabaseOptions>();
        if (options.Provider == DatabaseProvider.Sqlite && !SqliteFileExists(options.ConnectionString))
        {
            return AgencyDirectory.Default;
        }

        await DatabaseMigrator.MigrateAsync(services, cancellationToken);
        using var scope = services.CreateScope();
        return await new AgencyDirectoryStore(scope.ServiceProvider.GetRequiredService<DonDocDbContext>()).LoadAsync(cancellationToken);
    }

    private static bool SqliteFileExists(string connectionString) =>
        File.Exists(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource);

    private static List<IReadOnlyList<string>> ReadRows(string name, byte[] content)
    {
        if (name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            var read = new XlsxReader().Read(name, content);
            if (read.Document is null)
            {
                throw new CliError(read.Failure!.Vietnamese, read.Failure.English);
            }

            return read.Document.Lines.Where(l => l.Cells is not null).Select(l => l.Cells!).ToList();
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            throw new CliError("tệp CSV không dùng bảng mã UTF-8", "the CSV file is not UTF-8");
        }

        return text.TrimStart('\uFEFF').Split('\n').Where(l => l.Trim().Length > 0).Select(SplitCsv).ToList();
    }

    private static IReadOnlyList<string> SplitCsv(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        foreach (var c in line.TrimEnd('\r'))
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                cells.Add(cell.ToString().Trim());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString().Trim());
        return cells;
    }

    private static List<Agency> ParseAgencies(List<IReadOnlyList<string>> rows)
    {
        if (rows.Count == 0)
        {
            throw new CliError("tệp không có dòng nào", "the file has no rows");
        }

        var agencies = new List<Agency>();
        for (var r = 1; r < rows.Count; r++)
        {
            var row = rows[r];
            string Cell(int i) => i < row.Count ? row[i].Trim() : string.Empty;
            var name = Cell(0);
            if (name.Length == 0)
            {
                continue;
            }

            var kindText = Cell(1);
            if (!Enum.TryParse<AgencyKind>(kindText, ignoreCase: true, out var kind))
            {
                throw new CliError($"dòng {r + 1}: loại \"{kindText}\" không hợp lệ; dùng một trong: {string.Join(", ", Enum.GetNames<AgencyKind>())}", $"row {r + 1}: unknown kind \"{kindText}\"");
            }

            agencies.Add(new Agency(name, kind)
            {
                Aliases = Cell(2).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Parent = Cell(3).Length > 0 ? Cell(3) : null,
                Province = Cell(4).Length > 0 ? KnownProvince(Cell(4), $"dòng {r + 1}", $"row {r + 1}") : null,
            });
        }

        return agencies;
    }

    private static string KnownProvince(string name, string whereVietnamese, string whereEnglish) =>
        AdministrativeUnits.Default.Find(name)?.Name
        ?? throw new CliError($"{whereVietnamese}: không có tỉnh, thành phố \"{name}\"", $"{whereEnglish}: unknown province \"{name}\"");

    private static List<Agency> ParseJson(byte[] content)
    {
        List<AgencyFileEntry>? entries;
        try
        {
            entries = JsonSerializer.Deserialize<List<AgencyFileEntry>>(content, new JsonSerializerOptions { PropertyNameCaseInsensitive = true });
        }
        catch (JsonException error)
        {
            throw new CliError($"tệp JSON không hợp lệ: {error.Message}", $"invalid JSON: {error.Message}");
        }

        var agencies = new List<Agency>();
        foreach (var (entry, index) in (entries ?? []).Select((e, i) => (e, i + 1)))
        {
            if (string.IsNullOrWhiteSpace(entry.Name))
            {
                throw new CliError($"phần tử {index}: thiếu tên (name)", $"item {index}: no name");
            }

            if (!Enum.TryParse<AgencyKind>(entry.Kind, ignoreCase: true, out var kind))
            {
                throw new CliError($"phần tử {index}: loại \"{entry.Kind}\" không hợp lệ; dùng một trong: {string.Join(", ", Enum.GetNames<AgencyKind>())}", $"item {index}: unknown kind \"{entry.Kind}\"");
            }

            agencies.Add(new Agency(entry.Name.Trim(), kind)
            {
                Aliases = entry.Aliases ?? [],
                Parent = string.IsNullOrWhiteSpace(entry.Parent) ? null : entry.Parent.Trim(),
                Province = string.IsNullOrWhiteSpace(entry.Province) ? null : KnownProvince(entry.Province, $"phần tử {index}", $"item {index}"),
                LocalNames = entry.LocalNames ?? [],
            });
        }

        if (agencies.Count == 0)
        {
            throw new CliError("tệp không có cơ quan nào", "the file has no agencies");
        }

        return agencies;
    }

    private sealed record AgencyFileEntry(string? Name, string? Kind, List<string>? Aliases, string? Parent, string? Province, List<string>? LocalNames);
}
