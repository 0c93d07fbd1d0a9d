using System.Text;
using System.Text.Json.Nodes;
using DonDoc.Core.Deadlines;
using DonDoc.Import.Evaluation;
using DonDoc.Import.Extraction;
using DonDoc.Import.Importing;

namespace DonDoc.Import.Tests.Extraction;

public sealed class PlanImporterTest
{
    private readonly PlanImporter _importer = new(new DeadlineParser());

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    [Fact]
    public async Task A_table_in_another_column_order_matches_its_golden_file_exactly()
    {
        var result = _importer.Import("other-column-order.txt", await File.ReadAllBytesAsync(Fixture("other-column-order.txt")));
        var golden = JsonNode.Parse(await File.ReadAllTextAsync(Fixture("other-column-order.txt.json")))!;

        var extracted = ExtractionJson.ToJson(result.Extraction!, "other-column-order.txt");
        var score = ExtractionScorer.Score(golden, extracted);

        Assert.Equal(5, score.Golden);
        Assert.Equal(5, score.Extracted);
        Assert.Equal(5, score.Matched);
        Assert.All(ExtractionScorer.Fields, field => Assert.True(score.Correct[field] == 5, $"{field}: {score.Correct[field]}/5"));
        Assert.Equal(golden["plan"]!.ToJsonString(), extracted["plan"]!.ToJsonString());
    }

    [Theory]
    [InlineData("lead-first.txt")]
    [InlineData("no-deadline.txt")]
    [InlineData("legislative-programme.html")]
    // Crawled without its merges: a two-row header written once per cell ("Thời gian" over "Bắt đầu | Hoàn thành", "Kinh phí
    // (triệu đồng)" over "Tổng số | Ngân sách tỉnh"), a lead written only in the first of the rows it covers, a budget in millions.
    [InlineData("crawl-merged.md")]
    public Task A_table_in_a_shape_the_seeds_do_not_have_matches_its_golden_file_exactly(string fixture) => AssertMatchesGoldenAsync(fixture);

    /// <summary>
    /// prose-outline.txt: "1." headings over "1.1." items (section "II.1"), "Nhiệm vụ 1:" items with "+ Chủ trì:" lines, a body
    /// named with a colon over lettered duties (one task each), a body whose duties share a time (one task), a duty in its item's
    /// title, and an issuer whose province folds to a word that ends like "tỉnh" (Hà Tĩnh).
    /// </summary>
    [Theory]
    [InlineData("prose-labelled.txt")]
    [InlineData("prose-outline.txt")]
    public Task A_prose_plan_gives_the_items_at_the_bottom_of_its_outline_as_tasks(string fixture) => AssertMatchesGoldenAsync(fixture);

    private async Task AssertMatchesGoldenAsync(string fixture)
    {
        var result = _importer.Import(fixture, await File.ReadAllBytesAsync(Fixture(fixture)));
        var golden = JsonNode.Parse(await File.ReadAllTextAsync(Fixture(fixture + ".json")))!;

        var extracted = ExtractionJson.ToJson(result.Extraction!, fixture);
        var score = ExtractionScorer.Score(golden, extracted);

        var count = golden["tasks"]!.AsArray().Count;
        Assert.Equal(count, score.Extracted);
        Assert.Equal(count, score.Matched);
        Assert.All(ExtractionScorer.Fields, field => Assert.True(score.Correct[field] == count, $"{field}: {score.Correct[field]}/{count}"));
        Assert.Equal(golden["plan"]!.ToJsonString(), extracted["plan"]!.ToJsonString());
        var titles = golden["tasks"]!.AsArray().Select(t => (string?)t!["section_title"]).ToList();
        Assert.Equal(titles, extracted["tasks"]!.AsArray().Select(t => (string?)t!["section_title"]));
        var notes = golden["tasks"]!.AsArray().Select(t => (string?)t!["note"]).ToList();
        Assert.Equal(notes, extracted["tasks"]!.AsArray().Select(t => (string?)t!["note"]));
    }

    [Fact]
    public async Task A_table_that_lost_its_grid_is_cut_into_columns_by_meaning()
    {
        var result = _importer.Import("flattened-pdf-text.txt", await File.ReadAllBytesAsync(Fixture("flattened-pdf-text.txt")));
        var golden = JsonNode.Parse(await File.ReadAllTextAsync(Fixture("flattened-pdf-text.txt.json")))!;

        var extracted = ExtractionJson.ToJson(result.Extraction!, "flattened-pdf-text.txt");
        var score = ExtractionScorer.Score(golden, extracted);

        Assert.Equal(4, score.Extracted);
        Assert.Equal(4, score.Matched);
        Assert.All(ExtractionScorer.Fields, field => Assert.True(score.Correct[field] == 4, $"{field}: {score.Correct[field]}/4\n{extracted.ToJsonString()}"));
        Assert.Equal(golden["plan"]!.ToJsonString(), extracted["plan"]!.ToJsonString());
    }

    [Fact]
    public async Task A_plan_without_a_table_gives_the_tasks_its_text_assigns()
    {
        var result = _importer.Import("plan-body.txt", await File.ReadAllBytesAsync(Fixture("plan-body.txt")));
        var golden = JsonNode.Parse(await File.ReadAllTextAsync(Fixture("plan-body.txt.json")))!;

        var extracted = ExtractionJson.ToJson(result.Extraction!, "plan-body.txt");
        var score = ExtractionScorer.Score(golden, extracted);

        Assert.Equal(3, score.Extracted);
        Assert.Equal(3, score.Matched);
        Assert.All(ExtractionScorer.Fields, field => Assert.True(score.Correct[field] == 3, $"{field}: {score.Correct[field]}/3\n{extracted.ToJsonString()}"));
        Assert.Equal(golden["plan"]!.ToJsonString(), extracted["plan"]!.ToJsonString());
        Assert.Contains(result.Extraction!.DroppedLines, d => d.Reason == "plan text outside the task sections");
        Assert.Contains(result.Extraction.DroppedLines, d => d.Text.StartsWith("Nơi nhận", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Page_furniture_of_a_flattened_table_is_dropped_and_listed()
    {
        var result = _importer.Import("flattened-pdf-text.txt", await File.ReadAllBytesAsync(Fixture("flattened-pdf-text.txt")));
        var dropped = result.Extraction!.DroppedLines;

        Assert.Contains(dropped, d => d.Reason == "page number" && d.Text.Trim() == "2");
        Assert.Contains(dropped, d => d.Reason == "repeated table header" && d.Text.StartsWith("STT", StringComparison.Ordinal));
        Assert.Contains(dropped, d => d.Reason == "page header or footer" && d.Text.StartsWith("Tài liệu này", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Repeated_headers_and_page_numbers_are_listed_as_dropped_and_doubtful_cells_warned()
    {
        var result = _importer.Import("other-column-order.txt", await File.ReadAllBytesAsync(Fixture("other-column-order.txt")));
        var extraction = result.Extraction!;

        Assert.Contains(extraction.DroppedLines, d => d.Reason == "repeated table header" && d.Line == 10);
        Assert.Contains(extraction.DroppedLines, d => d.Text == "Trang 2");
        Assert.Contains(extraction.Warnings, w => w.Code == "malformed_budget" && w.Message.Contains("khoảng 350 triệu", StringComparison.Ordinal));
        Assert.Contains(extraction.Warnings, w => w.Code == "sub_row" && w.Task == 3);
    }

    [Fact]
    public async Task Every_row_keeps_its_raw_source_text()
    {
        var result = _importer.Import("other-column-order.txt", await File.ReadAllBytesAsync(Fixture("other-column-order.txt")));
        var continued = result.Extraction!.Plan.Tasks[1];

        Assert.Equal(2, continued.RawText!.Split('\n').Length);
        Assert.Contains("<i>", result.Extraction.Plan.Tasks[0].RawText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("empty.txt", new byte[0], "tệp rỗng")]
    [InlineData("binary.txt", new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF }, "không phải văn bản")]
    [InlineData("cyrillic.txt", new byte[] { 0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2, 0x20, 0xCF, 0xF0, 0xE8 }, "UTF-8")]
    [InlineData("plan.odt", new byte[] { 0x41 }, "không nhận ra định dạng")]
    public void A_file_that_cannot_be_read_gives_a_clear_Vietnamese_reason(string name, byte[] content, string reason)
    {
        var result = _importer.Import(name, content);

        Assert.Null(result.Extraction);
        Assert.Contains(reason, result.Failure!.Vietnamese, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(result.Failure.English));
    }

    [Fact]
    public void Text_without_a_task_table_is_refused()
    {
        var result = _importer.Import("prose.txt", Encoding.UTF8.GetBytes("Kế hoạch này không có bảng.\nChỉ có văn xuôi.\n"));

        Assert.Null(result.Extraction);
        Assert.Contains("không tìm thấy bảng", result.Failure!.Vietnamese, StringComparison.Ordinal);
    }
}
