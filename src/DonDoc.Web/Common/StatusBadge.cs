using DonDoc.Core.Tracking;
using DonDoc.Tracking.Dashboard;
using DonDoc.Tracking.Formatting;
using DonDoc.Tracking.Tasks;

namespace DonDoc.Web.Common;

/// <summary>What the shared badge partial (<c>_StatusBadge</c>) prints: a text in one of the office colours.</summary>
/// <param name="Colour">The colour's machine name ("green"), as <see cref="StatusLook.Name"/>.</param>
/// <param name="Status">The task's status name, kept as a <c>status-…</c> class for scripts and tests.</param>
public sealed record StatusBadge(string Colour, string Text, string? Title = null, string? Status = null, string? Id = null)
{
    public string CssClass
    {
        get
        {
            var look = StatusClassification.ParseColour(Colour)?.Look().CssClass ?? "colour";
            return Status is null ? look : $"{look} status-{Status}";
        }
    }

    /// <summary>A task's status in its colour, with the reason as the tooltip.</summary>
    public static StatusBadge Of(TaskSummary task, string? id = null) => new(task.Colour, task.StatusText, task.StatusReason, task.Status, id);

    /// <summary>Where an agency's periodic report stands, in the office colours: red when overdue or returned, orange when late.</summary>
    public static StatusBadge Of(Tracking.Periods.SubmissionState state) => new(state switch
    {
        Tracking.Periods.SubmissionState.Accepted or Tracking.Periods.SubmissionState.SubmittedOnTime => "green",
        Tracking.Periods.SubmissionState.SubmittedLate => "orange",
        Tracking.Periods.SubmissionState.Late or Tracking.Periods.SubmissionState.Returned => "red",
        _ => "grey",
    }, Tracking.Periods.PeriodReports.Describe(state), Status: "period-" + state.ToString().ToLowerInvariant());

    /// <summary>A colour's label and how many tasks are of it.</summary>
    public static StatusBadge Of(ColourCount count) => new(count.Colour, $"{count.Label}: {VietnameseFormat.Number(count.Count)}");
}
