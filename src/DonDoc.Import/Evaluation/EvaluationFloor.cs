using System.Globalization;

namespace DonDoc.Import.Evaluation;

/// <summary>
/// The lowest scores an evaluation may give, per form and in total: a ratchet that CI checks and that only
/// ever goes up. One line per form ("total", "docx", "pdf", …): <c>docx recall=0.970 precision=0.950 field_accuracy=0.930</c>;
/// "#" starts a comment. A form named in the floor but absent from the run is not checked.
/// </summary>
public sealed record EvaluationFloor(IReadOnlyList<EvaluationFloor.Entry> Entries)
{
    public static readonly IReadOnlyList<string> Metrics = ["recall", "precision", "field_accuracy"];

    public sealed record Entry(string Form, IReadOnlyDictionary<string, double> Minimums);

    /// <summary>Reads a floor file; a line it cannot read is an error that names it.</summary>
    public static EvaluationFloor Parse(string text)
    {
        var entries = new List<Entry>();
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.Split('#')[0].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var minimums = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var part in parts.Skip(1))
            {
                var pair = part.Split('=', 2);
                if (pair.Length != 2 || !Metrics.Contains(pair[0])
                    || !double.TryParse(pair[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    throw new FormatException($"line {lineNumber}: \"{part}\" is not metric=value (metrics: {string.Join(", ", Metrics)})");
                }

                minimums[pair[0]] = value;
            }

            entries.Add(new Entry(parts[0], minimums));
        }

        return new EvaluationFloor(entries);
    }

    /// <summary>Every score of <paramref name="tally"/> below its floor, as "docx recall 0.912 < 0.950".</summary>
    public IReadOnlyList<string> Failures(EvaluationTally tally)
    {
        var failures = new List<string>();
        foreach (var entry in Entries)
        {
            var sum = entry.Form == "total" ? tally.Total : tally.Forms.Concat(tally.Variants).FirstOrDefault(f => f.Item1 == entry.Form).Item2;
            if (sum is null)
            {
                continue;
            }

            foreach (var (metric, minimum) in entry.Minimums)
            {
                var value = metric switch
                {
                    "recall" => sum.Recall,
                    "precision" => sum.Precision,
                    _ => sum.FieldAccuracy,
                };
                if (Math.Round(value, 3) < minimum)
                {
                    failures.Add($"{entry.Form} {metric} {ExtractionScorer.Format(value)} < {ExtractionScorer.Format(minimum)}");
                }
            }
        }

        return failures;
    }
}
