using System.Text.Json.Nodes;

namespace DonDoc.Api.Tests;

/// <summary>The client under Generated/ was made from openapi/v1.json: that must be the document the app serves now.</summary>
public sealed class DocumentDriftTest
{
    [Fact]
    public async Task The_app_serves_the_document_the_committed_client_was_generated_from()
    {
        await using var app = await LiveApp.StartAsync();
        using var http = new HttpClient { BaseAddress = app.Address };

        var live = JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json"))!;
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "openapi", "v1.json")))!;
        Assert.Equal(app.Address.ToString().TrimEnd('/'), live["servers"]![0]!["url"]!.GetValue<string>());
        live["servers"]![0]!["url"] = "http://localhost:5080";

        Assert.True(
            JsonNode.DeepEquals(live, committed),
            "The API changed since the client was generated: start the app and run tests/DonDoc.Api.Tests/generate.sh URL, then commit openapi/ and Generated/.");
    }
}
