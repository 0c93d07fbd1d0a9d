using System.Net;
using System.Text.RegularExpressions;
using DonDoc.Web.Tests.Hosting;
using static DonDoc.Web.Tests.Hosting.PlanFixture;

namespace DonDoc.Web.Tests.Tracking;

/// <summary>
/// "Lịch hạn" over the published fixture plan (today 25/11/2026): the month grid counts the open deadlines of each
/// day from the stored due keys, for everything, an agency or the reader's own; the week list names them; days off
/// from the working-day calendar are marked.
/// </summary>
public sealed partial class DeadlineCalendarPageTest(PlansOnEveryDatabase plans) : IClassFixture<PlansOnEveryDatabase>
{
    private const string Inspection = "Kiểm tra công tác văn thư, lưu trữ"; // 15/12/2026, one task for Sở Nội vụ and one for Sở Tài chính

    [Theory]
    [MemberData(nameof(RunningApp.Providers), MemberType = typeof(RunningApp))]
    public async Task The_office_sees_every_deadline_of_the_month_and_the_days_off(string provider)
    {
        var plan = await plans.PlanAsync(provider);
        using var office = await plan.App.BrowserClientAsync(Office);

        var december = await office.GetStringAsync("/LichHan?thang=2026-12");
        var june = await office.GetStringAsync("/LichHan?thang=2026-06");

        Assert.Equal("2", Cell(december, "2026-12-15").Due);
        Assert.Null(Cell(december, "2026-12-16").Due);
        Assert.Contains("day-off", Cell(december, "2026-12-05").Class, StringComparison.Ordinal); // a Saturday
        Assert.DoesNotContain("day-off", Cell(december, "2026-12-04").Class, StringComparison.Ordinal);
        var newYear = Cell(december, "2027-01-01"); // in the grid's last week
        Assert.Contains("day-off", newYear.Class, StringComparison.Ordinal);
        Assert.Contains("outside", newYear.Class, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(newYear.Title), "the public holiday has no name");
        Assert.Contains("due-count overdue", Cell(june, "2026-06-30").Html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/LichHan?thang=2026-12&amp;ngay=2026-12-15#ngay-2026-12-15\"", december, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RunningApp.Providers), MemberType = typeof(RunningApp))]
    public async Task The_week_list_names_each_days_tasks_with_links(string provider)
    {
        var plan = await plans.PlanAsync(provider);
        using var office = await plan.App.BrowserClientAsync(Office);

        var week = await office.GetStringAsync("/LichHan?ngay=2026-12-15");
        var day = WeekDay().Match(week);
        var newYearWeek = await office.GetStringAsync("/LichHan?ngay=2027-01-01");

        Assert.Contains("Tuần 14/12/2026 – 20/12/2026", week, StringComparison.Ordinal);
        Assert.True(day.Success, "no list for 15/12/2026");
        Assert.Contains($"href=\"/Tasks/{plan.TaskId(Inspection, "Sở Nội vụ")}\"", day.Value, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Tasks/{plan.TaskId(Inspection, "Sở Tài chính")}\"", day.Value, StringComparison.Ordinal);
        Assert.Contains("Thứ Ba, 15/12/2026", day.Value, StringComparison.Ordinal);
        Assert.Matches("id=\"ngay-2027-01-01\" class=\"week-day day-off\"", newYearWeek);
    }

    [Theory]
    [MemberData(nameof(RunningApp.Providers), MemberType = typeof(RunningApp))]
    public async Task An_agency_sees_only_its_own_deadlines_and_the_office_can_pick_one(string provider)
    {
        var plan = await plans.PlanAsync(provider);
        using var taiChinh = await plan.App.BrowserClientAsync(TaiChinh);
        using var tuPhap = await plan.App.BrowserClientAsync(TuPhap);
        using var office = await plan.App.BrowserClientAsync(Office);
        var taiChinhId = plan.Tasks.First(t => t.GetProperty("leadAgency").GetString() == "Sở Tài chính").GetProperty("leadAgencyId").GetInt32();

        var own = await taiChinh.GetStringAsync("/LichHan?thang=2026-12");
        var askedForAll = await taiChinh.GetStringAsync("/LichHan?thang=2026-12&pham_vi=tat-ca");
        var other = await tuPhap.GetStringAsync("/LichHan?thang=2026-12");
        var picked = await office.GetStringAsync($"/LichHan?thang=2026-12&pham_vi=co-quan&co_quan={taiChinhId}");
        var week = await taiChinh.GetStringAsync("/LichHan?ngay=2026-12-15");

        Assert.Equal("1", Cell(own, "2026-12-15").Due);
        Assert.Equal("1", Cell(askedForAll, "2026-12-15").Due);
        Assert.Null(Cell(other, "2026-12-15").Due);
        Assert.Equal("1", Cell(picked, "2026-12-15").Due);
        Assert.Contains("Sở Tài chính", picked, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Tasks/{plan.TaskId(Inspection, "Sở Tài chính")}\"", week, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/Tasks/{plan.TaskId(Inspection, "Sở Nội vụ")}\"", week, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"calendar-scope\"", own, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RunningApp.Providers), MemberType = typeof(RunningApp))]
    public async Task An_office_member_s_own_calendar_holds_the_plans_they_manage(string provider)
    {
        var plan = await plans.PlanAsync(provider);
        using var office = await plan.App.BrowserClientAsync(Office);
        using var otherOffice = await plan.App.BrowserClientAsync(OtherOffice);

        var own = await office.GetStringAsync("/LichHan?thang=2026-12&pham_vi=cua-toi");
        var others = await otherOffice.GetStringAsync("/LichHan?thang=2026-12&pham_vi=cua-toi");

        Assert.Equal("2", Cell(own, "2026-12-15").Due);
        Assert.Null(Cell(others, "2026-12-15").Due);
        Assert.Contains("kế hoạch tôi quản lý", others, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RunningApp.Providers), MemberType = typeof(RunningApp))]
    public async Task A_month_that_is_not_one_is_refused_in_Vietnamese(string provider)
    {
        var plan = await plans.PlanAsync(provider);
        using var office = await plan.App.BrowserClientAsync(Office);

        var response = await office.GetAsync("/LichHan?thang=2026-13");
        var menu = await office.GetStringAsync("/Dashboard");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("2026-13&quot; của ô tháng không hợp lệ.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("href=\"/LichHan\" id=\"calendar-link\"", menu, StringComparison.Ordinal);
    }

    private sealed record DayCell(string Class, string? Title, string? Due, string Html);

    private static DayCell Cell(string html, string day)
    {
        var match = Regex.Match(html, $"<td class=\"([^\"]*)\" data-day=\"{day}\"( title=\"([^\"]*)\")?>(.*?)</td>", RegexOptions.Singleline);
        Assert.True(match.Success, $"no cell for {day}");
        var due = Regex.Match(match.Groups[4].Value, "data-due=\"(\\d+)\"");
        return new DayCell(match.Groups[1].Value, match.Groups[3].Success ? match.Groups[3].Value : null, due.Success ? due.Groups[1].Value : null, match.Groups[4].Value);
    }

    [GeneratedRegex("<div id=\"ngay-2026-12-15\".*?</div>", RegexOptions.Singleline)]
    private static partial Regex WeekDay();
}
