using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using DonDoc.Core.Deadlines;
using DonDoc.Core.Exchange;
using DonDoc.Core.Plans;
using DonDoc.Import.Reading;

namespace DonDoc.Import.Exchange;

/// <summary>
/// The exchange format as JSON: shared/SCHEMA.md's <c>document</c>, <c>plan</c> and <c>tasks</c>, with <c>format</c>,
/// <c>format_version</c>, <c>state</c>, <c>exported_at</c>, each task's <c>raw_text</c> and, for a tracked plan, its
/// <c>tracking</c>. A file in SCHEMA.md's shape without the marker (another system's tasks) is read too.
/// </summary>
public static class ExchangeJson
{
    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The fields of a task as a row of a plan's table (section to note): what a task counts against the importer's cell limit.</summary>
    public const int FieldsPerTask = 12;

    private static readonly JsonDocumentOptions ReadOptions = new() { MaxDepth = 32 };

    public static byte[] Write(ExchangePlan plan) => Encoding.UTF8.GetBytes(ToJson(plan).ToJsonString(WriteOptions));

    public static JsonObject ToJson(ExchangePlan plan)
    {
        var header = plan.Header;
        return new JsonObject
        {
            ["format"] = ExchangeFormat.Name,
            ["format_version"] = ExchangeFormat.Version,
            ["document"] = header.Document,
            ["state"] = header.State,
            ["exported_at"] = header.ExportedAt?.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture),
            ["plan"] = new JsonObject
            {
                ["number"] = header.Number,
                ["issuer"] = header.Issuer,
                ["issued_on"] = Iso(header.IssuedOn),
                ["title"] = header.Title,
            },
            ["tasks"] = new JsonArray(plan.Tasks.Select(t => (JsonNode)TaskJson(t)).ToArray()),
        };
    }

    private static JsonObject TaskJson(ExchangeTask exchange)
    {
        var task = exchange.Task;
        var json = new JsonObject
        {
            ["section"] = task.Section?.Id,
            ["section_title"] = task.Section?.Title,
            ["number"] = task.Number,
            ["content"] = task.Content,
            ["lead"] = task.Lead,
            ["coordinators"] = task.Coordinators,
            ["deadline_raw"] = task.Deadline.Raw,
            ["deadline"] = new JsonObject
            {
                ["kind"] = task.Deadline.Kind.ToSchemaName(),
                ["due"] = Iso(task.Deadline.Due),
                ["detail"] = task.Deadline.Detail,
            },
            ["product"] = task.Product,
            ["evidence"] = task.Evidence,
            ["budget_vnd"] = task.BudgetVnd,
            ["note"] = task.Note,
            ["raw_text"] = task.RawText,
        };
        if (exchange.Tracking is { } tracking)
        {
            json["tracking"] = new JsonObject
            {
                ["status"] = tracking.Status,
                ["due"] = Iso(tracking.Due),
                ["next_report_due"] = Iso(tracking.NextReportDue),
                ["waiting_for"] = tracking.WaitingFor,
                ["assignments"] = new JsonArray(tracking.Assignments.Select(a => (JsonNode)new JsonObject
                {
                    ["agency"] = a.Agency,
                    ["role"] = a.Role,
                    ["note"] = a.Note,
                }).ToArray()),
                ["percent_done"] = tracking.PercentDone,
                ["completion"] = tracking.Completion,
                ["reported_done_on"] = Iso(tracking.ReportedDoneOn),
                ["completed_on"] = Iso(tracking.CompletedOn),
                ["cancelled"] = tracking.Cancelled,
                ["cancel_reason"] = tracking.CancelReason,
                ["progress"] = new JsonObject
                {
                    ["reports"] = tracking.Progress.Reports,
                    ["last_at"] = tracking.Progress.LastAt?.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture),
                    ["last_percent"] = tracking.Progress.LastPercent,
                    ["last_summary"] = tracking.Progress.LastSummary,
                },
            };
        }

        return json;
    }

    /// <summary>Whether the content is JSON (its first character after a byte-order mark and white space is <c>{</c> or <c>[</c>).</summary>
    public static bool LooksLikeJson(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            content = content[3..];
        }

        foreach (var b in content)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                continue;
            }

            return b is (byte)'{' or (byte)'[';
        }

        return false;
    }

    /// <summary>Reads an exchange file; anything that is not one is refused with a Vietnamese reason, nothing half-read.</summary>
    /// <exception cref="ReadRefusedException">The file is not valid JSON, or not a plan in the exchange shape.</exception>
    public static ExchangePlan Read(ReadOnlyMemory<byte> content, DeadlineParser deadlines)
    {
        var span = content.Span;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            content = content[3..];
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content, ReadOptions);
        }
        catch (JsonException broken)
        {
            var line = (broken.LineNumber ?? 0) + 1;
            var position = (broken.BytePositionInLine ?? 0) + 1;
            throw ReadRefusedException.Because(
                $"tệp JSON bị lỗi cú pháp ở dòng {line}, vị trí {position}; hãy kiểm tra lại tệp (dấu ngoặc, dấu phẩy, dấu nháy)",
                $"malformed JSON at line {line}, byte {position}: {broken.Message}");
        }

        using (document)
        {
            return Read(document.RootElement, deadlines);
        }
    }

    private static ExchangePlan Read(JsonElement root, DeadlineParser deadlines)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw NotAPlan("the JSON root is not an object");
        }

        if (root.TryGetProperty("format", out var format) && format.ValueKind != JsonValueKind.Null)
        {
            if (format.ValueKind != JsonValueKind.String || format.GetString() != ExchangeFormat.Name)
            {
                throw ReadRefusedException.Because(
                    $"tệp JSON ghi định dạng \"{format}\", không phải định dạng trao đổi \"{ExchangeFormat.Name}\" của DonDoc",
                    $"unknown exchange format {format}");
            }

            var version = root.TryGetProperty("format_version", out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : ExchangeFormat.Version;
            if (version > ExchangeFormat.Version)
            {
                throw ReadRefusedException.Because(
                    $"tệp theo phiên bản {version} của định dạng trao đổi, mới hơn phiên bản {ExchangeFormat.Version} mà DonDoc đọc được",
                    $"exchange format version {version} is newer than {ExchangeFormat.Version}");
            }
        }

        if (!root.TryGetProperty("tasks", out var tasks) || tasks.ValueKind != JsonValueKind.Array)
        {
            throw NotAPlan("no \"tasks\" array");
        }

        var plan = root.TryGetProperty("plan", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        var header = new ExchangeHeader
        {
            Number = Text(plan, "number", "plan"),
            Issuer = Text(plan, "issuer", "plan"),
            IssuedOn = Date(plan, "issued_on", "plan"),
            Title = Text(plan, "title", "plan"),
            Document = Text(root, "document", null),
            State = Text(root, "state", null),
            ExportedAt = Text(root, "exported_at", null) is { } at && DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.None, out var exported) ? exported : null,
        };
        var year = header.IssuedOn?.Year;
        var read = new List<ExchangeTask>();
        var index = 0;
        foreach (var task in tasks.EnumerateArray())
        {
            index++;
            read.Add(ReadTask(task, index, year, deadlines));
        }

        return new ExchangePlan(header, read);
    }

    private static ExchangeTask ReadTask(JsonElement task, int index, int? year, DeadlineParser deadlines)
    {
        var where = $"nhiệm vụ thứ {index}";
        if (task.ValueKind != JsonValueKind.Object)
        {
            throw ReadRefusedException.Because($"{where} trong \"tasks\" không phải là một đối tượng JSON", $"task {index} is not an object");
        }

        var content = Text(task, "content", where);
        if (string.IsNullOrWhiteSpace(content))
        {
            throw ReadRefusedException.Because($"{where} không có nội dung (trường \"content\")", $"task {index} has no content");
        }

        var sectionId = Text(task, "section", where);
        var sectionTitle = Text(task, "section_title", where);
        var raw = Text(task, "deadline_raw", where);
        var given = task.TryGetProperty("deadline", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
        if (raw is null && Date(given, "due", where) is { } due)
        {
            // A system that gives only the date: DonDoc reads deadlines from their text, so the date becomes the text.
            raw = due.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        }

        long? budget = null;
        if (task.TryGetProperty("budget_vnd", out var b) && b.ValueKind != JsonValueKind.Null)
        {
            budget = b.ValueKind == JsonValueKind.Number && b.TryGetInt64(out var vnd)
                ? vnd
                : throw ReadRefusedException.Because($"{where}: trường \"budget_vnd\" phải là số nguyên (đồng)", $"task {index}: budget_vnd is not an integer");
        }

        var planTask = new PlanTask
        {
            Section = sectionId is null && sectionTitle is null ? null : new Section(sectionId, sectionTitle),
            Number = Text(task, "number", where),
            Content = content,
            Lead = Text(task, "lead", where),
            Coordinators = Text(task, "coordinators", where),
            Deadline = raw is null ? Deadline.None : deadlines.Parse(raw, year),
            Product = Text(task, "product", where),
            Evidence = Text(task, "evidence", where),
            BudgetVnd = budget,
            Note = Text(task, "note", where),
            RawText = Text(task, "raw_text", where),
        };
        var tracking = task.TryGetProperty("tracking", out var t) && t.ValueKind == JsonValueKind.Object ? ReadTracking(t, index, where) : null;
        return new ExchangeTask(planTask, tracking);
    }

    private static ExchangeTracking ReadTracking(JsonElement tracking, int index, string where)
    {
        var assignments = new List<ExchangeAssignment>();
        if (tracking.TryGetProperty("assignments", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var a in list.EnumerateArray())
            {
                if (a.ValueKind == JsonValueKind.Object && Text(a, "agency", where) is { } agency)
                {
                    assignments.Add(new ExchangeAssignment(agency, Text(a, "role", where) ?? "coordinator", Text(a, "note", where)));
                }
            }
        }

        var progress = tracking.TryGetProperty("progress", out var p) && p.ValueKind == JsonValueKind.Object
            ? new ExchangeProgress(
                Int(p, "reports", where) ?? 0,
                Text(p, "last_at", where) is { } at && DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.None, out var last) ? last : null,
                Int(p, "last_percent", where),
                Text(p, "last_summary", where))
            : ExchangeProgress.None;
        return new ExchangeTracking
        {
            Status = Text(tracking, "status", where) ?? "not_yet_due",
            Due = Date(tracking, "due", where),
            NextReportDue = Date(tracking, "next_report_due", where),
            WaitingFor = Text(tracking, "waiting_for", where),
            Assignments = assignments,
            PercentDone = Int(tracking, "percent_done", where) ?? 0,
            Completion = Text(tracking, "completion", where) ?? "none",
            ReportedDoneOn = Date(tracking, "reported_done_on", where),
            CompletedOn = Date(tracking, "completed_on", where),
            Cancelled = tracking.TryGetProperty("cancelled", out var c) && c.ValueKind == JsonValueKind.True,
            CancelReason = Text(tracking, "cancel_reason", where),
            Progress = progress,
        };
    }

    private static ReadRefusedException NotAPlan(string english) => ReadRefusedException.Because(
        "tệp JSON không phải một kế hoạch theo định dạng trao đổi (cần đối tượng có \"plan\" và danh sách \"tasks\")",
        $"the JSON is not an exchange plan: {english}");

    /// <summary>A string field, null when absent or null; a number is read as its text; anything else is refused.</summary>
    private static string? Text(JsonElement parent, string name, string? where)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => throw ReadRefusedException.Because(
                $"{where ?? "tệp"}: trường \"{name}\" phải là chuỗi ký tự",
                $"{name} is a {value.ValueKind}, not a string"),
        };
    }

    private static int? Int(JsonElement parent, string name, string where)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw ReadRefusedException.Because($"{where}: trường \"{name}\" phải là số nguyên", $"{name} is not an integer");
    }

    private static DateOnly? Date(JsonElement parent, string name, string? where)
    {
        if (Text(parent, name, where) is not { } text)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw ReadRefusedException.Because(
                $"{where ?? "tệp"}: ngày \"{text}\" của trường \"{name}\" không đúng dạng yyyy-mm-dd",
                $"{name} is not a yyyy-MM-dd date: {text}");
    }

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
