using System.Globalization;
using DonDoc.Core.Agencies;

namespace DonDoc.Core.Tracking;

/// <summary>One agency's record for a period, as lead of a plan's tasks and as author of its period report.</summary>
/// <param name="WithinDeadline">Open tasks not overdue on the day judged.</param>
/// <param name="ReportsMissing">Periods due whose report is not in (or was returned).</param>
public sealed record AgencyPeriodFigures(
    int AgencyId, string Agency, AgencyKind Kind, int Total, int DoneOnTime, int DoneLate, int Overdue, int WithinDeadline,
    int ReportsOnTime, int ReportsLate, int ReportsMissing);

/// <summary>
/// The office's rating formula for the emulation review (thi đua): points for the share of tasks done on time or still in
/// time, less points per late and per missing period report; and the thresholds of the four classifications.
/// Written for storage as <c>tasks=100;late=5;missing=10;excellent=90;good=70;pass=50</c>.
/// </summary>
public sealed record RatingFormula(int TaskPoints = 100, int LateReportPenalty = 5, int MissingReportPenalty = 10, int Excellent = 90, int Good = 70, int Pass = 50)
{
    public static RatingFormula Default { get; } = new();

    /// <summary>The formula in words, for the page.</summary>
    public string Describe() =>
        $"Điểm = {TaskPoints} × (số nhiệm vụ hoàn thành đúng hạn + đang thực hiện trong hạn) / tổng số nhiệm vụ chủ trì − {LateReportPenalty} × số báo cáo nộp muộn − {MissingReportPenalty} × số báo cáo chưa nộp; "
        + $"xếp loại: hoàn thành xuất sắc từ {Excellent}, hoàn thành tốt từ {Good}, hoàn thành từ {Pass} điểm.";

    /// <summary>Why the formula cannot be used, in Vietnamese; null when it is sound.</summary>
    public string? Problem() =>
        new[] { TaskPoints, LateReportPenalty, MissingReportPenalty, Excellent, Good, Pass }.Any(v => v is < 0 or > 100) ? "Các hệ số và ngưỡng điểm phải từ 0 đến 100."
        : !(Excellent >= Good && Good >= Pass) ? "Ngưỡng xếp loại phải giảm dần: xuất sắc ≥ tốt ≥ hoàn thành."
        : null;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"tasks={TaskPoints};late={LateReportPenalty};missing={MissingReportPenalty};excellent={Excellent};good={Good};pass={Pass}");

    /// <summary>Reads the written form; never throws: a formula, or the reason in Vietnamese. Empty is the default.</summary>
    public static (RatingFormula? Formula, string? Problem) Parse(string? text)
    {
        var formula = Default;
        foreach (var part in (text ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length != 2 || !int.TryParse(pair[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                return (null, $"Không đọc được \"{part}\" trong công thức chấm điểm.");
            }

            formula = pair[0].ToLowerInvariant() switch
            {
                "tasks" => formula with { TaskPoints = value },
                "late" => formula with { LateReportPenalty = value },
                "missing" => formula with { MissingReportPenalty = value },
                "excellent" => formula with { Excellent = value },
                "good" => formula with { Good = value },
                "pass" => formula with { Pass = value },
                _ => null!,
            };
            if (formula is null)
            {
                return (null, $"Công thức chấm điểm không có hệ số \"{pair[0]}\".");
            }
        }

        return formula.Problem() is { } problem ? (null, problem) : (formula, null);
    }

    /// <summary>The score of an agency's figures: null when it led no task, never below 0.</summary>
    public double? Score(AgencyPeriodFigures figures) => figures.Total == 0
        ? null
        : Math.Max(0, Math.Round(((double)TaskPoints * (figures.DoneOnTime + figures.WithinDeadline) / figures.Total)
            - (LateReportPenalty * figures.ReportsLate) - (MissingReportPenalty * figures.ReportsMissing), 1));

    /// <summary>The classification (xếp loại) of a score.</summary>
    public string Classify(double? score) => score switch
    {
        null => "Chưa đủ cơ sở đánh giá",
        var s when s >= Excellent => "Hoàn thành xuất sắc nhiệm vụ",
        var s when s >= Good => "Hoàn thành tốt nhiệm vụ",
        var s when s >= Pass => "Hoàn thành nhiệm vụ",
        _ => "Không hoàn thành nhiệm vụ",
    };
}

/// <summary>The agencies rated against each other: those of one kind of body.</summary>
public enum RatingGroup
{
    DepartmentsAndSectors,
    Communes,
    InternalUnits,
    Others,
}

/// <summary>An agency's line of the rating: its figures, score, rank within its group and classification.</summary>
public sealed record RatedAgency(AgencyPeriodFigures Figures, double? Score, int? Rank, string Classification);

/// <summary>One group of the rating, ranked.</summary>
public sealed record RatedGroup(RatingGroup Group, string Label, IReadOnlyList<RatedAgency> Agencies);

/// <summary>
/// The emulation rating of a period: agencies scored by the office's formula and ranked within their group (sở, ban, ngành;
/// xã, phường; internal units; others), best score first; equal scores share a rank; an agency that led nothing is listed last, unranked.
/// </summary>
public static class EmulationRating
{
    public static RatingGroup GroupOf(AgencyKind kind) => kind switch
    {
        AgencyKind.CommunePeopleCommittee or AgencyKind.CommunePartyCommittee => RatingGroup.Communes,
        AgencyKind.InternalUnit => RatingGroup.InternalUnits,
        AgencyKind.ProvincePeopleCommittee or AgencyKind.Government or AgencyKind.Other => RatingGroup.Others,
        _ => RatingGroup.DepartmentsAndSectors,
    };

    public static string Label(RatingGroup group) => group switch
    {
        RatingGroup.DepartmentsAndSectors => "Sở, ban, ngành",
        RatingGroup.Communes => "Xã, phường",
        RatingGroup.InternalUnits => "Đơn vị nội bộ",
        _ => "Cơ quan khác",
    };

    public static IReadOnlyList<RatedGroup> Rate(IEnumerable<AgencyPeriodFigures> figures, RatingFormula formula) =>
        figures
            .GroupBy(f => GroupOf(f.Kind))
            .OrderBy(g => g.Key)
            .Select(g => new RatedGroup(g.Key, Label(g.Key), Rank(g, formula)))
            .ToList();

    private static List<RatedAgency> Rank(IEnumerable<AgencyPeriodFigures> figures, RatingFormula formula)
    {
        var scored = figures
            .Select(f => (Figures: f, Score: formula.Score(f)))
            .OrderBy(s => s.Score is null)
            .ThenByDescending(s => s.Score ?? 0)
            .ThenByDescending(s => s.Figures.DoneOnTime)
            .ThenBy(s => s.Figures.Overdue)
            .ThenBy(s => s.Figures.Agency, StringComparer.Ordinal)
            .ToList();
        var rated = new List<RatedAgency>(scored.Count);
        for (var i = 0; i < scored.Count; i++)
        {
            var (f, score) = scored[i];
            // Competition ranking: an agency with the score of the one above shares its rank.
            int? rank = score is null ? null : i > 0 && scored[i - 1].Score == score ? rated[i - 1].Rank : i + 1;
            rated.Add(new RatedAgency(f, score, rank, formula.Classify(score)));
        }

        return rated;
    }
}
