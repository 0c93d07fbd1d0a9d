using System.Text.Json;

namespace DonDoc.Tracking.Imports;

/// <summary>
/// What the import of a plan's file noted beside its rows, kept with the plan: the importer's warnings, the lines it dropped,
/// and the reporting cycle the whole document states (its body as well as its table).
/// </summary>
internal sealed record ImportNotes(IReadOnlyList<DraftNote> Warnings, IReadOnlyList<DraftNote> Dropped)
{
    public DraftCycle? Cycle { get; init; }

    public static ImportNotes Read(string? json) =>
        json is null ? new ImportNotes([], []) : JsonSerializer.Deserialize<ImportNotes>(json) ?? new ImportNotes([], []);
}
