using System.Globalization;

namespace DonDoc.Tracking.Hosting;

/// <summary>
/// A clock that starts at a chosen instant and then runs with the system's: what a training or acceptance deployment
/// configures (<c>Clock:Start</c>) to walk through a reporting period — a plan published on the 20th, reports due on the
/// 23rd — without waiting for the calendar. Never set in production.
/// </summary>
public sealed class StartedClock : TimeProvider
{
    private readonly TimeProvider _system;
    private readonly TimeSpan _shift;

    public StartedClock(DateTimeOffset start, TimeProvider system)
    {
        _system = system;
        _shift = start - system.GetUtcNow();
        Start = start;
    }

    /// <summary>The instant the clock was set to when it was made.</summary>
    public DateTimeOffset Start { get; }

    public override DateTimeOffset GetUtcNow() => _system.GetUtcNow() + _shift;

    public override long GetTimestamp() => _system.GetTimestamp();

    public override long TimestampFrequency => _system.TimestampFrequency;

    /// <summary>The clock that <c>Clock:Start</c> ("2026-11-23T09:00:00+07:00") asks for, or null when it is not set.</summary>
    public static StartedClock? FromSetting(string? setting, TimeProvider system)
    {
        if (string.IsNullOrWhiteSpace(setting))
        {
            return null;
        }

        return DateTimeOffset.TryParse(setting, CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            ? new StartedClock(start, system)
            : throw new InvalidOperationException($"Clock:Start '{setting}' is not a date and time with its offset, such as 2026-11-23T09:00:00+07:00.");
    }
}
