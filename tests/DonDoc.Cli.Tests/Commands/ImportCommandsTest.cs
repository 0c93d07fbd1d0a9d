using System.Text.Json;

namespace DonDoc.Cli.Tests.Commands;

public sealed class ImportCommandsTest : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "dondoc-import-tests", Guid.NewGuid().ToString("N"));

    public ImportCommandsTest() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string WritePlan(string name = "ke-hoach.txt")
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, string.Join('\n',
            "PHỤ LỤC",
            "Nhiệm vụ cải cách hành chính năm 2026 (Kèm theo Kế hoạch số 12/KH-UBND ngày 05/01/2026 của UBND huyện)",
            "STT\tNội dung công việc\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành",
            "I\tCẢI CÁCH THỂ CHẾ\t\t\t",
            "1\tRà soát văn bản quy phạm pháp luật\tPhòng Tư pháp\tCác phòng chuyên môn\tQuý III/2026",
            "2\tCông bố thủ tục hành chính\tVăn phòng HĐND và UBND\t\tTrước 31/12/2026"));
        return path;
    }

    [Fact]
    public async Task Import_json_prints_the_plan_in_the_schema_format()
    {
        var result = await DondocProcess.RunAsync("import", WritePlan(), "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal("12/KH-UBND", root.GetProperty("plan").GetProperty("number").GetString());
        Assert.Equal("2026-01-05", root.GetProperty("plan").GetProperty("issued_on").GetString());
        var tasks = root.GetProperty("tasks");
        Assert.Equal(2, tasks.GetArrayLength());
        Assert.Equal("I", tasks[0].GetProperty("section").GetString());
        Assert.Equal("Phòng Tư pháp", tasks[0].GetProperty("lead").GetString());
        Assert.Equal("2026-09-30", tasks[0].GetProperty("deadline").GetProperty("due").GetString());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("warnings").ValueKind);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("dropped_lines").ValueKind);
    }

    [Fact]
    public async Task Import_without_json_stores_a_draft_in_the_database()
    {
        var plan = WritePlan();

        var result = await DondocProcess.RunInAsync(_directory, null, "import", plan);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("2 nhiệm vụ", result.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_directory, "data", "dondoc.db")));
    }

    [Theory]
    [InlineData("rong.txt", "")]
    [InlineData("hong.txt", "\0\u0001\u0002PK")]
    [InlineData("van-xuoi.txt", "Chỉ có văn xuôi, không có bảng nhiệm vụ.")]
    public async Task A_file_it_cannot_read_exits_2_with_one_line_and_stores_nothing(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        await File.WriteAllTextAsync(path, content);

        var result = await DondocProcess.RunInAsync(_directory, null, "import", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(Directory.Exists(Path.Combine(_directory, "data")));
    }

    [Fact]
    public async Task Eval_scores_a_golden_directory_and_fails_below_the_floor()
    {
        var plan = WritePlan("doc.txt");
        var golden = """
            {"document": "doc.txt", "plan": {}, "tasks": [
              {"section": "I", "number": "1", "content": "Rà soát văn bản quy phạm pháp luật", "lead": "Phòng Tư pháp", "coordinators": "Các phòng chuyên môn",
               "deadline_raw": "Quý III/2026", "deadline": {"kind": "period_end", "due": "2026-09-30"}, "product": null, "evidence": null, "budget_vnd": null},
              {"section": "I", "number": "2", "content": "Công bố thủ tục hành chính", "lead": "Văn phòng UBND", "coordinators": null,
               "deadline_raw": "Trước 31/12/2026", "deadline": {"kind": "date", "due": "2026-12-31"}, "product": null, "evidence": null, "budget_vnd": null}
            ]}
            """;
        await File.WriteAllTextAsync(Path.Combine(_directory, "doc.txt.json"), golden);

        var passing = await DondocProcess.RunAsync("eval", _directory, "--min-field-accuracy", "0.95");
        var failing = await DondocProcess.RunAsync("eval", _directory, "--min-field-accuracy", "0.99");

        Assert.True(passing.ExitCode == 0, passing.Output + passing.Error);
        Assert.Contains("total: docs=1 golden=2 extracted=2 matched=2 recall=1.000 precision=1.000 field_accuracy=0.955", passing.Output, StringComparison.Ordinal);
        Assert.Equal(1, failing.ExitCode);
        Assert.True(File.Exists(plan));
    }

    [Fact]
    public async Task Eval_breaks_the_score_down_per_form_and_fails_below_a_floor_file()
    {
        var text = WritePlan("doc.txt");
        File.Copy(text, Path.Combine(_directory, "doc_layout.txt"));
        var tasks = """
            "tasks": [
              {"section": "I", "number": "1", "content": "Rà soát văn bản quy phạm pháp luật", "lead": "Phòng Tư pháp", "coordinators": "Các phòng chuyên môn",
               "deadline_raw": "Quý III/2026", "deadline": {"kind": "period_end", "due": "2026-09-30"}, "product": null, "evidence": null, "budget_vnd": null}
            ]
            """;
        await File.WriteAllTextAsync(Path.Combine(_directory, "doc.txt.json"), $$"""{"document": "doc.txt", "plan": {}, {{tasks}}}""");
        await File.WriteAllTextAsync(Path.Combine(_directory, "doc_layout.txt.json"), $$"""{"document": "doc_layout.txt", "plan": {}, {{tasks}}}""");
        var floors = Path.Combine(_directory, "floors");
        await File.WriteAllTextAsync(floors, "txt recall=1.0 precision=0.5\n");
        var strict = Path.Combine(_directory, "strict-floors");
        await File.WriteAllTextAsync(strict, "txt precision=0.9\n");

        var passing = await DondocProcess.RunAsync("eval", _directory, "--floors", floors);
        var failing = await DondocProcess.RunAsync("eval", _directory, "--floors", strict);

        Assert.True(passing.ExitCode == 0, passing.Output + passing.Error);
        Assert.Contains("variant txt layout: docs=1 golden=1 extracted=2 matched=1 recall=1.000 precision=0.500", passing.Output, StringComparison.Ordinal);
        Assert.Contains("total: docs=2 golden=2 extracted=4 matched=2", passing.Output, StringComparison.Ordinal);
        Assert.Equal(1, failing.ExitCode);
        Assert.Contains("txt precision 0.500 < 0.900", failing.Error, StringComparison.Ordinal);
    }
}
