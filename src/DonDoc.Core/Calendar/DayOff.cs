namespace DonDoc.Core.Calendar;

/// <summary>A day on which public offices do not work, and why.</summary>
public sealed record DayOff(DateOnly Date, string Name, DayOffKind Kind);

public enum DayOffKind
{
    /// <summary>A public holiday of the Labour Code 2019, Art. 112 (listed even when it falls on a weekend).</summary>
    PublicHoliday,

    /// <summary>The day off in lieu of a public holiday that fell on a weekend (Art. 112(3)).</summary>
    Compensatory,

    /// <summary>A day off that the government announced for the year (nghỉ hoán đổi, nghỉ thêm).</summary>
    Announced,
}

/// <summary>A Saturday or Sunday that the government turned into a working day (làm bù).</summary>
public sealed record SwappedWorkingDay(DateOnly Date, string Name);
