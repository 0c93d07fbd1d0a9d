namespace DonDoc.Core.Agencies;

/// <summary>What a piece of an agency cell is.</summary>
public enum AgencyMatchKind
{
    Agency,
    Group,
    Unknown,
}

/// <summary>
/// One agency or group found in a cell, in order: the text as printed, the canonical name (null when
/// unknown), the closest directory names when unknown, and a qualifier in parentheses kept as a note
/// ("Văn phòng UBND tỉnh (Chủ trì với nội dung tham mưu …)").
/// </summary>
public sealed record AgencyMatch(string Text, string? Name, AgencyMatchKind Kind, IReadOnlyList<string> Candidates, string? Note)
{
    /// <summary>The former name the text used, when it names an agency merged into <see cref="Name"/> ("Bộ Kế hoạch và Đầu tư").</summary>
    public string? FormerName { get; init; }
}
