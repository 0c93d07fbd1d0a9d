using System.Net;
using System.Text.RegularExpressions;
using DonDoc.Web.Tests.Hosting;

namespace DonDoc.Web.Tests.Tracking;

/// <summary>The events page offers the events tasks wait for and names the tasks a recorded event dated (issue #17 item 10).</summary>
public sealed partial class EventsPageTest
{
    [Fact]
    public async Task The_office_picks_the_event_a_task_waits_for_and_the_page_names_the_task_it_dated()
    {
        await using var plan = await PlanFixture.StartAsync();
        using var office = await plan.App.BrowserClientAsync(PlanFixture.Office);
        var before = await office.GetStringAsync("/Events");
        var token = await RunningApp.AntiforgeryTokenAsync(office, "/Events");
        var option = OptionOf().Match(before);

        Assert.True(option.Success, before);
        Assert.Contains("Đại hội Đảng bộ tỉnh", option.Groups["name"].Value, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<table id=\"awaited-events\">", before, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/Tasks/{plan.TaskId("Quán triệt")}\">Quán triệt Nghị quyết Đại hội Đảng bộ tỉnh</a> (Sau Đại hội Đảng bộ tỉnh 15 ngày)", before, StringComparison.Ordinal);

        var recorded = await office.PostAsync("/Events", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["awaited"] = WebUtility.HtmlDecode(option.Groups["name"].Value),
            ["name"] = "",
            ["occurredOn"] = "20/11/2026",
            ["__RequestVerificationToken"] = token,
        }));
        var after = await office.GetStringAsync("/Events");
        var again = await office.GetStringAsync("/Events");

        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.Contains("Đã ghi nhận. 1 nhiệm vụ đã được xác định thời hạn.", after, StringComparison.Ordinal);
        Assert.Contains($"<td>77/KH-UBND</td><td>1</td><td><a href=\"/Tasks/{plan.TaskId("Quán triệt")}\">Quán triệt Nghị quyết Đại hội Đảng bộ tỉnh</a></td><td>05/12/2026</td>", after, StringComparison.Ordinal);
        Assert.DoesNotContain("<table id=\"awaited-events\">", after, StringComparison.Ordinal);
        Assert.Contains("Không có nhiệm vụ nào đang chờ sự kiện hoặc điều kiện.", after, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"dated-tasks\"", again, StringComparison.Ordinal);
    }

    [GeneratedRegex("<option value=\"(?<name>[^\"]+)\">[^<]*1 nhiệm vụ\\)</option>")]
    private static partial Regex OptionOf();
}
