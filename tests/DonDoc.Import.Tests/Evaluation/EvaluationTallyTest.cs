using DonDoc.Import.Evaluation;

namespace DonDoc.Import.Tests.Evaluation;

public sealed class EvaluationTallyTest
{
    private static ExtractionScorer.DocumentScore Score(int golden, int extracted, int matched, int correctPerField) =>
        new(golden, extracted, matched, ExtractionScorer.Fields.ToDictionary(f => f, _ => correctPerField));

    [Theory]
    [InlineData("l03_ke-hoach.docx", "docx", "docx")]
    [InlineData("l03_ke-hoach_nogrid.pdf", "pdf", "pdf nogrid")]
    [InlineData("l03_ke-hoach_layout.txt", "txt", "txt layout")]
    [InlineData("l03_ke-hoach_crawl.md", "md", "md crawl")]
    [InlineData("002_3d36f25b57517ad4.txt", "txt", "txt")]
    [InlineData("plan.HTML", "html", "html")]
    public void A_document_s_form_is_its_extension_and_its_variant_the_corpus_suffix(string name, string form, string variant)
    {
        Assert.Equal((form, variant), EvaluationTally.FormOf(name));
    }

    [Fact]
    public void Scores_are_summed_per_form_as_score_py_sums_them_in_total()
    {
        var tally = new EvaluationTally();
        tally.Add("a.docx", Score(10, 10, 10, 10));
        tally.Add("a.pdf", Score(10, 5, 4, 2));
        tally.Add("a_nogrid.pdf", Score(10, 10, 8, 8));

        var pdf = tally.Forms.Single(f => f.Form == "pdf").Sum;
        Assert.Equal(0.6, pdf.Recall, 10);
        Assert.Equal(12.0 / 15, pdf.Precision, 10);
        Assert.Equal(0.5, pdf.FieldAccuracy, 10);
        Assert.Equal(0.4, tally.Variants.Single(v => v.Variant == "pdf").Sum.Recall, 10);
        Assert.Equal(22.0 / 30, tally.Total.Recall, 10);
        Assert.Equal("docs=3 golden=30 extracted=25 matched=22 recall=0.733 precision=0.880 field_accuracy=0.667", tally.Total.Line());
    }

    [Fact]
    public void A_floor_fails_each_form_below_it_and_skips_forms_the_run_has_not_seen()
    {
        var floor = EvaluationFloor.Parse("""
            # form recall precision field_accuracy
            total recall=0.70 field_accuracy=0.60
            docx  recall=0.99 precision=0.99 field_accuracy=0.99
            pdf   recall=0.70   # below
            xlsx  recall=0.99
            """);
        var tally = new EvaluationTally();
        tally.Add("a.docx", Score(10, 10, 10, 10));
        tally.Add("a.pdf", Score(10, 5, 4, 2));
        tally.Add("a_nogrid.pdf", Score(10, 10, 8, 8));

        Assert.Equal(["pdf recall 0.600 < 0.700"], floor.Failures(tally));
    }

    [Theory]
    [InlineData("docx recall")]
    [InlineData("docx recal=0.5")]
    [InlineData("docx recall=high")]
    public void A_floor_line_that_is_not_metric_equals_value_is_refused(string line)
    {
        Assert.Throws<FormatException>(() => EvaluationFloor.Parse(line));
    }
}
