using System.CommandLine;
using DonDoc.Data.Storage;
using DonDoc.Tracking.Calendar;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DonDoc.Cli.Commands;

/// <summary><c>dondoc db migrate</c>.</summary>
public static class DatabaseCommands
{
    public static Command Build()
    {
        var migrate = new Command("migrate", "Áp dụng các migration cho cơ sở dữ liệu đã cấu hình (apply migrations to the configured database)");
        migrate.SetAction((_, cancellationToken) => DonDocCommandLine.RunAsync(async () =>
        {
            await using var services = BuildServices();
            var options = services.GetRequiredService<DatabaseOptions>();
            var applied = await DatabaseMigrator.MigrateAsync(services, cancellationToken);
            Console.WriteLine($"{options.Provider}: đã áp dụng {applied.Count} migration ({applied.Count} applied).");
            foreach (var name in applied)
            {
                Console.WriteLine($"  {name}");
            }

            return 0;
        }));

        var db = new Command("db", "Cơ sở dữ liệu (database)");
        db.Subcommands.Add(migrate);
        return db;
    }

    /// <summary>
    /// Before a command that judges working days (seed, refresh, reminders): migrates, then reads the days off an
    /// administrator announced (/Admin/Calendar) on top of the shipped calendar, as the app does at start.
    /// </summary>
    public static async Task PrepareTrackingAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await DatabaseMigrator.MigrateAsync(services, cancellationToken);
        await using var scope = services.CreateAsyncScope();
        await services.GetRequiredService<CurrentCalendar>().RefreshAsync(
            scope.ServiceProvider.GetRequiredService<DonDocDbContext>(), scope.ServiceProvider.GetRequiredService<TimeProvider>(), cancellationToken);
    }

    /// <param name="more">What a command needs besides the database (accounts, for <c>user add</c>).</param>
    /// <param name="tracking">Also the application services (task catalog, workflow, refresh), over the same database.</param>
    public static ServiceProvider BuildServices(Action<IServiceCollection>? more = null, bool tracking = false) =>
        BuildServices(CliConfiguration.Load(), more, tracking);

    /// <summary>The same over a configuration given (tests).</summary>
    public static ServiceProvider BuildServices(IConfiguration configuration, Action<IServiceCollection>? more = null, bool tracking = false)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        try
        {
            if (tracking)
            {
                Tracking.Hosting.TrackingServiceCollectionExtensions.AddDonDocTracking(services, configuration);
            }
            else
            {
                services.AddDonDocData(configuration);
            }
        }
        catch (InvalidOperationException ex)
        {
            throw new CliError("cấu hình cơ sở dữ liệu không hợp lệ", ex.Message);
        }

        more?.Invoke(services);
        return services.BuildServiceProvider();
    }
}
