namespace DonDoc.Core.Tracking;

/// <summary>One agency's record as lead: the basis of the yearly rating the plans ask for.</summary>
public sealed record AgencyScore(string Agency, int Total, int DoneOnTime, int DoneLate, int Overdue, int WithinDeadline)
{
    /// <summary>Tasks that have been judged: done (either way) or overdue.</summary>
    public int Judged => DoneOnTime + DoneLate + Overdue;

    /// <summary>Share of judged tasks done on time, 0–1; null while nothing has been judged.</summary>
    public double? OnTimeRate => Judged == 0 ? null : (double)DoneOnTime / Judged;
}

/// <summary>Ranks lead agencies by on-time completion.</summary>
public static class AgencyRanking
{
    public static IReadOnlyList<AgencyScore> Rank(IEnumerable<(string Agency, TrackingStatus Status)> leadTasks) =>
        Rank(leadTasks
            .Where(t => t.Status != TrackingStatus.Cancelled)
            .GroupBy(t => t.Agency, StringComparer.Ordinal)
            .Select(g => new AgencyScore(
                g.Key,
                g.Count(),
                g.Count(t => t.Status == TrackingStatus.DoneOnTime),
                g.Count(t => t.Status == TrackingStatus.DoneLate),
                g.Count(t => t.Status == TrackingStatus.Overdue),
                g.Count(t => StatusClassification.Bucket(t.Status) == StatisticsBucket.WithinDeadline))));

    /// <summary>Scores already counted (by a database), in rank order.</summary>
    public static IReadOnlyList<AgencyScore> Rank(IEnumerable<AgencyScore> scores) => Rank(scores, s => s);

    /// <summary>Items carrying a score, in rank order of their scores.</summary>
    public static IReadOnlyList<T> Rank<T>(IEnumerable<T> items, Func<T, AgencyScore> score)
    {
        return items
            // Agencies with a judged record first, best rate first; more on-time tasks break ties; then fewest overdue.
            .OrderBy(i => score(i).OnTimeRate is null)
            .ThenByDescending(i => score(i).OnTimeRate ?? 0)
            .ThenByDescending(i => score(i).DoneOnTime)
            .ThenBy(i => score(i).Overdue)
            .ThenBy(i => score(i).Agency, StringComparer.Ordinal)
            .ToList();
    }
}
