using System.Text;
using DonDoc.Core.Text;
using DonDoc.Core.Tracking;

namespace DonDoc.Tracking.Tasks;

/// <summary>
/// A search box's text, folded (no case, no diacritics, invisible characters dropped, NFC): the free words, the
/// quoted phrases ("số hóa"), the field filters <c>lead:</c> and <c>plan:</c> (a word, or a quoted phrase), and the
/// statuses it names ("quá hạn", "sắp đến hạn"). Words are runs of letters and digits, as the full-text index cuts them.
/// </summary>
public sealed record SearchQuery(
    IReadOnlyList<string> Words,
    IReadOnlyList<TrackingStatus>? Statuses,
    IReadOnlyList<IReadOnlyList<string>> Phrases,
    IReadOnlyList<string> Lead,
    IReadOnlyList<string> Plan)
{
    private static readonly (string Phrase, TrackingStatus[] Statuses)[] StatusPhrases =
    [
        ("hoan thanh dung han", [TrackingStatus.DoneOnTime]),
        ("hoan thanh qua han", [TrackingStatus.DoneLate]),
        ("hoan thanh tre han", [TrackingStatus.DoneLate]),
        ("hoan thanh", [TrackingStatus.DoneOnTime, TrackingStatus.DoneLate]),
        ("sap den han", [TrackingStatus.DueSoon]),
        ("chua den han", [TrackingStatus.NotYetDue]),
        ("qua han", [TrackingStatus.Overdue]),
        ("tre han", [TrackingStatus.Overdue]),
        ("thuong xuyen", [TrackingStatus.Continuous]),
        ("cho su kien", [TrackingStatus.WaitingForTrigger]),
    ];

    /// <summary>Words, phrases or field filters to look up in the full-text index (a query of status words alone needs none).</summary>
    public bool HasText => Words.Count > 0 || Phrases.Count > 0 || Lead.Count > 0 || Plan.Count > 0;

    public static SearchQuery Parse(string text)
    {
        var visible = TextNormalizer.Normalize(text);
        var phrases = new List<IReadOnlyList<string>>();
        var lead = new List<string>();
        var plan = new List<string>();
        var rest = new StringBuilder();
        var i = 0;
        while (i < visible.Length)
        {
            // field:"a phrase" or field:word, and "a phrase".
            var field = FieldAt(visible, i);
            var start = field is null ? i : i + field.Length + 1;
            if (start < visible.Length && visible[start] == '"')
            {
                var end = visible.IndexOf('"', start + 1);
                end = end < 0 ? visible.Length : end;
                var words = WordsOf(visible[(start + 1)..end]);
                Add(field, words, phrases, lead, plan);
                i = end + 1;
                continue;
            }

            if (field is not null)
            {
                var end = start;
                while (end < visible.Length && !char.IsWhiteSpace(visible[end]))
                {
                    end++;
                }

                Add(field, WordsOf(visible[start..end]), phrases, lead, plan);
                i = end;
                continue;
            }

            rest.Append(visible[i]);
            i++;
        }

        var folded = " " + string.Join(' ', WordsOf(rest.ToString())) + " ";
        List<TrackingStatus>? statuses = null;
        foreach (var (phrase, named) in StatusPhrases)
        {
            var at = folded.IndexOf(" " + phrase + " ", StringComparison.Ordinal);
            if (at >= 0)
            {
                (statuses ??= []).AddRange(named);
                folded = folded.Remove(at, phrase.Length + 1);
            }
        }

        var free = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
        return new SearchQuery(free, statuses, phrases, lead, plan);
    }

    /// <summary>The folded text a task is found by: lower case, no diacritics, words of letters and digits joined by one space.</summary>
    public static string TextOf(params IEnumerable<string?> parts) =>
        string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p)).SelectMany(p => WordsOf(p!)));

    /// <summary>The words of a text as the full-text index cuts them: folded runs of letters and digits.</summary>
    public static IReadOnlyList<string> WordsOf(string text)
    {
        var folded = VietnameseText.Fold(TextNormalizer.Normalize(text));
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var inWord = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(folded[start..i]);
                start = -1;
            }
        }

        return words;
    }

    private static string? FieldAt(string text, int i)
    {
        if (i > 0 && !char.IsWhiteSpace(text[i - 1]))
        {
            return null;
        }

        foreach (var field in new[] { "lead", "plan", "chutri", "kehoach" })
        {
            if (string.Compare(text, i, field + ":", 0, field.Length + 1, StringComparison.OrdinalIgnoreCase) == 0)
            {
                return text.Substring(i, field.Length);
            }
        }

        return null;
    }

    private static void Add(string? field, IReadOnlyList<string> words, List<IReadOnlyList<string>> phrases, List<string> lead, List<string> plan)
    {
        if (words.Count == 0)
        {
            return;
        }

        switch (field?.ToLowerInvariant())
        {
            case "lead" or "chutri":
                lead.AddRange(words);
                break;
            case "plan" or "kehoach":
                plan.AddRange(words);
                break;
            default:
                // A quoted text must be found as it is written; so must a bare word with a field name we do not know.
                phrases.Add(words);
                break;
        }
    }
}

