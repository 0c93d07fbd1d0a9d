using DonDoc.Cli.Commands;
using DonDoc.Core.Calendar;
using DonDoc.Core.Deadlines;
using DonDoc.Core.Tracking;
using DonDoc.Data.Calendar;
using DonDoc.Data.Storage;
using DonDoc.Data.Tests.Storage;
using Microsoft.Extensions.Configuration;

namespace DonDoc.Cli.Tests.Commands;

/// <summary>
/// <c>dondoc seed</c>, <c>dondoc refresh</c> and <c>dondoc reminders run</c> judge working days with the days off an
/// administrator stored on /Admin/Calendar, as the app does: they all prepare the database through
/// <see cref="DatabaseCommands.PrepareTrackingAsync"/>.
/// </summary>
public sealed class TrackingCommandsTest
{
    // A Wednesday that no shipped announcement makes a day off.
    private static readonly DateOnly StoredDayOff = new(2026, 7, 15);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_day_off_an_administrator_stored_is_a_day_off_for_the_commands_that_judge_working_days(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["ConnectionStrings:Default"] = database.ConnectionString,
        }).Build();
        await using var services = DatabaseCommands.BuildServices(configuration, tracking: true);
        await DatabaseMigrator.MigrateAsync(services, CancellationToken.None);
        using (var scope = services.CreateScope())
        {
            Assert.True(scope.ServiceProvider.GetRequiredService<WorkingDayCalendar>().IsWorkingDay(StoredDayOff));
            var db = scope.ServiceProvider.GetRequiredService<DonDocDbContext>();
            db.AnnouncedDays.Add(new AnnouncedDayEntity
            {
                From = StoredDayOff,
                To = StoredDayOff,
                Kind = AnnouncedDayKind.Off,
                Name = "Ngày nghỉ do Ủy ban nhân dân tỉnh công bố",
                Source = "Thông báo số 1/TB-UBND ngày 01/07/2026",
                CreatedAt = new DateTimeOffset(2026, 7, 1, 1, 0, 0, TimeSpan.Zero),
                CreatedBy = "admin",
            });
            await db.SaveChangesAsync();
        }

        await DatabaseCommands.PrepareTrackingAsync(services, CancellationToken.None);

        using var after = services.CreateScope();
        var calendar = after.ServiceProvider.GetRequiredService<WorkingDayCalendar>();
        Assert.False(calendar.IsWorkingDay(StoredDayOff));
        // Three working days from Tuesday 14/07 skip the stored Wednesday: Thursday, Friday, Monday.
        Assert.Equal(new DateOnly(2026, 7, 20), calendar.AddWorkingDays(new DateOnly(2026, 7, 14), 3));
        // The evaluator the seed computes deadlines in force with counts working days with the same calendar.
        var parser = after.ServiceProvider.GetRequiredService<DeadlineParser>();
        var evaluator = after.ServiceProvider.GetRequiredService<TaskStatusEvaluator>();
        var due = evaluator.Evaluate(
            parser.Parse("Sau kỳ họp Hội đồng nhân dân tỉnh 03 ngày làm việc", 2026), new DateOnly(2026, 7, 1),
            events: [new RecordedEvent("kỳ họp Hội đồng nhân dân tỉnh", new DateOnly(2026, 7, 14))]).Due;
        Assert.Equal(new DateOnly(2026, 7, 20), due);
    }
}
