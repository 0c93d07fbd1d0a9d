using DonDoc.Data.Plans;
using DonDoc.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Tracking.Tasks;

/// <summary>
/// Search on the database's own full-text index over the folded search columns (<see cref="FullTextIndex"/>):
/// FTS5 in SQLite, a weighted tsvector with a GIN index in PostgreSQL. Results come in tiers, best first, and
/// newest first within a tier: (0) the words as one phrase in the task's content or its plan, (1) every word
/// in content or plan, (2) every word anywhere, the lead and the coordinator lists included. "so hoa" thus
/// lists the tasks about "số hóa" before those that only coordinate with "Sở … Văn hóa". A tier depends on the
/// row alone, so paging through tiers never skips or repeats a row.
/// </summary>
public sealed class TaskSearch(DonDocDbContext db, DatabaseOptions options)
{
    /// <summary>How far a search result is counted; beyond it a page says "more than".</summary>
    public const int CountCap = 1000;

    /// <summary>The match expressions of each tier, best first; one tier when the query has only field filters.</summary>
    public IReadOnlyList<string> Tiers(SearchQuery query) =>
        options.Provider == DatabaseProvider.Postgres ? TsQuery.Tiers(query) : Fts5.Tiers(query);

    /// <summary>The match expression of every result, for counting.</summary>
    public string Anywhere(SearchQuery query) =>
        options.Provider == DatabaseProvider.Postgres ? TsQuery.Anywhere(query) : Fts5.Anywhere(query);

    /// <summary>The tasks of <paramref name="scope"/> that the index finds for <paramref name="match"/>.</summary>
    public IQueryable<PlanTaskEntity> Within(IQueryable<PlanTaskEntity> scope, string match)
    {
        var ids = options.Provider == DatabaseProvider.Postgres
            ? db.Database.SqlQueryRaw<int>(
                "SELECT \"Id\" AS \"Value\" FROM plan_tasks WHERE \"" + FullTextIndex.PostgresColumn + "\" @@ to_tsquery('simple', {0})", match)
            : db.Database.SqlQueryRaw<int>(
                "SELECT rowid AS \"Value\" FROM " + FullTextIndex.SqliteTable + " WHERE " + FullTextIndex.SqliteTable + " MATCH {0}", match);
        return scope.Where(t => ids.Contains(t.Id));
    }

    /// <summary>FTS5 query syntax: words quoted, column filters in braces, NOT between tiers.</summary>
    private static class Fts5
    {
        private const string Main = "{SearchMain SearchPlan}";

        public static IReadOnlyList<string> Tiers(SearchQuery query)
        {
            var filters = Filters(query);
            if (query.Words.Count == 0 && query.Phrases.Count == 0)
            {
                return [filters!];
            }

            var all = All(query);
            var phrase = query.Words.Count >= 2 ? $"{Main} : ({Phrase(query.Words)}{string.Concat(query.Phrases.Select(p => " AND " + Phrase(p)))})" : null;
            var inMain = $"{Main} : ({all})";
            var tiers = new List<string>();
            if (phrase is not null)
            {
                tiers.Add(With(phrase, filters));
            }

            tiers.Add(phrase is null ? With(inMain, filters) : $"({With(inMain, filters)}) NOT ({phrase})");
            tiers.Add($"({With(all, filters)}) NOT ({inMain})");
            return tiers;
        }

        public static string Anywhere(SearchQuery query)
        {
            var filters = Filters(query);
            return query.Words.Count == 0 && query.Phrases.Count == 0 ? filters! : With(All(query), filters);
        }

        private static string All(SearchQuery query) =>
            string.Join(" AND ", query.Words.Select(Word).Concat(query.Phrases.Select(Phrase)));

        private static string? Filters(SearchQuery query)
        {
            var parts = new List<string>();
            if (query.Lead.Count > 0)
            {
                parts.Add($"{{SearchLead}} : {Phrase(query.Lead)}");
            }

            if (query.Plan.Count > 0)
            {
                parts.Add($"{{SearchPlan}} : {Phrase(query.Plan)}");
            }

            return parts.Count == 0 ? null : string.Join(" AND ", parts);
        }

        private static string With(string match, string? filters) => filters is null ? match : $"({match}) AND {filters}";

        private static string Word(string word) => $"\"{word}\"";

        private static string Phrase(IReadOnlyList<string> words) => $"\"{string.Join(' ', words)}\"";
    }

    /// <summary>PostgreSQL tsquery syntax: weights A (content) B (plan) C (lead) D (coordinators), &lt;-&gt; for phrases.</summary>
    private static class TsQuery
    {
        public static IReadOnlyList<string> Tiers(SearchQuery query)
        {
            var filters = Filters(query);
            if (query.Words.Count == 0 && query.Phrases.Count == 0)
            {
                return [filters!];
            }

            var phrase = query.Words.Count >= 2 ? string.Join(" & ", new[] { Phrase(query.Words, "AB") }.Concat(query.Phrases.Select(p => Phrase(p, "AB")))) : null;
            var inMain = All(query, "AB");
            var tiers = new List<string>();
            if (phrase is not null)
            {
                tiers.Add(With(phrase, filters));
            }

            tiers.Add(phrase is null ? With(inMain, filters) : $"{With(inMain, filters)} & !({phrase})");
            tiers.Add($"{With(All(query, null), filters)} & !({inMain})");
            return tiers;
        }

        public static string Anywhere(SearchQuery query)
        {
            var filters = Filters(query);
            return query.Words.Count == 0 && query.Phrases.Count == 0 ? filters! : With(All(query, null), filters);
        }

        private static string All(SearchQuery query, string? weights) =>
            "(" + string.Join(" & ", query.Words.Select(w => Word(w, weights)).Concat(query.Phrases.Select(p => Phrase(p, weights)))) + ")";

        private static string? Filters(SearchQuery query)
        {
            var parts = new List<string>();
            if (query.Lead.Count > 0)
            {
                parts.Add(Phrase(query.Lead, "C"));
            }

            if (query.Plan.Count > 0)
            {
                parts.Add(Phrase(query.Plan, "B"));
            }

            return parts.Count == 0 ? null : string.Join(" & ", parts);
        }

        private static string With(string match, string? filters) => filters is null ? match : $"{match} & {filters}";

        private static string Word(string word, string? weights) => weights is null ? word : $"{word}:{weights}";

        private static string Phrase(IReadOnlyList<string> words, string? weights) => "(" + string.Join(" <-> ", words.Select(w => Word(w, weights))) + ")";
    }
}
