using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DonDoc.Data.Storage;
using DonDoc.Web.Tests.Hosting;
using static DonDoc.Web.Tests.Hosting.PlanFixture;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Tests.Imports;

public sealed class ImportReviewTest
{
    private const string Office = "vanphong@example.vn";

    private static async Task<(RunningApp App, HttpClient Api)> StartAsync()
    {
        var app = await RunningApp.StartAsync();
        await app.AddUserAsync(Office, "monitor");
        return (app, await app.ApiClientAsync(Office));
    }

    private static async Task<(int Plans, int Tasks)> CountAsync(RunningApp app)
    {
        using var scope = app.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DonDocDbContext>();
        return (await db.Plans.CountAsync(), await db.Tasks.CountAsync());
    }

    [Theory]
    [InlineData("ke-hoach.docx", "không phải tệp Office hợp lệ")]
    [InlineData("ke-hoach.exe", "không được hỗ trợ")]
    [InlineData("ke-hoach.txt", "không tìm thấy bảng nhiệm vụ")]
    public async Task A_bad_file_is_refused_in_Vietnamese_and_nothing_is_stored(string name, string message)
    {
        var (app, api) = await StartAsync();
        await using var _ = app;
        using var content = new MultipartFormDataContent();
        content.Add(new ByteArrayContent("Đây không phải là một kế hoạch."u8.ToArray()), "file", name);

        var response = await api.PostAsync("/api/imports", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal((0, 0), await CountAsync(app));
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_and_nothing_is_stored()
    {
        var (app, api) = await StartAsync();
        await using var _ = app;
        using var content = new MultipartFormDataContent();
        content.Add(new ByteArrayContent(new byte[21 * 1024 * 1024]), "file", "ke-hoach.pdf");

        var response = await api.PostAsync("/api/imports", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Tệp quá lớn; tối đa 20 MB.", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal((0, 0), await CountAsync(app));
    }

    [Fact]
    public async Task A_draft_survives_a_restart_and_discarding_it_leaves_nothing_behind()
    {
        var (app, api) = await StartAsync();
        var directory = app.Directory;
        var draft = await PlanFixture.ImportAsync(api, "ke-hoach-cai-cach.txt");
        var id = draft.GetProperty("id").GetInt32();
        api.Dispose();
        await app.StopAsync();

        await using var restarted = await RunningApp.StartAsync(directory);
        using var again = await restarted.ApiClientAsync(Office);
        var reloaded = await again.GetFromJsonAsync<JsonElement>($"/api/imports/{id}");
        var discarded = await again.DeleteAsync($"/api/imports/{id}");

        Assert.Equal(6, reloaded.GetProperty("rows").GetArrayLength());
        Assert.Equal("77/KH-UBND", reloaded.GetProperty("number").GetString());
        Assert.Equal(HttpStatusCode.NoContent, discarded.StatusCode);
        Assert.Equal((0, 0), await CountAsync(restarted));
    }

    [Fact]
    public async Task The_draft_shows_each_row_with_its_agencies_deadline_and_lead_problem()
    {
        var (app, api) = await StartAsync();
        await using var _ = app;

        var draft = await PlanFixture.ImportAsync(api, "ke-hoach-cai-cach.txt");

        var rows = draft.GetProperty("rows").EnumerateArray().ToList();
        var office = rows.Single(r => r.GetProperty("content").GetString()!.StartsWith("Báo cáo tình hình", StringComparison.Ordinal));
        Assert.Equal("Văn phòng Ủy ban nhân dân tỉnh", office.GetProperty("leadAgencies")[0].GetProperty("agency").GetString());
        Assert.Equal("recurring", office.GetProperty("deadlineKind").GetString());
        var twoLeads = rows.Single(r => r.GetProperty("lead").GetString() == "Sở Nội vụ, Sở Tài chính");
        Assert.Contains("2 cơ quan chủ trì", twoLeads.GetProperty("problem").GetString(), StringComparison.Ordinal);
        Assert.Equal(["SplitPerLead", "PickOneLead"], twoLeads.GetProperty("leadChoices").EnumerateArray().Select(c => c.GetString()!).ToArray());
        Assert.Contains(draft.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("code").GetString() == "lead_rule");
    }

    [Fact]
    public async Task Publishing_is_refused_while_a_row_has_no_single_lead_and_the_draft_stays()
    {
        var (app, api) = await StartAsync();
        await using var _ = app;
        var id = (await PlanFixture.ImportAsync(api, "ke-hoach-cai-cach.txt")).GetProperty("id").GetInt32();

        var response = await api.PostAsync($"/api/imports/{id}/publish", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Chưa thể ban hành", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Single(problem.GetProperty("current").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/imports/{id}")).StatusCode);
        Assert.Empty((await api.GetFromJsonAsync<JsonElement>("/api/tasks")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Picking_one_lead_makes_the_others_coordinators()
    {
        var (app, api) = await StartAsync();
        await using var _ = app;
        var draft = await PlanFixture.ImportAsync(api, "ke-hoach-cai-cach.txt");
        var id = draft.GetProperty("id").GetInt32();

        await SaveDraftAsync(api, draft, row => row.GetProperty("lead").GetString() == "Sở Nội vụ, Sở Tài chính" ? "PickOneLead:Sở Tài chính" : null);
        var published = await api.PostAsync($"/api/imports/{id}/publish", null);
        var tasks = (await api.GetFromJsonAsync<JsonElement>($"/api/tasks?plan={id}")).GetProperty("items").EnumerateArray().ToList();

        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var task = Assert.Single(tasks, t => t.GetProperty("content").GetString()!.StartsWith("Kiểm tra công tác", StringComparison.Ordinal));
        Assert.Equal("Sở Tài chính", task.GetProperty("leadAgency").GetString());
        Assert.Equal("Sở Nội vụ", task.GetProperty("coordinatorAgencies")[0].GetString());
        Assert.Equal(6, tasks.Count);
    }

    [Fact]
    public async Task An_unknown_agency_blocks_publishing_until_a_person_names_it_and_the_choice_is_remembered()
    {
        var (app, api) = await StartAsync();
        await using var _ = app;
        var draft = await PlanFixture.ImportAsync(api, "ke-hoach-cai-cach.txt");
        var id = draft.GetProperty("id").GetInt32();
        var rows = await SaveDraftAsync(api, draft, row => row.GetProperty("leadChoices").GetArrayLength() > 0 ? "SplitPerLead" : null, lead: "Phòng Hành chính tổng hợp");

        var unknown = rows.GetProperty("rows")[0].GetProperty("leadAgencies")[0];
        var refused = await api.PostAsync($"/api/imports/{id}/publish", null);
        var remembered = await api.PostAsJsonAsync("/api/agencies/aliases", new { text = "Phòng Hành chính tổng hợp", aliasOf = "Văn phòng Ủy ban nhân dân tỉnh" });
        var duplicate = await api.PostAsJsonAsync("/api/agencies/aliases", new { text = "phong hanh chinh tong hop", aliasOf = "Sở Nội vụ" });
        var published = await api.PostAsync($"/api/imports/{id}/publish", null);
        var match = await api.GetFromJsonAsync<JsonElement>($"/api/agencies/match?text={Uri.EscapeDataString("Phòng Hành chính tổng hợp")}");

        Assert.Equal("unknown", unknown.GetProperty("kind").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("chưa có trong danh mục", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, remembered.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("đã dùng cho", (await duplicate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal("Văn phòng Ủy ban nhân dân tỉnh", match[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Saving_a_draft_from_a_stale_version_is_refused_with_the_current_draft()
    {
        var (app, api) = await StartAsync();
        await using var _ = app;
        var draft = await PlanFixture.ImportAsync(api, "ke-hoach-cai-cach.txt");
        await SaveDraftAsync(api, draft, _ => null);

        var stale = await api.PutAsJsonAsync($"/api/imports/{draft.GetProperty("id").GetInt32()}", new
        {
            version = draft.GetProperty("version").GetInt32(), number = "99/KH", issuer = "x", issuedOn = "2026-01-15", title = "cũ", rows = Array.Empty<object>(),
        });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = await stale.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("người khác cập nhật", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Kế hoạch đã sửa", problem.GetProperty("current").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Another_office_cannot_see_or_publish_a_draft()
    {
        var (app, api) = await StartAsync();
        await using var _ = app;
        await app.AddUserAsync("khac@example.vn", "monitor");
        var id = (await PlanFixture.ImportAsync(api, "ke-hoach-cai-cach.txt")).GetProperty("id").GetInt32();
        using var other = await app.ApiClientAsync("khac@example.vn");

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/imports/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/imports/{id}/publish", null)).StatusCode);
        Assert.Empty((await other.GetFromJsonAsync<JsonElement>("/api/plans")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task The_review_page_shows_the_table_and_interprets_a_deadline_as_it_is_typed()
    {
        var (app, api) = await StartAsync();
        await using var _ = app;
        var id = (await PlanFixture.ImportAsync(api, "ke-hoach-cai-cach.txt")).GetProperty("id").GetInt32();
        using var browser = await app.BrowserClientAsync(Office);

        var page = await browser.GetStringAsync($"/Imports/Review/{id}");
        var live = await browser.GetFromJsonAsync<JsonElement>($"/Imports/Review/{id}?handler=Deadline&text={Uri.EscapeDataString("Quý III/2026")}&year=2026");

        Assert.Contains("Rà soát thủ tục hành chính thuộc thẩm quyền giải quyết", page, StringComparison.Ordinal);
        Assert.Contains("Văn phòng Ủy ban nhân dân tỉnh", page, StringComparison.Ordinal);
        Assert.Contains("Tách thành một nhiệm vụ cho mỗi cơ quan chủ trì", page, StringComparison.Ordinal);
        Assert.Equal("Cuối kỳ: hạn 30/09/2026 (Quý III/2026 (hết ngày 30/09/2026))", live.GetProperty("explanation").GetString());
    }

    [Fact]
    public async Task A_reviewer_corrects_any_cell_and_an_unreadable_amount_is_refused()
    {
        var (app, api) = await StartAsync();
        await using var _ = app;
        var draft = await PlanFixture.ImportAsync(api, "ke-hoach-cai-cach.txt");
        var id = draft.GetProperty("id").GetInt32();
        var row = draft.GetProperty("rows")[0];
        object Edit(string budget) => new
        {
            version = draft.GetProperty("version").GetInt32(), number = "77/KH-UBND", issuer = "UBND tỉnh", issuedOn = "2026-01-15", title = "Kế hoạch",
            rows = new[]
            {
                new
                {
                    id = row.GetProperty("id").GetInt32(), content = "Rà soát, đơn giản hóa thủ tục hành chính", lead = "Sở Tư pháp", coordinators = "Sở Nội vụ",
                    deadlineRaw = "Quý III/2026", product = "Báo cáo", note = "Ưu tiên", leadChoice = (string?)null,
                    number = "1a", evidence = "Văn bản gửi UBND tỉnh", budget = budget,
                },
            },
        };

        var bad = await api.PutAsJsonAsync($"/api/imports/{id}", Edit("một tỷ"));
        var good = await api.PutAsJsonAsync($"/api/imports/{id}", Edit("1.250.000.000"));
        var saved = (await good.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rows")[0];

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("không đọc được", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal("1a", saved.GetProperty("number").GetString());
        Assert.Equal("Sở Tư pháp", saved.GetProperty("leadAgencies")[0].GetProperty("agency").GetString());
        Assert.Equal("2026-09-30", saved.GetProperty("due").GetString());
        Assert.Equal("Văn bản gửi UBND tỉnh", saved.GetProperty("evidence").GetString());
        Assert.Equal(1_250_000_000, saved.GetProperty("budgetVnd").GetInt64());
        Assert.Equal("Ưu tiên", saved.GetProperty("note").GetString());
    }

    [Fact]
    public async Task The_review_page_proposes_the_cycle_the_plan_states_and_the_plan_is_published_with_the_one_saved()
    {
        var (app, api) = await StartAsync();
        await using var _ = app;
        var draft = await PlanFixture.ImportAsync(api, "ke-hoach-cai-cach.txt");
        var id = draft.GetProperty("id").GetInt32();
        using var browser = await app.BrowserClientAsync(Office);

        var page = await browser.GetStringAsync($"/Imports/Review/{id}");
        var proposal = draft.GetProperty("cycleProposal");

        Assert.Contains("id=\"review-cycle-proposal\"", page, StringComparison.Ordinal);
        Assert.Contains("Ngày 25 hằng tháng", page, StringComparison.Ordinal);
        Assert.Matches("<option value=\"Month\" selected(=\"selected\")?>Hằng tháng</option>", page);
        Assert.Equal("Month", proposal.GetProperty("length").GetString());
        Assert.Equal(JsonValueKind.Null, draft.GetProperty("cycle").ValueKind);

        // The row with two leads becomes one task each, so that the plan can be published.
        var twoLeads = draft.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("content").GetString()!.StartsWith("Kiểm tra công tác văn thư", StringComparison.Ordinal));
        var saved = await api.PutAsJsonAsync($"/api/imports/{id}", new
        {
            version = draft.GetProperty("version").GetInt32(), title = "Kế hoạch cải cách hành chính năm 2026",
            rows = new[]
            {
                new
                {
                    id = twoLeads.GetProperty("id").GetInt32(), content = twoLeads.GetProperty("content").GetString(), lead = twoLeads.GetProperty("lead").GetString(),
                    deadlineRaw = twoLeads.GetProperty("deadlineRaw").GetString(), leadChoice = "SplitPerLead",
                },
            },
            cycle = new { length = "Quarter", agencyDueDay = 15, officeDueDay = 20 },
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("Quarter", (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cycle").GetProperty("length").GetString());
        page = await browser.GetStringAsync($"/Imports/Review/{id}");
        Assert.Matches("<option value=\"Quarter\" selected(=\"selected\")?>Hằng quý</option>", page);

        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/imports/{id}/publish", null)).StatusCode);
        var cycle = await api.GetFromJsonAsync<JsonElement>($"/api/plans/{id}/report-cycle");
        Assert.Equal(("Quarter", 15, 20), (cycle.GetProperty("length").GetString(), cycle.GetProperty("agencyDueDay").GetInt32(), cycle.GetProperty("officeDueDay").GetInt32()));
    }
}
