using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace DonDoc.Data.Storage;

/// <summary>For <c>dotnet ef migrations add X --context SqliteDonDocDbContext --output-dir Migrations/Sqlite</c>.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDonDocDbContext>
{
    public SqliteDonDocDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteDonDocDbContext>();
        builder.UseDonDocSqlite(DatabaseOptions.DefaultSqliteConnectionString);
        return new SqliteDonDocDbContext(builder.Options);
    }
}

/// <summary>For <c>dotnet ef migrations add X --context PostgresDonDocDbContext --output-dir Migrations/Postgres</c>; no server is contacted.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresDonDocDbContext>
{
    public PostgresDonDocDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresDonDocDbContext>();
        builder.UseDonDocPostgres("Host=127.0.0.1;Database=dondoc;Username=postgres");
        return new PostgresDonDocDbContext(builder.Options);
    }
}
