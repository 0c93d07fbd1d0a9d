namespace DonDoc.Cli.Commands;

/// <summary>
/// A user's mistake or an unreadable input: printed as one line on stderr, Vietnamese first and
/// English in brackets, with exit code 2.
/// </summary>
public sealed class CliError(string vietnamese, string english) : Exception(english)
{
    public const int ExitCode = 2;

    public string Vietnamese { get; } = vietnamese;

    public string Line => $"Lỗi: {Vietnamese} [{Message}]";
}
