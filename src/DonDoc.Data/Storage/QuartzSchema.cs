using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DonDoc.Data.Storage;

/// <summary>
/// The tables of Quartz.NET's ADO job store (qrtz_*), from the schema scripts Quartz 4.7.3 ships for PostgreSQL and
/// SQLite (Storage/Quartz/create_*.sql, copied from the package), created by DonDoc's migrations so that one
/// <c>db migrate</c> makes the whole store and Quartz's schema check passes at start-up.
/// </summary>
public static partial class QuartzSchema
{
    /// <summary>The prefix of Quartz's tables; the scheduler is configured with the same.</summary>
    public const string TablePrefix = "qrtz_";

    /// <summary>Quartz separates the statements of its scripts with a line reading exactly this.</summary>
    private const string Separator = "--;;";

    public static void Create(MigrationBuilder migrationBuilder)
    {
        foreach (var statement in Statements(IsPostgres(migrationBuilder)))
        {
            migrationBuilder.Sql(statement);
        }
    }

    public static void Drop(MigrationBuilder migrationBuilder)
    {
        var tables = TableNames().Matches(Script(IsPostgres(migrationBuilder))).Select(m => m.Groups[1].Value).Reverse();
        foreach (var table in tables)
        {
            migrationBuilder.Sql($"DROP TABLE IF EXISTS {TablePrefix}{table};");
        }
    }

    /// <summary>The script's statements with the prefix filled in ({0} the prefix, {1} the same without a schema).</summary>
    public static IReadOnlyList<string> Statements(bool postgres) =>
        SplitAtSeparatorLines(Script(postgres).Replace("{0}", TablePrefix, StringComparison.Ordinal).Replace("{1}", TablePrefix, StringComparison.Ordinal))
            .Select(part => string.Join('\n', part.Where(line => !line.TrimStart().StartsWith("--", StringComparison.Ordinal))).Trim())
            .Where(part => part.Length > 0)
            .ToList();

    /// <summary>The script cut at the lines reading exactly the separator (a comment may quote it), as Quartz cuts it.</summary>
    private static IEnumerable<List<string>> SplitAtSeparatorLines(string script)
    {
        var part = new List<string>();
        foreach (var line in script.Split('\n'))
        {
            if (line.Trim() == Separator)
            {
                yield return part;
                part = [];
            }
            else
            {
                part.Add(line);
            }
        }

        yield return part;
    }

    private static bool IsPostgres(MigrationBuilder migrationBuilder) => migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL";

    private static string Script(bool postgres)
    {
        var name = $"DonDoc.Data.Storage.Quartz.create_{(postgres ? "postgres" : "sqlite")}.sql";
        using var stream = typeof(QuartzSchema).Assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"missing resource {name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"CREATE TABLE IF NOT EXISTS \{0\}([A-Za-z_]+)")]
    private static partial Regex TableNames();
}
