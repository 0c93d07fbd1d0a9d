using DonDoc.Api.Client;
using DonDoc.Api.Client.Models;
using DonDoc.Data.Accounts;
using DonDoc.Tracking.Accounts;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace DonDoc.Api.Tests;

/// <summary>
/// An integrator's whole story through the generated client only: the office signs in and imports, reviews and
/// publishes a plan; the agency's system, holding an API key, reports progress with a file and completion; the
/// office accepts; the dashboard counts it done.
/// </summary>
public sealed class ClientStoryTest
{
    private const string Office = "vanphong@example.vn";

    [Fact]
    public async Task The_office_and_an_agency_system_run_a_plan_from_import_to_the_dashboard_through_the_generated_client()
    {
        await using var app = await LiveApp.StartAsync();
        await app.AddUserAsync(Office, "monitor");
        var key = await AgencyKeyAsync(app, "Phần mềm quản lý văn bản của Sở Nội vụ", "Sở Nội vụ");

        // The office signs in with its password and holds a bearer token.
        using var anonymous = new HttpClient { BaseAddress = app.Address };
        var token = await Client(anonymous).Api.Auth.Login.PostAsync(new LoginRequest { Email = Office, Password = LiveApp.Password });
        using var officeHttp = new HttpClient { BaseAddress = app.Address };
        officeHttp.DefaultRequestHeaders.Authorization = new("Bearer", token!.AccessToken);
        var office = Client(officeHttp);

        // Import a plan file, read the draft, save it as reviewed, publish.
        var form = new MultipartBody();
        form.AddOrReplacePart("file", "text/plain", File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Fixtures", "ke-hoach-chuyen-doi-so.txt")), "ke-hoach-chuyen-doi-so.txt");
        var draft = await office.Api.Imports.PostAsync(form, r => r.Headers.Add("Idempotency-Key", "import-12-KH-UBND"));
        Assert.Equal(3, draft!.Rows!.Count);
        var reviewed = await office.Api.Imports[draft.Id!.Value].PutAsync(new DraftEdit
        {
            Version = draft.Version,
            Number = "12/KH-UBND",
            Issuer = "Ủy ban nhân dân tỉnh",
            IssuedOn = new Date(2026, 2, 10),
            Title = "Kế hoạch chuyển đổi số năm 2026",
            Rows = draft.Rows.Select(r => new DraftRowEdit
            {
                Id = r.Id,
                Content = r.Content,
                Lead = r.Lead,
                Coordinators = r.Coordinators,
                DeadlineRaw = r.DeadlineRaw,
                Product = r.Product,
            }).ToList(),
        });
        var published = await office.Api.Imports[draft.Id.Value].Publish.PostAsync();
        Assert.Equal(3, published!.Tasks);

        // The agency's system finds its task and reports, with a file, then reports it done.
        // Kiota's ApiKeyAuthenticationProvider sends a key over https only; the test's Kestrel listens on plain
        // loopback http, so the key rides on the HttpClient's default headers instead.
        using var agencyHttp = new HttpClient { BaseAddress = app.Address };
        agencyHttp.DefaultRequestHeaders.Add("X-Api-Key", key);
        var agencyAdapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: agencyHttp) { BaseUrl = app.Address.ToString().TrimEnd('/') };
        var agency = new DonDocClient(agencyAdapter);
        var mine = await agency.Api.Tasks.GetAsync(r => r.QueryParameters.Plan = published.PlanId);
        // The agency sees the task it leads and the one it coordinates; it reports on the one it leads.
        Assert.Equal(2, mine!.Items!.Count);
        var task = Assert.Single(mine.Items, t => t.LeadAgency == "Sở Nội vụ");

        var progress = new MultipartBody();
        progress.AddOrReplacePart("percent", "text/plain", "60");
        progress.AddOrReplacePart("summary", "text/plain", "Đã kết nối thử nghiệm 3 phân hệ.");
        progress.AddOrReplacePart("files", "application/pdf", new MemoryStream(Pdf("bien ban ket noi")), "bien-ban-ket-noi.pdf");
        // Kiota types a form with fields beside its file parts as a plain model, which its multipart writer does not
        // serialize: the form goes as a MultipartBody to the operation's path, answered in the generated model.
        var report = await agencyAdapter.SendAsync(Form(agencyAdapter, $"/api/tasks/{task.Id}/progress", progress, "progress-1"), CreatedId.CreateFromDiscriminatorValue, Problems);
        Assert.True(report!.Id > 0);

        var details = await agency.Api.Tasks[task.Id!.Value].GetAsync();
        var completion = new MultipartBody();
        completion.AddOrReplacePart("summary", "text/plain", "Đã nghiệm thu kết nối.");
        completion.AddOrReplacePart("doneOn", "text/plain", "2026-11-24");
        completion.AddOrReplacePart("version", "text/plain", details!.Task!.Version!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        completion.AddOrReplacePart("files", "application/pdf", new MemoryStream(Pdf("bien ban nghiem thu")), "bien-ban-nghiem-thu.pdf");
        await agencyAdapter.SendNoContentAsync(Form(agencyAdapter, $"/api/tasks/{task.Id}/completion", completion, "completion-1"), Problems);

        // The office accepts; the dashboard counts one task done.
        var accepted = await office.Api.Tasks[task.Id.Value].Review.PostAsync(new ReviewInput { Decision = "accept" });
        var dashboard = await office.Api.Dashboard.GetAsync(r => r.QueryParameters.Plan = published.PlanId);
        var after = await agency.Api.Tasks[task.Id.Value].GetAsync();

        Assert.Equal("done_on_time", accepted!.Status);
        Assert.Equal(3, dashboard!.Total);
        Assert.Equal(1, dashboard.Buckets!.Done);
        Assert.Equal(2, after!.Reports!.Count);
        Assert.Equal(new[] { "bien-ban-ket-noi.pdf", "bien-ban-nghiem-thu.pdf" }, after.Reports.SelectMany(r => r.Files!).Select(f => f.FileName!).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task A_refusal_reaches_the_generated_client_as_problem_details_with_the_Vietnamese_detail()
    {
        await using var app = await LiveApp.StartAsync();
        using var http = new HttpClient { BaseAddress = app.Address };

        var refused = await Assert.ThrowsAsync<ProblemDetails>(() => Client(http).Api.Auth.Login.PostAsync(new LoginRequest { Email = Office, Password = "sai" }));

        Assert.Equal(401, refused.Status);
        Assert.Contains("mật khẩu", refused.Detail, StringComparison.Ordinal);
    }

    private static readonly Dictionary<string, ParsableFactory<IParsable>> Problems = new()
    {
        ["XXX"] = ProblemDetails.CreateFromDiscriminatorValue,
    };

    private static RequestInformation Form(IRequestAdapter adapter, string path, MultipartBody body, string idempotencyKey)
    {
        var request = new RequestInformation(Method.POST, "{+baseurl}" + path, new Dictionary<string, object> { ["baseurl"] = adapter.BaseUrl! });
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        request.Headers.Add("Accept", "application/json");
        request.SetContentFromParsable(adapter, "multipart/form-data", body);
        return request;
    }

    private static DonDocClient Client(HttpClient http) =>
        new(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http) { BaseUrl = http.BaseAddress!.ToString().TrimEnd('/') });

    /// <summary>An administrator's key for the agency, made the way /Admin/ApiKeys makes it.</summary>
    private static async Task<string> AgencyKeyAsync(LiveApp app, string name, string agency)
    {
        using var scope = app.App.Services.CreateScope();
        var directory = scope.ServiceProvider.GetRequiredService<DonDoc.Data.Agencies.AgencyDirectoryStore>();
        var agencyId = await directory.FindAgencyIdAsync(agency, CancellationToken.None);
        var administrator = new DonDoc.Core.Access.Actor("story-admin", "Quản trị", new HashSet<string> { DonDoc.Core.Access.Roles.Administrator }, null);
        var issued = await scope.ServiceProvider.GetRequiredService<ApiKeys>().CreateAsync(administrator, name, ApiKeyScope.Agency, agencyId, CancellationToken.None);
        return issued.Key;
    }

    private static byte[] Pdf(string text) => System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4\n% {text}\n%%EOF\n");
}
