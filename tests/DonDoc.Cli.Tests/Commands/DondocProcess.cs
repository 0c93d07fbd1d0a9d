using System.Diagnostics;
using System.Text;

namespace DonDoc.Cli.Tests.Commands;

/// <summary>Runs the built <c>dondoc</c> command as a user would, and captures what it prints.</summary>
public static class DondocProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static async Task<Result> RunInAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "dondoc.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        // No deadline: on a busy machine a migration alone can take minutes, and a test must not fail for that.
        await process.WaitForExitAsync();
        return new Result(process.ExitCode, await output, await error);
    }

    public static Task<Result> RunAsync(params string[] args) => RunInAsync(AppContext.BaseDirectory, null, args);
}
