using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace DonDoc.Import.Reading;

/// <summary>
/// Reads an HTML page saved from an official portal: tables with rowspan/colspan become rows of cells
/// (a spanned cell keeps its text in its first position), block text becomes text lines, and inline
/// tags inside words ("Ng&lt;span&gt;à&lt;/span&gt;y") leave the words whole.
/// </summary>
public sealed class HtmlReader
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "P", "DIV", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "TR", "BR", "SECTION", "ARTICLE", "BLOCKQUOTE", "PRE",
    };

    public ReadResult Read(string fileName, byte[] content)
    {
        var html = Encoding.UTF8.GetString(content);
        var document = new HtmlParser().ParseDocument(html);
        var lines = new List<SourceLine>();
        if (document.Body is { } body)
        {
            Walk(body, lines);
        }

        return lines.Count == 0
            ? ReadResult.Fail("trang HTML không có nội dung", "the HTML page has no content")
            : ReadResult.Ok(new SourceDocument(fileName, lines));
    }

    private static void Walk(IElement element, List<SourceLine> lines)
    {
        var text = new StringBuilder();
        foreach (var node in element.ChildNodes)
        {
            if (node is IElement child && child.LocalName == "table")
            {
                Flush(text, lines);
                ReadTable(child, lines);
            }
            else if (node is IElement block && Blocks.Contains(block.TagName) && block.QuerySelector("table") is null)
            {
                Flush(text, lines);
                lines.Add(new SourceLine(lines.Count + 1, TextOf(block), null));
            }
            else if (node is IElement container && container.QuerySelector("table") is not null)
            {
                Flush(text, lines);
                Walk(container, lines);
            }
            else
            {
                text.Append(node is IElement e ? TextOf(e) : node.TextContent);
            }
        }

        Flush(text, lines);
    }

    private static void Flush(StringBuilder text, List<SourceLine> lines)
    {
        var value = text.ToString().Trim();
        if (value.Length > 0)
        {
            lines.Add(new SourceLine(lines.Count + 1, value, null));
        }

        text.Clear();
    }

    private static void ReadTable(IElement table, List<SourceLine> lines)
    {
        // Rows of the grid, with cells that a rowspan from above carries down kept empty.
        var pending = new Dictionary<int, int>();
        foreach (var row in table.QuerySelectorAll("tr").Where(r => r.Closest("table") == table))
        {
            var cells = new List<string>();
            var column = 0;
            foreach (var cell in row.Children.Where(c => c.LocalName is "td" or "th"))
            {
                while (pending.TryGetValue(column, out var left) && left > 0)
                {
                    cells.Add(string.Empty);
                    pending[column] = left - 1;
                    column++;
                }

                var colspan = Math.Max(1, int.TryParse(cell.GetAttribute("colspan"), out var c) ? c : 1);
                var rowspan = Math.Max(1, int.TryParse(cell.GetAttribute("rowspan"), out var r) ? r : 1);
                cells.Add(TextOf(cell));
                for (var extra = 1; extra < colspan; extra++)
                {
                    cells.Add(string.Empty);
                }

                for (var k = 0; k < colspan; k++)
                {
                    if (rowspan > 1)
                    {
                        pending[column + k] = rowspan - 1;
                    }
                }

                column += colspan;
            }

            while (pending.TryGetValue(column, out var rest) && rest > 0)
            {
                cells.Add(string.Empty);
                pending[column] = rest - 1;
                column++;
            }

            lines.Add(new SourceLine(lines.Count + 1, string.Join("\t", cells), cells));
        }
    }

    /// <summary>The text of an element, blocks and line breaks separated by a space, inline tags joined.</summary>
    private static string TextOf(INode node)
    {
        var builder = new StringBuilder();
        Append(node, builder);
        return builder.ToString();
    }

    private static void Append(INode node, StringBuilder builder)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IElement element)
            {
                var block = Blocks.Contains(element.TagName);
                if (block)
                {
                    builder.Append(' ');
                }

                Append(element, builder);
                if (block)
                {
                    builder.Append(' ');
                }
            }
            else if (child.NodeType == NodeType.Text)
            {
                builder.Append(child.TextContent);
            }
        }
    }
}
