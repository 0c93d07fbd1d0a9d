namespace DonDoc.Core.Tracking;

/// <summary>
/// An event that happened ("Đại hội Đảng bộ tỉnh", held on a date) or a condition that was met
/// ("hướng dẫn của Trung ương" received), as the monitoring office records it.
/// </summary>
/// <param name="Due">For a condition: the deadline the office set when recording it; the trigger's date when null.</param>
public sealed record RecordedEvent(string Name, DateOnly Date, DateOnly? Due = null);
