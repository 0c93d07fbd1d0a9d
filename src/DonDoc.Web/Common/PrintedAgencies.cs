namespace DonDoc.Web.Common;

/// <summary>
/// Agencies as the plan printed them ("Các Sở, ban, ngành") with the agencies they were bound to: the printed
/// text is what a list shows; the bound agencies are offered on demand when the text does not already name them.
/// </summary>
public sealed record PrintedAgencies(string? Printed, IReadOnlyList<string> Agencies)
{
    public static PrintedAgencies Coordinators(DonDoc.Tracking.Tasks.TaskSummary task) => new(task.Coordinators, task.CoordinatorAgencies);

    /// <summary>What the cell shows: the printed text, or the bound agencies when nothing was printed.</summary>
    public string Text => string.IsNullOrWhiteSpace(Printed) ? string.Join("; ", Agencies) : Printed.Trim();

    /// <summary>Whether the bound agencies say more than the printed text: a group, or a name the directory spells otherwise.</summary>
    public bool Expands =>
        !string.IsNullOrWhiteSpace(Printed)
        && Agencies.Any(a => !Printed.Contains(a, StringComparison.OrdinalIgnoreCase));
}

