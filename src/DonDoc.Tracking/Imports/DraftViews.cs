namespace DonDoc.Tracking.Imports;

/// <summary>A plan under review: its metadata, every extracted row with how DonDoc understood it, and what the importer warned about.</summary>
public sealed record DraftView(
    int Id,
    string? Number,
    string? Issuer,
    DateOnly? IssuedOn,
    string? Title,
    string? SourceFile,
    int Version,
    IReadOnlyList<DraftRow> Rows,
    IReadOnlyList<DraftNote> Warnings,
    IReadOnlyList<DraftNote> DroppedLines)
{
    /// <summary>Rows that block publishing, with why.</summary>
    public IReadOnlyList<DraftRow> Problems => Rows.Where(r => r.Problem is not null).ToList();
}

/// <param name="LeadAgencyNames">The agencies the lead cell names, groups expanded: those a reviewer may pick as the one lead.</param>
public sealed record DraftRow(
    int Id,
    int Position,
    string? SectionId,
    string? SectionTitle,
    string? Number,
    string Content,
    string? Lead,
    string? Coordinators,
    string? DeadlineRaw,
    string DeadlineKind,
    DateOnly? Due,
    string DeadlineText,
    string? Product,
    string? Evidence,
    long? BudgetVnd,
    string? Note,
    string? RawText,
    IReadOnlyList<AgencyCell> LeadAgencies,
    IReadOnlyList<string> LeadAgencyNames,
    IReadOnlyList<AgencyCell> CoordinatorAgencies,
    IReadOnlyList<string> LeadChoices,
    string? LeadChoice,
    string? Problem,
    int TasksOnPublish);

/// <summary>One agency or group found in a cell: "agency", "group" or "unknown", with candidates for an unknown.</summary>
public sealed record AgencyCell(string Text, string? Agency, string Kind, IReadOnlyList<string> Candidates, string? Note);

public sealed record DraftNote(int Line, string Code, string Message);

/// <summary>A reviewer's corrections; rows not listed stay as they are.</summary>
public sealed record DraftEdit(int Version, string? Number, string? Issuer, DateOnly? IssuedOn, string? Title, IReadOnlyList<DraftRowEdit> Rows);

/// <param name="Budget">Kinh phí as written ("1.250.000.000"); an unreadable amount is refused.</param>
public sealed record DraftRowEdit(
    int Id, string Content, string? Lead, string? Coordinators, string? DeadlineRaw, string? Product, string? Note, string? LeadChoice,
    string? Number = null, string? Evidence = null, string? Budget = null);
