using System.Security.Cryptography;
using System.Text;
using DonDoc.Core.Access;
using DonDoc.Data.Agencies;
using DonDoc.Data.Storage;
using DonDoc.Data.Tests.Storage;
using DonDoc.Tracking.Hosting;
using DonDoc.Tracking.Imports;
using DonDoc.Tracking.Tasks;
using DonDoc.Tracking.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace DonDoc.Cli.Tests.Commands;

/// <summary><c>dondoc backup</c> then <c>dondoc restore</c> into an empty place gives back every plan, task, report, audit entry, evidence file and key.</summary>
public sealed class BackupCommandsTest : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "dondoc-backup-tests", Guid.NewGuid().ToString("N"));

    public BackupCommandsTest() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static readonly string Plan = string.Join('\n',
        "KẾ HOẠCH",
        "Thực hiện lưu trữ hồ sơ điện tử năm 2026 (Kèm theo Kế hoạch số 31/KH-UBND ngày 12/01/2026 của UBND tỉnh)",
        "STT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\tSản phẩm",
        "1\tLập danh mục hồ sơ lưu trữ điện tử\tSở Nội vụ\tSở Tài chính\t30/6/2026\tDanh mục hồ sơ",
        "2\tNâng cấp phần mềm quản lý văn bản\tSở Khoa học và Công nghệ\tSở Nội vụ\tQuý III/2026\tPhần mềm",
        "3\tBáo cáo tình hình thực hiện\tSở Nội vụ\t\tNgày 20 hằng tháng\tBáo cáo tháng");

    private sealed record Store(IReadOnlyDictionary<string, string> Environment, string Evidence, string Keys);

    private static Dictionary<string, string> Configure(DatabaseProvider provider, string connectionString, string evidence, string keys) => new()
    {
        ["Database__Provider"] = provider.ToString(),
        ["ConnectionStrings__Default"] = connectionString,
        ["Storage__EvidencePath"] = evidence,
        ["Storage__KeysPath"] = keys,
    };

    private static ServiceProvider Services(IReadOnlyDictionary<string, string> environment)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(environment.ToDictionary(e => e.Key.Replace("__", ":", StringComparison.Ordinal), e => (string?)e.Value))
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDonDocTracking(configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>A plan imported and published, progress reported with two files, a completion accepted: every kind of row there is to lose.</summary>
    private static async Task SeedAsync(IReadOnlyDictionary<string, string> environment, string keys)
    {
        await using var services = Services(environment);
        await DatabaseMigrator.MigrateAsync(services, CancellationToken.None);
        var ct = CancellationToken.None;
        var office = new Actor("office-1", "Văn phòng", new HashSet<string> { Roles.MonitoringOffice }, null);
        using var scope = services.CreateScope();
        var s = scope.ServiceProvider;
        await s.GetRequiredService<AgencyDirectoryStore>().SeedDefaultAsync(ct);
        var drafts = s.GetRequiredService<ImportDrafts>();
        var planId = await drafts.CreateAsync(office, "ke-hoach-luu-tru.txt", Encoding.UTF8.GetBytes(Plan), ct);
        await drafts.PublishAsync(office, planId, ct);
        var noiVu = (await s.GetRequiredService<AgencyDirectoryStore>().FindAgencyIdAsync("Sở Nội vụ", ct))!.Value;
        var officer = new Actor("officer-1", "Cán bộ Sở Nội vụ", new HashSet<string> { Roles.AgencyOfficer }, noiVu);
        var task = (await s.GetRequiredService<TaskCatalog>().ListAsync(officer, new TaskFilter(PlanId: planId), new PageRequest(), ct)).Items.First(t => t.Number == "1");
        var workflow = s.GetRequiredService<TaskWorkflow>();
        await workflow.PostProgressAsync(officer, task.Id, new ProgressInput(50, "Đã lập một nửa danh mục"),
            [new UploadedFile("danh-muc.pdf", Encoding.ASCII.GetBytes("%PDF-1.4\n% danh muc\n%%EOF\n")), new UploadedFile("anh.png", Png)], ct);
        await workflow.ReportCompletionAsync(officer, task.Id, new CompletionInput("Đã lập xong danh mục", new DateOnly(2026, 1, 20)),
            [new UploadedFile("bien-ban.pdf", Encoding.ASCII.GetBytes("%PDF-1.4\n% bien ban\n%%EOF\n"))], ct);
        await workflow.ReviewAsync(office, task.Id, new ReviewInput("accept"), ct);
        Directory.CreateDirectory(keys);
        await File.WriteAllTextAsync(Path.Combine(keys, "key-0b5a.xml"), "<key id=\"0b5a\" version=\"1\"><descriptor>test key</descriptor></key>", ct);
    }

    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private sealed record Contents(int Plans, int Tasks, int Reports, int Audit, IReadOnlyList<string> Evidence, IReadOnlyList<string> TaskContents);

    private static async Task<Contents> ReadAsync(IReadOnlyDictionary<string, string> environment)
    {
        await using var services = Services(environment);
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DonDocDbContext>();
        return new Contents(
            await db.Plans.CountAsync(), await db.Tasks.CountAsync(), await db.Reports.CountAsync(), await db.AuditEntries.CountAsync(),
            await db.EvidenceFiles.OrderBy(f => f.Id).Select(f => f.Sha256).ToListAsync(),
            await db.Tasks.OrderBy(t => t.Id).Select(t => t.Content).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_backup_restored_into_an_empty_place_holds_every_plan_task_report_audit_entry_evidence_file_and_key(DatabaseProvider provider)
    {
        var source = Path.Combine(_root, "source");
        var target = Path.Combine(_root, "target");
        Directory.CreateDirectory(source);
        Directory.CreateDirectory(target);
        await using var sourceDatabase = await TestDatabase.CreateAsync(provider);
        await using var targetDatabase = await TestDatabase.CreateAsync(provider);
        var from = Configure(provider, sourceDatabase.ConnectionString, Path.Combine(source, "evidence"), Path.Combine(source, "keys"));
        // The restore runs in an empty folder with DonDoc's defaults (data/dondoc.db, data/evidence, data/keys).
        var into = provider == DatabaseProvider.Sqlite
            ? new Dictionary<string, string>()
            : new Dictionary<string, string> { ["Database__Provider"] = "Postgres", ["ConnectionStrings__Default"] = targetDatabase.ConnectionString };
        await SeedAsync(from, Path.Combine(source, "keys"));
        var archive = Path.Combine(_root, "dondoc-backup.zip");

        var backup = await DondocProcess.RunInAsync(source, from, "backup", archive);
        if (provider == DatabaseProvider.Postgres)
        {
            await PgAsync("pg_dump", sourceDatabase.ConnectionString, "--format=custom", "--no-owner", "--file", Path.Combine(_root, "dondoc.dump"));
            await PgAsync("pg_restore", targetDatabase.ConnectionString, "--no-owner", Path.Combine(_root, "dondoc.dump"));
        }

        var restore = await DondocProcess.RunInAsync(target, into, "restore", archive);
        var again = await DondocProcess.RunInAsync(target, into, "restore", archive);
        var original = await ReadAsync(from);
        var restoredEnvironment = provider == DatabaseProvider.Sqlite
            ? Configure(provider, $"Data Source={Path.Combine(target, "data", "dondoc.db")}", Path.Combine(target, "data", "evidence"), Path.Combine(target, "data", "keys"))
            : Configure(provider, targetDatabase.ConnectionString, Path.Combine(target, "data", "evidence"), Path.Combine(target, "data", "keys"));
        var restored = await ReadAsync(restoredEnvironment);

        Assert.True(backup.ExitCode == 0, backup.Output + backup.Error);
        Assert.True(restore.ExitCode == 0, restore.Output + restore.Error);
        Assert.Contains("1 kế hoạch, 3 nhiệm vụ, 2 báo cáo", restore.Output, StringComparison.Ordinal);
        Assert.Equal(original, restored with { Evidence = original.Evidence, TaskContents = original.TaskContents });
        Assert.Equal(original.Evidence, restored.Evidence);
        Assert.Equal(original.TaskContents, restored.TaskContents);
        Assert.Equal(3, original.Evidence.Count);
        Assert.True(original.Audit >= 5, $"{original.Audit} audit entries");
        foreach (var sha in original.Evidence)
        {
            var file = Path.Combine(target, "data", "evidence", sha[..2], sha);
            Assert.True(File.Exists(file), $"evidence {sha} was not restored");
            Assert.Equal(sha, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(file))));
        }

        Assert.Equal(
            await File.ReadAllTextAsync(Path.Combine(source, "keys", "key-0b5a.xml")),
            await File.ReadAllTextAsync(Path.Combine(target, "data", "keys", "key-0b5a.xml")));
        if (provider == DatabaseProvider.Sqlite)
        {
            // A second restore would overwrite the database just restored: refused.
            Assert.Equal(2, again.ExitCode);
            Assert.Contains("đã có CSDL", again.Error, StringComparison.Ordinal);
        }
    }

    /// <summary>Runs pg_dump or pg_restore as the README tells an administrator to.</summary>
    private static async Task PgAsync(string tool, string connectionString, params string[] args)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new System.Diagnostics.ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "--host", connection.Host!, "--port", connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--username", connection.Username!, "--dbname", connection.Database! }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool}: {error}");
    }
}
