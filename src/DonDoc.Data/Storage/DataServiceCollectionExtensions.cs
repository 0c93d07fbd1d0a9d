using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Data.Storage;

public static class DataServiceCollectionExtensions
{
    /// <summary>Registers <see cref="DonDocDbContext"/> on the configured provider.</summary>
    public static IServiceCollection AddDonDocData(this IServiceCollection services, IConfiguration configuration)
    {
        var options = DatabaseOptions.From(configuration["Database:Provider"], configuration.GetConnectionString("Default"));
        services.AddSingleton(options);
        if (options.Provider == DatabaseProvider.Postgres)
        {
            services.AddDbContext<PostgresDonDocDbContext>(o => o.UseDonDocPostgres(options.ConnectionString));
            services.AddScoped<DonDocDbContext>(sp => sp.GetRequiredService<PostgresDonDocDbContext>());
        }
        else
        {
            services.AddDbContext<SqliteDonDocDbContext>(o => o.UseDonDocSqlite(options.ConnectionString));
            services.AddScoped<DonDocDbContext>(sp => sp.GetRequiredService<SqliteDonDocDbContext>());
        }

        return services;
    }

    public static DbContextOptionsBuilder UseDonDocSqlite(this DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString, o => o.MigrationsHistoryTable("__ef_migrations")).QuietSql();

    public static DbContextOptionsBuilder UseDonDocPostgres(this DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(connectionString, o => o.MigrationsHistoryTable("__ef_migrations")).QuietSql();

    /// <summary>Every SQL statement is logged at Debug, not Information: a console at the default level shows requests, not queries.</summary>
    private static DbContextOptionsBuilder QuietSql(this DbContextOptionsBuilder builder) =>
        builder.ConfigureWarnings(w => w.Log(
            (RelationalEventId.CommandExecuted, LogLevel.Debug),
            (CoreEventId.ContextInitialized, LogLevel.Debug)));

    /// <summary>Creates the directory of a SQLite database file, so that a fresh checkout starts without set-up.</summary>
    public static void EnsureSqliteDirectory(DatabaseOptions options)
    {
        if (options.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        var dataSource = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory) && dataSource != ":memory:")
        {
            Directory.CreateDirectory(directory);
        }
    }
}
