using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace DonDoc.Data.Storage;

/// <summary>
/// Writes many rows of an entity at once: PostgreSQL's binary COPY, or one prepared INSERT reused inside a
/// transaction on SQLite. Columns and their conversions come from the EF model, so a column added to an entity
/// is written without touching this code. A seed (<see cref="OpenAsync"/>) writes the ids it chose in its own
/// transaction; an import (<see cref="InCurrentTransaction"/>) writes in the caller's transaction, lets the
/// database number the rows and checks every text as <see cref="StoredTextRules"/> does for a saved entity.
/// </summary>
public sealed class BulkWriter : IAsyncDisposable
{
    private readonly DonDocDbContext _db;
    private readonly DbConnection _connection;
    private readonly bool _postgres;
    private readonly bool _generatedIds;
    private readonly bool _ownsTransaction;
    private SqliteTransaction? _sqliteTransaction;
    private readonly Dictionary<Type, SqliteCommand> _inserts = [];

    private BulkWriter(DonDocDbContext db, DbConnection connection, bool postgres, bool generatedIds, bool ownsTransaction)
    {
        _db = db;
        _connection = connection;
        _postgres = postgres;
        _generatedIds = generatedIds;
        _ownsTransaction = ownsTransaction;
    }

    /// <summary>For a seed: its own transaction (SQLite without waiting for the disk), the ids the caller chose.</summary>
    public static async Task<BulkWriter> OpenAsync(DonDocDbContext db, DatabaseOptions options, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync(cancellationToken);
        }

        var writer = new BulkWriter(db, connection, options.Provider == DatabaseProvider.Postgres, generatedIds: false, ownsTransaction: true);
        if (!writer._postgres)
        {
            await using var pragma = connection.CreateCommand();
            // A seed is rebuilt rather than recovered: no waiting for the disk on every batch.
            pragma.CommandText = "PRAGMA synchronous = OFF; PRAGMA journal_mode = WAL;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            writer._sqliteTransaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        }

        return writer;
    }

    /// <summary>
    /// For rows written with an EF change in one transaction (an import's draft rows): in the transaction the caller
    /// began on <paramref name="db"/>, which commits or rolls back everything together. The database numbers the rows;
    /// every text is checked against its column first, and a text that does not fit refuses the whole write
    /// (<see cref="StoredTextRefusedException"/>) before anything is sent.
    /// </summary>
    public static BulkWriter InCurrentTransaction(DonDocDbContext db)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("BulkWriter.InCurrentTransaction needs a transaction begun on the context");
        return new BulkWriter(db, transaction.Connection!, db.Database.IsNpgsql(), generatedIds: true, ownsTransaction: false)
        {
            _sqliteTransaction = transaction as SqliteTransaction,
        };
    }

    /// <summary>The largest id of the entity's table, 0 when empty: ids written after it are the caller's to choose.</summary>
    public async Task<int> MaxIdAsync<T>(CancellationToken cancellationToken) where T : class
    {
        var table = Table<T>();
        await using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT COALESCE(MAX(\"Id\"), 0) FROM \"{table.Name}\"";
        command.Transaction = _sqliteTransaction;
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task WriteAsync<T>(IReadOnlyCollection<T> rows, CancellationToken cancellationToken) where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var table = Table<T>();
        if (_generatedIds)
        {
            var entity = _db.Model.FindEntityType(typeof(T))!;
            foreach (var row in rows)
            {
                StoredTextRules.Apply(entity, row);
            }
        }

        if (_postgres)
        {
            var columns = string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""));
            await using var importer = await ((NpgsqlConnection)_connection).BeginBinaryImportAsync($"COPY \"{table.Name}\" ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken);
                foreach (var column in table.Columns)
                {
                    var value = column.Value(row);
                    if (value is null)
                    {
                        await importer.WriteNullAsync(cancellationToken);
                    }
                    else
                    {
                        await importer.WriteAsync(value, column.StoreType, cancellationToken);
                    }
                }
            }

            await importer.CompleteAsync(cancellationToken);
            return;
        }

        if (!_inserts.TryGetValue(typeof(T), out var insert))
        {
            insert = (SqliteCommand)_connection.CreateCommand();
            insert.Transaction = _sqliteTransaction;
            insert.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""))}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => $"$p{i}"))})";
            for (var i = 0; i < table.Columns.Count; i++)
            {
                insert.Parameters.Add(new SqliteParameter($"$p{i}", null));
            }

            insert.Prepare();
            _inserts[typeof(T)] = insert;
        }

        foreach (var row in rows)
        {
            for (var i = 0; i < table.Columns.Count; i++)
            {
                insert.Parameters[i].Value = table.Columns[i].Value(row) ?? DBNull.Value;
            }

            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Commits (SQLite), moves the identity sequences past the ids written (PostgreSQL) and refreshes the planner's statistics.</summary>
    public async Task CompleteAsync(IEnumerable<Type> entities, CancellationToken cancellationToken)
    {
        if (!_ownsTransaction)
        {
            throw new InvalidOperationException("A writer in the caller's transaction is completed by committing that transaction");
        }

        if (_postgres)
        {
            foreach (var type in entities)
            {
                var table = Table(type);
                await ExecuteAsync($"SELECT setval(pg_get_serial_sequence('\"{table.Name}\"', 'Id'), GREATEST((SELECT COALESCE(MAX(\"Id\"), 0) FROM \"{table.Name}\"), 1))", cancellationToken);
            }

            await ExecuteAsync("ANALYZE", cancellationToken);
            return;
        }

        await _sqliteTransaction!.CommitAsync(cancellationToken);
        _sqliteTransaction = null;
        foreach (var insert in _inserts.Values)
        {
            insert.Transaction = null;
        }

        await ExecuteAsync("ANALYZE; PRAGMA optimize;", cancellationToken);
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _sqliteTransaction;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private readonly Dictionary<Type, TableShape> _tables = [];

    private TableShape Table<T>() => Table(typeof(T));

    private TableShape Table(Type type)
    {
        if (_tables.TryGetValue(type, out var shape))
        {
            return shape;
        }

        var entity = _db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not an entity");
        var name = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(name, entity.GetSchema());
        var columns = entity.GetProperties()
            .Where(p => !p.IsShadowProperty() && p.ValueGenerated != ValueGenerated.OnAddOrUpdate && p.GetComputedColumnSql() is null)
            .Where(p => !(_generatedIds && p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd))
            .Select(p =>
            {
                var getter = p.GetGetter();
                var converter = p.GetTypeMapping().Converter;
                // "character varying(300)" is written as "character varying": COPY needs the type, not its length.
                var storeType = p.GetColumnType();
                var paren = storeType.IndexOf('(', StringComparison.Ordinal);
                return new Column(p.GetColumnName(store)!, paren < 0 ? storeType : storeType[..paren].TrimEnd(), row =>
                {
                    var value = getter.GetClrValue(row);
                    return value is null ? null : converter is null ? value : converter.ConvertToProvider(value);
                });
            })
            .ToList();
        return _tables[type] = new TableShape(name, columns);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var insert in _inserts.Values)
        {
            await insert.DisposeAsync();
        }

        if (_ownsTransaction && _sqliteTransaction is not null)
        {
            await _sqliteTransaction.DisposeAsync();
        }
    }

    private sealed record Column(string Name, string StoreType, Func<object, object?> Value);

    private sealed record TableShape(string Name, IReadOnlyList<Column> Columns);
}
