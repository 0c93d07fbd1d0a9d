using System.CommandLine;

namespace DonDoc.Cli.Commands;

/// <summary>The <c>dondoc</c> command tree.</summary>
public static class DonDocCommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand("DonDoc – đọc kế hoạch, theo dõi và đôn đốc nhiệm vụ (read plans, track and follow up tasks)");
        root.Subcommands.Add(DatabaseCommands.Build());
        root.Subcommands.Add(CalendarCommands.BuildDeadline());
        root.Subcommands.Add(CalendarCommands.BuildHolidays());
        root.Subcommands.Add(CalendarCommands.BuildWorkdays());
        root.Subcommands.Add(ImportCommands.BuildImport());
        root.Subcommands.Add(ImportCommands.BuildEval());
        root.Subcommands.Add(AgencyCommands.Build());
        root.Subcommands.Add(UserCommands.Build());
        root.Subcommands.Add(TrackingCommands.BuildRefresh());
        root.Subcommands.Add(TrackingCommands.BuildSeed());
        root.Subcommands.Add(BackupCommands.BuildBackup());
        root.Subcommands.Add(BackupCommands.BuildRestore());
        root.Subcommands.Add(ReminderCommands.Build());
        root.Subcommands.Add(ReportCommands.Build());
        return root;
    }

    /// <summary>Runs a command body; a <see cref="CliError"/> becomes one line on stderr and exit code 2.</summary>
    public static async Task<int> RunAsync(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (CliError error)
        {
            await Console.Error.WriteLineAsync(error.Line);
            return CliError.ExitCode;
        }
    }

    public static Task<int> Run(Func<int> body) => RunAsync(() => Task.FromResult(body()));
}
