using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DonDoc.Data.Storage;

/// <summary>Applies the pending migrations of the configured database.</summary>
public static class DatabaseMigrator
{
    public static async Task<IReadOnlyList<string>> MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var options = scope.ServiceProvider.GetRequiredService<DatabaseOptions>();
        DataServiceCollectionExtensions.EnsureSqliteDirectory(options);
        var context = scope.ServiceProvider.GetRequiredService<DonDocDbContext>();
        var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await context.Database.MigrateAsync(cancellationToken);
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            // Readers never wait for the one writer (the setting stays with the file).
            await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await FullTextIndex.RepairSqliteAsync(context, cancellationToken);
        }

        var logger = scope.ServiceProvider.GetService<ILoggerFactory>()?.CreateLogger(typeof(DatabaseMigrator));
        logger?.LogInformation("Database {Provider}: applied {Count} migration(s)", options.Provider, pending.Count);
        return pending;
    }
}
