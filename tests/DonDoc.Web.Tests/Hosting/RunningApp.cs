using DonDoc.Web.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;

namespace DonDoc.Web.Tests.Hosting;

/// <summary>The real web app on Kestrel, on a random loopback port, over a temporary SQLite file.</summary>
public sealed class RunningApp : IAsyncDisposable
{
    public const string AdminEmail = "admin@example.vn";
    public const string AdminPassword = "Test-Admin-Password-2026";

    private RunningApp(WebApplication app, string directory, Uri address)
    {
        App = app;
        Directory = directory;
        Address = address;
        Client = new HttpClient { BaseAddress = address };
    }

    public WebApplication App { get; }

    public string Directory { get; }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public string DatabaseFile => Path.Combine(Directory, "dondoc.db");

    /// <summary>Starts the app; pass the directory of an earlier run to restart over the same database.</summary>
    public static async Task<RunningApp> StartAsync(string? directory = null, params string[] extraArgs)
    {
        directory ??= Path.Combine(Path.GetTempPath(), "dondoc-web-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        string[] args =
        [
            "--urls", "http://127.0.0.1:0",
            "--environment", "Production",
            $"--ConnectionStrings:Default=Data Source={Path.Combine(directory, "dondoc.db")}",
            $"--Admin:Email={AdminEmail}",
            $"--Admin:Password={AdminPassword}",
            "--Logging:LogLevel:Default=Warning",
            .. extraArgs,
        ];
        var app = await DonDocWebApplication.CreateAsync(args);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningApp(app, directory, new Uri(address));
    }

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
    }
}
