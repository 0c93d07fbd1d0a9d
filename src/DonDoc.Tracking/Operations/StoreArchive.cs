using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using DonDoc.Data.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Tracking.Operations;

/// <summary>Where the store lives: the database (configured), the evidence folder and the folder of the keys that protect sign-ins.</summary>
public sealed record StorePaths(DatabaseOptions Database, string EvidenceDirectory, string KeysDirectory);

/// <summary>What an archive holds, counted when it was made, so that a restore can be checked against it.</summary>
public sealed record ArchiveManifest(
    int Format, string Provider, DateTimeOffset CreatedAt, int Plans, int Tasks, int Reports, int AuditEntries, int EvidenceFiles, int Keys, IReadOnlyList<string> MissingEvidence);

/// <summary>A backup or restore that could not be made; nothing was overwritten.</summary>
public sealed class ArchiveException(string vietnamese, string english) : Exception(english)
{
    public string Vietnamese { get; } = vietnamese;
}

/// <summary>
/// The whole store in one zip archive: the SQLite database copied with SQLite's online backup (the app may
/// keep running), the evidence files its rows name, and the data-protection keys (without them, sign-ins and
/// tokens issued before the backup do not survive a restore). With PostgreSQL, the database is dumped with
/// pg_dump beside it (README: "Sao lưu") and the archive carries the files.
/// </summary>
public sealed class StoreArchive(IServiceProvider services, StorePaths paths, TimeProvider clock)
{
    private const string ManifestEntry = "manifest.json";
    private const string DatabaseEntry = "database/dondoc.db";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public async Task<ArchiveManifest> BackupAsync(string archivePath, CancellationToken cancellationToken)
    {
        var provider = paths.Database.Provider;
        var temporary = Path.Combine(Path.GetTempPath(), $"dondoc-backup-{Guid.NewGuid():N}");
        Directory.CreateDirectory(temporary);
        try
        {
            string? snapshot = null;
            Counts counts;
            if (provider == DatabaseProvider.Sqlite)
            {
                snapshot = Path.Combine(temporary, "dondoc.db");
                await using (var source = new SqliteConnection(paths.Database.ConnectionString))
                await using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = snapshot, Pooling = false }.ConnectionString))
                {
                    await source.OpenAsync(cancellationToken);
                    await copy.OpenAsync(cancellationToken);
                    source.BackupDatabase(copy);
                }

                counts = await CountSqliteAsync(snapshot, cancellationToken);
            }
            else
            {
                counts = await CountAsync(cancellationToken);
            }

            var output = Path.GetFullPath(archivePath);
            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            var partial = output + ".partial";
            var missing = new List<string>();
            var keys = 0;
            await using (var stream = File.Create(partial))
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
            {
                if (snapshot is not null)
                {
                    zip.CreateEntryFromFile(snapshot, DatabaseEntry, CompressionLevel.Optimal);
                }

                foreach (var sha in counts.EvidenceShas)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var file = EvidencePath(sha);
                    // A row committed a moment ago may still have its upload under a temporary name.
                    var source = File.Exists(file) ? file : Directory.Exists(Path.GetDirectoryName(file)) ? Directory.EnumerateFiles(Path.GetDirectoryName(file)!, sha + ".*.tmp").FirstOrDefault() : null;
                    if (source is null)
                    {
                        missing.Add(sha);
                        continue;
                    }

                    // Evidence is PDF, Office or images, already compressed.
                    zip.CreateEntryFromFile(source, $"evidence/{sha[..2]}/{sha}", CompressionLevel.NoCompression);
                }

                if (Directory.Exists(paths.KeysDirectory))
                {
                    foreach (var key in Directory.EnumerateFiles(paths.KeysDirectory, "*.xml"))
                    {
                        zip.CreateEntryFromFile(key, "keys/" + Path.GetFileName(key), CompressionLevel.Optimal);
                        keys++;
                    }
                }

                var manifest = new ArchiveManifest(1, provider.ToString(), clock.GetUtcNow(), counts.Plans, counts.Tasks, counts.Reports, counts.AuditEntries,
                    counts.EvidenceShas.Count - missing.Count, keys, missing);
                await using var entry = zip.CreateEntry(ManifestEntry).Open();
                await JsonSerializer.SerializeAsync(entry, manifest, Json, cancellationToken);
            }

            File.Move(partial, output, overwrite: true);
            return await ReadManifestAsync(output, cancellationToken);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(temporary, recursive: true);
        }
    }

    /// <summary>
    /// Restores an archive into the configured place. A SQLite database is written only where there is none
    /// yet; evidence files are checked against the SHA-256 that names them; the database is then migrated to
    /// this version of DonDoc. With PostgreSQL, pg_restore has filled the database first.
    /// </summary>
    public async Task<ArchiveManifest> RestoreAsync(string archivePath, CancellationToken cancellationToken)
    {
        if (!File.Exists(archivePath))
        {
            throw new ArchiveException($"không tìm thấy tệp sao lưu \"{archivePath}\"", $"no archive at {archivePath}");
        }

        var manifest = await ReadManifestAsync(archivePath, cancellationToken);
        using var zip = ZipFile.OpenRead(archivePath);
        if (paths.Database.Provider == DatabaseProvider.Sqlite)
        {
            var entry = zip.GetEntry(DatabaseEntry) ?? throw new ArchiveException(
                "tệp sao lưu không chứa CSDL SQLite (bản sao lưu của PostgreSQL: hãy dùng pg_restore, xem README)", "the archive holds no SQLite database");
            var target = Path.GetFullPath(new SqliteConnectionStringBuilder(paths.Database.ConnectionString).DataSource);
            if (File.Exists(target) && new FileInfo(target).Length > 0)
            {
                throw new ArchiveException($"đã có CSDL tại \"{target}\"; hãy khôi phục vào thư mục trống", $"a database already exists at {target}");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var partial = target + ".restoring";
            entry.ExtractToFile(partial, overwrite: true);
            File.Move(partial, target);
        }
        else if (paths.Database.Provider != Enum.Parse<DatabaseProvider>(manifest.Provider))
        {
            throw new ArchiveException("tệp sao lưu là của CSDL SQLite; cấu hình hiện tại là PostgreSQL", "a SQLite archive cannot be restored into PostgreSQL");
        }

        var evidence = 0;
        var keys = 0;
        foreach (var entry in zip.Entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (entry.FullName.StartsWith("evidence/", StringComparison.Ordinal) && entry.Name.Length == 64)
            {
                var target = EvidencePath(entry.Name);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                var partial = target + "." + Guid.NewGuid().ToString("N") + ".tmp";
                entry.ExtractToFile(partial, overwrite: true);
                await using (var read = File.OpenRead(partial))
                {
                    var sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(read, cancellationToken));
                    if (sha != entry.Name)
                    {
                        File.Delete(partial);
                        throw new ArchiveException($"tệp minh chứng {entry.Name} trong bản sao lưu bị hỏng", $"evidence {entry.Name} hashes to {sha}");
                    }
                }

                File.Move(partial, target, overwrite: true);
                evidence++;
            }
            else if (entry.FullName.StartsWith("keys/", StringComparison.Ordinal) && entry.Name.EndsWith(".xml", StringComparison.Ordinal))
            {
                Directory.CreateDirectory(paths.KeysDirectory);
                var target = Path.Combine(paths.KeysDirectory, entry.Name);
                if (!File.Exists(target))
                {
                    entry.ExtractToFile(target);
                }

                keys++;
            }
        }

        await DatabaseMigrator.MigrateAsync(services, cancellationToken);
        var restored = await CountAsync(cancellationToken);
        return manifest with
        {
            Plans = restored.Plans, Tasks = restored.Tasks, Reports = restored.Reports, AuditEntries = restored.AuditEntries,
            EvidenceFiles = evidence, Keys = keys,
            MissingEvidence = restored.EvidenceShas.Where(sha => !File.Exists(EvidencePath(sha))).ToList(),
        };
    }

    public static async Task<ArchiveManifest> ReadManifestAsync(string archivePath, CancellationToken cancellationToken)
    {
        try
        {
            using var zip = ZipFile.OpenRead(archivePath);
            var entry = zip.GetEntry(ManifestEntry) ?? throw new ArchiveException("tệp không phải bản sao lưu của DonDoc (thiếu manifest.json)", "no manifest.json in the archive");
            await using var stream = entry.Open();
            return await JsonSerializer.DeserializeAsync<ArchiveManifest>(stream, Json, cancellationToken)
                ?? throw new ArchiveException("manifest.json của bản sao lưu trống", "empty manifest");
        }
        catch (InvalidDataException error)
        {
            throw new ArchiveException("tệp sao lưu bị hỏng (không phải tệp zip hợp lệ)", error.Message);
        }
    }

    private string EvidencePath(string sha) => Path.Combine(Path.GetFullPath(paths.EvidenceDirectory), sha[..2], sha);

    private sealed record Counts(int Plans, int Tasks, int Reports, int AuditEntries, IReadOnlyList<string> EvidenceShas);

    private async Task<Counts> CountAsync(CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DonDocDbContext>();
        return new Counts(
            await db.Plans.CountAsync(cancellationToken),
            await db.Tasks.CountAsync(cancellationToken),
            await db.Reports.CountAsync(cancellationToken),
            await db.AuditEntries.CountAsync(cancellationToken),
            await db.EvidenceFiles.Select(f => f.Sha256).Distinct().OrderBy(s => s).ToListAsync(cancellationToken));
    }

    /// <summary>Counts in the snapshot itself, not the live database that goes on changing.</summary>
    private static async Task<Counts> CountSqliteAsync(string snapshot, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = snapshot, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);

        async Task<int> CountOf(string table)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM {table}";
            return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        var shas = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT DISTINCT \"Sha256\" FROM evidence_files ORDER BY 1";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                shas.Add(reader.GetString(0));
            }
        }

        return new Counts(await CountOf("plans"), await CountOf("plan_tasks"), await CountOf("progress_reports"), await CountOf("audit_entries"), shas);
    }
}
