namespace DonDoc.Data.Storage;

/// <summary>The database to use: configuration keys <c>Database:Provider</c> and <c>ConnectionStrings:Default</c>.</summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>The default when nothing is configured: SQLite in <c>data/dondoc.db</c> under the working directory.</summary>
    public const string DefaultSqliteConnectionString = "Data Source=data/dondoc.db";

    public static DatabaseOptions From(string? provider, string? connectionString)
    {
        var kind = provider?.Trim().ToLowerInvariant() switch
        {
            null or "" or "sqlite" => DatabaseProvider.Sqlite,
            "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
            _ => throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not \"{provider}\"."),
        };

        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (kind == DatabaseProvider.Postgres)
            {
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Default is not set.");
            }

            connectionString = DefaultSqliteConnectionString;
        }

        return new DatabaseOptions(kind, connectionString);
    }
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
