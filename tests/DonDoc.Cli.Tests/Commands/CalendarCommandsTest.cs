using System.Text.Json;

namespace DonDoc.Cli.Tests.Commands;

public sealed class CalendarCommandsTest
{
    [Fact]
    public async Task Help_lists_the_commands()
    {
        var result = await DondocProcess.RunAsync("--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var command in new[] { "db", "deadline", "holidays", "workdays" })
        {
            Assert.Contains(command, result.Output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Chậm nhất ngày 01/4/2026", "date", "2026-04-01")]
    [InlineData("Quý III/2026", "period_end", "2026-09-30")]
    [InlineData("Trong năm", "period_end", "2027-12-31")]
    [InlineData("Sau đại hội 07 ngày", "event_relative", null)]
    [InlineData("Thường xuyên", "continuous", null)]
    [InlineData("Trước 30/02/2027", "unknown", null)]
    public async Task Deadline_prints_its_interpretation_as_json(string text, string kind, string? due)
    {
        var result = await DondocProcess.RunAsync("deadline", text, "--plan-year", "2027");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(kind, json.RootElement.GetProperty("kind").GetString());
        Assert.Equal(due, json.RootElement.GetProperty("due").GetString());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("detail").GetString()));
        Assert.Equal(text, json.RootElement.GetProperty("raw").GetString());
    }

    [Fact]
    public async Task Deadline_with_as_of_judges_the_status()
    {
        var result = await DondocProcess.RunAsync("deadline", "Quý III/2026", "--as-of", "2026-11-25");

        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("overdue", json.RootElement.GetProperty("assessment").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Holidays_prints_one_tab_separated_line_per_day_off()
    {
        var result = await DondocProcess.RunAsync("holidays", "2026");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => Assert.Matches(@"^\d{4}-\d{2}-\d{2}\t\S.*$", line));
        Assert.Contains(lines, l => l.StartsWith("2026-02-17\t", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("2026-04-26\tGiỗ Tổ Hùng Vương", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("2026-01-02\tNghỉ hoán đổi", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("1900", "1900-01-31\t")]
    [InlineData("2199", "2199-01-01\t")]
    public async Task Holidays_covers_every_year_of_the_lunar_calendar(string year, string line)
    {
        var result = await DondocProcess.RunAsync("holidays", year);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.Output.Split('\n'), l => l.StartsWith(line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_year_the_calendar_does_not_cover_is_refused()
    {
        var result = await DondocProcess.RunAsync("holidays", "1899");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("1900–2199", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-02-13", "1", "2026-02-23")]
    [InlineData("2026-02-23", "-1", "2026-02-13")]
    [InlineData("2026-01-09", "1", "2026-01-10")] // Saturday 10/1/2026 worked for Friday 2/1
    [InlineData("2024-04-26", "1", "2024-05-02")] // 29/4/2024 swapped, 30/4 and 1/5 off
    [InlineData("2024-05-03", "1", "2024-05-04")] // Saturday 4/5/2024 worked
    [InlineData("2025-01-24", "1", "2025-02-03")] // Tết 2025 from Monday 27/1
    [InlineData("2025-04-25", "1", "2025-04-26")] // Saturday 26/4/2025 worked for 2/5
    [InlineData("2021-09-01", "1", "2021-09-06")] // Quốc khánh 2021 on 2 and 3 September
    [InlineData("2020-09-01", "1", "2020-09-03")] // 2020: one Quốc khánh day
    public async Task Workdays_counts_working_days(string date, string n, string expected)
    {
        var result = await DondocProcess.RunAsync("workdays", date, n);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(expected, result.Output.Trim());
    }

    [Fact]
    public async Task A_wrong_date_is_refused_with_one_line_and_exit_code_2()
    {
        var result = await DondocProcess.RunAsync("workdays", "2026-13-01", "1");

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Output);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("không hợp lệ", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_days_off_file_changes_the_count()
    {
        var file = Path.Combine(Path.GetTempPath(), $"dondoc-days-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """{"entries": [{"date": "2026-12-01", "kind": "off", "name": "Nghỉ thử nghiệm", "source": "Công văn thử nghiệm"}]}""");
        try
        {
            var result = await DondocProcess.RunAsync("workdays", "2026-11-30", "1", "--days-off", file);

            Assert.Equal("2026-12-02", result.Output.Trim());
        }
        finally
        {
            File.Delete(file);
        }
    }
}
