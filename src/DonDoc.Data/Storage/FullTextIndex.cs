using Microsoft.EntityFrameworkCore;

namespace DonDoc.Data.Storage;

/// <summary>
/// The full-text index over a task's folded search columns (<c>SearchMain</c>, <c>SearchPlan</c>, <c>SearchLead</c>,
/// <c>SearchCoordinators</c>), created by the migrations in each database's own way. The columns hold text that
/// is already folded (no case, no diacritics, letters and digits only), so both databases split it into the
/// same words as the search box does.
/// </summary>
public static class FullTextIndex
{
    /// <summary>The SQLite FTS5 table, an external-content index over <c>plan_tasks</c>.</summary>
    public const string SqliteTable = "plan_tasks_search";

    /// <summary>The PostgreSQL tsvector column (generated, stored) with a GIN index; weights A–D follow the four columns.</summary>
    public const string PostgresColumn = "SearchVector";

    /// <summary>SQLite: an FTS5 table whose content is <c>plan_tasks</c>, kept in step by triggers, filled from the rows already there.</summary>
    public static readonly string[] CreateSqlite =
    [
        $"""
        CREATE VIRTUAL TABLE {SqliteTable} USING fts5(
            "SearchMain", "SearchPlan", "SearchLead", "SearchCoordinators",
            content='plan_tasks', content_rowid='Id', tokenize='unicode61', detail='full');
        """,
        $"""
        CREATE TRIGGER plan_tasks_search_insert AFTER INSERT ON plan_tasks BEGIN
            INSERT INTO {SqliteTable}(rowid, "SearchMain", "SearchPlan", "SearchLead", "SearchCoordinators")
            VALUES (new."Id", new."SearchMain", new."SearchPlan", new."SearchLead", new."SearchCoordinators");
        END;
        """,
        $"""
        CREATE TRIGGER plan_tasks_search_delete AFTER DELETE ON plan_tasks BEGIN
            INSERT INTO {SqliteTable}({SqliteTable}, rowid, "SearchMain", "SearchPlan", "SearchLead", "SearchCoordinators")
            VALUES ('delete', old."Id", old."SearchMain", old."SearchPlan", old."SearchLead", old."SearchCoordinators");
        END;
        """,
        $"""
        CREATE TRIGGER plan_tasks_search_update AFTER UPDATE OF "SearchMain", "SearchPlan", "SearchLead", "SearchCoordinators" ON plan_tasks BEGIN
            INSERT INTO {SqliteTable}({SqliteTable}, rowid, "SearchMain", "SearchPlan", "SearchLead", "SearchCoordinators")
            VALUES ('delete', old."Id", old."SearchMain", old."SearchPlan", old."SearchLead", old."SearchCoordinators");
            INSERT INTO {SqliteTable}(rowid, "SearchMain", "SearchPlan", "SearchLead", "SearchCoordinators")
            VALUES (new."Id", new."SearchMain", new."SearchPlan", new."SearchLead", new."SearchCoordinators");
        END;
        """,
        $"INSERT INTO {SqliteTable}({SqliteTable}) VALUES ('rebuild');",
    ];

    /// <summary>
    /// SQLite: a later migration that rebuilds <c>plan_tasks</c> (EF does so to change a column) drops its triggers with
    /// the old table; this puts them back, and the index in step, when any is missing.
    /// </summary>
    public static async Task RepairSqliteAsync(DbContext context, CancellationToken cancellationToken)
    {
        var triggers = await context.Database
            .SqlQueryRaw<int>("SELECT count(*) AS \"Value\" FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'plan_tasks_search_%'")
            .SingleAsync(cancellationToken);
        if (triggers == 3)
        {
            return;
        }

        foreach (var statement in DropSqlite.Take(3).Concat(CreateSqlite.Skip(1)))
        {
            await context.Database.ExecuteSqlRawAsync(statement, cancellationToken);
        }
    }

    public static readonly string[] DropSqlite =
    [
        "DROP TRIGGER IF EXISTS plan_tasks_search_update;",
        "DROP TRIGGER IF EXISTS plan_tasks_search_delete;",
        "DROP TRIGGER IF EXISTS plan_tasks_search_insert;",
        $"DROP TABLE IF EXISTS {SqliteTable};",
    ];

    /// <summary>PostgreSQL: a generated tsvector (the 'simple' configuration: the text is folded already) and its GIN index.</summary>
    public static readonly string[] CreatePostgres =
    [
        $"""
        ALTER TABLE plan_tasks ADD COLUMN "{PostgresColumn}" tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('simple'::regconfig, "SearchMain"), 'A')
            || setweight(to_tsvector('simple'::regconfig, "SearchPlan"), 'B')
            || setweight(to_tsvector('simple'::regconfig, "SearchLead"), 'C')
            || setweight(to_tsvector('simple'::regconfig, "SearchCoordinators"), 'D')) STORED;
        """,
        $"""CREATE INDEX "IX_plan_tasks_{PostgresColumn}" ON plan_tasks USING GIN ("{PostgresColumn}");""",
    ];

    public static readonly string[] DropPostgres =
    [
        $"""DROP INDEX IF EXISTS "IX_plan_tasks_{PostgresColumn}";""",
        $"""ALTER TABLE plan_tasks DROP COLUMN IF EXISTS "{PostgresColumn}";""",
    ];
}
