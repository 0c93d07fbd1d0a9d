using System.Globalization;
using System.Text.RegularExpressions;

namespace DonDoc.Import.Evaluation;

/// <summary>
/// Sums document scores the way shared/eval/score.py does (recall, precision, field accuracy over every
/// field of every golden task), in total and per form of the document: its extension (docx, pdf, xlsx,
/// html, txt, md) and, finer, the variant a corpus file name carries ("pdf nogrid", "txt layout", "md crawl").
/// </summary>
public sealed partial class EvaluationTally
{
    private readonly Dictionary<string, Sum> _forms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Sum> _variants = new(StringComparer.Ordinal);

    public Sum Total { get; } = new();

    /// <summary>Each form seen, by extension, in name order.</summary>
    public IReadOnlyList<(string Form, Sum Sum)> Forms => _forms.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => (f.Key, f.Value)).ToList();

    /// <summary>Each variant seen ("pdf", "pdf nogrid", "txt pdftotext"), in name order.</summary>
    public IReadOnlyList<(string Variant, Sum Sum)> Variants => _variants.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => (f.Key, f.Value)).ToList();

    public void Add(string documentName, ExtractionScorer.DocumentScore score)
    {
        var (form, variant) = FormOf(documentName);
        Total.Add(score);
        Get(_forms, form).Add(score);
        Get(_variants, variant).Add(score);
    }

    /// <summary>"l03_ke-hoach_nogrid.pdf" → ("pdf", "pdf nogrid"); "002_x.txt" → ("txt", "txt").</summary>
    public static (string Form, string Variant) FormOf(string documentName)
    {
        var extension = Path.GetExtension(documentName).TrimStart('.').ToLowerInvariant();
        var form = extension.Length == 0 ? "(none)" : extension;
        var stem = Path.GetFileNameWithoutExtension(documentName);
        var suffix = VariantSuffix().Match(stem);
        return (form, suffix.Success ? $"{form} {suffix.Groups[1].Value.ToLowerInvariant()}" : form);
    }

    private static Sum Get(Dictionary<string, Sum> sums, string key)
    {
        if (!sums.TryGetValue(key, out var sum))
        {
            sum = new Sum();
            sums[key] = sum;
        }

        return sum;
    }

    /// <summary>The suffixes the corpus tools give derived forms (tests/corpus/README.md).</summary>
    [GeneratedRegex("_(nogrid|pdftotext|layout|html|crawl)$", RegexOptions.IgnoreCase)]
    private static partial Regex VariantSuffix();

    /// <summary>Scores summed over some documents.</summary>
    public sealed class Sum
    {
        public int Documents { get; private set; }

        public int Golden { get; private set; }

        public int Extracted { get; private set; }

        public int Matched { get; private set; }

        public Dictionary<string, int> Correct { get; } = ExtractionScorer.Fields.ToDictionary(f => f, _ => 0, StringComparer.Ordinal);

        public double Recall => Golden > 0 ? (double)Matched / Golden : 1.0;

        public double Precision => Extracted > 0 ? (double)Matched / Extracted : (Golden == 0 ? 1.0 : 0.0);

        public double FieldAccuracy => Golden > 0 ? (double)Correct.Values.Sum() / (ExtractionScorer.Fields.Count * Golden) : 1.0;

        public void Add(ExtractionScorer.DocumentScore score)
        {
            Documents++;
            Golden += score.Golden;
            Extracted += score.Extracted;
            Matched += score.Matched;
            foreach (var field in ExtractionScorer.Fields)
            {
                Correct[field] += score.Correct[field];
            }
        }

        /// <summary>score.py's closing line: "docs=N golden=G extracted=E matched=M recall=R precision=P field_accuracy=A".</summary>
        public string Line() => string.Create(
            CultureInfo.InvariantCulture,
            $"docs={Documents} golden={Golden} extracted={Extracted} matched={Matched} recall={ExtractionScorer.Format(Recall)} precision={ExtractionScorer.Format(Precision)} field_accuracy={ExtractionScorer.Format(FieldAccuracy)}");

        /// <summary>score.py's "fields:" line.</summary>
        public string FieldsLine() => Golden > 0
            ? string.Join(" ", ExtractionScorer.Fields.Select(f => $"{f}={ExtractionScorer.Format((double)Correct[f] / Golden)}"))
            : string.Empty;
    }
}
