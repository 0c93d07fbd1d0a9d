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
    /// <summary>The reporting cycle the plan gets when it is published, as the reviewer saved it; null for none.</summary>
    public DraftCycle? Cycle { get; init; }

    /// <summary>The cycle the plan's own words state (its body when it has one, else its reporting tasks), or null.</summary>
    public DraftCycle? CycleProposal { get; init; }

    /// <summary>Rows that block publishing: each has at least one blocking issue the reviewer must fix.</summary>
    public IReadOnlyList<DraftRow> Problems => Rows.Where(r => r.Issues.Any(i => i.Blocking)).ToList();
}

/// <summary>
/// Something on a row the reviewer must fix before publishing (<see cref="Blocking"/>: unknown agency, no single lead,
/// unreadable deadline, empty content) or should check against the original (the importer's doubts: uncertain columns,
/// a sub-row, a row with no number, OCR text). Message in Vietnamese.
/// </summary>
public sealed record DraftIssue(string Code, string Message, bool Blocking);

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
    int TasksOnPublish,
    IReadOnlyList<DraftIssue> Issues);

/// <summary>One agency or group found in a cell: "agency", "group" or "unknown", with candidates for an unknown.</summary>
public sealed record AgencyCell(string Text, string? Agency, string Kind, IReadOnlyList<string> Candidates, string? Note);

/// <param name="Row">The draft row the note concerns, when it concerns one.</param>
/// <param name="Text">For a dropped line: the line itself, which the reviewer may turn into a row.</param>
public sealed record DraftNote(int Line, string Code, string Message, int? Row = null, string? Text = null);

/// <summary>A row the reviewer adds: empty content is allowed here and shown as a blocking issue until it is filled in.</summary>
/// <param name="RawText">The source text the row comes from (a dropped line), if any; kept as the row's raw text.</param>
public sealed record DraftRowInput(
    string? Content = null, string? Number = null, string? Lead = null, string? Coordinators = null, string? DeadlineRaw = null,
    string? Product = null, string? Note = null, string? RawText = null);

/// <summary>A reviewer's corrections; rows not listed stay as they are.</summary>
/// <param name="Cycle">The reporting cycle to set at publication: null leaves it as it is, an empty length removes it.</param>
public sealed record DraftEdit(int Version, string? Number, string? Issuer, DateOnly? IssuedOn, string? Title, IReadOnlyList<DraftRowEdit> Rows, Periods.CycleInput? Cycle = null);

/// <summary>A draft's reporting cycle: the period's length by name (Month, Quarter, HalfYear, Year) and the due days; the plan's words it was read from.</summary>
public sealed record DraftCycle(string Length, int AgencyDueDay, int OfficeDueDay, bool DueAfterPeriod, string? Source, string Description);

/// <param name="Budget">Kinh phí as written ("1.250.000.000"); an unreadable amount is refused.</param>
public sealed record DraftRowEdit(
    int Id, string Content, string? Lead, string? Coordinators, string? DeadlineRaw, string? Product, string? Note, string? LeadChoice,
    string? Number = null, string? Evidence = null, string? Budget = null);

/// <summary>Adding a row through the API: after <paramref name="AfterRowId"/> (at the end when null).</summary>
public sealed record DraftRowAddition(int Version, int? AfterRowId, DraftRowInput? Row);

/// <summary>Splitting a row's content at character <paramref name="At"/>.</summary>
public sealed record DraftRowSplit(int Version, int At);

/// <summary>A change that needs only the draft's version (delete, merge with the row below).</summary>
public sealed record DraftVersion(int Version);
