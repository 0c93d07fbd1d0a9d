using DonDoc.Tracking.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace DonDoc.Tracking.Tests.Hosting;

public sealed class StartedClockTest
{
    [Fact]
    public void A_clock_set_to_23_November_starts_there_and_runs_with_the_system()
    {
        var system = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 2, 0, 0, TimeSpan.Zero));
        var clock = StartedClock.FromSetting("2026-11-23T09:00:00+07:00", system)!;

        Assert.Equal(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero), clock.GetUtcNow());
        system.Advance(TimeSpan.FromMinutes(90));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 3, 30, 0, TimeSpan.Zero), clock.GetUtcNow());
        Assert.Equal(new DateOnly(2026, 11, 23), DonDoc.Core.Calendar.VietnamTime.Today(clock));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void No_setting_keeps_the_system_clock(string? setting) =>
        Assert.Null(StartedClock.FromSetting(setting, TimeProvider.System));

    [Fact]
    public void A_setting_that_is_no_instant_stops_the_start_with_the_setting_named()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => StartedClock.FromSetting("23/11/2026", TimeProvider.System));
        Assert.Contains("Clock:Start '23/11/2026'", refused.Message, StringComparison.Ordinal);
    }
}
