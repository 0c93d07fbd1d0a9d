using DonDoc.Core.Calendar;

namespace DonDoc.Data.Calendar;

/// <summary>
/// One line of an announcement of days off or worked weekend days that an administrator stored (next
/// year's Tết, a swapped Saturday), with the document that announced it. The app's calendar is the
/// shipped announcements with these on top.
/// </summary>
public sealed class AnnouncedDayEntity
{
    public int Id { get; set; }

    public DateOnly From { get; set; }

    public DateOnly To { get; set; }

    public AnnouncedDayKind Kind { get; set; }

    public string Name { get; set; } = string.Empty;

    /// <summary>The announcing document as cited: "Công văn số 12729/VPCP-KGVX ngày 25/12/2025".</summary>
    public string Source { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = string.Empty;

    public AnnouncedEntry ToEntry() => new(From, To, Kind, Name, Source);
}
