using DonDoc.Core.Access;
using DonDoc.Data.Accounts;
using DonDoc.Data.Agencies;
using DonDoc.Data.Storage;
using DonDoc.Data.Tests.Storage;
using DonDoc.Tracking.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace DonDoc.Tracking.Tests.Hosting;

/// <summary>
/// DonDoc's application services as the web app and the command line build them, over a fresh migrated
/// database (SQLite file, or PostgreSQL when CI provides one), with evidence in a temporary folder and a
/// clock the test sets.
/// </summary>
public sealed class TrackingServices : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly string _evidence;

    private TrackingServices(TestDatabase database, ServiceProvider services, FakeTimeProvider clock, string evidence)
    {
        _database = database;
        Services = services;
        Clock = clock;
        _evidence = evidence;
    }

    public ServiceProvider Services { get; }

    /// <summary>The folder evidence files are stored in.</summary>
    public string EvidenceDirectory => _evidence;

    public FakeTimeProvider Clock { get; }

    public const string PublicUrl = "https://dondoc.example.vn";

    public static Actor Office { get; } = new("office-1", "Văn phòng theo dõi", new HashSet<string> { Roles.MonitoringOffice }, null);

    /// <summary>Adds an account as <c>dondoc user add</c> does; returns its id.</summary>
    public Task<string> AddUserAsync(string email, string role, string? agency = null, string? name = null) =>
        InScopeAsync(async s => (await s.GetRequiredService<UserAccounts>().CreateAsync(email, role, agency, "Mat-khau-2026", name ?? email.Split('@')[0], CancellationToken.None)).Id);

    public static Actor Officer(int agencyId) => new($"officer-{agencyId}", "Cán bộ đơn vị", new HashSet<string> { Roles.AgencyOfficer }, agencyId);

    /// <param name="settings">More configuration, as appsettings would give it (Smtp:Host, Telegram:BotToken, …).</param>
    /// <param name="more">Registrations after DonDoc's own: a test adds an interceptor, say.</param>
    public static async Task<TrackingServices> CreateAsync(DatabaseProvider provider, DateTimeOffset now, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? more = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var evidence = Path.Combine(Path.GetTempPath(), "dondoc-tests", $"{Guid.NewGuid():N}", "evidence");
        var values = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Default"] = database.ConnectionString,
            ["Storage:EvidencePath"] = evidence,
            ["App:PublicUrl"] = PublicUrl,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        // GetUtcNow has offset zero, as the system clock's does; PostgreSQL refuses any other offset.
        var clock = new FakeTimeProvider(now.ToUniversalTime());
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<IConfiguration>(configuration);
        services.AddDonDocTracking(configuration);
        UserAccounts.AddDonDocIdentityCore(services);
        services.AddScoped<UserAccounts>();
        more?.Invoke(services);
        var provided = services.BuildServiceProvider();
        await DatabaseMigrator.MigrateAsync(provided, CancellationToken.None);
        using (var scope = provided.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<AgencyDirectoryStore>().SeedDefaultAsync(CancellationToken.None);
        }

        return new TrackingServices(database, provided, clock, evidence);
    }

    /// <summary>Runs one unit of work in its own scope, as one request or one command does.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await _database.DisposeAsync();
        var root = Path.GetDirectoryName(_evidence)!;
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
