using System.Globalization;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DonDoc.Core.Deadlines;
using DonDoc.Core.Exchange;
using DonDoc.Import.Reading;

namespace DonDoc.Import.Exchange;

/// <summary>
/// The exchange format as an Excel workbook: a sheet "Kế hoạch" (label | value, the first row naming the format) and a
/// sheet "Nhiệm vụ", one row per task under Vietnamese headers. Every column is a field of <see cref="ExchangeJson"/>,
/// so the workbook holds exactly what the JSON holds and reads back through the same checks. A person may edit the
/// workbook in Excel: columns are found by their header, and a date retyped as an Excel date is read as that date.
/// </summary>
public static class ExchangeWorkbook
{
    public const string PlanSheet = "Kế hoạch";

    public const string TaskSheet = "Nhiệm vụ";

    private const string FormatLabel = "Định dạng";

    private enum Kind
    {
        Text,
        Date,
        Int,
        Bool,
        Assignments,
    }

    private sealed record Column(string Path, string Label, Kind Kind = Kind.Text);

    private static readonly Column[] PlanRows =
    [
        new("format", FormatLabel),
        new("format_version", "Phiên bản định dạng", Kind.Int),
        new("plan.number", "Số ký hiệu"),
        new("plan.issuer", "Cơ quan ban hành"),
        new("plan.issued_on", "Ngày ban hành", Kind.Date),
        new("plan.title", "Tên kế hoạch"),
        new("document", "Tệp gốc"),
        new("state", "Tình trạng kế hoạch"),
        new("exported_at", "Thời điểm xuất"),
    ];

    private static readonly Column[] TaskColumns =
    [
        new("section", "Mục"),
        new("section_title", "Tên mục"),
        new("number", "STT"),
        new("content", "Nội dung nhiệm vụ"),
        new("lead", "Cơ quan chủ trì"),
        new("coordinators", "Cơ quan phối hợp"),
        new("deadline_raw", "Thời hạn"),
        new("deadline.kind", "Loại thời hạn"),
        new("deadline.due", "Hạn theo kế hoạch", Kind.Date),
        new("deadline.detail", "Diễn giải thời hạn"),
        new("product", "Sản phẩm"),
        new("evidence", "Tài liệu kiểm chứng"),
        new("budget_vnd", "Kinh phí (đồng)", Kind.Int),
        new("note", "Ghi chú"),
        new("tracking.status", "Trạng thái"),
        new("tracking.due", "Hạn đang áp dụng", Kind.Date),
        new("tracking.next_report_due", "Hạn báo cáo kỳ tới", Kind.Date),
        new("tracking.waiting_for", "Chờ sự kiện"),
        new("tracking.assignments", "Phân công", Kind.Assignments),
        new("tracking.percent_done", "Tiến độ (%)", Kind.Int),
        new("tracking.completion", "Hoàn thành"),
        new("tracking.reported_done_on", "Ngày báo cáo hoàn thành", Kind.Date),
        new("tracking.completed_on", "Ngày hoàn thành được công nhận", Kind.Date),
        new("tracking.cancelled", "Đã hủy", Kind.Bool),
        new("tracking.cancel_reason", "Lý do hủy"),
        new("tracking.progress.reports", "Số báo cáo tiến độ", Kind.Int),
        new("tracking.progress.last_at", "Báo cáo gần nhất lúc"),
        new("tracking.progress.last_percent", "Tiến độ báo cáo gần nhất (%)", Kind.Int),
        new("tracking.progress.last_summary", "Nội dung báo cáo gần nhất"),
        new("raw_text", "Nội dung gốc"),
    ];

    private static readonly Dictionary<string, string> RoleLabels = new(StringComparer.Ordinal)
    {
        ["lead"] = "chủ trì",
        ["coordinator"] = "phối hợp",
    };

    public static byte[] Write(ExchangePlan plan)
    {
        var json = ExchangeJson.ToJson(plan);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheets = workbook.Workbook.AppendChild(new Sheets());

            var header = PlanRows.Select(c => (IReadOnlyList<JsonNode?>)[JsonValue.Create(c.Label), Cell(json, c)]).ToList();
            AddSheet(workbook, sheets, 1, PlanSheet, header);

            var tasks = new List<IReadOnlyList<JsonNode?>> { TaskColumns.Select(c => (JsonNode?)JsonValue.Create(c.Label)).ToList() };
            tasks.AddRange(json["tasks"]!.AsArray().Select(t => (IReadOnlyList<JsonNode?>)TaskColumns.Select(c => Cell(t!, c)).ToList()));
            AddSheet(workbook, sheets, 2, TaskSheet, tasks);
        }

        return stream.ToArray();
    }

    private static JsonNode? Cell(JsonNode root, Column column)
    {
        var value = Find(root, column.Path);
        if (column.Kind == Kind.Assignments)
        {
            return value is JsonArray list && list.Count > 0
                ? JsonValue.Create(string.Join("\n", list.Select(a =>
                    $"{RoleLabels.GetValueOrDefault(a!["role"]?.GetValue<string>() ?? "", a["role"]?.GetValue<string>() ?? "")}: {a["agency"]?.GetValue<string>()}"
                    + (a["note"]?.GetValue<string>() is { Length: > 0 } note ? $" | {note}" : ""))))
                : null;
        }

        if (column.Kind == Kind.Bool)
        {
            return value is JsonValue b && b.TryGetValue<bool>(out var flag) && flag ? JsonValue.Create("có") : null;
        }

        return value?.DeepClone();
    }

    private static JsonNode? Find(JsonNode root, string path)
    {
        JsonNode? node = root;
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject obj ? obj[part] : null;
        }

        return node;
    }

    private static void AddSheet(WorkbookPart workbook, Sheets sheets, uint id, string name, IReadOnlyList<IReadOnlyList<JsonNode?>> rows)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        for (var r = 0; r < rows.Count; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 1) };
            for (var c = 0; c < rows[r].Count; c++)
            {
                if (rows[r][c] is not JsonValue value)
                {
                    continue;
                }

                var reference = ColumnName(c) + (r + 1).ToString(CultureInfo.InvariantCulture);
                if (value.GetValueKind() == System.Text.Json.JsonValueKind.Number)
                {
                    row.Append(new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(value.ToJsonString()) });
                }
                else if (value.TryGetValue<string>(out var text) && text.Length > 0)
                {
                    row.Append(new Cell
                    {
                        CellReference = reference,
                        DataType = CellValues.InlineString,
                        InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
                    });
                }
            }

            data.Append(row);
        }

        part.Worksheet = new Worksheet(data);
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id, Name = name });
    }

    private static string ColumnName(int index)
    {
        var name = string.Empty;
        for (index++; index > 0; index = (index - 1) / 26)
        {
            name = (char)('A' + ((index - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>Whether a workbook read by <see cref="XlsxReader"/> is an exchange workbook: its first row is "Định dạng | dondoc-exchange".</summary>
    public static bool IsExchange(SourceDocument document) =>
        document.Lines.FirstOrDefault(l => l.IsTableRow) is { Cells: { Count: >= 2 } cells }
        && cells[0].Trim() == FormatLabel
        && cells[1].Trim() == ExchangeFormat.Name;

    /// <summary>Reads an exchange workbook (as <see cref="XlsxReader"/> read it) through the checks of the JSON form.</summary>
    /// <exception cref="ReadRefusedException">A cell cannot be read, or the plan is not whole.</exception>
    public static ExchangePlan Read(SourceDocument document, DeadlineParser deadlines)
    {
        var rows = document.Lines.Where(l => l.IsTableRow).ToList();
        var planTable = rows[0].Table;
        var root = new JsonObject();
        foreach (var row in rows.Where(r => r.Table == planTable))
        {
            var label = row.Cells![0].Trim();
            if (PlanRows.FirstOrDefault(c => c.Label == label) is { } column && row.Cells.Count > 1)
            {
                Put(root, column, row.Cells[1], $"trang \"{PlanSheet}\", dòng {row.Number}");
            }
        }

        var taskRows = rows.Where(r => r.Table != planTable).ToList();
        var tasks = new JsonArray();
        if (taskRows.Count > 0)
        {
            var headers = taskRows[0].Cells!.Select(h => h.Trim()).ToList();
            var columns = headers.Select(h => TaskColumns.FirstOrDefault(c => c.Label == h)).ToList();
            if (!columns.Any(c => c?.Path == "content"))
            {
                throw ReadRefusedException.Because(
                    $"trang \"{TaskSheet}\" của tệp trao đổi không có cột \"Nội dung nhiệm vụ\"",
                    "the exchange workbook's task sheet has no content column");
            }

            foreach (var row in taskRows.Skip(1).Where(r => r.Cells!.Any(c => c.Length > 0)))
            {
                var task = new JsonObject();
                for (var c = 0; c < row.Cells!.Count && c < columns.Count; c++)
                {
                    if (columns[c] is { } column)
                    {
                        Put(task, column, row.Cells[c], $"trang \"{TaskSheet}\", dòng {row.Number}");
                    }
                }

                tasks.Add(task);
            }
        }

        root["tasks"] = tasks;
        return ExchangeJson.Read(System.Text.Encoding.UTF8.GetBytes(root.ToJsonString()), deadlines);
    }

    private static void Put(JsonObject root, Column column, string cell, string where)
    {
        if (cell.Length == 0)
        {
            return;
        }

        JsonNode? value = column.Kind switch
        {
            Kind.Int => long.TryParse(cell.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
                ? JsonValue.Create(number)
                : throw ReadRefusedException.Because($"{where}: ô \"{column.Label}\" phải là số nguyên, không phải \"{cell}\"", $"{column.Path} is not an integer: {cell}"),
            Kind.Date => JsonValue.Create(IsoDate(cell.Trim()) ?? throw ReadRefusedException.Because(
                $"{where}: ô \"{column.Label}\" phải là ngày (dd/mm/yyyy hoặc yyyy-mm-dd), không phải \"{cell}\"", $"{column.Path} is not a date: {cell}")),
            Kind.Bool => JsonValue.Create(cell.Trim().ToLowerInvariant() is "có" or "x" or "true" or "1"),
            Kind.Assignments => Assignments(cell),
            _ => JsonValue.Create(cell),
        };
        var parts = column.Path.Split('.');
        var target = root;
        foreach (var part in parts[..^1])
        {
            if (target[part] is not JsonObject child)
            {
                child = new JsonObject();
                target[part] = child;
            }

            target = child;
        }

        target[parts[^1]] = value;
    }

    private static string? IsoDate(string text)
    {
        string[] formats = ["yyyy-MM-dd", "d/M/yyyy", "dd/MM/yyyy"];
        return DateOnly.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary>"chủ trì: Sở Nội vụ" / "phối hợp: Sở Tài chính | phần kinh phí", one a line.</summary>
    private static JsonArray Assignments(string cell)
    {
        var list = new JsonArray();
        foreach (var line in cell.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var label = colon < 0 ? "phối hợp" : line[..colon].Trim();
            var rest = colon < 0 ? line : line[(colon + 1)..];
            var bar = rest.IndexOf(" | ", StringComparison.Ordinal);
            var role = RoleLabels.FirstOrDefault(r => r.Value == label.ToLowerInvariant()).Key ?? "coordinator";
            list.Add(new JsonObject
            {
                ["agency"] = (bar < 0 ? rest : rest[..bar]).Trim(),
                ["role"] = role,
                ["note"] = bar < 0 ? null : rest[(bar + 3)..].Trim(),
            });
        }

        return list;
    }
}
