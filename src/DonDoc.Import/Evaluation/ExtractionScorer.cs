using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DonDoc.Import.Evaluation;

/// <summary>
/// Scores an extraction against a golden file with the rules of shared/eval/score.py: greedy one-to-one
/// matching on (section, number) and content similarity, then exact comparison of normalised fields.
/// </summary>
public static partial class ExtractionScorer
{
    public static readonly IReadOnlyList<string> Fields =
        ["section", "number", "content", "lead", "coordinators", "deadline_raw", "deadline.kind", "deadline.due", "product", "evidence", "budget_vnd"];

    public sealed record DocumentScore(int Golden, int Extracted, int Matched, IReadOnlyDictionary<string, int> Correct);

    public static DocumentScore Score(JsonNode golden, JsonNode extracted)
    {
        var goldenTasks = Tasks(golden);
        var extractedTasks = Tasks(extracted);
        var pairs = Match(goldenTasks, extractedTasks);
        var correct = Fields.ToDictionary(f => f, _ => 0);
        foreach (var (gi, ei) in pairs)
        {
            foreach (var field in Fields)
            {
                if (Norm(Get(goldenTasks[gi], field)) == Norm(Get(extractedTasks[ei], field)))
                {
                    correct[field]++;
                }
            }
        }

        return new DocumentScore(goldenTasks.Count, extractedTasks.Count, pairs.Count, correct);
    }

    /// <summary>score.py's norm(): NFC, tags removed, white space collapsed, " .;,:-–" stripped, case folded; empty is null.</summary>
    public static string? Norm(JsonNode? value)
    {
        if (value is null)
        {
            return null;
        }

        string text;
        if (value is JsonArray array)
        {
            text = string.Join("; ", array.Select(Stringify));
        }
        else
        {
            text = Stringify(value);
        }

        text = text.Normalize(NormalizationForm.FormC);
        text = Tag().Replace(text, " ");
        text = Space().Replace(text, " ").Trim();
        text = text.Trim(' ', '.', ';', ',', ':', '-', '–');
        text = text.ToLowerInvariant();
        return text.Length == 0 ? null : text;
    }

    private static string Stringify(JsonNode? node) => node switch
    {
        null => "None",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "True" : "False",
        _ => node.ToJsonString(),
    };

    private static List<(int Golden, int Extracted)> Match(IReadOnlyList<JsonObject> golden, IReadOnlyList<JsonObject> extracted)
    {
        var candidates = new List<(bool SameKey, double Similarity, int Golden, int Extracted)>();
        for (var gi = 0; gi < golden.Count; gi++)
        {
            var gContent = Norm(golden[gi]["content"]) ?? string.Empty;
            var gNumber = Norm(golden[gi]["number"]);
            var gSection = Norm(golden[gi]["section"]);
            for (var ei = 0; ei < extracted.Count; ei++)
            {
                var sameKey = gNumber == Norm(extracted[ei]["number"]) && gSection == Norm(extracted[ei]["section"]);
                var eContent = Norm(extracted[ei]["content"]) ?? string.Empty;
                var threshold = sameKey ? 0.5 : 0.8;
                if (gContent.Length + eContent.Length > 0 && SequenceSimilarity.QuickRatio(gContent, eContent) < threshold)
                {
                    continue;
                }

                var similarity = SequenceSimilarity.Ratio(gContent, eContent);
                if (similarity >= threshold)
                {
                    candidates.Add((sameKey, similarity, gi, ei));
                }
            }
        }

        // Python's sort is stable: equal keys keep the (golden, extracted) order in which they were found.
        var ordered = candidates.Select((c, order) => (c, order))
            .OrderByDescending(x => x.c.SameKey).ThenByDescending(x => x.c.Similarity).ThenBy(x => x.order)
            .Select(x => x.c);
        var usedGolden = new HashSet<int>();
        var usedExtracted = new HashSet<int>();
        var result = new List<(int, int)>();
        foreach (var (_, _, gi, ei) in ordered)
        {
            if (usedGolden.Contains(gi) || usedExtracted.Contains(ei))
            {
                continue;
            }

            usedGolden.Add(gi);
            usedExtracted.Add(ei);
            result.Add((gi, ei));
        }

        return result;
    }

    private static List<JsonObject> Tasks(JsonNode document) =>
        (document["tasks"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];

    private static JsonNode? Get(JsonObject task, string field)
    {
        if (field.StartsWith("deadline.", StringComparison.Ordinal))
        {
            return (task["deadline"] as JsonObject)?[field["deadline.".Length..]];
        }

        return task[field];
    }

    public static string Format(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}
