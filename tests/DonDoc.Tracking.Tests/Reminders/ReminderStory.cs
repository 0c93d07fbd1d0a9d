using DonDoc.Core.Access;
using DonDoc.Data.Agencies;
using DonDoc.Data.Reminders;
using DonDoc.Data.Storage;
using DonDoc.Tracking.Imports;
using DonDoc.Tracking.Reminders;
using DonDoc.Tracking.Tasks;
using DonDoc.Tracking.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Tracking.Tests.Reminders;

/// <summary>A published plan with the people who receive its notices: an office, two officers of Sở Nội vụ, one of Sở Tài chính.</summary>
public sealed class ReminderStory
{
    public const string NoiVu1 = "noivu1@example.vn";
    public const string NoiVu2 = "noivu2@example.vn";
    public const string TaiChinh = "taichinh@example.vn";
    public const string OfficeEmail = "vanphong@example.vn";

    private ReminderStory(TrackingServices app) => App = app;

    public TrackingServices App { get; }

    public Actor Office { get; private set; } = TrackingServices.Office;

    public int PlanId { get; private set; }

    public IReadOnlyList<TaskSummary> Tasks { get; private set; } = [];

    public Dictionary<string, string> UserIds { get; } = [];

    public int NoiVuId { get; private set; }

    /// <summary>A moment in Vietnam time, as the UTC instant the clock gives.</summary>
    public static DateTimeOffset At(int year, int month, int day, int hour = 7, int minute = 30) => new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(7)).ToUniversalTime();

    /// <summary>Imports and publishes the fixture at the app's current time.</summary>
    public static async Task<ReminderStory> PublishAsync(TrackingServices app, string fixture)
    {
        var story = new ReminderStory(app);
        var officeId = await app.AddUserAsync(OfficeEmail, Roles.MonitoringOffice, null, "Văn phòng UBND tỉnh");
        story.UserIds[OfficeEmail] = officeId;
        story.Office = new Actor(officeId, "Văn phòng UBND tỉnh", new HashSet<string> { Roles.MonitoringOffice }, null);
        story.UserIds[NoiVu1] = await app.AddUserAsync(NoiVu1, Roles.AgencyOfficer, "Sở Nội vụ", "Nguyễn Văn An");
        story.UserIds[NoiVu2] = await app.AddUserAsync(NoiVu2, Roles.AgencyOfficer, "Sở Nội vụ", "Trần Thị Bình");
        story.UserIds[TaiChinh] = await app.AddUserAsync(TaiChinh, Roles.AgencyOfficer, "Sở Tài chính", "Lê Văn Cường");
        story.NoiVuId = (await app.InScopeAsync(s => s.GetRequiredService<AgencyDirectoryStore>().FindAgencyIdAsync("Sở Nội vụ", CancellationToken.None)))!.Value;
        var content = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture));
        story.PlanId = await app.InScopeAsync(async s =>
        {
            var drafts = s.GetRequiredService<ImportDrafts>();
            var draft = await drafts.CreateAsync(story.Office, fixture, content, CancellationToken.None);
            await drafts.PublishAsync(story.Office, draft, CancellationToken.None);
            return draft;
        });
        story.Tasks = (await app.InScopeAsync(s => s.GetRequiredService<TaskCatalog>().ListAsync(story.Office, new TaskFilter(PlanId: story.PlanId), PageRequest.First(PageRequest.MaxLimit), CancellationToken.None))).Items;
        return story;
    }

    public int TaskId(string number) => Tasks.Single(t => t.Number == number).Id;

    public Task<RunOutcome> RunAsync(DateOnly? asOf = null, bool dryRun = false) =>
        App.InScopeAsync(s => s.GetRequiredService<ReminderRun>().RunAsync(asOf, dryRun, CancellationToken.None));

    public Task<List<NotificationEntity>> NoticesAsync(Func<IQueryable<NotificationEntity>, IQueryable<NotificationEntity>>? filter = null) =>
        App.InScopeAsync(s =>
        {
            var query = s.GetRequiredService<DonDocDbContext>().Notifications.AsNoTracking();
            return (filter ?? (q => q))(query).OrderBy(n => n.Id).ToListAsync();
        });

    public Actor Officer(string email) => new(UserIds[email], email, new HashSet<string> { Roles.AgencyOfficer }, NoiVuId);
}
