using DonDoc.Data.Storage;
using DonDoc.Data.Tests.Storage;
using DonDoc.Tracking.Reminders;
using DonDoc.Tracking.Tests.Hosting;
using DonDoc.Tracking.Workflow;
using Ical.Net;

namespace DonDoc.Tracking.Tests.Reminders;

public sealed class CalendarFeedTest
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_officer_s_feed_holds_the_deadlines_the_agency_leads_or_coordinates_and_follows_an_extension(DatabaseProvider provider)
    {
        await using var app = await TrackingServices.CreateAsync(provider, ReminderStory.At(2026, 6, 1));
        var story = await ReminderStory.PublishAsync(app, "ke-hoach-chuyen-doi-so.txt");
        var userId = story.UserIds[ReminderStory.NoiVu1];
        var ct = CancellationToken.None;
        var token = (await app.InScopeAsync(s => s.GetRequiredService<NotificationProfiles>().GetAsync(userId, ct))).CalendarToken;

        var feed = await app.InScopeAsync(s => s.GetRequiredService<CalendarFeed>().BuildAsync(token, ct));
        var extension = await app.InScopeAsync(s => s.GetRequiredService<TaskWorkflow>().RequestExtensionAsync(
            story.Officer(ReminderStory.NoiVu1), story.TaskId("1"), new ExtensionInput(new DateOnly(2026, 7, 15), "Chờ thiết bị."), ct));
        await app.InScopeAsync(async s =>
        {
            await s.GetRequiredService<TaskWorkflow>().DecideExtensionAsync(story.Office, extension, new ExtensionDecisionInput("approve"), ct);
            return 0;
        });
        var moved = await app.InScopeAsync(s => s.GetRequiredService<CalendarFeed>().BuildAsync(token, ct));
        var unknown = await app.InScopeAsync(s => s.GetRequiredService<CalendarFeed>().BuildAsync("not-a-token", ct));

        var before = Ical.Net.Calendar.Load(feed!)!;
        var after = Ical.Net.Calendar.Load(moved!)!;
        var uid = $"dondoc-task-{story.TaskId("1")}@dondoc.example.vn";
        Assert.Equal(2, before.Events.Count); // task 1 (leads, 30/06) and task 2 (coordinates, 30/09); task 3 is monthly
        var original = Assert.Single(before.Events, e => e.Uid == uid);
        Assert.Equal(new DateOnly(2026, 6, 30), DateOnly.FromDateTime(original.DtStart!.Value));
        Assert.False(original.DtStart.HasTime);
        Assert.StartsWith("Hạn: Xây dựng kho dữ liệu", original.Summary, StringComparison.Ordinal);
        Assert.Contains("Vai trò: Chủ trì", original.Description, StringComparison.Ordinal);
        Assert.Contains(before.Events, e => DateOnly.FromDateTime(e.DtStart!.Value) == new DateOnly(2026, 9, 30) && e.Description!.Contains("Vai trò: Phối hợp", StringComparison.Ordinal));
        var rescheduled = Assert.Single(after.Events, e => e.Uid == uid);
        Assert.Equal(new DateOnly(2026, 7, 15), DateOnly.FromDateTime(rescheduled.DtStart!.Value));
        Assert.True(rescheduled.Sequence > original.Sequence);
        Assert.Contains("DTSTART;VALUE=DATE:20260715", moved, StringComparison.Ordinal);
        Assert.Null(unknown);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_locked_account_s_feed_answers_nothing_and_answers_again_once_unlocked(DatabaseProvider provider)
    {
        await using var app = await TrackingServices.CreateAsync(provider, ReminderStory.At(2026, 6, 1));
        var story = await ReminderStory.PublishAsync(app, "ke-hoach-chuyen-doi-so.txt");
        var userId = story.UserIds[ReminderStory.NoiVu1];
        var ct = CancellationToken.None;
        var token = (await app.InScopeAsync(s => s.GetRequiredService<NotificationProfiles>().GetAsync(userId, ct))).CalendarToken;
        async Task LockUntilAsync(DateTimeOffset? end) => await app.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<DonDocDbContext>();
            db.Users.Single(u => u.Id == userId).LockoutEnd = end;
            return await db.SaveChangesAsync(ct);
        });

        await LockUntilAsync(app.Clock.GetUtcNow().AddDays(1));
        var whileLocked = await app.InScopeAsync(s => s.GetRequiredService<CalendarFeed>().BuildAsync(token, ct));
        await LockUntilAsync(null);
        var unlocked = await app.InScopeAsync(s => s.GetRequiredService<CalendarFeed>().BuildAsync(token, ct));

        Assert.Null(whileLocked);
        Assert.Equal(2, Ical.Net.Calendar.Load(unlocked!)!.Events.Count);
    }
}
