using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DonDoc.Web.Tests.Hosting;

/// <summary>
/// A running app with the people of a small province and the fixture plan imported and published by
/// the monitoring office. Row II.3 names two leads; it is published as one task per lead.
/// </summary>
public sealed class PlanFixture : IAsyncDisposable
{
    public const string Office = "vanphong@example.vn";
    public const string OtherOffice = "vanphong2@example.vn";
    public const string Leader = "lanhdao@example.vn";
    public const string NoiVu = "noivu@example.vn";
    public const string TaiChinh = "taichinh@example.vn";
    public const string TuPhap = "tuphap@example.vn";
    public const string VanPhong = "vpubnd@example.vn";

    private PlanFixture(RunningApp app) => App = app;

    public RunningApp App { get; }

    public int PlanId { get; private set; }

    public IReadOnlyList<JsonElement> Tasks { get; private set; } = [];

    public static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static Task<PlanFixture> StartAsync(params string[] extraArgs) => StartOnAsync("Sqlite", extraArgs);

    public static async Task<PlanFixture> StartOnAsync(string provider, params string[] extraArgs)
    {
        var app = await RunningApp.StartOnAsync(provider, extraArgs);
        var fixture = new PlanFixture(app);
        await app.AddUserAsync(Office, "monitor");
        await app.AddUserAsync(OtherOffice, "monitor");
        await app.AddUserAsync(Leader, "leader");
        await app.AddUserAsync(NoiVu, "agency", "Sở Nội vụ");
        await app.AddUserAsync(TaiChinh, "agency", "Sở Tài chính");
        await app.AddUserAsync(TuPhap, "agency", "Sở Tư pháp");
        await app.AddUserAsync(VanPhong, "agency", "VP UBND tỉnh");

        using var office = await app.ApiClientAsync(Office);
        var draft = await ImportAsync(office, "ke-hoach-cai-cach.txt");
        var id = draft.GetProperty("id").GetInt32();
        await SaveDraftAsync(office, draft, r => r.GetProperty("leadChoices").GetArrayLength() > 0 ? "SplitPerLead" : null, title: "Kế hoạch cải cách hành chính năm 2026");
        var published = await office.PostAsync($"/api/imports/{id}/publish", null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        fixture.PlanId = id;
        var tasks = await office.GetFromJsonAsync<JsonElement>($"/api/tasks?plan={id}");
        fixture.Tasks = tasks.GetProperty("items").EnumerateArray().ToList();
        return fixture;
    }

    /// <summary>Saves the draft with the title corrected, a lead choice per row, and optionally the first row's lead replaced.</summary>
    public static async Task<JsonElement> SaveDraftAsync(HttpClient api, JsonElement draft, Func<JsonElement, string?> choice, string? lead = null, string title = "Kế hoạch đã sửa")
    {
        var id = draft.GetProperty("id").GetInt32();
        var rows = draft.GetProperty("rows").EnumerateArray().Select((r, i) => new
        {
            id = r.GetProperty("id").GetInt32(),
            content = r.GetProperty("content").GetString(),
            lead = i == 0 && lead is not null ? lead : r.GetProperty("lead").GetString(),
            coordinators = r.GetProperty("coordinators").GetString(),
            deadlineRaw = r.GetProperty("deadlineRaw").GetString(),
            product = r.GetProperty("product").GetString(),
            note = (string?)null,
            leadChoice = choice(r),
        }).ToList();
        var response = await api.PutAsJsonAsync($"/api/imports/{id}", new
        {
            version = draft.GetProperty("version").GetInt32(),
            number = "77/KH-UBND",
            issuer = "Ủy ban nhân dân tỉnh",
            issuedOn = "2026-01-15",
            title,
            rows,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> ImportAsync(HttpClient client, string fixture)
    {
        using var content = new MultipartFormDataContent();
        content.Add(new ByteArrayContent(await File.ReadAllBytesAsync(FixturePath(fixture))), "file", fixture);
        var response = await client.PostAsync("/api/imports", content);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The id of the published task whose content starts with the text (and, for a split row, whose lead is the agency).</summary>
    public int TaskId(string contentStart, string? lead = null) => Tasks
        .Single(t => t.GetProperty("content").GetString()!.StartsWith(contentStart, StringComparison.Ordinal)
            && (lead is null || t.GetProperty("leadAgency").GetString() == lead))
        .GetProperty("id").GetInt32();

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
