using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DonDoc.Web.Tests.Hosting;
using static DonDoc.Web.Tests.Hosting.PlanFixture;

namespace DonDoc.Web.Tests.Api;

/// <summary>
/// Every refusal of the API is problem details (application/problem+json) with a Vietnamese
/// <c>detail</c> that names what was wrong: never a 500, an empty 400 or the HTML error page.
/// </summary>
public sealed class ApiRefusalTest(PlansOnEveryDatabase plans) : IClassFixture<PlansOnEveryDatabase>
{
    private const string Review = "Rà soát thủ tục hành chính";   // Sở Nội vụ leads
    private const string Digitise = "Số hóa hồ sơ";               // Sở Tài chính leads

    public static TheoryData<string> Providers => RunningApp.Providers;

    private static StringContent Json(string body, string? mediaType = "application/json")
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = mediaType is null ? null : new MediaTypeHeaderValue(mediaType) { CharSet = "utf-8" };
        return content;
    }

    /// <summary>The problem's detail, after checking that the answer is problem details in Vietnamese.</summary>
    private static async Task<string> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString();
        Assert.False(string.IsNullOrWhiteSpace(detail));
        Assert.Matches("[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", detail!.ToLowerInvariant());
        return detail;
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Agency_officers_do_not_read_the_list_of_events(string provider)
    {
        var officer = await plans.ApiAsync(provider, TuPhap);
        var office = await plans.ApiAsync(provider, Office);
        await office.PostAsJsonAsync("/api/events", new { name = "Hội nghị chỉ văn phòng biết", occurredOn = "2026-11-20" });

        var refused = await officer.GetAsync("/api/events");
        var listed = await office.GetFromJsonAsync<JsonElement>("/api/events");

        await ProblemAsync(refused, HttpStatusCode.Forbidden);
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), e => e.GetProperty("name").GetString() == "Hội nghị chỉ văn phòng biết");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Missing_fields_and_content_types_are_refused_with_problem_details(string provider)
    {
        var plan = await plans.PlanAsync(provider);
        var office = await plans.ApiAsync(provider, Office);
        var noiVu = await plans.ApiAsync(provider, NoiVu);

        var emptyAlias = await office.PostAsync("/api/agencies/aliases", Json("{}"));
        var noContentType = await noiVu.PostAsync($"/api/tasks/{plan.TaskId(Review)}/progress", Json("{\"summary\":\"x\"}", mediaType: null));
        var unknownRoute = await office.GetAsync("/api/khong-co");
        var wrongMethod = await office.DeleteAsync("/api/plans");

        Assert.Contains("text", await ProblemAsync(emptyAlias, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        await ProblemAsync(noContentType, HttpStatusCode.UnsupportedMediaType);
        await ProblemAsync(unknownRoute, HttpStatusCode.NotFound);
        await ProblemAsync(wrongMethod, HttpStatusCode.MethodNotAllowed);
    }

    public static TheoryData<string, string, string, string> TypedBodies
    {
        get
        {
            var data = new TheoryData<string, string, string, string>();
            foreach (var provider in RunningApp.Providers)
            {
                data.Add(provider, "extensions", "{\"newDue\":\"31/02/2027\",\"reason\":\"Chờ ý kiến\"}", "newDue");
                data.Add(provider, "extensions", "{\"newDue\":\"2027-03-01\",\"reason\":\"Chờ ý kiến\",\"version\":\"abc\"}", "version");
                data.Add(provider, "extensions", "{\"newDue\":", "JSON");
                data.Add(provider, "events", "{\"name\":\"Hội nghị\",\"occurredOn\":\"31/02/2026\"}", "occurredOn");
                data.Add(provider, "events", "{\"name\":[1,2],\"occurredOn\":\"2026-11-20\"}", "name");
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(TypedBodies))]
    public async Task A_typed_body_with_a_bad_value_is_refused_naming_the_field(string provider, string endpoint, string body, string field)
    {
        var plan = await plans.PlanAsync(provider);
        var api = await plans.ApiAsync(provider, endpoint == "events" ? Office : NoiVu);
        var path = endpoint == "events" ? "/api/events" : $"/api/tasks/{plan.TaskId(Review)}/extensions";

        var response = await api.PostAsync(path, Json(body));

        Assert.Contains(field, await ProblemAsync(response, HttpStatusCode.BadRequest), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Text_bodies_and_unreadable_query_values_are_refused_naming_what_was_wrong(string provider)
    {
        var plan = await plans.PlanAsync(provider);
        var noiVu = await plans.ApiAsync(provider, NoiVu);

        var plainText = await noiVu.PostAsync($"/api/tasks/{plan.TaskId(Review)}/extensions", Json("newDue=2027-03-01", "text/plain"));
        var badPlan = await noiVu.GetAsync("/api/tasks?plan=abc");

        await ProblemAsync(plainText, HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("plan", await ProblemAsync(badPlan, HttpStatusCode.BadRequest), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_deadline_written_as_dd_MM_yyyy_in_JSON_is_read(string provider)
    {
        var plan = await plans.PlanAsync(provider);
        var taiChinh = await plans.ApiAsync(provider, TaiChinh);

        var response = await taiChinh.PostAsync($"/api/tasks/{plan.TaskId(Digitise)}/extensions", Json("{\"newDue\":\"31/03/2028\",\"reason\":\"Chờ kinh phí\"}"));
        var task = await taiChinh.GetFromJsonAsync<JsonElement>($"/api/tasks/{plan.TaskId(Digitise)}");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("2028-03-31", task.GetProperty("extensions")[0].GetProperty("requestedDue").GetString());
    }

    public static TheoryData<string, string, string, string> FormValues
    {
        get
        {
            var data = new TheoryData<string, string, string, string>();
            foreach (var provider in RunningApp.Providers)
            {
                data.Add(provider, "completion", "doneOn", "31/02/2026");
                data.Add(provider, "progress", "percent", "abc");
                data.Add(provider, "progress", "version", "abc");
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(FormValues))]
    public async Task A_multipart_form_with_an_unreadable_value_is_refused_and_nothing_is_stored(string provider, string action, string field, string value)
    {
        var plan = await plans.PlanAsync(provider);
        var noiVu = await plans.ApiAsync(provider, NoiVu);
        var id = plan.TaskId("Kiểm tra công tác văn thư", "Sở Nội vụ");
        var before = await noiVu.GetFromJsonAsync<JsonElement>($"/api/tasks/{id}");

        var response = await noiVu.PostAsync($"/api/tasks/{id}/{action}", new MultipartFormDataContent
        {
            { new StringContent("Đã kiểm tra"), "summary" },
            { new StringContent(value), field },
        });
        var after = await noiVu.GetFromJsonAsync<JsonElement>($"/api/tasks/{id}");

        Assert.Contains(value, await ProblemAsync(response, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Equal(before.GetProperty("task").GetProperty("version").GetInt32(), after.GetProperty("task").GetProperty("version").GetInt32());
    }
}
