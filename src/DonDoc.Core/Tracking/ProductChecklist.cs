using DonDoc.Core.Text;

namespace DonDoc.Core.Tracking;

/// <summary>
/// Splits a task's "Sản phẩm" cell into the products it lists: "- Biên bản …; - Các nội dung …"
/// gives two items. A cell without list marks is one product.
/// </summary>
public static class ProductChecklist
{
    private static readonly char[] Marks = ['-', '–', '+', '•', '*'];

    public static IReadOnlyList<string> Items(string? product)
    {
        if (string.IsNullOrWhiteSpace(product))
        {
            return [];
        }

        var items = new List<string>();
        foreach (var rawLine in product.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (Marks.Contains(line[0]) || items.Count == 0)
            {
                // "- A; - B" on one line: a semicolon followed by a mark starts another product.
                foreach (var part in SplitMarkedParts(line))
                {
                    items.Add(part);
                }
            }
            else
            {
                // A line without a mark continues the product above it.
                items[^1] = items[^1] + " " + line;
            }
        }

        return items.Select(i => VietnameseText.CollapseWhiteSpace(i.TrimEnd(';', '.', ',').Trim()))
            .Where(i => i.Length > 0)
            .ToList();
    }

    private static IEnumerable<string> SplitMarkedParts(string line)
    {
        var start = 0;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == ';')
            {
                var next = i + 1;
                while (next < line.Length && line[next] == ' ')
                {
                    next++;
                }

                if (next < line.Length && Marks.Contains(line[next]))
                {
                    yield return StripMark(line[start..i]);
                    start = next;
                }
            }
        }

        yield return StripMark(line[start..]);
    }

    private static string StripMark(string part)
    {
        var trimmed = part.Trim();
        return trimmed.Length > 0 && Marks.Contains(trimmed[0]) ? trimmed[1..].Trim() : trimmed;
    }

    /// <summary>The percent done that a checklist gives: ticked items over all items, rounded down.</summary>
    public static int PercentDone(int done, int total) => total == 0 ? 0 : done * 100 / total;
}
