using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using DonDoc.Data.Storage;
using DonDoc.Tracking.Accounts;
using DonDoc.Web.Tests.Hosting;
using DonDoc.Web.Tests.Tracking;
using Microsoft.EntityFrameworkCore;
using static DonDoc.Web.Tests.Hosting.PlanFixture;

namespace DonDoc.Web.Tests.Api;

/// <summary>Service accounts' API keys (made on the admin page, shown once, hashed, scoped, revocable) and Idempotency-Key.</summary>
public sealed partial class ServiceAccountTest
{
    [Theory]
    [MemberData(nameof(RunningApp.Providers), MemberType = typeof(RunningApp))]
    public async Task A_key_made_on_the_admin_page_is_shown_once_stored_as_its_hash_opens_the_API_and_stops_when_revoked(string provider)
    {
        await using var app = await RunningApp.StartOnAsync(provider);
        using var admin = await app.BrowserClientAsync(RunningApp.AdminEmail);

        var key = await CreateKeyAsync(admin, "Hệ thống văn bản điều hành", "Read", null);
        using var machine = KeyClient(app, key);
        var me = await machine.GetFromJsonAsync<JsonElement>("/api/me");
        var list = await admin.GetStringAsync("/Admin/ApiKeys");
        using (var scope = app.App.Services.CreateScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<DonDocDbContext>().ApiKeys.SingleAsync();
            Assert.Equal(ApiKeys.Hash(key), stored.SecretHash);
            Assert.DoesNotContain(key[^20..], stored.SecretHash + stored.Prefix + stored.Name, StringComparison.Ordinal);
            Assert.NotNull(stored.LastUsedAt);
        }

        var id = Regex.Match(list, "name=\"id\" value=\"(\\d+)\"").Groups[1].Value;
        var revoked = await admin.PostAsync("/Admin/ApiKeys?handler=Revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = id,
            ["__RequestVerificationToken"] = await RunningApp.AntiforgeryTokenAsync(admin, "/Admin/ApiKeys"),
        }));
        var after = await machine.GetAsync("/api/me");
        using var wrong = KeyClient(app, key[..^2] + "xx");

        Assert.Equal("Hệ thống văn bản điều hành", me.GetProperty("name").GetString());
        Assert.Equal(new[] { "leader" }, me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
        Assert.DoesNotContain(key, list, StringComparison.Ordinal);
        Assert.Contains(key[..12], list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal("application/problem+json", after.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("/api/tasks")).StatusCode);
        Assert.Contains("Đã thu hồi", await admin.GetStringAsync("/Admin/ApiKeys"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_read_key_reads_every_task_and_changes_nothing_and_an_agency_key_reports_only_for_its_agency()
    {
        await using var plan = await PlanFixture.StartAsync();
        using var admin = await plan.App.BrowserClientAsync(RunningApp.AdminEmail);
        using var reader = KeyClient(plan.App, await CreateKeyAsync(admin, "Nền tảng LGSP", "Read", null));
        using var noiVu = KeyClient(plan.App, await CreateKeyAsync(admin, "Phần mềm của Sở Nội vụ", "Agency", "Sở Nội vụ"));
        var own = plan.TaskId("Kiểm tra công tác văn thư", "Sở Nội vụ");
        var other = plan.Tasks.First(t => t.GetProperty("leadAgency").GetString() != "Sở Nội vụ").GetProperty("id").GetInt32();

        var all = await reader.GetFromJsonAsync<JsonElement>($"/api/tasks?plan={plan.PlanId}");
        var readerReport = await reader.PostAsJsonAsync($"/api/tasks/{own}/progress", new { percent = 10, summary = "Thử" });
        var readerImport = await reader.PostAsync("/api/imports", new MultipartFormDataContent { { new ByteArrayContent("x"u8.ToArray()), "file", "a.txt" } });
        var ownReport = await noiVu.PostAsJsonAsync($"/api/tasks/{own}/progress", new { percent = 40, summary = "Đã kiểm tra 4 cơ quan" });
        var otherReport = await noiVu.PostAsJsonAsync($"/api/tasks/{other}/progress", new { percent = 40, summary = "Không phải việc của Sở" });
        var details = await noiVu.GetFromJsonAsync<JsonElement>($"/api/tasks/{own}");

        Assert.Equal(plan.Tasks.Count, all.GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.Forbidden, readerReport.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, readerImport.StatusCode);
        Assert.Equal(HttpStatusCode.Created, ownReport.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherReport.StatusCode);
        Assert.Equal("Phần mềm của Sở Nội vụ", details.GetProperty("reports")[0].GetProperty("author").GetString());
    }

    [Theory]
    [MemberData(nameof(RunningApp.Providers), MemberType = typeof(RunningApp))]
    public async Task A_retried_report_with_the_same_Idempotency_Key_gets_the_first_answer_and_is_stored_once(string provider)
    {
        await using var plan = await PlanFixture.StartOnAsync(provider);
        using var noiVu = await plan.App.ApiClientAsync(NoiVu);
        var id = plan.TaskId("Kiểm tra công tác văn thư", "Sở Nội vụ");

        var first = await noiVu.SendAsync(Progress(id, "key-1", "Đã kiểm tra 7 cơ quan", boundary: "first"));
        var retry = await noiVu.SendAsync(Progress(id, "key-1", "Đã kiểm tra 7 cơ quan", boundary: "second-try"));
        var reused = await noiVu.SendAsync(Progress(id, "key-1", "Một báo cáo khác", boundary: "third"));
        var fresh = await noiVu.SendAsync(Progress(id, "key-2", "Đã kiểm tra 8 cơ quan", boundary: "fourth"));
        var blank = await noiVu.SendAsync(Progress(id, "key with spaces", "Đã kiểm tra 9 cơ quan", boundary: "fifth"));
        using var office = await plan.App.ApiClientAsync(Office);
        var sameKeyOtherAccount = await office.SendAsync(Progress(id, "key-1", "Đã kiểm tra 7 cơ quan", boundary: "sixth"));
        var details = await noiVu.GetFromJsonAsync<JsonElement>($"/api/tasks/{id}");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Contains("Idempotency-Key", (await blank.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        // Keys are per account: the office's request is judged afresh (an office does not report progress), not replayed.
        Assert.Equal(HttpStatusCode.Forbidden, sameKeyOtherAccount.StatusCode);
        Assert.Equal(
            ["Đã kiểm tra 7 cơ quan", "Đã kiểm tra 8 cơ quan"],
            details.GetProperty("reports").EnumerateArray().Where(r => r.GetProperty("summary").GetString()!.StartsWith("Đã kiểm tra", StringComparison.Ordinal))
                .Select(r => r.GetProperty("summary").GetString()!).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task A_retried_import_with_the_same_key_makes_one_draft()
    {
        await using var plan = await PlanFixture.StartAsync();
        using var office = await plan.App.ApiClientAsync(Office);
        var bytes = await File.ReadAllBytesAsync(FixturePath("ke-hoach-cai-cach.txt"));

        HttpRequestMessage Import(string boundary)
        {
            var form = new MultipartFormDataContent(boundary) { { new ByteArrayContent(bytes), "file", "ke-hoach.txt" } };
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/imports") { Content = form };
            request.Headers.Add("Idempotency-Key", "import-2026-77");
            return request;
        }

        var first = await office.SendAsync(Import("a"));
        var retry = await office.SendAsync(Import("b"));
        var plans = await office.GetFromJsonAsync<JsonElement>("/api/plans?total=true");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(
            (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32(),
            (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32());
        Assert.Equal(2, plans.GetProperty("total").GetInt32());
    }

    private static HttpRequestMessage Progress(int taskId, string key, string summary, string boundary)
    {
        var form = new MultipartFormDataContent(boundary)
        {
            { new StringContent("60"), "percent" },
            { new StringContent(summary), "summary" },
            { new ByteArrayContent(Evidence.Pdf("bien ban")), "files", "bien-ban.pdf" },
        };
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tasks/{taskId}/progress") { Content = form };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return request;
    }

    public static HttpClient KeyClient(RunningApp app, string key)
    {
        var client = new HttpClient { BaseAddress = app.Address, Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    /// <summary>Makes a key on /Admin/ApiKeys and reads it from the page, the one time it is shown.</summary>
    public static async Task<string> CreateKeyAsync(HttpClient admin, string name, string scope, string? agency)
    {
        var response = await admin.PostAsync("/Admin/ApiKeys?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = name,
            ["scope"] = scope,
            ["agency"] = agency ?? "",
            ["__RequestVerificationToken"] = await RunningApp.AntiforgeryTokenAsync(admin, "/Admin/ApiKeys"),
        }));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return NewKey().Match(html).Groups[1].Value is { Length: > 0 } key ? key : throw new InvalidOperationException("no key on the page: " + html);
    }

    [GeneratedRegex("<code id=\"new-key\">(ddk_[^<]+)</code>")]
    private static partial Regex NewKey();
}
