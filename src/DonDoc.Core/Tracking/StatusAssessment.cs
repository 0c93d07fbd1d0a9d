namespace DonDoc.Core.Tracking;

/// <summary>A task's status on a day, the due date it was judged against, and why, in Vietnamese.</summary>
public sealed record StatusAssessment(TrackingStatus Status, DateOnly? Due, string Reason);
