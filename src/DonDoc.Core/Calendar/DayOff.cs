namespace DonDoc.Core.Calendar;

/// <summary>A day on which public offices do not work, why, and on whose word.</summary>
/// <param name="Source">The article of law or the announcement that makes the day off.</param>
public sealed record DayOff(DateOnly Date, string Name, DayOffKind Kind, string Source = "");

public enum DayOffKind
{
    /// <summary>A holiday of the Labour Code (listed even when it falls on a weekend).</summary>
    PublicHoliday,

    /// <summary>The day off in lieu of a holiday that fell on a weekend.</summary>
    Compensatory,

    /// <summary>A day off that the government announced for the year (nghỉ bù, hoán đổi, nghỉ thêm).</summary>
    Announced,
}

/// <summary>A Saturday or Sunday that the government turned into a working day (làm bù), and on whose word.</summary>
public sealed record SwappedWorkingDay(DateOnly Date, string Name, string Source = "");
