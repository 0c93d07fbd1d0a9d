using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DonDoc.Core.Calendar;
using DonDoc.Core.Deadlines;
using DonDoc.Core.Tracking;
using DonDoc.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Tests.Access;

/// <summary>The administrator adds next year's announcement of days off on /Admin/Calendar, and the app counts by it.</summary>
public sealed class CalendarPageTest
{
    private static FormUrlEncodedContent Form(string token, params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).Append(new("__RequestVerificationToken", token)));

    [Theory]
    [MemberData(nameof(RunningApp.Providers), MemberType = typeof(RunningApp))]
    public async Task An_announced_Tet_break_and_worked_Saturday_are_listed_and_counted_by_the_app(string provider)
    {
        await using var app = await RunningApp.StartOnAsync(provider);
        using var admin = await app.BrowserClientAsync(RunningApp.AdminEmail);
        var token = await RunningApp.AntiforgeryTokenAsync(admin, "/Admin/Calendar");

        var tet = await admin.PostAsync("/Admin/Calendar?handler=Add", Form(token,
            ("from", "05/02/2027"), ("to", "11/02/2027"), ("kind", "Off"), ("name", "Nghỉ Tết Nguyên đán Đinh Mùi"), ("source", "Công văn số 100/VPCP-KGVX (thử nghiệm)")));
        var saturday = await admin.PostAsync("/Admin/Calendar?handler=Add", Form(token,
            ("from", "13/02/2027"), ("kind", "Work"), ("name", "Làm bù cho thứ Năm 04/02/2027"), ("source", "Công văn số 100/VPCP-KGVX (thử nghiệm)")));
        var page = await admin.GetStringAsync("/Admin/Calendar?year=2027");

        Assert.Equal(HttpStatusCode.Redirect, tet.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, saturday.StatusCode);
        Assert.Contains("<td>08/02/2027</td><td>Thứ Hai</td>", page, StringComparison.Ordinal);
        Assert.Contains("Công văn số 100/VPCP-KGVX (thử nghiệm)", page, StringComparison.Ordinal);
        Assert.Contains("<td>13/02/2027</td><td>Thứ Bảy</td><td>Làm bù cho thứ Năm 04/02/2027</td><td>Làm bù</td>", page, StringComparison.Ordinal);

        // The evaluator a request gets counts with the stored days: 5 working days after Wednesday 3/2/2027
        // are 4/2, 12/2, Saturday 13/2, 15/2 and 16/2 (by the Labour Code rule alone it would be 17/2).
        using (var scope = app.App.Services.CreateScope())
        {
            var evaluator = scope.ServiceProvider.GetRequiredService<TaskStatusEvaluator>();
            var deadline = new DeadlineParser().Parse("Sau đại hội 05 ngày làm việc");
            var assessment = evaluator.Evaluate(deadline, new DateOnly(2027, 2, 1), events: [new RecordedEvent("đại hội", new DateOnly(2027, 2, 3))]);
            Assert.Equal(new DateOnly(2027, 2, 16), assessment.Due);
            Assert.True(scope.ServiceProvider.GetRequiredService<WorkingDayCalendar>().IsWorkingDay(new DateOnly(2027, 2, 13)));
        }
    }

    [Fact]
    public async Task Stored_announcements_count_again_after_a_restart()
    {
        var app = await RunningApp.StartAsync();
        var directory = app.Directory;
        using (var admin = await app.BrowserClientAsync(RunningApp.AdminEmail))
        {
            var token = await RunningApp.AntiforgeryTokenAsync(admin, "/Admin/Calendar");
            var added = await admin.PostAsync("/Admin/Calendar?handler=Add", Form(token,
                ("from", "05/02/2027"), ("to", "11/02/2027"), ("kind", "Off"), ("name", "Nghỉ Tết Nguyên đán Đinh Mùi"), ("source", "Công văn thử nghiệm")));
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        await app.StopAsync();

        await using var restarted = await RunningApp.StartAsync(directory);
        using var scope = restarted.App.Services.CreateScope();
        var calendar = scope.ServiceProvider.GetRequiredService<WorkingDayCalendar>();
        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 2, 11)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2027, 2, 12)));
    }

    [Fact]
    public async Task A_wrong_announcement_is_refused_in_Vietnamese_and_nothing_is_stored()
    {
        await using var app = await RunningApp.StartAsync();
        using var admin = await app.BrowserClientAsync(RunningApp.AdminEmail);
        var token = await RunningApp.AntiforgeryTokenAsync(admin, "/Admin/Calendar");

        var weekday = await admin.PostAsync("/Admin/Calendar?handler=Add", Form(token,
            ("from", "04/02/2027"), ("kind", "Work"), ("name", "Làm bù"), ("source", "Công văn thử nghiệm")));
        var noSource = await admin.PostAsync("/Admin/Calendar?handler=Add", Form(token,
            ("from", "05/02/2027"), ("kind", "Off"), ("name", "Nghỉ Tết"), ("source", "")));
        var badDate = await admin.PostAsync("/Admin/Calendar?handler=Add", Form(token,
            ("from", "31/02/2027"), ("kind", "Off"), ("name", "Nghỉ"), ("source", "Công văn thử nghiệm")));
        var backwards = await admin.PostAsync("/Admin/Calendar?handler=Add", Form(token,
            ("from", "11/02/2027"), ("to", "05/02/2027"), ("kind", "Off"), ("name", "Nghỉ"), ("source", "Công văn thử nghiệm")));
        var page = await admin.GetStringAsync("/Admin/Calendar?year=2027");

        Assert.Equal(HttpStatusCode.BadRequest, weekday.StatusCode);
        Assert.Contains("không phải thứ Bảy hay Chủ nhật", await weekday.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noSource.StatusCode);
        Assert.Contains("Thiếu văn bản công bố", await noSource.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Contains("không hợp lệ, cần dạng dd/mm/yyyy", await badDate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Contains("Chưa có thông báo nào được bổ sung.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_of_announcements_is_stored_whole_or_not_at_all_and_a_line_can_be_removed()
    {
        await using var app = await RunningApp.StartAsync();
        using var admin = await app.BrowserClientAsync(RunningApp.AdminEmail);
        var token = await RunningApp.AntiforgeryTokenAsync(admin, "/Admin/Calendar");

        var broken = await admin.PostAsync("/Admin/Calendar?handler=File", File(token, """
            {"entries": [
              {"date": "2027-08-30", "to": "2027-09-03", "kind": "off", "name": "Nghỉ Quốc khánh", "source": "Công văn thử nghiệm"},
              {"date": "2027-09-06", "kind": "work", "name": "Làm bù", "source": "Công văn thử nghiệm"}
            ]}
            """));
        var whole = await admin.PostAsync("/Admin/Calendar?handler=File", File(token, """
            {"entries": [
              {"date": "2027-08-30", "to": "2027-09-03", "kind": "off", "name": "Nghỉ Quốc khánh", "source": "Công văn thử nghiệm"},
              {"date": "2027-08-28", "kind": "work", "name": "Làm bù cho 30/8", "source": "Công văn thử nghiệm"}
            ]}
            """));
        var listed = await admin.GetStringAsync("/Admin/Calendar?year=2027");
        // The stored lines are listed by their first day: the worked Saturday 28/8 comes before the break from 30/8.
        var id = System.Text.RegularExpressions.Regex.Match(
            listed, "<td>30/08/2027</td><td>03/09/2027</td>.*?name=\"id\" value=\"(\\d+)\"", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        bool WorkingOn(DateOnly day)
        {
            using var scope = app.App.Services.CreateScope();
            return scope.ServiceProvider.GetRequiredService<WorkingDayCalendar>().IsWorkingDay(day);
        }

        var offBefore = !WorkingOn(new DateOnly(2027, 8, 30));
        var removed = await admin.PostAsync("/Admin/Calendar?handler=Remove", Form(token, ("id", id), ("year", "2027")));

        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Contains("mục 2: ngày làm bù 06/09/2027 không phải thứ Bảy hay Chủ nhật", await broken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, whole.StatusCode);
        Assert.Contains("Nghỉ Quốc khánh", listed, StringComparison.Ordinal);
        Assert.True(offBefore);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.True(WorkingOn(new DateOnly(2027, 8, 30)));
        Assert.True(WorkingOn(new DateOnly(2027, 8, 28)));
        // Each stored line and the removal are in the audit trail, named by the line's first day; the refused file left nothing.
        using var audit = app.App.Services.CreateScope();
        var entries = await audit.ServiceProvider.GetRequiredService<DonDoc.Data.Storage.DonDocDbContext>().AuditEntries
            .Where(e => e.Action.StartsWith("calendar.")).OrderBy(e => e.Id).Select(e => new { e.Action, e.Subject, e.UserName, e.Before, e.After }).ToListAsync();
        Assert.Equal(
            ["calendar.announce calendar:2027-08-30", "calendar.announce calendar:2027-08-28", "calendar.remove calendar:2027-08-30"],
            entries.Select(e => $"{e.Action} {e.Subject}").ToArray());
        Assert.Contains("Nghỉ Quốc khánh", entries[0].After, StringComparison.Ordinal);
        Assert.Null(entries[2].After);
        Assert.Contains("2027-09-03", entries[2].Before, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_administrator_edits_the_calendar()
    {
        await using var app = await RunningApp.StartAsync();
        await app.AddUserAsync("vanphong@example.vn", "monitor");
        using var monitor = await app.BrowserClientAsync("vanphong@example.vn");

        var page = await monitor.GetAsync("/Admin/Calendar");

        Assert.Contains(page.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.Redirect });
        if (page.StatusCode == HttpStatusCode.Redirect)
        {
            Assert.Contains("/Account/AccessDenied", page.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
    }

    private static MultipartFormDataContent File(string token, string json)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Add(file, "file", "ngay-nghi-2027.json");
        content.Add(new StringContent(token), "__RequestVerificationToken");
        return content;
    }
}
