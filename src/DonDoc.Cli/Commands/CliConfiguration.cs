using Microsoft.Extensions.Configuration;

namespace DonDoc.Cli.Commands;

/// <summary>
/// The command line's configuration: <c>appsettings.json</c> in the working directory (optional), then
/// environment variables (<c>Database__Provider</c>, <c>ConnectionStrings__Default</c>, or the same with a
/// <c>DONDOC_</c> prefix).
/// </summary>
public static class CliConfiguration
{
    public static IConfiguration Load() => new ConfigurationBuilder()
        .SetBasePath(Directory.GetCurrentDirectory())
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .AddEnvironmentVariables("DONDOC_")
        .Build();
}
