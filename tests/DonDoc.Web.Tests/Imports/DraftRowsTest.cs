using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DonDoc.Data.Storage;
using DonDoc.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using static DonDoc.Web.Tests.Hosting.PlanFixture;

namespace DonDoc.Web.Tests.Imports;

/// <summary>The reviewer adds, deletes, splits and merges draft rows; every blocking failure is shown and stops publishing.</summary>
public sealed class DraftRowsTest
{
    private const string Office = "vanphong@example.vn";

    public static TheoryData<string> Providers => RunningApp.Providers;

    private static async Task<(RunningApp App, HttpClient Api, JsonElement Draft)> ImportAsync(string provider)
    {
        var app = await RunningApp.StartOnAsync(provider);
        await app.AddUserAsync(Office, "monitor");
        var api = await app.ApiClientAsync(Office);
        return (app, api, await PlanFixture.ImportAsync(api, "ke-hoach-cai-cach.txt"));
    }

    private static JsonElement RowStarting(JsonElement draft, string start) =>
        draft.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("content").GetString()!.StartsWith(start, StringComparison.Ordinal));

    private static string[] Contents(JsonElement draft) =>
        draft.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("content").GetString()!).ToArray();

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return body;
    }

    private static async Task<List<(string Action, string? Before, string? After)>> AuditAsync(RunningApp app, int planId)
    {
        using var scope = app.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DonDocDbContext>();
        return (await db.AuditEntries.Where(a => a.PlanId == planId).OrderBy(a => a.Id).Select(a => new { a.Action, a.Before, a.After }).ToListAsync())
            .Select(a => (a.Action, a.Before, a.After)).ToList();
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_reviewer_splits_merges_adds_and_deletes_rows_keeping_raw_text_and_every_change_is_audited(string provider)
    {
        var (app, api, draft) = await ImportAsync(provider);
        await using var _ = app;
        using var __ = api;
        var id = draft.GetProperty("id").GetInt32();
        var original = RowStarting(draft, "Rà soát thủ tục hành chính");
        var raw = original.GetProperty("rawText").GetString()!;
        var content = original.GetProperty("content").GetString()!;

        var split = await OkAsync(await api.PostAsJsonAsync($"/api/imports/{id}/rows/{original.GetProperty("id").GetInt32()}/split",
            new { version = draft.GetProperty("version").GetInt32(), at = content.IndexOf(" thuộc thẩm quyền", StringComparison.Ordinal) }));
        var second = RowStarting(split, "thuộc thẩm quyền giải quyết");
        var merged = await OkAsync(await api.PostAsJsonAsync($"/api/imports/{id}/rows/{original.GetProperty("id").GetInt32()}/merge",
            new { version = split.GetProperty("version").GetInt32() }));
        var afterRow = RowStarting(merged, "Báo cáo tình hình").GetProperty("id").GetInt32();
        var added = await OkAsync(await api.PostAsJsonAsync($"/api/imports/{id}/rows", new
        {
            version = merged.GetProperty("version").GetInt32(), afterRowId = afterRow,
            row = new { content = "Tổng kết công tác cải cách hành chính", lead = "Sở Nội vụ", deadlineRaw = "Quý IV/2026", rawText = "4 Tổng kết công tác cải cách hành chính" },
        }));
        var deletedRow = RowStarting(added, "Số hóa hồ sơ");
        var deleted = await OkAsync(await api.DeleteAsync($"/api/imports/{id}/rows/{deletedRow.GetProperty("id").GetInt32()}?version={added.GetProperty("version").GetInt32()}"));

        // Split: the second part is the next row, with the same raw text, agencies and deadline.
        Assert.Equal(7, split.GetProperty("rows").GetArrayLength());
        Assert.Equal("Rà soát thủ tục hành chính", Contents(split)[0]);
        Assert.Equal("thuộc thẩm quyền giải quyết", Contents(split)[1]);
        Assert.Equal(raw, second.GetProperty("rawText").GetString());
        Assert.Equal("Sở Nội vụ", second.GetProperty("lead").GetString());
        Assert.Equal("2026-06-30", second.GetProperty("due").GetString());
        // Merge: one row again, both raw texts kept one after the other.
        Assert.Equal(6, merged.GetProperty("rows").GetArrayLength());
        Assert.Equal(content, Contents(merged)[0]);
        Assert.Equal(raw + "\n" + raw, merged.GetProperty("rows")[0].GetProperty("rawText").GetString());
        // Add: right below the row it was added after, in its section, its deadline understood.
        var contents = Contents(added);
        Assert.Equal("Tổng kết công tác cải cách hành chính", contents[Array.IndexOf(contents, contents.First(c => c.StartsWith("Báo cáo tình hình", StringComparison.Ordinal))) + 1]);
        var newRow = RowStarting(added, "Tổng kết công tác");
        Assert.Equal("I", newRow.GetProperty("sectionId").GetString());
        Assert.Equal("2026-12-31", newRow.GetProperty("due").GetString());
        Assert.Equal("4 Tổng kết công tác cải cách hành chính", newRow.GetProperty("rawText").GetString());
        // Delete: gone from the draft, positions still 0..n-1.
        Assert.DoesNotContain(Contents(deleted), c => c.StartsWith("Số hóa hồ sơ", StringComparison.Ordinal));
        Assert.Equal(Enumerable.Range(0, 6), deleted.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("position").GetInt32()));

        // Audited, the deleted row with its whole raw text.
        var audit = await AuditAsync(app, id);
        Assert.Equal(["draft.import", "draft.row.split", "draft.row.merge", "draft.row.add", "draft.row.delete"], audit.Select(a => a.Action).ToArray());
        var deletion = JsonDocument.Parse(audit[^1].Before!).RootElement;
        Assert.Equal(deletedRow.GetProperty("rawText").GetString(), deletion.GetProperty("RawText").GetString());
        Assert.Equal("Số hóa hồ sơ lưu trữ lịch sử", deletion.GetProperty("Content").GetString());

        // And the reshaped draft publishes: 6 rows, the two-lead row split per lead.
        await SaveDraftAsync(api, deleted, r => r.GetProperty("leadChoices").GetArrayLength() > 0 ? "SplitPerLead" : null);
        var published = await OkAsync(await api.PostAsync($"/api/imports/{id}/publish", null));
        Assert.Equal(7, published.GetProperty("tasks").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Every_blocking_failure_is_shown_in_Vietnamese_and_publishing_waits_until_the_reviewer_fixes_it(string provider)
    {
        var (app, api, draft) = await ImportAsync(provider);
        await using var _ = app;
        using var __ = api;
        var id = draft.GetProperty("id").GetInt32();
        var blank = await OkAsync(await api.PostAsJsonAsync($"/api/imports/{id}/rows", new { version = draft.GetProperty("version").GetInt32() }));
        var rows = blank.GetProperty("rows").EnumerateArray().Select((r, i) => new
        {
            id = r.GetProperty("id").GetInt32(),
            content = r.GetProperty("content").GetString(),
            lead = i == 0 ? "Phòng Hành chính tổng hợp" : r.GetProperty("lead").GetString(),
            coordinators = r.GetProperty("coordinators").GetString(),
            deadlineRaw = i == 1 ? "29/02/2027" : r.GetProperty("deadlineRaw").GetString(),
            product = r.GetProperty("product").GetString(),
            note = (string?)null,
            leadChoice = r.GetProperty("leadChoices").GetArrayLength() > 0 ? "SplitPerLead" : null,
        }).ToList();
        var saved = await OkAsync(await api.PutAsJsonAsync($"/api/imports/{id}", new
        {
            version = blank.GetProperty("version").GetInt32(), number = "77/KH-UBND", issuer = "Ủy ban nhân dân tỉnh", issuedOn = "2026-01-15", title = "Kế hoạch", rows,
        }));

        var refused = await api.PostAsync($"/api/imports/{id}/publish", null);
        using var browser = await app.BrowserClientAsync(Office);
        var page = await browser.GetStringAsync($"/Imports/Review/{id}");

        var issues = saved.GetProperty("rows").EnumerateArray()
            .SelectMany(r => r.GetProperty("issues").EnumerateArray().Where(i => i.GetProperty("blocking").GetBoolean()).Select(i => i.GetProperty("code").GetString()))
            .ToArray();
        Assert.Equal(new string?[] { "lead", "deadline_unknown", "empty_content", "lead" }, issues);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(4, problem.GetProperty("current").GetArrayLength());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("Cơ quan chủ trì \"Phòng Hành chính tổng hợp\" chưa có trong danh mục", detail, StringComparison.Ordinal);
        Assert.Contains("Chưa hiểu được thời hạn \"29/02/2027\"", detail, StringComparison.Ordinal);
        Assert.Contains("Nội dung nhiệm vụ đang trống", detail, StringComparison.Ordinal);
        Assert.Contains("Cần xử lý trước khi ban hành (3 dòng)", page, StringComparison.Ordinal);
        Assert.Contains("Cần sửa: Chưa hiểu được thời hạn &quot;29/02/2027&quot;", page, StringComparison.Ordinal);
        Assert.Contains("data-issue=\"empty_content\"", page, StringComparison.Ordinal);
        Assert.Empty((await api.GetFromJsonAsync<JsonElement>("/api/tasks")).GetProperty("items").EnumerateArray());

        // Fixed: the blank row filled in, the deadline rewritten, the name remembered; then it publishes.
        var fixedRows = saved.GetProperty("rows").EnumerateArray().Select((r, i) => new
        {
            id = r.GetProperty("id").GetInt32(),
            content = r.GetProperty("content").GetString() is { Length: > 0 } c ? c : "Tổng kết năm",
            lead = r.GetProperty("lead").GetString() ?? "Sở Nội vụ",
            coordinators = r.GetProperty("coordinators").GetString(),
            deadlineRaw = i == 1 ? "Quý IV/2026" : r.GetProperty("deadlineRaw").GetString(),
            product = r.GetProperty("product").GetString(),
            note = (string?)null,
            leadChoice = r.GetProperty("leadChoice").GetString(),
        }).ToList();
        await OkAsync(await api.PutAsJsonAsync($"/api/imports/{id}", new
        {
            version = saved.GetProperty("version").GetInt32(), number = "77/KH-UBND", issuer = "Ủy ban nhân dân tỉnh", issuedOn = "2026-01-15", title = "Kế hoạch", rows = fixedRows,
        }));
        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsJsonAsync("/api/agencies/aliases", new { text = "Phòng Hành chính tổng hợp", aliasOf = "Văn phòng Ủy ban nhân dân tỉnh" })).StatusCode);
        var published = await OkAsync(await api.PostAsync($"/api/imports/{id}/publish", null));
        Assert.Equal(8, published.GetProperty("tasks").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_change_from_a_stale_version_or_a_split_at_the_edge_is_refused_and_nothing_changes(string provider)
    {
        var (app, api, draft) = await ImportAsync(provider);
        await using var _ = app;
        using var __ = api;
        var id = draft.GetProperty("id").GetInt32();
        var version = draft.GetProperty("version").GetInt32();
        var first = draft.GetProperty("rows")[0].GetProperty("id").GetInt32();
        var added = await OkAsync(await api.PostAsJsonAsync($"/api/imports/{id}/rows", new { version, row = new { content = "Một việc mới" } }));
        var last = added.GetProperty("rows")[6].GetProperty("id").GetInt32();

        var stale = await api.PostAsJsonAsync($"/api/imports/{id}/rows/{first}/split", new { version, at = 5 });
        var edge = await api.PostAsJsonAsync($"/api/imports/{id}/rows/{first}/split", new { version = version + 1, at = 0 });
        var lastMerge = await api.PostAsJsonAsync($"/api/imports/{id}/rows/{last}/merge", new { version = version + 1 });
        var gone = await api.DeleteAsync($"/api/imports/{id}/rows/987654?version={version + 1}");
        var now = await api.GetFromJsonAsync<JsonElement>($"/api/imports/{id}");

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("người khác cập nhật", (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, edge.StatusCode);
        Assert.Contains("đặt con trỏ vào chỗ cần tách", (await edge.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, lastMerge.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, gone.StatusCode);
        Assert.Equal(7, now.GetProperty("rows").GetArrayLength());
        Assert.Equal(version + 1, now.GetProperty("version").GetInt32());
        Assert.Equal(["draft.import", "draft.row.add"], (await AuditAsync(app, id)).Select(a => a.Action).ToArray());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_review_page_adds_splits_and_deletes_rows_after_saving_the_cells_the_reviewer_typed(string provider)
    {
        var (app, api, draft) = await ImportAsync(provider);
        await using var _ = app;
        using var __ = api;
        var id = draft.GetProperty("id").GetInt32();
        using var browser = await app.BrowserClientAsync(Office);
        var path = $"/Imports/Review/{id}";
        async Task<HttpResponseMessage> PostAsync(string handler, JsonElement current, params (string Key, string Value)[] extra)
        {
            var token = await RunningApp.AntiforgeryTokenAsync(browser, path);
            var fields = new List<(string, string)>
            {
                ("Version", current.GetProperty("version").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("Number", "77/KH-UBND"), ("Title", "Kế hoạch cải cách hành chính năm 2026"), ("Issuer", "Ủy ban nhân dân tỉnh"), ("IssuedOnText", "15/01/2026"),
            };
            var rows = current.GetProperty("rows").EnumerateArray().ToList();
            for (var i = 0; i < rows.Count; i++)
            {
                fields.Add(($"Rows[{i}].Id", rows[i].GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture)));
                fields.Add(($"Rows[{i}].Content", rows[i].GetProperty("content").GetString() == "Báo cáo tình hình thực hiện kế hoạch" ? "Báo cáo tình hình thực hiện kế hoạch (đã sửa)" : rows[i].GetProperty("content").GetString()!));
                fields.Add(($"Rows[{i}].Lead", rows[i].GetProperty("lead").GetString() ?? ""));
                fields.Add(($"Rows[{i}].DeadlineRaw", rows[i].GetProperty("deadlineRaw").GetString() ?? ""));
            }

            return await browser.PostAsync($"{path}?handler={handler}", AdminPages.Form(token, [.. fields, .. extra]));
        }

        var firstId = draft.GetProperty("rows")[0].GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var add = await PostAsync("AddRow", draft, ("row", firstId));
        var afterAdd = await api.GetFromJsonAsync<JsonElement>($"/api/imports/{id}");
        var split = await PostAsync("SplitRow", afterAdd, ("row", firstId), ("At", "7"));
        var afterSplit = await api.GetFromJsonAsync<JsonElement>($"/api/imports/{id}");
        var noCaret = await PostAsync("SplitRow", afterSplit, ("row", firstId));
        var blank = afterSplit.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("content").GetString() == "").GetProperty("id").GetInt32();
        var delete = await PostAsync("DeleteRow", afterSplit, ("row", blank.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var final = await api.GetFromJsonAsync<JsonElement>($"/api/imports/{id}");

        Assert.Equal(HttpStatusCode.Redirect, add.StatusCode);
        Assert.StartsWith($"{path}#row-", add.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(7, afterAdd.GetProperty("rows").GetArrayLength());
        Assert.Equal("", afterAdd.GetProperty("rows")[1].GetProperty("content").GetString());
        Assert.Equal("Báo cáo tình hình thực hiện kế hoạch (đã sửa)", Contents(afterAdd)[3]);
        Assert.Equal(HttpStatusCode.Redirect, split.StatusCode);
        Assert.Equal(["Rà soát", "thủ tục hành chính thuộc thẩm quyền giải quyết"], Contents(afterSplit)[..2]);
        Assert.Equal(HttpStatusCode.BadRequest, noCaret.StatusCode);
        Assert.Contains("Hãy đặt con trỏ vào chỗ cần tách", await noCaret.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);
        Assert.Equal(7, final.GetProperty("rows").GetArrayLength());
        Assert.DoesNotContain(Contents(final), c => c.Length == 0);
        Assert.Equal("Kế hoạch cải cách hành chính năm 2026", final.GetProperty("title").GetString());
    }
}
