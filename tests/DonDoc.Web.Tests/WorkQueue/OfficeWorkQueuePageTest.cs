using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using DonDoc.Web.Tests.Hosting;
using static DonDoc.Web.Tests.Hosting.PlanFixture;

namespace DonDoc.Web.Tests.WorkQueue;

/// <summary>The office's work queue (/VanPhong/ViecCanXuLy): what waits for a decision is on one page and counted in the menu, until decided.</summary>
public sealed partial class OfficeWorkQueuePageTest
{
    private const string Path = "/VanPhong/ViecCanXuLy";
    private const string Inspect = "Kiểm tra công tác văn thư";   // split: Sở Nội vụ's copy
    private const string Digitise = "Số hóa hồ sơ";               // Sở Tài chính leads, Quý IV/2027
    private const string Congress = "Quán triệt";                 // waits for the provincial Party congress

    [GeneratedRegex("id=\"work-queue-count\">(\\d+)<")]
    private static partial Regex MenuCount();

    private static int? CountIn(string html) => MenuCount().Match(html) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    /// <summary>The HTML of one section of the page.</summary>
    private static string Section(string html, string id)
    {
        var start = html.IndexOf($"<section id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"section {id}");
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string handler, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await RunningApp.AntiforgeryTokenAsync(client, Path);
        return await client.PostAsync($"{Path}?handler={handler}", new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task A_reported_completion_and_a_requested_extension_are_on_the_page_and_in_the_menu_count_until_decided()
    {
        await using var plan = await PlanFixture.StartAsync();
        using var noiVu = await plan.App.ApiClientAsync(NoiVu);
        using var taiChinh = await plan.App.ApiClientAsync(TaiChinh);
        using var office = await plan.App.BrowserClientAsync(Office);
        using var otherOffice = await plan.App.BrowserClientAsync(OtherOffice);
        var inspect = plan.TaskId(Inspect, "Sở Nội vụ");
        var digitise = plan.TaskId(Digitise);
        var before = await office.GetStringAsync(Path);

        (await noiVu.PostAsJsonAsync($"/api/tasks/{inspect}/completion", new { summary = "Đã kiểm tra 12 cơ quan" })).EnsureSuccessStatusCode();
        var requested = await taiChinh.PostAsJsonAsync($"/api/tasks/{digitise}/extensions", new { newDue = "2028-03-31", reason = "Chờ bố trí kinh phí năm 2028" });
        requested.EnsureSuccessStatusCode();
        var extensionId = (await requested.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var pending = await office.GetStringAsync(Path);
        var elsewhere = await office.GetStringAsync("/?list=1");
        var foreign = await otherOffice.GetStringAsync(Path);

        Assert.Null(CountIn(before));
        Assert.Equal(2, CountIn(pending));
        Assert.Equal(2, CountIn(elsewhere));
        Assert.Contains($"href=\"/Tasks/{inspect}\"", Section(pending, "completions"), StringComparison.Ordinal);
        Assert.Contains("Đã kiểm tra 12 cơ quan", Section(pending, "completions"), StringComparison.Ordinal);
        Assert.Contains($"href=\"/Tasks/{digitise}\"", Section(pending, "extensions"), StringComparison.Ordinal);
        Assert.Contains("31/03/2028", Section(pending, "extensions"), StringComparison.Ordinal);
        Assert.Contains($"href=\"/Tasks/{plan.TaskId(Congress)}\"", Section(pending, "waiting"), StringComparison.Ordinal);
        Assert.Null(CountIn(foreign));
        Assert.DoesNotContain($"href=\"/Tasks/{inspect}\"", foreign, StringComparison.Ordinal);

        var version = Regex.Match(Section(pending, "completions"), $"name=\"taskId\" value=\"{inspect}\" />\\s*<input type=\"hidden\" name=\"version\" value=\"(\\d+)\"").Groups[1].Value;
        var accepted = await PostAsync(office, "Review", new() { ["taskId"] = inspect.ToString(CultureInfo.InvariantCulture), ["version"] = version, ["decision"] = "accept" });
        var approved = await PostAsync(office, "Decide", new() { ["extensionId"] = extensionId.ToString(CultureInfo.InvariantCulture), ["decision"] = "approve", ["note"] = "Đồng ý" });
        var decided = await office.GetStringAsync(Path);
        var task = await noiVu.GetFromJsonAsync<JsonElement>($"/api/tasks/{inspect}");

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Null(CountIn(decided));
        Assert.DoesNotContain($"href=\"/Tasks/{inspect}\"", Section(decided, "completions"), StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/Tasks/{digitise}\"", Section(decided, "extensions"), StringComparison.Ordinal);
        Assert.Equal("Accepted", task.GetProperty("task").GetProperty("completion").GetString());
    }

    [Fact]
    public async Task A_return_without_a_reason_is_refused_on_the_page_and_the_completion_stays_in_the_queue()
    {
        await using var plan = await PlanFixture.StartAsync();
        using var noiVu = await plan.App.ApiClientAsync(NoiVu);
        using var office = await plan.App.BrowserClientAsync(Office);
        var inspect = plan.TaskId(Inspect, "Sở Nội vụ");
        (await noiVu.PostAsJsonAsync($"/api/tasks/{inspect}/completion", new { summary = "Xong" })).EnsureSuccessStatusCode();

        var refused = await PostAsync(office, "Review", new() { ["taskId"] = inspect.ToString(CultureInfo.InvariantCulture), ["decision"] = "return" });
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Trả lại nhiệm vụ cần ghi rõ lý do.", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Tasks/{inspect}\"", Section(html, "completions"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agency_officer_has_no_work_queue_and_no_menu_entry()
    {
        await using var plan = await PlanFixture.StartAsync();
        using var noiVu = await plan.App.BrowserClientAsync(NoiVu);

        var page = await noiVu.GetAsync(Path);
        var home = await noiVu.GetStringAsync("/?list=1");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", page.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"work-queue\"", home, StringComparison.Ordinal);
    }
}
