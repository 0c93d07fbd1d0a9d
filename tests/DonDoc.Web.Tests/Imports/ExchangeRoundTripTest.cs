using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DonDoc.Web.Tests.Hosting;
using static DonDoc.Web.Tests.Hosting.PlanFixture;

namespace DonDoc.Web.Tests.Imports;

/// <summary>
/// A published plan exported in the exchange format (JSON and Excel) and uploaded again: the draft it makes, once
/// published, has the same tasks, deadlines, leads and coordinators; a broken file is refused and stores nothing.
/// </summary>
public sealed class ExchangeRoundTripTest
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>What must survive the round trip, task by task, in the plan's order.</summary>
    private static List<string> Shape(JsonElement tasks) => tasks.GetProperty("items").EnumerateArray()
        .Select(t => string.Join(" | ",
            t.GetProperty("sectionId").GetString(), t.GetProperty("number").GetString(), t.GetProperty("content").GetString(),
            t.GetProperty("leadAgency").GetString(),
            string.Join("; ", t.GetProperty("coordinatorAgencies").EnumerateArray().Select(c => c.GetString()).Order(StringComparer.Ordinal)),
            t.GetProperty("deadlineRaw").GetString(), t.GetProperty("deadlineKind").GetString(), t.GetProperty("due").ToString()))
        .Order(StringComparer.Ordinal)
        .ToList();

    private static HttpRequestMessage Upload(byte[] content, string fileName, string? key = null)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", fileName } };
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/imports") { Content = form };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return request;
    }

    private static async Task<List<string>> RoundTripAsync(PlanFixture plan, HttpClient office, string format, string fileName)
    {
        var exported = await office.GetAsync($"/api/plans/{plan.PlanId}/export?format={format}");
        Assert.Equal(HttpStatusCode.OK, exported.StatusCode);
        Assert.Equal(format == "xlsx" ? Xlsx : "application/json", exported.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith("." + format, exported.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        var bytes = await exported.Content.ReadAsByteArrayAsync();

        // A retried upload with the same key makes one draft.
        var first = await office.SendAsync(Upload(bytes, fileName, key: $"exchange-{format}"));
        var retry = await office.SendAsync(Upload(bytes, fileName, key: $"exchange-{format}"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        var draft = await first.Content.ReadFromJsonAsync<JsonElement>();
        var id = draft.GetProperty("id").GetInt32();
        Assert.Equal(id, (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32());

        // The header comes across; every row has one lead the directory knows, so the draft publishes as it is.
        Assert.Equal("77/KH-UBND", draft.GetProperty("number").GetString());
        Assert.Equal("Kế hoạch cải cách hành chính năm 2026", draft.GetProperty("title").GetString());
        Assert.All(draft.GetProperty("rows").EnumerateArray(), r => Assert.Equal(0, r.GetProperty("leadChoices").GetArrayLength()));
        var published = await office.PostAsync($"/api/imports/{id}/publish", null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        return Shape(await office.GetFromJsonAsync<JsonElement>($"/api/tasks?plan={id}&limit=100"));
    }

    [Fact]
    public async Task Exported_plan_json_imports_back_with_the_same_tasks_deadlines_and_leads()
    {
        await using var plan = await PlanFixture.StartAsync();
        using var office = await plan.App.ApiClientAsync(Office);
        using var noiVu = await plan.App.ApiClientAsync(NoiVu);
        var reviewed = plan.TaskId("Rà soát thủ tục hành chính");
        Assert.Equal(HttpStatusCode.Created, (await noiVu.PostAsJsonAsync($"/api/tasks/{reviewed}/progress", new { percent = 40, summary = "Đã rà soát 12 thủ tục" })).StatusCode);
        var original = Shape(await office.GetFromJsonAsync<JsonElement>($"/api/tasks?plan={plan.PlanId}&limit=100"));

        var json = await office.GetFromJsonAsync<JsonElement>($"/api/plans/{plan.PlanId}/export?format=json");
        var again = await RoundTripAsync(plan, office, "json", "ke-hoach-trao-doi.json");

        Assert.Equal(original, again);
        // The split row II.3 went out as two tasks, each naming its one lead, and came back as two.
        Assert.Equal(7, again.Count);
        Assert.Equal("dondoc-exchange", json.GetProperty("format").GetString());
        Assert.Equal("published", json.GetProperty("state").GetString());
        var task = json.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("content").GetString()!.StartsWith("Rà soát thủ tục", StringComparison.Ordinal));
        var tracking = task.GetProperty("tracking");
        Assert.Equal("2026-06-30", task.GetProperty("deadline").GetProperty("due").GetString());
        Assert.Equal("2026-06-30", tracking.GetProperty("due").GetString());
        // The product lists two items, so the task's percent comes from its checklist; the report's own percent is kept too.
        var details = await office.GetFromJsonAsync<JsonElement>($"/api/tasks/{reviewed}");
        Assert.Equal(details.GetProperty("task").GetProperty("percentDone").GetInt32(), tracking.GetProperty("percent_done").GetInt32());
        Assert.Equal(40, tracking.GetProperty("progress").GetProperty("last_percent").GetInt32());
        Assert.Equal(1, tracking.GetProperty("progress").GetProperty("reports").GetInt32());
        Assert.Equal("Đã rà soát 12 thủ tục", tracking.GetProperty("progress").GetProperty("last_summary").GetString());
        Assert.Equal(
            ["Sở Nội vụ:lead", "Sở Tư pháp:coordinator"],
            tracking.GetProperty("assignments").EnumerateArray().Select(a => $"{a.GetProperty("agency").GetString()}:{a.GetProperty("role").GetString()}").ToArray());
    }

    [Fact]
    public async Task Exported_plan_workbook_imports_back_with_the_same_tasks_deadlines_and_leads()
    {
        await using var plan = await PlanFixture.StartAsync();
        using var office = await plan.App.ApiClientAsync(Office);
        var original = Shape(await office.GetFromJsonAsync<JsonElement>($"/api/tasks?plan={plan.PlanId}&limit=100"));

        var again = await RoundTripAsync(plan, office, "xlsx", "ke-hoach-trao-doi.xlsx");

        Assert.Equal(original, again);
    }

    [Fact]
    public async Task A_broken_exchange_json_is_refused_in_vietnamese_and_nothing_is_stored()
    {
        await using var plan = await PlanFixture.StartAsync();
        using var office = await plan.App.ApiClientAsync(Office);
        var before = (await office.GetFromJsonAsync<JsonElement>("/api/plans?total=true")).GetProperty("total").GetInt32();
        var broken = Encoding.UTF8.GetBytes("{\n  \"format\": \"dondoc-exchange\",\n  \"tasks\": [ {\"content\": \"Nhiệm vụ\" ]\n}");

        var response = await office.SendAsync(Upload(broken, "ke-hoach.json", key: "broken-1"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var after = (await office.GetFromJsonAsync<JsonElement>("/api/plans?total=true")).GetProperty("total").GetInt32();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("tệp JSON bị lỗi cú pháp ở dòng 3", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task An_agency_officer_exports_only_its_own_tasks_and_an_unknown_format_or_plan_is_refused()
    {
        await using var plan = await PlanFixture.StartAsync();
        using var tuPhap = await plan.App.ApiClientAsync(TuPhap);
        using var office = await plan.App.ApiClientAsync(Office);
        var draft = (await ImportAsync(office, "ke-hoach-cai-cach.txt")).GetProperty("id").GetInt32();

        // A draft is exported as the reviewer left it, with nothing tracked; only the office that manages it sees it.
        var draftFile = await office.GetFromJsonAsync<JsonElement>($"/api/plans/{draft}/export?format=json");
        Assert.Equal("draft", draftFile.GetProperty("state").GetString());
        Assert.Equal(6, draftFile.GetProperty("tasks").GetArrayLength());
        Assert.All(draftFile.GetProperty("tasks").EnumerateArray(), t => Assert.False(t.TryGetProperty("tracking", out _)));
        Assert.Equal(HttpStatusCode.NotFound, (await tuPhap.GetAsync($"/api/plans/{draft}/export")).StatusCode);

        var own = await tuPhap.GetFromJsonAsync<JsonElement>($"/api/plans/{plan.PlanId}/export");
        var visible = await tuPhap.GetFromJsonAsync<JsonElement>($"/api/tasks?plan={plan.PlanId}&limit=100");
        var badFormat = await office.GetAsync($"/api/plans/{plan.PlanId}/export?format=csv");
        var missing = await office.GetAsync("/api/plans/9999/export");

        Assert.Equal(
            visible.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("content").GetString()).Order(StringComparer.Ordinal),
            own.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("content").GetString()).Order(StringComparer.Ordinal));
        Assert.True(own.GetProperty("tasks").GetArrayLength() < 7);
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
        Assert.Contains("json hoặc xlsx", (await badFormat.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task The_plan_page_offers_the_exchange_files_for_download()
    {
        await using var plan = await PlanFixture.StartAsync();
        using var browser = await plan.App.BrowserClientAsync(Office);

        var page = await browser.GetStringAsync($"/Plans/{plan.PlanId}");
        var workbook = await browser.GetAsync($"/Plans/{plan.PlanId}?handler=Export&format=xlsx");
        var json = await browser.GetAsync($"/Plans/{plan.PlanId}?handler=Export&format=json");
        var other = await browser.GetAsync($"/Plans/{plan.PlanId}?handler=Export&format=csv");

        Assert.Contains($"/Plans/{plan.PlanId}?handler=Export&amp;format=xlsx", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, workbook.StatusCode);
        Assert.Equal(Xlsx, workbook.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal("dondoc-exchange", (await json.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("format").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Contains("json hoặc xlsx", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
