using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using DonDoc.Data.Storage;
using DonDoc.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using static DonDoc.Web.Tests.Hosting.PlanFixture;

namespace DonDoc.Web.Tests.Tracking;

/// <summary>Each step of the tracking workflow, and each refusal. The app's clock stands at 25/11/2026.</summary>
public sealed class WorkflowTest
{
    private const string Review = "Rà soát thủ tục hành chính";   // Sở Nội vụ leads, due 30/6/2026 (overdue), two products
    private const string Digitise = "Số hóa hồ sơ";               // Sở Tài chính leads, Sở Nội vụ coordinates, Quý IV/2027
    private const string Inspect = "Kiểm tra công tác văn thư";   // split: Sở Nội vụ's copy due 15/12/2026
    private const string Propaganda = "Tuyên truyền";             // continuous
    private const string Congress = "Quán triệt";                 // 15 days after the provincial Party congress

    private static MultipartFormDataContent Form(Dictionary<string, string> fields, params (string Name, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (key, value) in fields)
        {
            form.Add(new StringContent(value), key);
        }

        foreach (var (name, bytes) in files)
        {
            form.Add(new ByteArrayContent(bytes), "files", name);
        }

        return form;
    }

    private static async Task<JsonElement> TaskAsync(HttpClient api, int id) => await api.GetFromJsonAsync<JsonElement>($"/api/tasks/{id}");

    private static async Task<string?> DetailAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();

    [Fact]
    public async Task The_lead_reports_progress_with_a_file_stored_by_its_hash_outside_the_database()
    {
        await using var plan = await PlanFixture.StartAsync();
        using var noiVu = await plan.App.ApiClientAsync(NoiVu);
        var id = plan.TaskId(Review);

        var posted = await noiVu.PostAsync($"/api/tasks/{id}/progress", Form(
            new() { ["percent"] = "40", ["summary"] = "Đã rà soát 40 thủ tục", ["difficulties"] = "Thiếu nhân lực", ["proposals"] = "Bổ sung 01 biên chế" },
            ("anh-chup.png", Evidence.Png)));
        var task = await TaskAsync(noiVu, id);
        var report = task.GetProperty("reports")[0];
        var file = report.GetProperty("files")[0];
        var download = await noiVu.GetByteArrayAsync($"/api/files/{file.GetProperty("id").GetInt32()}");
        var sha = Convert.ToHexStringLower(SHA256.HashData(Evidence.Png));

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.Equal("Đã rà soát 40 thủ tục", report.GetProperty("summary").GetString());
        Assert.Equal("Thiếu nhân lực", report.GetProperty("difficulties").GetString());
        Assert.Equal(sha, file.GetProperty("sha256").GetString());
        Assert.Equal("png", file.GetProperty("fileType").GetString());
        Assert.Equal(Evidence.Png, download);
        Assert.True(File.Exists(Path.Combine(plan.App.EvidenceDirectory, sha[..2], sha)));
        Assert.Equal(0, task.GetProperty("task").GetProperty("percentDone").GetInt32()); // the task has a checklist: ticks drive the percent
    }

    [Fact]
    public async Task Updates_are_kept_newest_first_with_the_coordinators_contributions()
    {
        await using var plan = await PlanFixture.StartAsync();
        using var taiChinh = await plan.App.ApiClientAsync(TaiChinh);
        using var noiVu = await plan.App.ApiClientAsync(NoiVu);
        var id = plan.TaskId(Digitise);

        await taiChinh.PostAsJsonAsync($"/api/tasks/{id}/progress", new { percent = 20, summary = "Lần một" });
        plan.App.Clock.Advance(TimeSpan.FromHours(1));
        await noiVu.PostAsJsonAsync($"/api/tasks/{id}/progress", new { summary = "Sở Nội vụ đã cung cấp danh mục" });
        plan.App.Clock.Advance(TimeSpan.FromHours(1));
        await taiChinh.PostAsJsonAsync($"/api/tasks/{id}/progress", new { percent = 35, summary = "Lần hai" });

        var task = await TaskAsync(taiChinh, id);
        var reports = task.GetProperty("reports").EnumerateArray().ToList();
        Assert.Equal(["Lần hai", "Sở Nội vụ đã cung cấp danh mục", "Lần một"], reports.Select(r => r.GetProperty("summary").GetString()!).ToArray());
        Assert.Equal("Contribution", reports[1].GetProperty("kind").GetString());
        Assert.Equal("Sở Nội vụ", reports[1].GetProperty("agency").GetString());
        Assert.Equal(35, task.GetProperty("task").GetProperty("percentDone").GetInt32());
    }

    [Theory]
    [InlineData("bao-cao.pdf", "png", "có phần mở rộng .pdf nhưng nội dung là PNG")]
    [InlineData("virus.exe", "exe", "không phải PDF, Word")]
    public async Task A_mislabelled_or_foreign_file_is_refused_and_nothing_is_stored(string name, string content, string message)
    {
        await using var plan = await PlanFixture.StartAsync();
        using var noiVu = await plan.App.ApiClientAsync(NoiVu);
        var id = plan.TaskId(Review);
        var bytes = content == "png" ? Evidence.Png : "MZ\u0090\u0000 not an evidence file"u8.ToArray();

        var response = await noiVu.PostAsync($"/api/tasks/{id}/progress", Form(new() { ["percent"] = "10", ["summary"] = "Có tệp" }, (name, bytes)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await DetailAsync(response), StringComparison.Ordinal);
        Assert.Empty((await TaskAsync(noiVu, id)).GetProperty("reports").EnumerateArray());
        Assert.False(Directory.Exists(plan.App.EvidenceDirectory) && Directory.EnumerateFiles(plan.App.EvidenceDirectory, "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task An_oversized_file_is_refused()
    {
        await using var plan = await PlanFixture.StartAsync("--Storage:MaxEvidenceBytes=2048");
        using var noiVu = await plan.App.ApiClientAsync(NoiVu);

        var response = await noiVu.PostAsync($"/api/tasks/{plan.TaskId(Review)}/progress", Form(
            new() { ["summary"] = "Tệp lớn" }, ("bien-ban.pdf", Evidence.Pdf(new string('x', 5000)))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("quá lớn", await DetailAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_from_a_stale_version_gets_a_conflict_with_the_current_values()
    {
        await using var plan = await PlanFixture.StartAsync();
        using var taiChinh = await plan.App.ApiClientAsync(TaiChinh);
        var id = plan.TaskId(Digitise);
        var version = (await TaskAsync(taiChinh, id)).GetProperty("task").GetProperty("version").GetInt32();
        await taiChinh.PostAsJsonAsync($"/api/tasks/{id}/progress", new { percent = 30, summary = "Người thứ nhất", version });

        var second = await taiChinh.PostAsJsonAsync($"/api/tasks/{id}/progress", new { percent = 10, summary = "Người thứ hai", version });

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(30, problem.GetProperty("current").GetProperty("percentDone").GetInt32());
        Assert.Equal(version + 1, problem.GetProperty("current").GetProperty("version").GetInt32());
        Assert.Single((await TaskAsync(taiChinh, id)).GetProperty("reports").EnumerateArray());
    }

    [Fact]
    public async Task Ticking_the_products_drives_the_percent_done()
    {
        await using var plan = await PlanFixture.StartAsync();
        using var noiVu = await plan.App.ApiClientAsync(NoiVu);
        using var tuPhap = await plan.App.ApiClientAsync(TuPhap);
        var id = plan.TaskId(Review);
        var checklist = (await TaskAsync(noiVu, id)).GetProperty("checklist").EnumerateArray().ToList();

        var coordinator = await tuPhap.PostAsJsonAsync($"/api/tasks/{id}/checklist/{checklist[0].GetProperty("id").GetInt32()}", new { done = true });
        var ticked = await noiVu.PostAsync($"/api/tasks/{id}/checklist/{checklist[0].GetProperty("id").GetInt32()}",
            Form(new() { ["done"] = "true" }, ("bao-cao-ra-soat.pdf", Evidence.Pdf("bao cao"))));
        var task = await TaskAsync(noiVu, id);

        Assert.Equal(["Báo cáo rà soát", "Danh mục thủ tục đề nghị bãi bỏ"], checklist.Select(c => c.GetProperty("text").GetString()!).ToArray());
        Assert.Equal(HttpStatusCode.Forbidden, coordinator.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, ticked.StatusCode);
        Assert.Equal(50, task.GetProperty("task").GetProperty("percentDone").GetInt32());
        Assert.Equal("bao-cao-ra-soat.pdf", task.GetProperty("checklist")[0].GetProperty("files")[0].GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task A_completion_reported_before_the_deadline_and_accepted_is_done_on_time_on_the_dashboard()
    {
        await using var plan = await PlanFixture.StartAsync();
        using var noiVu = await plan.App.ApiClientAsync(NoiVu);
        using var office = await plan.App.ApiClientAsync(Office);
        var id = plan.TaskId(Inspect, "Sở Nội vụ");

        var reported = await noiVu.PostAsync($"/api/tasks/{id}/completion", Form(new() { ["summary"] = "Đã kiểm tra 12 cơ quan" }, ("bien-ban.pdf", Evidence.Pdf("bien ban"))));
        var reviewed = await office.PostAsJsonAsync($"/api/tasks/{id}/review", new { accepted = true });
        var dashboard = await office.GetFromJsonAsync<JsonElement>("/api/dashboard");

        Assert.Equal(HttpStatusCode.NoContent, reported.StatusCode);
        Assert.Equal("done_on_time", (await reviewed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var task = (await TaskAsync(office, id)).GetProperty("task");
        Assert.Equal("done_on_time", task.GetProperty("status").GetString());
        Assert.Equal("green", task.GetProperty("colour").GetString());
        Assert.Equal(1, dashboard.GetProperty("buckets").GetProperty("done").GetInt32());
        Assert.Equal(1, dashboard.GetProperty("colours").EnumerateArray().Single(c => c.GetProperty("colour").GetString() == "green").GetProperty("count").GetInt32());
        var first = dashboard.GetProperty("agencies").GetProperty("items")[0];
        Assert.Equal("Sở Nội vụ", first.GetProperty("agency").GetString());
        Assert.Equal(1, first.GetProperty("doneOnTime").GetInt32());
        Assert.Equal(1, dashboard.GetProperty("completionByMonth").EnumerateArray().Last().GetProperty("doneOnTime").GetInt32());
    }

    [Fact]
    public async Task A_completion_after_the_deadline_is_done_late_and_a_return_needs_a_reason()
    {
        await using var plan = await PlanFixture.StartAsync();
        using var noiVu = await plan.App.ApiClientAsync(NoiVu);
        using var office = await plan.App.ApiClientAsync(Office);
        var id = plan.TaskId(Review);

        await noiVu.PostAsJsonAsync($"/api/tasks/{id}/completion", new { summary = "Đã gửi báo cáo rà soát" });
        var noReason = await office.PostAsJsonAsync($"/api/tasks/{id}/review", new { decision = "return" });
        var returned = await office.PostAsJsonAsync($"/api/tasks/{id}/review", new { decision = "return", reason = "Thiếu danh mục thủ tục đề nghị bãi bỏ" });
        var again = await noiVu.PostAsJsonAsync($"/api/tasks/{id}/completion", new { summary = "Đã bổ sung danh mục" });
        var accepted = await office.PostAsJsonAsync($"/api/tasks/{id}/review", new { decision = "accept" });
        var task = (await TaskAsync(office, id)).GetProperty("task");

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal("Trả lại nhiệm vụ cần ghi rõ lý do.", await DetailAsync(noReason));
        Assert.Equal("overdue", (await returned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        Assert.Equal("done_late", (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal("orange", task.GetProperty("colour").GetString());
        Assert.Contains("chậm 148 ngày", task.GetProperty("statusReason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_continuous_task_is_reported_period_by_period_and_never_done()
    {
        await using var plan = await PlanFixture.StartAsync();
        using var tuPhap = await plan.App.ApiClientAsync(TuPhap);
        var id = plan.TaskId(Propaganda);

        var period = await tuPhap.PostAsJsonAsync($"/api/tasks/{id}/progress", new { summary = "Đăng 15 tin, bài" });
        var done = await tuPhap.PostAsJsonAsync($"/api/tasks/{id}/completion", new { summary = "Xong" });

        Assert.Equal(HttpStatusCode.Created, period.StatusCode);
        Assert.Equal("Tháng 11/2026", (await TaskAsync(tuPhap, id)).GetProperty("reports")[0].GetProperty("period").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, done.StatusCode);
        Assert.Contains("báo cáo kết quả theo từng kỳ", await DetailAsync(done), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_approved_extension_moves_the_deadline_and_keeps_the_original_visible()
    {
        await using var plan = await PlanFixture.StartAsync();
        using var taiChinh = await plan.App.ApiClientAsync(TaiChinh);
        using var office = await plan.App.ApiClientAsync(Office);
        var id = plan.TaskId(Digitise);

        var noReason = await taiChinh.PostAsJsonAsync($"/api/tasks/{id}/extensions", new { newDue = "2028-03-31" });
        var tooEarly = await taiChinh.PostAsJsonAsync($"/api/tasks/{id}/extensions", new { newDue = "2027-06-30", reason = "Chờ kinh phí" });
        var requested = await taiChinh.PostAsJsonAsync($"/api/tasks/{id}/extensions", new { newDue = "2028-03-31", reason = "Chờ bố trí kinh phí năm 2028" });
        var extensionId = (await requested.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var byAgency = await taiChinh.PostAsJsonAsync($"/api/extensions/{extensionId}/decision", new { decision = "approve" });
        var approved = await office.PostAsJsonAsync($"/api/extensions/{extensionId}/decision", new { decision = "approve", note = "Đồng ý" });
        var details = await TaskAsync(office, id);

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooEarly.StatusCode);
        Assert.Equal(HttpStatusCode.Created, requested.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byAgency.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, approved.StatusCode);
        Assert.Equal("2028-03-31", details.GetProperty("task").GetProperty("due").GetString());
        Assert.Equal("Quý IV/2027", details.GetProperty("task").GetProperty("deadlineRaw").GetString());
        Assert.Equal("2027-12-31", details.GetProperty("printedDue").GetString());
        var extension = details.GetProperty("extensions")[0];
        Assert.Equal("2027-12-31", extension.GetProperty("previousDue").GetString());
        Assert.Equal("Approved", extension.GetProperty("state").GetString());
    }

    [Fact]
    public async Task The_audit_row_of_an_extension_request_shows_the_deadline_it_asks_to_move_not_a_removal()
    {
        await using var plan = await PlanFixture.StartAsync();
        using var taiChinh = await plan.App.ApiClientAsync(TaiChinh);
        var id = plan.TaskId(Digitise);
        await taiChinh.PostAsJsonAsync($"/api/tasks/{id}/extensions", new { newDue = "2028-03-31", reason = "Chờ bố trí kinh phí năm 2028" });

        using var browser = await plan.App.BrowserClientAsync(Office);
        var page = await browser.GetStringAsync($"/Tasks/{id}");

        Assert.Contains("<div>Hạn: 31/12/2027</div>", page, StringComparison.Ordinal);
        Assert.Contains("<div>Hạn đề nghị: 31/03/2028</div>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("31/12/2027 → —", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recording_the_congress_gives_the_waiting_tasks_their_deadline()
    {
        await using var plan = await PlanFixture.StartAsync();
        using var office = await plan.App.ApiClientAsync(Office);
        var id = plan.TaskId(Congress);
        var before = (await TaskAsync(office, id)).GetProperty("task");

        var undated = await office.PostAsJsonAsync("/api/events", new { name = "Đại hội Đảng bộ tỉnh" });
        var future = await office.PostAsJsonAsync("/api/events", new { name = "Đại hội Đảng bộ tỉnh", occurredOn = "2026-12-20" });
        var recorded = await office.PostAsJsonAsync("/api/events", new { name = "Đại hội Đảng bộ tỉnh", occurredOn = "2026-11-20", documentNumber = "01-NQ/ĐH" });
        var after = (await TaskAsync(office, id)).GetProperty("task");

        Assert.Equal("waiting_for_trigger", before.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, undated.StatusCode);
        Assert.Equal("Hãy nhập ngày diễn ra (dd/mm/yyyy).", await DetailAsync(undated));
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        Assert.Contains(id, (await recorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("triggeredTaskIds").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal("2026-12-05", after.GetProperty("due").GetString());
        Assert.Equal("not_yet_due", after.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Every_change_is_in_an_audit_trail_that_cannot_be_edited_or_deleted()
    {
        await using var plan = await PlanFixture.StartAsync();
        using var taiChinh = await plan.App.ApiClientAsync(TaiChinh);
        var id = plan.TaskId(Digitise);
        await taiChinh.PostAsJsonAsync($"/api/tasks/{id}/progress", new { percent = 10, summary = "Bắt đầu" });

        var audit = (await TaskAsync(taiChinh, id)).GetProperty("audit").EnumerateArray().ToList();
        using var browser = await plan.App.BrowserClientAsync(TaiChinh);
        var page = await browser.GetStringAsync($"/Tasks/{id}");
        using var scope = plan.App.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DonDocDbContext>();
        var update = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET \"UserName\" = 'ai đó'"));
        var delete = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries"));
        var entry = await db.AuditEntries.FirstAsync();
        entry.UserName = "sửa qua EF";
        var throughContext = await Record.ExceptionAsync(() => db.SaveChangesAsync());

        var progress = Assert.Single(audit);
        Assert.Equal("progress", progress.GetProperty("action").GetString());
        Assert.Equal("taichinh", progress.GetProperty("userName").GetString());
        Assert.Contains("Bắt đầu", progress.GetProperty("after").GetString(), StringComparison.Ordinal);
        Assert.Contains("<div>Tiến độ (%): 0 → 10</div>", page, StringComparison.Ordinal);
        Assert.Contains("<div>Nội dung: Bắt đầu</div>", page, StringComparison.Ordinal);
        Assert.Contains("append-only", update!.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete!.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(throughContext);
    }

    [Fact]
    public async Task A_cancelled_task_and_an_archived_plan_stay_readable_and_take_no_more_reports()
    {
        await using var plan = await PlanFixture.StartAsync();
        using var noiVu = await plan.App.ApiClientAsync(NoiVu);
        using var office = await plan.App.ApiClientAsync(Office);
        using var other = await plan.App.ApiClientAsync(OtherOffice);
        var id = plan.TaskId(Review);

        var noReason = await office.PostAsJsonAsync($"/api/tasks/{id}/cancel", new { reason = "" });
        var cancelled = await office.PostAsJsonAsync($"/api/tasks/{id}/cancel", new { reason = "Đã có văn bản thay thế" });
        var report = await noiVu.PostAsJsonAsync($"/api/tasks/{id}/progress", new { summary = "Sau khi hủy" });
        var foreignArchive = await other.PostAsJsonAsync($"/api/plans/{plan.PlanId}/close", new { reason = "Không phải của tôi" });
        var archived = await office.PostAsJsonAsync($"/api/plans/{plan.PlanId}/close", new { reason = "Kế hoạch đã kết thúc" });
        var afterArchive = await noiVu.PostAsJsonAsync($"/api/tasks/{plan.TaskId(Inspect, "Sở Nội vụ")}/progress", new { summary = "Sau khi lưu trữ" });
        var task = (await TaskAsync(noiVu, id)).GetProperty("task");
        var plans = await office.GetFromJsonAsync<JsonElement>($"/api/plans/{plan.PlanId}");

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, cancelled.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, report.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, foreignArchive.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, archived.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, afterArchive.StatusCode);
        Assert.Equal("cancelled", task.GetProperty("status").GetString());
        Assert.Equal("Archived", plans.GetProperty("plan").GetProperty("state").GetString());
        Assert.Equal(7, plans.GetProperty("tasks").GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Each_dashboard_table_exports_to_an_Excel_workbook()
    {
        await using var plan = await PlanFixture.StartAsync();
        using var leader = await plan.App.ApiClientAsync(Leader);
        using var browser = await plan.App.BrowserClientAsync(Leader);

        var api = await leader.GetAsync("/api/dashboard/export/qua-han");
        var page = await browser.GetAsync("/Dashboard?handler=Export&table=xep-hang");
        var html = await browser.GetStringAsync("/Dashboard");

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", api.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Rà soát thủ tục hành chính", SharedStrings(await api.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
        Assert.Contains("Sở Nội vụ", SharedStrings(await page.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
        Assert.Contains("<svg class=\"chart\"", html, StringComparison.Ordinal);
        Assert.Contains("Đang thực hiện, trong hạn", html, StringComparison.Ordinal);
    }

    /// <summary>The text of a workbook: its sheet XML and shared strings.</summary>
    private static string SharedStrings(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        return string.Concat(zip.Entries.Where(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal))
            .Select(e => new StreamReader(e.Open()).ReadToEnd()));
    }
}
