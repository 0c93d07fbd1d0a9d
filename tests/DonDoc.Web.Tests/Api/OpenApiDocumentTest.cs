using System.Text.Json;
using DonDoc.Web.Tests.Hosting;

namespace DonDoc.Web.Tests.Api;

/// <summary>
/// What an integrator's generator needs from /openapi/v1.json (Redocly's recommended rules check the rest in
/// tests/openapi): names, summaries, credentials, refusals as problem details, paging, a clean server URL.
/// </summary>
public sealed class OpenApiDocumentTest
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    [Fact]
    public async Task Every_operation_has_a_unique_id_a_Vietnamese_summary_who_may_call_it_and_its_refusals_as_problem_details()
    {
        await using var app = await RunningApp.StartAsync();
        using var document = JsonDocument.Parse(await app.Client.GetStringAsync("/openapi/v1.json"));
        var root = document.RootElement;

        var operations = Operations(root).ToList();
        Assert.True(operations.Count >= 29, $"only {operations.Count} operations");
        Assert.Equal(operations.Count, operations.Select(o => o.Operation.GetProperty("operationId").GetString()).Distinct().Count());
        foreach (var (path, method, operation) in operations)
        {
            var name = $"{method.ToUpperInvariant()} {path}";
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()), name);
            Assert.Contains("**Who may call:**", operation.GetProperty("description").GetString(), StringComparison.Ordinal);
            var refusals = operation.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('4')).ToList();
            Assert.True(refusals.Count > 0, $"{name} describes no refusal");
            foreach (var refusal in refusals)
            {
                var example = refusal.Value.GetProperty("content").GetProperty("application/problem+json").GetProperty("example");
                Assert.Equal(int.Parse(refusal.Name, System.Globalization.CultureInfo.InvariantCulture), example.GetProperty("status").GetInt32());
                Assert.False(string.IsNullOrEmpty(example.GetProperty("detail").GetString()), name);
            }
        }
    }

    [Fact]
    public async Task The_document_declares_the_bearer_scheme_asks_for_it_everywhere_but_sign_in_and_names_its_server_without_a_trailing_slash()
    {
        await using var app = await RunningApp.StartAsync();
        using var document = JsonDocument.Parse(await app.Client.GetStringAsync("/openapi/v1.json"));
        var root = document.RootElement;

        var bearer = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", bearer.GetProperty("type").GetString());
        Assert.Equal("bearer", bearer.GetProperty("scheme").GetString());
        Assert.Equal("Bearer", root.GetProperty("security")[0].EnumerateObject().Single().Name);
        var server = root.GetProperty("servers")[0].GetProperty("url").GetString()!;
        Assert.Equal(app.Address.ToString().TrimEnd('/'), server);

        var signIn = root.GetProperty("paths").GetProperty("/api/auth/login").GetProperty("post");
        Assert.Equal(0, signIn.GetProperty("security").GetArrayLength());
        var tasks = root.GetProperty("paths").GetProperty("/api/tasks").GetProperty("get");
        Assert.Equal("Bearer", tasks.GetProperty("security")[0].EnumerateObject().Single().Name);
    }

    [Fact]
    public async Task A_list_documents_its_paging_parameters_and_the_next_field_and_a_report_takes_evidence_files()
    {
        await using var app = await RunningApp.StartAsync();
        using var document = JsonDocument.Parse(await app.Client.GetStringAsync("/openapi/v1.json"));
        var root = document.RootElement;

        var parameters = root.GetProperty("paths").GetProperty("/api/tasks").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.Contains("`next`", parameters["after"].GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(500, parameters["limit"].GetProperty("schema").GetProperty("maximum").GetInt32());
        var page = root.GetProperty("components").GetProperty("schemas").GetProperty("PageOfTaskSummary");
        Assert.Contains("`after`", page.GetProperty("properties").GetProperty("next").GetProperty("description").GetString(), StringComparison.Ordinal);

        var form = root.GetProperty("paths").GetProperty("/api/tasks/{id}/progress").GetProperty("post").GetProperty("requestBody")
            .GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema").GetProperty("properties");
        Assert.Equal("binary", form.GetProperty("files").GetProperty("format").GetString());
        Assert.True(form.TryGetProperty("percent", out _));
    }

    private static IEnumerable<(string Path, string Method, JsonElement Operation)> Operations(JsonElement root) =>
        from path in root.GetProperty("paths").EnumerateObject()
        from method in path.Value.EnumerateObject()
        where Methods.Contains(method.Name)
        select (path.Name, method.Name, method.Value);
}
