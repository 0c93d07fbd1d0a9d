using System.CommandLine;
using DonDoc.Data.Storage;
using DonDoc.Tracking.Operations;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Cli.Commands;

/// <summary><c>dondoc backup FILE</c> and <c>dondoc restore FILE</c>: the whole store (database, evidence, keys) in one archive.</summary>
public static class BackupCommands
{
    public static Command BuildBackup()
    {
        var file = new Argument<string>("file") { Description = "Tệp sao lưu sẽ tạo (.zip) (the archive to write)" };
        var backup = new Command("backup", "Sao lưu CSDL, tệp minh chứng và khóa vào một tệp (back up the database, evidence files and keys)") { file };
        backup.SetAction((parse, cancellationToken) => DonDocCommandLine.RunAsync(async () =>
        {
            await using var services = DatabaseCommands.BuildServices();
            var archive = new StoreArchive(services, Paths(services), TimeProvider.System);
            var manifest = await RunAsync(() => archive.BackupAsync(parse.GetValue(file)!, cancellationToken));
            Console.WriteLine($"Đã sao lưu vào {parse.GetValue(file)}: {Describe(manifest)}");
            if (manifest.Provider == nameof(DatabaseProvider.Postgres))
            {
                Console.WriteLine("CSDL PostgreSQL không nằm trong tệp này: hãy sao lưu bằng pg_dump (xem README, mục \"Sao lưu và khôi phục\").");
                Console.WriteLine("(PostgreSQL: dump the database with pg_dump beside this archive, see the README.)");
            }

            if (manifest.MissingEvidence.Count > 0)
            {
                await Console.Error.WriteLineAsync($"Cảnh báo: thiếu {manifest.MissingEvidence.Count} tệp minh chứng trong thư mục lưu trữ: {string.Join(", ", manifest.MissingEvidence.Take(5))}");
                return CliError.ExitCode;
            }

            return 0;
        }));
        return backup;
    }

    public static Command BuildRestore()
    {
        var file = new Argument<string>("file") { Description = "Tệp sao lưu do dondoc backup tạo (an archive made by dondoc backup)" };
        var restore = new Command("restore", "Khôi phục CSDL, tệp minh chứng và khóa từ tệp sao lưu vào nơi đã cấu hình, khi ở đó chưa có CSDL (restore into an empty store)") { file };
        restore.SetAction((parse, cancellationToken) => DonDocCommandLine.RunAsync(async () =>
        {
            await using var services = DatabaseCommands.BuildServices();
            var archive = new StoreArchive(services, Paths(services), TimeProvider.System);
            var restored = await RunAsync(() => archive.RestoreAsync(parse.GetValue(file)!, cancellationToken));
            Console.WriteLine($"Đã khôi phục từ {parse.GetValue(file)}: {Describe(restored)}");
            if (restored.MissingEvidence.Count > 0)
            {
                await Console.Error.WriteLineAsync($"Cảnh báo: CSDL nhắc tới {restored.MissingEvidence.Count} tệp minh chứng không có trong bản sao lưu.");
                return CliError.ExitCode;
            }

            return 0;
        }));
        return restore;
    }

    private static StorePaths Paths(IServiceProvider services)
    {
        var configuration = CliConfiguration.Load();
        return new StorePaths(
            services.GetRequiredService<DatabaseOptions>(),
            configuration["Storage:EvidencePath"] is { Length: > 0 } evidence ? evidence : Path.Combine("data", "evidence"),
            configuration["Storage:KeysPath"] is { Length: > 0 } keys ? keys : Path.Combine("data", "keys"));
    }

    private static async Task<ArchiveManifest> RunAsync(Func<Task<ArchiveManifest>> work)
    {
        try
        {
            return await work();
        }
        catch (ArchiveException refused)
        {
            throw new CliError(refused.Vietnamese, refused.Message);
        }
        catch (IOException error)
        {
            throw new CliError("không đọc hoặc ghi được tệp", error.Message);
        }
    }

    private static string Describe(ArchiveManifest m) =>
        $"{m.Plans} kế hoạch, {m.Tasks} nhiệm vụ, {m.Reports} báo cáo, {m.AuditEntries} mục nhật ký, {m.EvidenceFiles} tệp minh chứng, {m.Keys} khóa";
}
