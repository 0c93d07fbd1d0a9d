using System.Net;
using System.Text.RegularExpressions;
using DonDoc.Data.Reminders;
using DonDoc.Data.Storage;
using DonDoc.Tracking.Reminders;
using DonDoc.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using static DonDoc.Web.Tests.Hosting.PlanFixture;

namespace DonDoc.Web.Tests.Reminders;

/// <summary>The bell, the notifications page, the profile, the calendar feed, the office's "Đôn đốc" and the administrator's pages. The app's clock stands at 25/11/2026.</summary>
public sealed partial class ReminderPagesTest
{
    private const string Inspect = "Kiểm tra công tác văn thư";   // Sở Nội vụ's copy due 15/12/2026
    private const string Review = "Rà soát thủ tục hành chính";   // Sở Nội vụ leads, due 30/6/2026 (overdue)

    private static Task<RunOutcome> RunAsync(PlanFixture plan, DateOnly day)
    {
        using var scope = plan.App.App.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<ReminderRun>().RunAsync(day, false, CancellationToken.None);
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string path, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await RunningApp.AntiforgeryTokenAsync(client, page);
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("id=\"unread\">(\\d+)<")]
    private static partial Regex Unread();

    [Fact]
    public async Task The_bell_counts_a_reminder_the_notifications_page_shows_it_and_reading_all_clears_it()
    {
        await using var plan = await PlanFixture.StartAsync();
        // Thursday 10/12/2026 is three working days before 15/12.
        var run = await RunAsync(plan, new DateOnly(2026, 12, 10));
        using var noiVu = await plan.App.BrowserClientAsync(NoiVu);

        var home = await noiVu.GetStringAsync("/HoSo");
        var page = await noiVu.GetStringAsync("/Notifications");
        var read = await PostFormAsync(noiVu, "/Notifications", "/Notifications?handler=Read", []);
        var after = await noiVu.GetStringAsync("/HoSo");

        Assert.True(run.Plan.Queued > 0);
        Assert.True(int.Parse(Unread().Match(home).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Contains("Còn 3 ngày làm việc đến hạn", page, StringComparison.Ordinal);
        Assert.Contains($"/Tasks/{plan.TaskId(Inspect, "Sở Nội vụ")}\">{Inspect}", page, StringComparison.Ordinal);
        Assert.Contains("Nhiệm vụ mới được giao", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, read.StatusCode);
        Assert.DoesNotMatch(Unread(), after);
        Assert.Contains("id=\"bell\"", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_profile_page_saves_how_notices_come_and_gives_a_private_calendar_that_lists_the_agency_deadlines()
    {
        await using var plan = await PlanFixture.StartAsync();
        using var noiVu = await plan.App.BrowserClientAsync(NoiVu);

        var profile = await noiVu.GetStringAsync("/HoSo");
        var address = Regex.Match(profile, "value=\"(http[^\"]+/lich/([0-9a-f]+)\\.ics)\"");
        var feed = await plan.App.Client.GetAsync($"/lich/{address.Groups[2].Value}.ics");
        var wrong = await plan.App.Client.GetAsync("/lich/0000.ics");
        var saved = await PostFormAsync(noiVu, "/HoSo", "/HoSo?handler=Settings", new() { ["immediate"] = "true", ["wanted"] = "overdue:email" });

        Assert.Contains("Cách nhận thông báo", profile, StringComparison.Ordinal);
        Assert.True(address.Success);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType!.MediaType);
        var ics = await feed.Content.ReadAsStringAsync();
        Assert.Contains("BEGIN:VCALENDAR", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART;VALUE=DATE:20261215", ics, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Hạn: Kiểm tra công tác văn thư", ics, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var scope = plan.App.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DonDocDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == NoiVu);
        Assert.True((await db.NotificationProfiles.SingleAsync(p => p.UserId == user.Id)).Immediate);
        var optOuts = await db.NotificationOptOuts.Where(o => o.UserId == user.Id).ToListAsync();
        Assert.DoesNotContain(optOuts, o => o.Rule == "overdue" && o.Channel == NotificationChannels.Email);
        Assert.Contains(optOuts, o => o.Rule == "before_deadline" && o.Channel == NotificationChannels.Email);
    }

    [Fact]
    public async Task The_office_urges_a_task_from_its_page_and_the_page_shows_the_deliveries_and_the_audit_entry()
    {
        await using var plan = await PlanFixture.StartAsync();
        using var office = await plan.App.BrowserClientAsync(Office);
        using var noiVu = await plan.App.BrowserClientAsync(NoiVu);
        var id = plan.TaskId(Review);

        var sent = await PostFormAsync(office, $"/Tasks/{id}", $"/Tasks/{id}?handler=Remind", new() { ["message"] = "Đề nghị Sở Nội vụ báo cáo ngay kết quả rà soát." });
        var page = await office.GetStringAsync($"/Tasks/{id}");
        var officerPage = await noiVu.GetStringAsync($"/Tasks/{id}");
        var notices = await noiVu.GetStringAsync("/Notifications");

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("id=\"deliveries\"", page, StringComparison.Ordinal);
        Assert.Contains("<td data-label=\"Loại\">Đôn đốc</td>", page, StringComparison.Ordinal);
        Assert.Contains("Nội dung: Đề nghị Sở Nội vụ báo cáo ngay kết quả rà soát.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"remind-form\"", officerPage, StringComparison.Ordinal);
        Assert.Contains("Đề nghị Sở Nội vụ báo cáo ngay kết quả rà soát.", notices, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_office_urges_several_overdue_tasks_from_the_overdue_list()
    {
        await using var plan = await PlanFixture.StartAsync();
        using var office = await plan.App.BrowserClientAsync(Office);

        var list = await office.GetStringAsync("/Reminders/Overdue");
        var token = await RunningApp.AntiforgeryTokenAsync(office, "/Reminders/Overdue");
        var ids = Regex.Matches(list, "name=\"taskIds\" value=\"(\\d+)\"").Select(m => m.Groups[1].Value).ToList();
        var form = ids.Select(i => new KeyValuePair<string, string>("taskIds", i)).Append(new("message", "Khẩn trương hoàn thành.")).Append(new("__RequestVerificationToken", token));
        var sent = await office.PostAsync("/Reminders/Overdue", new FormUrlEncodedContent(form));

        Assert.Contains(ids, i => i == plan.TaskId(Review).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        using var scope = plan.App.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DonDocDbContext>();
        Assert.Equal(ids.Count, await db.AuditEntries.CountAsync(a => a.Action == "reminder.manual"));
    }

    [Fact]
    public async Task The_administrator_changes_the_rules_and_reads_the_outbox_and_a_bad_rule_is_refused_in_Vietnamese()
    {
        await using var plan = await PlanFixture.StartAsync();
        await RunAsync(plan, new DateOnly(2026, 12, 10));
        using var admin = await plan.App.BrowserClientAsync(RunningApp.AdminEmail);
        using var noiVu = await plan.App.BrowserClientAsync(NoiVu);
        var fields = new Dictionary<string, string>
        {
            ["beforeDays"] = "5, 2", ["onTheDay"] = "true", ["overdueEvery"] = "2", ["escalationEvery"] = "5", ["waitingDays"] = "30", ["waitingEvery"] = "20",
            ["reportBeforeDays"] = "3", ["reportOverdueEvery"] = "3", ["onAssignment"] = "true",
        };

        var saved = await PostFormAsync(admin, "/Admin/Reminders", "/Admin/Reminders?handler=Rules", fields);
        fields["beforeDays"] = "5, hai";
        var refused = await PostFormAsync(admin, "/Admin/Reminders", "/Admin/Reminders?handler=Rules", fields);
        var outbox = await admin.GetStringAsync("/Admin/Outbox");
        var forbidden = await noiVu.GetAsync("/Admin/Reminders");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("hai&quot; không phải số ngày làm việc", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using (var scope = plan.App.App.Services.CreateScope())
        {
            var rules = await scope.ServiceProvider.GetRequiredService<ReminderRuleStore>().LoadAsync(CancellationToken.None);
            Assert.Equal([5, 2], rules.System.BeforeDays);
            Assert.False(rules.System.OnCompletionDecision);
        }

        Assert.Contains("id=\"outbox\"", outbox, StringComparison.Ordinal);
        Assert.Contains("Sắp đến hạn", outbox, StringComparison.Ordinal);
        Assert.Contains("Đã gửi", outbox, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, forbidden.StatusCode);
    }

    [Fact]
    public async Task An_unsubscribe_link_asks_first_and_then_stops_that_kind_of_mail()
    {
        await using var plan = await PlanFixture.StartAsync();
        string token;
        using (var scope = plan.App.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DonDocDbContext>();
            await scope.ServiceProvider.GetRequiredService<NotificationProfiles>().EnsureAllAsync(CancellationToken.None);
            var user = await db.Users.SingleAsync(u => u.Email == NoiVu);
            token = (await db.NotificationProfiles.SingleAsync(p => p.UserId == user.Id)).UnsubscribeToken;
        }

        using var visitor = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = plan.App.Address, Timeout = Timeout.InfiniteTimeSpan };
        var ask = await visitor.GetStringAsync($"/huy-nhan-thu/{token}/overdue");
        var done = await PostFormAsync(visitor, $"/huy-nhan-thu/{token}/overdue", $"/huy-nhan-thu/{token}/overdue", []);
        var unknown = await visitor.GetAsync($"/huy-nhan-thu/{token}/no_such_kind");

        Assert.Contains("Không nhận thư điện tử loại “Quá hạn” nữa?", ask, StringComparison.Ordinal);
        Assert.Contains("Đã hủy nhận thư “Quá hạn”", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var check = plan.App.App.Services.CreateScope();
        var rows = await check.ServiceProvider.GetRequiredService<DonDocDbContext>().NotificationOptOuts.ToListAsync();
        Assert.Equal(("overdue", NotificationChannels.Email), rows.Select(r => (r.Rule, r.Channel)).Single());
    }
}
