namespace DonDoc.Core.Calendar;

/// <summary>DonDoc's business time zone, Asia/Ho_Chi_Minh: UTC+7 all year (no daylight saving since 1975).</summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    /// <summary>Today's date in Vietnam, from the given clock.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);

    public static DateTimeOffset Now(TimeProvider clock) => clock.GetUtcNow().ToOffset(Offset);
}
