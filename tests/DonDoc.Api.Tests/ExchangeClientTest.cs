using DonDoc.Api.Client;
using DonDoc.Api.Client.Api.Plans.Item.Export;
using DonDoc.Api.Client.Models;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace DonDoc.Api.Tests;

/// <summary>An integrator hands a plan on and loads it back, in both exchange files, through the generated client only.</summary>
public sealed class ExchangeClientTest
{
    private const string Office = "vanphong@example.vn";

    [Theory]
    [InlineData(GetFormatQueryParameterType.Json, "application/json", "ke-hoach-trao-doi.json")]
    [InlineData(GetFormatQueryParameterType.Xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "ke-hoach-trao-doi.xlsx")]
    public async Task A_plan_exported_through_the_generated_client_imports_back_as_a_draft_with_the_same_rows(GetFormatQueryParameterType format, string contentType, string fileName)
    {
        await using var app = await LiveApp.StartAsync();
        await app.AddUserAsync(Office, "monitor");
        using var anonymous = new HttpClient { BaseAddress = app.Address };
        var token = await Client(anonymous).Api.Auth.Login.PostAsync(new LoginRequest { Email = Office, Password = LiveApp.Password });
        using var http = new HttpClient { BaseAddress = app.Address };
        http.DefaultRequestHeaders.Authorization = new("Bearer", token!.AccessToken);
        var office = Client(http);

        var form = new MultipartBody();
        form.AddOrReplacePart("file", "text/plain", File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Fixtures", "ke-hoach-chuyen-doi-so.txt")), "ke-hoach-chuyen-doi-so.txt");
        var draft = await office.Api.Imports.PostAsync(form);
        var published = await office.Api.Imports[draft!.Id!.Value].Publish.PostAsync();
        var tasks = await office.Api.Tasks.GetAsync(r => r.QueryParameters.Plan = published!.PlanId);

        await using var file = await office.Api.Plans[published!.PlanId!.Value].Export.GetAsync(r => r.QueryParameters.Format = format);
        using var copy = new MemoryStream();
        await file!.CopyToAsync(copy);
        var upload = new MultipartBody();
        upload.AddOrReplacePart("file", contentType, new MemoryStream(copy.ToArray()), fileName);
        var again = await office.Api.Imports.PostAsync(upload, r => r.Headers.Add("Idempotency-Key", $"exchange-{format}"));

        // The task list is sorted by deadline, the draft keeps the plan's order.
        Assert.Equal(
            tasks!.Items!.Select(t => $"{t.Number} | {t.Content} | {t.LeadAgency} | {t.DeadlineRaw} | {t.Due}").Order(StringComparer.Ordinal).ToList(),
            again!.Rows!.Select(r => $"{r.Number} | {r.Content} | {r.Lead} | {r.DeadlineRaw} | {r.Due}").Order(StringComparer.Ordinal).ToList());
        Assert.Equal(3, again.Rows!.Count);
    }

    private static DonDocClient Client(HttpClient http) =>
        new(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http) { BaseUrl = http.BaseAddress!.ToString().TrimEnd('/') });
}
