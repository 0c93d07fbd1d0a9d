using System.Text.Json.Nodes;
using DonDoc.Import.Evaluation;

namespace DonDoc.Import.Tests.Evaluation;

public sealed class ExtractionScorerTest
{
    // Values computed with Python's difflib.SequenceMatcher(None, a, b, autojunk=False).ratio().
    [Theory]
    [InlineData("abcd", "bcde", 0.75)]
    [InlineData("", "", 1.0)]
    [InlineData("abc", "", 0.0)]
    [InlineData("tham mưu kiện toàn", "tham mưu kiện toàn", 1.0)]
    [InlineData("private", "privately", 0.875)]
    [InlineData("qabxcd", "abycdf", 0.6666666666666666)]
    public void Similarity_is_difflibs_ratio(string a, string b, double expected)
    {
        Assert.Equal(expected, SequenceSimilarity.Ratio(a, b), 10);
    }

    [Theory]
    [InlineData("  Sở Nội vụ.  ", "sở nội vụ")]
    [InlineData("<p>- Tham mưu</p>", "tham mưu")]
    [InlineData(" ; ", null)]
    public void Normalisation_is_score_pys(string text, string? expected)
    {
        Assert.Equal(expected, ExtractionScorer.Norm(JsonValue.Create(text)));
    }

    [Fact]
    public void Tasks_match_by_section_and_number_first_then_by_content()
    {
        var golden = JsonNode.Parse("""
            {"tasks": [
              {"section": "I", "number": "1", "content": "Xây dựng kế hoạch tuyên truyền", "lead": "Sở Nội vụ"},
              {"section": "I", "number": "2", "content": "Tổ chức hội nghị sơ kết", "lead": "Văn phòng"}
            ]}
            """)!;
        var extracted = JsonNode.Parse("""
            {"tasks": [
              {"section": "I", "number": "2", "content": "Tổ chức hội nghị sơ kết.", "lead": "Văn phòng"},
              {"section": "II", "number": "9", "content": "Xây dựng kế hoạch tuyên truyền", "lead": "Sở Tài chính"},
              {"section": "I", "number": "3", "content": "Một việc không có trong golden", "lead": "x"}
            ]}
            """)!;

        var score = ExtractionScorer.Score(golden, extracted);

        Assert.Equal(2, score.Matched);
        Assert.Equal(1, score.Correct["lead"]);
        Assert.Equal(1, score.Correct["number"]);
        Assert.Equal(2, score.Correct["content"]);
    }
}
