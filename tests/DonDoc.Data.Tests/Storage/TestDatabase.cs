using DonDoc.Data.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DonDoc.Data.Tests.Storage;

/// <summary>
/// A fresh, empty database for one test: a temporary SQLite file, or a new PostgreSQL database on the
/// server named by the environment variable <c>DONDOC_TEST_POSTGRES</c> (a connection string; CI sets it).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "DONDOC_TEST_POSTGRES";

    private readonly string? _sqliteFile;
    private readonly string? _postgresDatabase;
    private readonly string? _postgresServer;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteFile, string? postgresServer, string? postgresDatabase)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteFile = sqliteFile;
        _postgresServer = postgresServer;
        _postgresDatabase = postgresDatabase;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The providers to test: SQLite always, PostgreSQL when a server is configured.</summary>
    public static TheoryData<DatabaseProvider> Providers
    {
        get
        {
            var data = new TheoryData<DatabaseProvider> { DatabaseProvider.Sqlite };
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(PostgresVariable)))
            {
                data.Add(DatabaseProvider.Postgres);
            }

            return data;
        }
    }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), "dondoc-tests", $"{Guid.NewGuid():N}", "dondoc.db");
            return new TestDatabase(provider, $"Data Source={file}", file, null, null);
        }

        var server = Environment.GetEnvironmentVariable(PostgresVariable)
            ?? throw new InvalidOperationException($"{PostgresVariable} is not set");
        var name = $"dondoc_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new TestDatabase(provider, builder.ConnectionString, null, server, name);
    }

    /// <summary>A service provider configured as the app configures itself, over this database.</summary>
    public ServiceProvider BuildServices()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = Provider.ToString(),
            ["ConnectionStrings:Default"] = ConnectionString,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDonDocData(configuration);
        return services.BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            var directory = Path.GetDirectoryName(_sqliteFile)!;
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        if (_postgresServer is not null && _postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresServer);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
