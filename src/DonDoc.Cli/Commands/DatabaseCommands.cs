using System.CommandLine;
using DonDoc.Data.Storage;
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

    /// <param name="more">What a command needs besides the database (accounts, for <c>user add</c>).</param>
    /// <param name="tracking">Also the application services (task catalog, workflow, refresh), over the same database.</param>
    public static ServiceProvider BuildServices(Action<IServiceCollection>? more = null, bool tracking = false)
    {
        var configuration = CliConfiguration.Load();
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
