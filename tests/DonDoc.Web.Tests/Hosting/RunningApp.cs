using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using DonDoc.Data.Accounts;
using DonDoc.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace DonDoc.Web.Tests.Hosting;

/// <summary>
/// The real web app on Kestrel, on a random loopback port, over a temporary SQLite file and evidence
/// folder, with a clock fixed at 10:00 on 25/11/2026 (Vietnam time) that tests may move.
/// </summary>
public sealed partial class RunningApp : IAsyncDisposable
{
    public const string AdminEmail = "admin@example.vn";
    public const string AdminPassword = "Test-Admin-Password-2026";
    public const string Password = "Mat-khau-2026";

    private RunningApp(WebApplication app, string directory, Uri address, FakeTimeProvider clock)
    {
        App = app;
        Directory = directory;
        Address = address;
        Clock = clock;
        Client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = address, Timeout = Timeout.InfiniteTimeSpan };
    }

    public WebApplication App { get; }

    public string Directory { get; }

    public Uri Address { get; }

    public FakeTimeProvider Clock { get; }

    /// <summary>An anonymous client that does not follow redirects.</summary>
    public HttpClient Client { get; }

    public string DatabaseFile => Path.Combine(Directory, "dondoc.db");

    public string EvidenceDirectory => Path.Combine(Directory, "evidence");

    public const string PostgresVariable = "DONDOC_TEST_POSTGRES";

    /// <summary>SQLite always; PostgreSQL too when <c>DONDOC_TEST_POSTGRES</c> names a server (CI starts one).</summary>
    public static TheoryData<string> Providers
    {
        get
        {
            var data = new TheoryData<string> { "Sqlite" };
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(PostgresVariable)))
            {
                data.Add("Postgres");
            }

            return data;
        }
    }

    /// <summary>The PostgreSQL database this app runs on, dropped when it is disposed.</summary>
    private string? PostgresDatabase { get; set; }

    /// <summary>Starts the app on a fresh database of the provider.</summary>
    public static async Task<RunningApp> StartOnAsync(string provider, params string[] extraArgs)
    {
        if (provider != "Postgres")
        {
            return await StartAsync(null, extraArgs);
        }

        var server = Environment.GetEnvironmentVariable(PostgresVariable)!;
        var name = $"dondoc_web_{Guid.NewGuid():N}";
        await using (var connection = new Npgsql.NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        var connectionString = new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        var app = await StartAsync(null, ["--Database:Provider=Postgres", $"--ConnectionStrings:Default={connectionString}", .. extraArgs]);
        app.PostgresDatabase = name;
        return app;
    }

    /// <summary>Starts the app; pass the directory of an earlier run to restart over the same database.</summary>
    public static Task<RunningApp> StartAsync(string? directory = null, params string[] extraArgs) => StartWithAsync(directory, null, extraArgs);

    /// <summary>Starts the app with registrations of the test's own after DonDoc's (a log collector, say).</summary>
    public static async Task<RunningApp> StartWithAsync(string? directory, Action<IServiceCollection>? services, params string[] extraArgs)
    {
        directory ??= Path.Combine(Path.GetTempPath(), "dondoc-web-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        string[] args =
        [
            "--urls", "http://127.0.0.1:0",
            "--environment", "Production",
            $"--ConnectionStrings:Default=Data Source={Path.Combine(directory, "dondoc.db")}",
            $"--Storage:EvidencePath={Path.Combine(directory, "evidence")}",
            $"--Storage:KeysPath={Path.Combine(directory, "keys")}",
            $"--Admin:Email={AdminEmail}",
            $"--Admin:Password={AdminPassword}",
            "--Logging:LogLevel:Default=Warning",
            // Scheduled jobs would run on the wall clock beside the tests' own clock; tests run the jobs themselves.
            "--Reminders:Scheduler=false",
            .. extraArgs,
        ];
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero));
        var app = await DonDocWebApplication.CreateAsync(args, registrations =>
        {
            registrations.AddSingleton<TimeProvider>(clock);
            services?.Invoke(registrations);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningApp(app, directory, new Uri(address), clock);
    }

    /// <summary>Adds an account the way <c>dondoc user add</c> does.</summary>
    public async Task AddUserAsync(string email, string role, string? agency = null)
    {
        using var scope = App.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<UserAccounts>().CreateAsync(email, role, agency, Password, email.Split('@')[0], CancellationToken.None);
    }

    /// <summary>A client holding a bearer token from <c>POST /api/auth/login</c>.</summary>
    public async Task<HttpClient> ApiClientAsync(string email, string? password = null)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = Timeout.InfiniteTimeSpan };
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password = password ?? (email == AdminEmail ? AdminPassword : Password) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A browser-like client signed in through the login page, with its cookie.</summary>
    public Task<HttpClient> BrowserClientAsync(string email, string? password = null) => BrowserClientAsync(email, password, new CookieContainer());

    /// <summary>A browser-like client signed in through the login page, keeping its cookies in the container given.</summary>
    public async Task<HttpClient> BrowserClientAsync(string email, string? password, CookieContainer cookies)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = Address, Timeout = Timeout.InfiniteTimeSpan };
        var token = await AntiforgeryTokenAsync(client, "/Account/Login");
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password ?? (email == AdminEmail ? AdminPassword : Password),
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>The anti-forgery token of the first form on a page.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        return TokenPattern().Match(html).Groups[1].Value;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    /// <summary>Stops the app and keeps its files, for a restart.</summary>
    public async Task StopAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
        if (PostgresDatabase is not null)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await using var connection = new Npgsql.NpgsqlConnection(Environment.GetEnvironmentVariable(PostgresVariable));
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{PostgresDatabase}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
