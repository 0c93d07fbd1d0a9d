using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DonDoc.Web.Tests.Hosting;
using static DonDoc.Web.Tests.Hosting.PlanFixture;

namespace DonDoc.Web.Tests.Tracking;

/// <summary>
/// Text over a column's length, or holding a NUL, is refused in Vietnamese with the field's name, the same
/// on SQLite and PostgreSQL, and nothing is stored; a name loses its invisible characters.
/// </summary>
public sealed class StoredTextTest(PlansOnEveryDatabase plans) : IClassFixture<PlansOnEveryDatabase>
{
    private const string Review = "Rà soát thủ tục hành chính"; // Sở Nội vụ leads

    public static TheoryData<string, string> Cases
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var provider in RunningApp.Providers)
            {
                foreach (var name in new[] { "period", "summary-10MB", "summary-NUL", "event-name", "document-number", "alias", "file-name", "row-number", "file-name-NUL", "file-name-RLO" })
                {
                    data.Add(provider, name);
                }
            }

            return data;
        }
    }

    private static MultipartFormDataContent WithFile(string summary, string fileName)
    {
        var form = new MultipartFormDataContent { { new StringContent(summary), "summary" } };
        var file = new ByteArrayContent(Evidence.Pdf("minh chung"));
        // The name goes out percent-encoded (RFC 5987), as browsers send names they cannot put in quotes.
        file.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"files\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}");
        form.Add(file);
        return form;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Text_a_column_cannot_hold_is_refused_in_Vietnamese_and_nothing_is_stored(string provider, string name)
    {
        var plan = await plans.PlanAsync(provider);
        var noiVu = await plans.ApiAsync(provider, NoiVu);
        var office = await plans.ApiAsync(provider, Office);
        var id = plan.TaskId(Review);
        var reportsBefore = (await noiVu.GetFromJsonAsync<JsonElement>($"/api/tasks/{id}")).GetProperty("reports").GetArrayLength();
        var eventsBefore = (await office.GetFromJsonAsync<JsonElement>("/api/events")).GetProperty("items").GetArrayLength();

        var (response, field) = name switch
        {
            "period" => (await noiVu.PostAsJsonAsync($"/api/tasks/{id}/progress", new { summary = "Kỳ dài", period = new string('k', 101) }), "Kỳ báo cáo"),
            "summary-10MB" => (await noiVu.PostAsJsonAsync($"/api/tasks/{id}/progress", new { summary = new string('x', 10 * 1024 * 1024) }), "Nội dung báo cáo"),
            "summary-NUL" => (await noiVu.PostAsJsonAsync($"/api/tasks/{id}/progress", new { summary = "Có ký tự\u0000 lạ" }), "Nội dung báo cáo"),
            "event-name" => (await office.PostAsJsonAsync("/api/events", new { name = new string('s', 501), occurredOn = "2026-11-20" }), "Tên sự kiện"),
            "document-number" => (await office.PostAsJsonAsync("/api/events", new { name = "Hội nghị", occurredOn = "2026-11-20", documentNumber = new string('1', 101) }), "Số văn bản"),
            "alias" => (await office.PostAsJsonAsync("/api/agencies/aliases", new { text = new string('a', 301), aliasOf = "Sở Nội vụ" }), "Tên gọi"),
            "file-name" => (await noiVu.PostAsync($"/api/tasks/{id}/progress", WithFile("Tệp tên dài", new string('t', 300) + ".pdf")), "Tên tệp"),
            "file-name-NUL" => (await noiVu.PostAsync($"/api/tasks/{id}/progress", WithFile("Tệp có NUL", "bien\u0000ban.pdf")), "Tên tệp"),
            "file-name-RLO" => (await noiVu.PostAsync($"/api/tasks/{id}/progress", WithFile("Tệp đảo chiều", "hoadon\u202Eexe.pdf")), "Tên tệp"),
            "row-number" => (await LongRowNumberAsync(office), "Số thứ tự"),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}");
        Assert.Contains(field, JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(reportsBefore, (await noiVu.GetFromJsonAsync<JsonElement>($"/api/tasks/{id}")).GetProperty("reports").GetArrayLength());
        Assert.Equal(eventsBefore, (await office.GetFromJsonAsync<JsonElement>("/api/events")).GetProperty("items").GetArrayLength());
    }

    private static async Task<HttpResponseMessage> LongRowNumberAsync(HttpClient office)
    {
        var draft = await ImportAsync(office, "ke-hoach-cai-cach.txt");
        var rows = draft.GetProperty("rows").EnumerateArray().Select((r, i) => new
        {
            id = r.GetProperty("id").GetInt32(),
            number = i == 0 ? new string('9', 51) : r.GetProperty("number").GetString(),
            content = r.GetProperty("content").GetString(),
            lead = r.GetProperty("lead").GetString(),
        }).ToList();
        return await office.PutAsJsonAsync($"/api/imports/{draft.GetProperty("id").GetInt32()}", new { version = draft.GetProperty("version").GetInt32(), title = "Kế hoạch", rows });
    }

    [Theory]
    [MemberData(nameof(RunningApp.Providers), MemberType = typeof(RunningApp))]
    public async Task An_agency_name_loses_its_zero_width_characters(string provider)
    {
        var plan = await plans.PlanAsync(provider);
        using var admin = await plan.App.BrowserClientAsync(RunningApp.AdminEmail);
        var api = await plans.ApiAsync(provider, Office);
        var token = await RunningApp.AntiforgeryTokenAsync(admin, "/Admin/Agencies");

        var created = await admin.PostAsync("/Admin/Agencies?handler=Create", AdminPages.Form(token,
            ("name", "Trung tâm\u200B Hành chính công"), ("kind", "PublicServiceUnit"), ("aliases", "TT\u200DHCC")));
        var match = await api.GetFromJsonAsync<JsonElement>("/api/agencies/match?text=" + Uri.EscapeDataString("Trung tâm Hành chính công; TTHCC"));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("Trung tâm Hành chính công", match[0].GetProperty("name").GetString());
        Assert.Equal("Trung tâm Hành chính công", match[1].GetProperty("name").GetString());
    }
}
