using DonDoc.Core.Reports;

namespace DonDoc.Tracking.Reports;

/// <summary>
/// The office's consolidated report of one plan for one period, as content only: what the Word and Excel writers
/// lay out (Nghị định 30/2020/NĐ-CP, Phụ lục I: issuer, motto, number, place and date, title, body, recipients, signature).
/// </summary>
public sealed record ConsolidatedReport(
    ReportHeading Heading,
    ReportFigures Figures,
    IReadOnlyList<ReportSection> Sections,
    IReadOnlyList<AppendixRow> Appendix,
    IReadOnlyList<string> Recipients,
    ReportSignature Signature);

/// <summary>The top of the first page, and what the report is about.</summary>
/// <param name="ParentIssuer">The authority above the issuer (upper case, not bold), or null.</param>
/// <param name="Issuer">The issuing body (upper case, bold).</param>
/// <param name="NumberLine">"Số:      /BC-UBND": the registry writes the number.</param>
/// <param name="PlaceAndDate">"Đắk Lắk, ngày      tháng      năm 2026": the registry writes the day.</param>
/// <param name="Summary">The line under "BÁO CÁO".</param>
/// <param name="AsOf">The day the figures are counted on: the period's last day, or today when that is earlier.</param>
public sealed record ReportHeading(
    string? ParentIssuer,
    string Issuer,
    string NumberLine,
    string PlaceAndDate,
    string Title,
    string Summary,
    string PlanLabel,
    ReportPeriod Period,
    DateOnly AsOf);

/// <summary>The period's figures: the three official buckets, the office colours, and the counts by section and by lead agency.</summary>
public sealed record ReportFigures(
    int Total,
    IReadOnlyList<FigureLine> Buckets,
    IReadOnlyList<FigureLine> Colours,
    IReadOnlyList<GroupCount> BySection,
    IReadOnlyList<GroupCount> ByAgency,
    IReadOnlyList<OverdueRow> Overdue);

/// <summary>One labelled count.</summary>
public sealed record FigureLine(string Label, int Count);

/// <summary>A section's or an agency's tasks in the three buckets of QĐ 42/2014/QĐ-TTg.</summary>
public sealed record GroupCount(string Name, int Total, int Done, int WithinDeadline, int Overdue);

/// <summary>A task overdue on the day of the figures, with how many days late.</summary>
public sealed record OverdueRow(int Order, string? Number, string Content, string Lead, DateOnly Due, int DaysLate);

/// <summary>A numbered section of the body: "I. Kết quả thực hiện", its paragraphs; tables are taken from <see cref="ReportFigures"/>.</summary>
public sealed record ReportSection(string Numeral, string Heading, IReadOnlyList<string> Paragraphs, bool WithFigures = false);

/// <summary>One row of the appendix: every task of the plan.</summary>
public sealed record AppendixRow(int Order, string? Number, string Content, string Lead, DateOnly? Due, string DueText, string Status, string Result);

/// <summary>The signature block: "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH" / the signer's name.</summary>
public sealed record ReportSignature(string? Authority, string Position, string Signer);

/// <summary>The narrative parts of a period's report, as the office edited them from the agencies' submissions.</summary>
public sealed record ReportNarrative(string? Results, string? Shortcomings, string? NextTasks, string? Proposals);

/// <summary>
/// Where the narratives of a period come from. The default gives none (the report then holds a neutral sentence
/// the office completes); the periodic-reports feature registers the agencies' submissions here.
/// </summary>
public interface IReportNarratives
{
    Task<ReportNarrative?> ForAsync(int planId, ReportPeriod period, CancellationToken cancellationToken);
}

/// <summary>No narratives stored: every narrative section holds its placeholder.</summary>
public sealed class NoReportNarratives : IReportNarratives
{
    public Task<ReportNarrative?> ForAsync(int planId, ReportPeriod period, CancellationToken cancellationToken) => Task.FromResult<ReportNarrative?>(null);
}
