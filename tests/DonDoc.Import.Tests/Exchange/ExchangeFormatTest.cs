using System.Text;
using System.Text.Json.Nodes;
using DonDoc.Core.Deadlines;
using DonDoc.Core.Exchange;
using DonDoc.Core.Plans;
using DonDoc.Import.Exchange;
using DonDoc.Import.Importing;

namespace DonDoc.Import.Tests.Exchange;

/// <summary>The exchange format, JSON and Excel: what is written reads back through the importer field for field.</summary>
public sealed class ExchangeFormatTest
{
    private static readonly DeadlineParser Parser = new();
    private readonly PlanImporter _importer = new(Parser);

    private static ExchangePlan Sample()
    {
        PlanTask Task(Section? section, string number, string content, string lead, string? coordinators, string? deadline, long? budget = null, string? raw = null) => new()
        {
            Section = section,
            Number = number,
            Content = content,
            Lead = lead,
            Coordinators = coordinators,
            Deadline = Parser.Parse(deadline, 2026),
            Product = "Báo cáo kết quả",
            Evidence = budget is null ? null : "Biên bản nghiệm thu",
            BudgetVnd = budget,
            Note = budget is null ? null : "Nguồn ngân sách tỉnh",
            RawText = raw,
        };

        var general = new Section("I", "NHIỆM VỤ CHUNG");
        var digital = new Section("II", "CHUYỂN ĐỔI SỐ");
        return new ExchangePlan(
            new ExchangeHeader
            {
                Number = "12/KH-UBND",
                Issuer = "Ủy ban nhân dân tỉnh",
                IssuedOn = new DateOnly(2026, 2, 3),
                Title = "Kế hoạch thử nghiệm trao đổi dữ liệu năm 2026",
                Document = "thu-nghiem.docx",
                State = "published",
                ExportedAt = new DateTimeOffset(2026, 3, 1, 2, 0, 0, TimeSpan.Zero),
            },
            [
                new ExchangeTask(Task(general, "1", "Xây dựng quy chế phối hợp\ngiữa các sở", "Sở Nội vụ", "Sở Tư pháp; Sở Tài chính", "30/6/2026", raw: "1\tXây dựng quy chế"), new ExchangeTracking
                {
                    Status = "overdue",
                    Due = new DateOnly(2026, 7, 15),
                    Assignments = [new("Sở Nội vụ", "lead", null), new("Sở Tư pháp", "coordinator", "phần pháp chế"), new("Sở Tài chính", "coordinator", null)],
                    PercentDone = 40,
                    Progress = new ExchangeProgress(2, new DateTimeOffset(2026, 2, 20, 3, 0, 0, TimeSpan.Zero), 40, "Đã có dự thảo"),
                }),
                new ExchangeTask(Task(digital, "1", "Số hóa hồ sơ một cửa", "Sở Khoa học và Công nghệ", null, "Quý IV/2026", budget: 250_000_000), new ExchangeTracking
                {
                    Status = "done_on_time",
                    Due = new DateOnly(2026, 12, 31),
                    Assignments = [new("Sở Khoa học và Công nghệ", "lead", null)],
                    PercentDone = 100,
                    Completion = "accepted",
                    ReportedDoneOn = new DateOnly(2026, 11, 2),
                    CompletedOn = new DateOnly(2026, 11, 5),
                }),
                new ExchangeTask(Task(digital, "2", "Báo cáo định kỳ", "Văn phòng UBND tỉnh", "Các sở, ban, ngành", "Thường xuyên"), null),
            ]);
    }

    private DonDoc.Import.Extraction.Extraction Import(string fileName, byte[] content)
    {
        var result = _importer.Import(fileName, content);
        Assert.True(result.Extraction is not null, result.Failure?.English);
        return result.Extraction!;
    }

    private static void AssertSameTasks(ExchangePlan expected, DonDoc.Import.Extraction.Extraction actual)
    {
        var plan = actual.Plan;
        Assert.Equal(expected.Header.Number, plan.Number);
        Assert.Equal(expected.Header.Issuer, plan.Issuer);
        Assert.Equal(expected.Header.IssuedOn, plan.IssuedOn);
        Assert.Equal(expected.Header.Title, plan.Title);
        Assert.Equal(expected.Tasks.Select(t => t.Task), plan.Tasks);
    }

    [Fact]
    public void An_exported_plan_as_json_imports_back_with_the_same_tasks_deadlines_and_leads()
    {
        var plan = Sample();

        var extraction = Import("ke-hoach.json", ExchangeJson.Write(plan));

        AssertSameTasks(plan, extraction);
        Assert.Equal(new DateOnly(2026, 6, 30), extraction.Plan.Tasks[0].Deadline.Due);
        Assert.Equal(DeadlineKind.Continuous, extraction.Plan.Tasks[2].Deadline.Kind);
        // Where each tracked task stood is shown on its row; the untracked one has no such note.
        Assert.Equal([0, 1], extraction.Warnings.Where(w => w.Code == "exchange_tracking").Select(w => w.Task!.Value));
        Assert.Contains("Quá hạn", extraction.Warnings.Single(w => w.Task == 0 && w.Code == "exchange_tracking").Message, StringComparison.Ordinal);
        Assert.Contains("15/07/2026", extraction.Warnings.Single(w => w.Task == 0 && w.Code == "exchange_tracking").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_exported_plan_as_a_workbook_imports_back_with_the_same_tasks_deadlines_and_leads()
    {
        var plan = Sample();

        var extraction = Import("ke-hoach.xlsx", ExchangeWorkbook.Write(plan));

        AssertSameTasks(plan, extraction);
        Assert.Equal(2, extraction.Warnings.Count(w => w.Code == "exchange_tracking"));
    }

    [Fact]
    public void The_workbook_holds_what_the_json_holds_tracking_included()
    {
        var plan = Sample();
        var workbook = Import("ke-hoach.xlsx", ExchangeWorkbook.Write(plan));
        var document = _importer.Import("x.xlsx", ExchangeWorkbook.Write(plan));

        var fromWorkbook = ExchangeJson.Read(ExchangeJson.Write(ReadBack(ExchangeWorkbook.Write(plan))), Parser);

        Assert.NotNull(document.Extraction);
        Assert.Equal(plan.Tasks.Select(t => t.Tracking), fromWorkbook.Tasks.Select(t => t.Tracking), new TrackingComparer());
        Assert.Equal(plan.Header, fromWorkbook.Header);
        Assert.Equal(3, workbook.Plan.Tasks.Count);
    }

    private static ExchangePlan ReadBack(byte[] workbook)
    {
        var read = new DonDoc.Import.Reading.XlsxReader().Read("x.xlsx", workbook);
        Assert.True(ExchangeWorkbook.IsExchange(read.Document!));
        return ExchangeWorkbook.Read(read.Document!, Parser);
    }

    [Fact]
    public void The_file_is_known_by_its_content_not_its_name()
    {
        var plan = Sample();

        var json = Import("tu-he-thong-khac.txt", ExchangeJson.Write(plan));
        var workbook = Import("bang-tinh", ExchangeWorkbook.Write(plan));

        AssertSameTasks(plan, json);
        AssertSameTasks(plan, workbook);
    }

    [Fact]
    public void Another_systems_tasks_in_the_schema_shape_without_the_format_marker_are_loaded()
    {
        var json = """
            {
              "document": "he-thong-khac.docx",
              "plan": {"number": "5/KH-SNV", "issuer": "Sở Nội vụ", "issued_on": "2026-04-01", "title": "Kế hoạch kiểm tra"},
              "tasks": [
                {"section": null, "section_title": null, "number": "1", "content": "Kiểm tra việc giải quyết thủ tục", "lead": "Sở Nội vụ",
                 "coordinators": null, "deadline_raw": null, "deadline": {"kind": "date", "due": "2026-09-30", "detail": "x"},
                 "product": null, "evidence": null, "budget_vnd": 1500000, "note": null}
              ]
            }
            """;

        var extraction = Import("nhiem-vu.json", Encoding.UTF8.GetBytes(json));

        var task = Assert.Single(extraction.Plan.Tasks);
        Assert.Equal("Kiểm tra việc giải quyết thủ tục", task.Content);
        Assert.Equal(new DateOnly(2026, 9, 30), task.Deadline.Due);
        Assert.Equal(1_500_000, task.BudgetVnd);
        Assert.Equal("5/KH-SNV", extraction.Plan.Number);
    }

    [Theory]
    [InlineData("{\n  \"plan\": {\"number\": \"1/KH\"},\n  \"tasks\": [ {\"content\": \"A\",, } ]\n}", "dòng 3")]
    [InlineData("{\"plan\": {}, \"tasks\": \"không phải danh sách\"}", "danh sách \"tasks\"")]
    [InlineData("{\"tasks\": [{\"content\": \"\"}]}", "nhiệm vụ thứ 1 không có nội dung")]
    [InlineData("{\"tasks\": [{\"content\": \"A\", \"lead\": {\"x\": 1}}]}", "trường \"lead\" phải là chuỗi")]
    [InlineData("{\"tasks\": [{\"content\": \"A\", \"deadline\": {\"due\": \"30/06/2026\"}}]}", "yyyy-mm-dd")]
    [InlineData("{\"format\": \"dondoc-exchange\", \"format_version\": 9, \"tasks\": []}", "phiên bản 9")]
    [InlineData("{\"format\": \"other\", \"tasks\": []}", "không phải định dạng trao đổi")]
    public void A_broken_or_foreign_json_file_is_refused_with_a_vietnamese_reason(string json, string expected)
    {
        var result = _importer.Import("hong.json", Encoding.UTF8.GetBytes(json));

        Assert.Null(result.Extraction);
        Assert.Contains(expected, result.Failure!.Vietnamese, StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_file_of_more_tasks_than_the_cell_limit_allows_is_refused()
    {
        var importer = new PlanImporter(Parser) { Limits = DonDoc.Import.Reading.ImportLimits.Default with { MaxCells = 100 } };
        var tasks = string.Join(",", Enumerable.Range(1, 9).Select(i => $"{{\"content\": \"Nhiệm vụ {i}\"}}"));

        var result = importer.Import("nhieu.json", Encoding.UTF8.GetBytes($"{{\"tasks\": [{tasks}]}}"));

        Assert.Null(result.Extraction);
        Assert.Contains("quá nhiều ô", result.Failure!.Vietnamese, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ordinary_workbook_is_not_taken_for_an_exchange_workbook()
    {
        var read = new DonDoc.Import.Reading.XlsxReader().Read("x.xlsx", ExchangeWorkbook.Write(Sample()));
        var lines = read.Document!.Lines.Skip(1).ToList();

        Assert.False(ExchangeWorkbook.IsExchange(read.Document with { Lines = lines }));
    }

    [Fact]
    public void The_json_carries_the_schema_fields_and_the_tracking_of_each_task()
    {
        var json = JsonNode.Parse(ExchangeJson.Write(Sample()))!;
        var first = json["tasks"]![0]!;

        Assert.Equal("dondoc-exchange", json["format"]!.GetValue<string>());
        Assert.Equal("2026-02-03", json["plan"]!["issued_on"]!.GetValue<string>());
        Assert.Equal("30/6/2026", first["deadline_raw"]!.GetValue<string>());
        Assert.Equal("2026-06-30", first["deadline"]!["due"]!.GetValue<string>());
        Assert.Equal("2026-07-15", first["tracking"]!["due"]!.GetValue<string>());
        Assert.Equal("coordinator", first["tracking"]!["assignments"]![1]!["role"]!.GetValue<string>());
        Assert.Equal(2, first["tracking"]!["progress"]!["reports"]!.GetValue<int>());
        Assert.Null(json["tasks"]![2]!["tracking"]);
    }

    private sealed class TrackingComparer : IEqualityComparer<ExchangeTracking?>
    {
        public bool Equals(ExchangeTracking? x, ExchangeTracking? y) =>
            x is null || y is null
                ? x is null && y is null
                : x with { Assignments = [], } == y with { Assignments = [] } && x.Assignments.SequenceEqual(y.Assignments);

        public int GetHashCode(ExchangeTracking? obj) => 0;
    }
}
