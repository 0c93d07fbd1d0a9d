using DonDoc.Data.Accounts;
using DonDoc.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace DonDoc.Api.Tests;

/// <summary>DonDoc on Kestrel on a random loopback port, over a temporary SQLite file, the clock at 10:00 on 25/11/2026 (Vietnam).</summary>
public sealed class LiveApp : IAsyncDisposable
{
    public const string AdminEmail = "admin@example.vn";
    public const string AdminPassword = "Test-Admin-Password-2026";
    public const string Password = "Mat-khau-2026";

    private LiveApp(WebApplication app, string directory, Uri address)
    {
        App = app;
        Directory = directory;
        Address = address;
    }

    public WebApplication App { get; }

    public string Directory { get; }

    public Uri Address { get; }

    public static async Task<LiveApp> StartAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "dondoc-api-tests", Guid.NewGuid().ToString("N"));
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
        ];
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero));
        var app = await DonDocWebApplication.CreateAsync(args, services => services.AddSingleton<TimeProvider>(clock));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LiveApp(app, directory, new Uri(address));
    }

    public async Task AddUserAsync(string email, string role, string? agency = null)
    {
        using var scope = App.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<UserAccounts>().CreateAsync(email, role, agency, Password, email.Split('@')[0], CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
