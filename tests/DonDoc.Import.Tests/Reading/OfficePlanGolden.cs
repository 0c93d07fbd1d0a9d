using System.Text.Json.Nodes;
using DonDoc.Core.Deadlines;
using DonDoc.Import.Evaluation;
using DonDoc.Import.Extraction;
using DonDoc.Import.Importing;

namespace DonDoc.Import.Tests.Reading;

/// <summary>Imports a file that holds <see cref="OfficePlan"/> and checks it against Fixtures/office-plan.json, field by field.</summary>
internal static class OfficePlanGolden
{
    public static JsonNode Golden() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "office-plan.json")))!;

    public static void AssertMatches(string fileName, byte[] content, PlanImporter? importer = null)
    {
        var result = (importer ?? new PlanImporter(new DeadlineParser())).Import(fileName, content);
        Assert.True(result.Extraction is not null, result.Failure?.English);
        var extracted = ExtractionJson.ToJson(result.Extraction!, fileName);
        var score = ExtractionScorer.Score(Golden(), extracted);

        Assert.True(score.Extracted == 3 && score.Matched == 3, $"extracted {score.Extracted}, matched {score.Matched}\n{extracted.ToJsonString()}");
        Assert.All(ExtractionScorer.Fields, field => Assert.True(score.Correct[field] == 3, $"{field}: {score.Correct[field]}/3\n{extracted.ToJsonString()}"));
        Assert.Equal(Golden()["plan"]!.ToJsonString(), extracted["plan"]!.ToJsonString());
    }
}
