namespace DonDoc.Core.Plans;

/// <summary>A section of an appendix: "I" / "THAM MƯU ...", "Lĩnh vực III" / "...".</summary>
public sealed record Section(string? Id, string? Title);
