namespace DonDoc.Cli.Tests.Commands;

public sealed class DatabaseCommandsTest
{
    [Fact]
    public async Task Db_migrate_creates_the_default_sqlite_file_under_data()
    {
        var directory = Path.Combine(Path.GetTempPath(), "dondoc-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var first = await DondocProcess.RunInAsync(directory, null, "db", "migrate");
            var second = await DondocProcess.RunInAsync(directory, null, "db", "migrate");

            Assert.Equal(0, first.ExitCode);
            Assert.True(File.Exists(Path.Combine(directory, "data", "dondoc.db")));
            Assert.Contains("Initial", first.Output, StringComparison.Ordinal);
            Assert.Equal(0, second.ExitCode);
            Assert.Contains("(0 applied)", second.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task An_unknown_provider_is_refused_with_exit_code_2()
    {
        var result = await DondocProcess.RunInAsync(
            AppContext.BaseDirectory,
            new Dictionary<string, string> { ["Database__Provider"] = "Oracle" },
            "db", "migrate");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Oracle", result.Error, StringComparison.Ordinal);
    }
}
