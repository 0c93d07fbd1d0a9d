using DonDoc.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DonDoc.Tracking.Workflow;

/// <summary>
/// Run at start: removes what uploads left behind. A temporary upload whose rows were committed just before
/// a crash moves into place; any other temporary upload, and any stored file that no row names, goes.
/// Only files older than <see cref="Grace"/> are touched, so that another instance's upload in progress
/// (several app instances share the folder behind a load balancer) is left alone.
/// </summary>
public sealed class EvidenceSweeper(EvidenceStore store, DonDocDbContext db, TimeProvider clock, ILogger<EvidenceSweeper> logger)
{
    public static readonly TimeSpan Grace = TimeSpan.FromHours(1);

    private const int Batch = 500;

    public async Task<(int Completed, int Removed)> SweepAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(store.RootDirectory))
        {
            return (0, 0);
        }

        var cutoff = clock.GetUtcNow().UtcDateTime - Grace;
        var old = Directory.EnumerateFiles(store.RootDirectory, "*", SearchOption.AllDirectories)
            .Select(path => new FileInfo(path))
            .Where(file => file.LastWriteTimeUtc < cutoff);
        var completed = 0;
        var removed = 0;
        foreach (var chunk in old.Chunk(Batch))
        {
            var shas = chunk.Select(f => ShaOf(f.Name)).OfType<string>().Distinct().ToList();
            var named = (await db.EvidenceFiles.AsNoTracking().Where(f => shas.Contains(f.Sha256)).Select(f => f.Sha256).Distinct().ToListAsync(cancellationToken))
                .ToHashSet(StringComparer.Ordinal);
            foreach (var file in chunk)
            {
                var sha = ShaOf(file.Name);
                if (sha is null)
                {
                    continue; // not a file DonDoc wrote
                }

                var temporary = file.Name.EndsWith(EvidenceStore.TemporarySuffix, StringComparison.Ordinal);
                if (named.Contains(sha))
                {
                    if (temporary)
                    {
                        store.MoveIntoPlace(file.FullName, store.PathOf(sha));
                        completed++;
                    }

                    continue;
                }

                store.Remove(file.FullName);
                removed++;
            }
        }

        if (completed + removed > 0)
        {
            logger.LogInformation("Evidence sweep: {Completed} upload(s) moved into place, {Removed} unused file(s) removed", completed, removed);
        }

        return (completed, removed);
    }

    /// <summary>The SHA-256 a stored or temporary file is named by; null for a file that is not evidence.</summary>
    private static string? ShaOf(string name)
    {
        var sha = name.Split('.')[0];
        return sha.Length == 64 && sha.All(char.IsAsciiHexDigitLower) ? sha : null;
    }
}
