using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using DonDoc.Core.Agencies;
using DonDoc.Core.Deadlines;

namespace DonDoc.Import.Extraction;

/// <summary>An extraction in the format of shared/SCHEMA.md, plus <c>warnings</c> and <c>dropped_lines</c>.</summary>
public static class ExtractionJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static JsonObject ToJson(Extraction extraction, string document, AgencyDirectory? agencies = null)
    {
        var plan = extraction.Plan;
        var tasks = new JsonArray();
        foreach (var task in plan.Tasks)
        {
            tasks.Add(new JsonObject
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
                ["lead_agencies"] = agencies is null ? null : Agencies(agencies.Resolve(task.Lead)),
                ["coordinator_agencies"] = agencies is null ? null : Agencies(agencies.Resolve(task.Coordinators)),
            });
        }

        return new JsonObject
        {
            ["document"] = document,
            ["plan"] = new JsonObject
            {
                ["number"] = plan.Number,
                ["issuer"] = plan.Issuer,
                ["issued_on"] = Iso(plan.IssuedOn),
                ["title"] = plan.Title,
            },
            ["tasks"] = tasks,
            ["warnings"] = new JsonArray(extraction.Warnings.Select(w => (JsonNode)new JsonObject
            {
                ["line"] = w.Line,
                ["task"] = w.Task,
                ["code"] = w.Code,
                ["message"] = w.Message,
            }).ToArray()),
            ["dropped_lines"] = new JsonArray(extraction.DroppedLines.Select(d => (JsonNode)new JsonObject
            {
                ["line"] = d.Line,
                ["text"] = d.Text,
                ["reason"] = d.Reason,
            }).ToArray()),
        };
    }

    private static JsonArray Agencies(IReadOnlyList<AgencyMatch> matches) => new(matches.Select(m => (JsonNode)new JsonObject
    {
        ["text"] = m.Text,
        ["agency"] = m.Name,
        ["kind"] = m.Kind switch { AgencyMatchKind.Agency => "agency", AgencyMatchKind.Group => "group", _ => "unknown" },
        ["candidates"] = new JsonArray(m.Candidates.Select(c => (JsonNode)JsonValue.Create(c)).ToArray()),
        ["note"] = m.Note,
    }).ToArray());

    public static string Serialize(JsonNode node) => node.ToJsonString(Options);

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
