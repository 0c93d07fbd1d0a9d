using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace DonDoc.Import.Reading;

/// <summary>
/// Reads an HTML page saved from an official portal (vbpl.vn and the like) or written by hand. The
/// document body is found inside the site's chrome: scripts, menus, navigation and link lists are left
/// out, and the reading starts at the element that holds nearly all the page's own text. Data tables
/// become rows of cells — a merged cell's text copied into every row and column it covers, marked as
/// merged from above or from the left — and tables that only lay out the page are read through. Block text becomes text
/// lines, and inline tags inside words ("Ng&lt;span&gt;à&lt;/span&gt;y") leave the words whole.
/// </summary>
public sealed partial class HtmlReader
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "P", "DIV", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "TR", "BR", "SECTION", "ARTICLE", "BLOCKQUOTE", "PRE",
        "UL", "OL", "DL", "DT", "DD", "CENTER", "MAIN", "FIGURE", "CAPTION", "HR",
    };

    /// <summary>Elements that are never part of a document's text.</summary>
    private static readonly HashSet<string> Chrome = new(StringComparer.OrdinalIgnoreCase)
    {
        "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "NAV", "HEADER", "FOOTER", "ASIDE", "IFRAME", "OBJECT", "EMBED", "SVG",
        "CANVAS", "BUTTON", "SELECT", "OPTION", "INPUT", "TEXTAREA", "LABEL", "HEAD", "TITLE", "META", "LINK", "MAP",
    };

    /// <summary>The largest rowspan and colspan HTML itself honours.</summary>
    private const int MaxRowSpan = 65534;
    private const int MaxColSpan = 1000;

    public ReadResult Read(string fileName, byte[] content) => Read(fileName, content, ReadBudget.WithDefaults());

    public ReadResult Read(string fileName, byte[] content, ReadBudget budget)
    {
        var html = TextDecoder.Decode(content, DeclaredCharset(content));
        if (html is null)
        {
            return ReadResult.Fail("trang HTML không dùng bảng mã UTF-8 hay Windows-1258", "the HTML page is in an unknown encoding");
        }

        return Parse(fileName, html, budget);
    }

    public ReadResult Parse(string fileName, string html, ReadBudget budget)
    {
        budget.ThrowIfCancelled();

        // The parser's cost grows with the square of the nesting: the markup is measured before it is parsed.
        if (MarkupDepth(html, budget.Limits.MaxHtmlDepth) > budget.Limits.MaxHtmlDepth)
        {
            throw ReadRefusedException.Because(
                $"trang HTML lồng nhau quá sâu (hơn {budget.Limits.MaxHtmlDepth} cấp)",
                $"the HTML nests deeper than {budget.Limits.MaxHtmlDepth} elements");
        }

        using var document = new HtmlParser().ParseDocument(html);
        if (document.Body is not { } body)
        {
            return ReadResult.Fail("trang HTML không có nội dung", "the HTML page has no content");
        }

        var weights = new TextWeights(body);
        var lines = new List<SourceLine>();
        new Walker(weights, lines, budget).Walk(ContentRoot(body, weights));
        return lines.Count == 0
            ? ReadResult.Fail("trang HTML không có nội dung", "the HTML page has no content")
            : ReadResult.Ok(new SourceDocument(fileName, lines));
    }

    /// <summary>The charset a page declares in its first bytes (<c>&lt;meta charset="windows-1258"&gt;</c>).</summary>
    private static string? DeclaredCharset(byte[] content)
    {
        var head = Encoding.ASCII.GetString(content, 0, Math.Min(content.Length, 2048));
        var match = CharsetRegex().Match(head);
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary>Elements that never hold others, and those whose end tag HTML lets the next one imply.</summary>
    private static readonly HashSet<string> NotNesting = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rp",
    };

    /// <summary>
    /// How deep the tags of the markup nest, counted over the text before parsing (comments, scripts and
    /// styles skipped; elements whose end tag may be left out are not counted); stops counting past the limit.
    /// </summary>
    private static int MarkupDepth(string html, int limit)
    {
        int depth = 0, deepest = 0;
        for (var i = html.IndexOf('<'); i >= 0 && i + 1 < html.Length; i = html.IndexOf('<', i + 1))
        {
            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                var end = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                if (end < 0)
                {
                    break;
                }

                i = end;
                continue;
            }

            var closing = html[i + 1] == '/';
            var nameStart = closing ? i + 2 : i + 1;
            var nameEnd = nameStart;
            while (nameEnd < html.Length && char.IsAsciiLetterOrDigit(html[nameEnd]))
            {
                nameEnd++;
            }

            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
            {
                continue;
            }

            var name = html[nameStart..nameEnd];
            var tagEnd = html.IndexOf('>', nameEnd);
            if (tagEnd < 0)
            {
                break;
            }

            if (closing)
            {
                depth = NotNesting.Contains(name) ? depth : Math.Max(0, depth - 1);
            }
            else if (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase))
            {
                var end = html.IndexOf("</" + name, tagEnd, StringComparison.OrdinalIgnoreCase);
                tagEnd = end < 0 ? html.Length - 1 : end;
            }
            else if (!NotNesting.Contains(name) && html[tagEnd - 1] != '/')
            {
                depth++;
                deepest = Math.Max(deepest, depth);
                if (deepest > limit)
                {
                    return deepest;
                }
            }

            i = tagEnd;
        }

        return deepest;
    }

    /// <summary>
    /// Where the document starts: down from the body, into the one element that holds nearly all the text of
    /// its parent (the portal's content column, then the document's own frame), through the cells of tables
    /// that only lay out the page, never into a data table.
    /// </summary>
    private static IElement ContentRoot(IElement body, TextWeights weights)
    {
        var node = body;
        while (true)
        {
            var total = weights.Text(node);
            var heaviest = Candidates(node).MaxBy(weights.Text);
            if (total == 0 || heaviest is null || heaviest.LocalName is "table" or "tbody" or "thead" or "tr"
                || weights.Text(heaviest) < total * 0.85)
            {
                return node;
            }

            node = heaviest;
        }
    }

    /// <summary>The children of an element where a document may start: a layout table stands for its cells.</summary>
    private static IEnumerable<IElement> Candidates(IElement element)
    {
        foreach (var child in element.Children)
        {
            if (IsChrome(child))
            {
                continue;
            }

            if (child.LocalName == "table" && IsLayoutTable(child))
            {
                foreach (var cell in OwnRows(child).SelectMany(r => r.Children.Where(c => c.LocalName is "td" or "th")))
                {
                    yield return cell;
                }
            }
            else
            {
                yield return child;
            }
        }
    }

    /// <summary>A table that only lays out the page: one of its own cells holds another table.</summary>
    private static bool IsLayoutTable(IElement table) =>
        OwnRows(table).Any(r => r.Children.Any(c => c.LocalName is "td" or "th" && c.QuerySelector("table") is not null));

    /// <summary>The rows of this table, not of tables nested in its cells.</summary>
    private static IEnumerable<IElement> OwnRows(IElement table)
    {
        foreach (var child in table.Children)
        {
            if (child.LocalName == "tr")
            {
                yield return child;
            }
            else if (child.LocalName is "thead" or "tbody" or "tfoot")
            {
                foreach (var row in child.Children.Where(r => r.LocalName == "tr"))
                {
                    yield return row;
                }
            }
        }
    }

    private static bool IsChrome(IElement element) =>
        Chrome.Contains(element.TagName)
        || element.GetAttribute("style") is { } style && HiddenRegex().IsMatch(style)
        || element.HasAttribute("hidden")
        || element.GetAttribute("aria-hidden") == "true";

    /// <summary>The length of the text under each element, and of the part of it inside links.</summary>
    private sealed class TextWeights
    {
        private readonly Dictionary<INode, (int Text, int Links)> _weights = new(ReferenceEqualityComparer.Instance);

        public TextWeights(IElement root)
        {
            // Post-order without recursion: children are weighed before their parent.
            var stack = new Stack<(INode Node, bool Visited)>();
            stack.Push((root, false));
            while (stack.Count > 0)
            {
                var (node, visited) = stack.Pop();
                if (node is IElement element && IsChrome(element))
                {
                    _weights[node] = (0, 0);
                    continue;
                }

                if (node.NodeType == NodeType.Text)
                {
                    var length = CountVisible(node.TextContent);
                    _weights[node] = (length, 0);
                    continue;
                }

                if (!visited)
                {
                    stack.Push((node, true));
                    foreach (var child in node.ChildNodes)
                    {
                        stack.Push((child, false));
                    }

                    continue;
                }

                int text = 0, links = 0;
                foreach (var child in node.ChildNodes)
                {
                    var (t, l) = _weights.GetValueOrDefault(child);
                    text += t;
                    links += l;
                }

                _weights[node] = (text, node is IElement { LocalName: "a" } ? text : links);
            }
        }

        /// <summary>Text outside links: what the page says rather than where it points.</summary>
        public int Text(IElement element)
        {
            var (text, links) = _weights.GetValueOrDefault(element);
            return text - links;
        }

        /// <summary>A menu, a breadcrumb, a list of related documents: a block of mostly links, several of them.</summary>
        public bool IsLinkList(IElement element)
        {
            if (element.LocalName is not ("ul" or "ol" or "div" or "dl" or "section" or "menu" or "table" or "p" or "span"))
            {
                return false;
            }

            var (text, links) = _weights.GetValueOrDefault(element);
            return text > 0 && links >= text * 0.6 && element.QuerySelectorAll("a").Length >= 2;
        }

        private static int CountVisible(string text)
        {
            var count = 0;
            foreach (var c in text)
            {
                count += char.IsWhiteSpace(c) ? 0 : 1;
            }

            return count;
        }
    }

    private sealed class Walker(TextWeights weights, List<SourceLine> lines, ReadBudget budget)
    {
        private int _tables;

        public void Walk(IElement element)
        {
            budget.ThrowIfCancelled();
            var text = new StringBuilder();
            foreach (var node in element.ChildNodes)
            {
                if (node is IElement child && (IsChrome(child) || weights.IsLinkList(child)))
                {
                    continue;
                }

                if (node is IElement table && table.LocalName == "table")
                {
                    Flush(text);
                    if (IsLayoutTable(table))
                    {
                        foreach (var cell in OwnRows(table).SelectMany(r => r.Children.Where(c => c.LocalName is "td" or "th")))
                        {
                            Walk(cell);
                        }
                    }
                    else
                    {
                        ReadTable(table);
                    }
                }
                else if (node is IElement block && Blocks.Contains(block.TagName) && block.QuerySelector("table") is null)
                {
                    Flush(text);
                    if (block.LocalName is "ul" or "ol" or "dl")
                    {
                        Walk(block);
                    }
                    else
                    {
                        AddText(TextOf(block, weights));
                    }
                }
                else if (node is IElement container && container.QuerySelector("table") is not null)
                {
                    Flush(text);
                    Walk(container);
                }
                else
                {
                    text.Append(node is IElement e ? TextOf(e, weights) : node.TextContent);
                }
            }

            Flush(text);
        }

        private void Flush(StringBuilder text)
        {
            AddText(text.ToString());
            text.Clear();
        }

        private void AddText(string text)
        {
            var value = text.Trim();
            if (value.Length > 0)
            {
                lines.Add(new SourceLine(lines.Count + 1, value, null));
            }
        }

        /// <summary>
        /// Rows of the grid: a cell that spans rows or columns is copied, marked, into every position it covers
        /// (positions below it as merged from above, those to its right in its first row as merged from the left).
        /// </summary>
        private void ReadTable(IElement table)
        {
            var index = _tables++;
            var below = new List<(int Rows, string Text, CellOrigin Origin)>();
            foreach (var row in OwnRows(table))
            {
                budget.ThrowIfCancelled();
                var cells = new CellRow(budget, index);
                var column = 0;

                void TakeFromAbove()
                {
                    while (column < below.Count && below[column].Rows > 0)
                    {
                        var (rows, text, origin) = below[column];
                        cells.Add(text, origin);
                        below[column] = (rows - 1, text, origin);
                        column++;
                    }
                }

                foreach (var cell in row.Children.Where(c => c.LocalName is "td" or "th"))
                {
                    TakeFromAbove();
                    var colspan = Math.Clamp(int.TryParse(cell.GetAttribute("colspan"), out var c) ? c : 1, 1, MaxColSpan);
                    var rowspan = int.TryParse(cell.GetAttribute("rowspan"), out var r) ? (r == 0 ? MaxRowSpan : Math.Clamp(r, 1, MaxRowSpan)) : 1;
                    var text = TextOf(cell, null);
                    for (var k = 0; k < colspan; k++)
                    {
                        cells.Add(text, k == 0 ? CellOrigin.Own : CellOrigin.MergedFromLeft);
                        while (below.Count <= column + k)
                        {
                            below.Add((0, string.Empty, CellOrigin.Own));
                        }

                        below[column + k] = (rowspan - 1, text, CellOrigin.MergedFromAbove);
                    }

                    column += colspan;
                }

                // Cells that rows above carry down past this row's last cell, and the gaps before them.
                while (column < below.Count)
                {
                    if (below.Skip(column).All(b => b.Rows == 0))
                    {
                        break;
                    }

                    if (below[column].Rows > 0)
                    {
                        TakeFromAbove();
                    }
                    else
                    {
                        cells.Add(string.Empty);
                        column++;
                    }
                }

                lines.Add(cells.ToLine(lines.Count + 1));
            }
        }
    }

    /// <summary>The text of an element, blocks and line breaks separated by a space, inline tags joined; menus left out.</summary>
    private static string TextOf(INode node, TextWeights? weights)
    {
        var builder = new StringBuilder();
        Append(node, builder, weights);
        return builder.ToString();
    }

    private static void Append(INode node, StringBuilder builder, TextWeights? weights)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IElement element)
            {
                if (IsChrome(element) || weights?.IsLinkList(element) == true)
                {
                    continue;
                }

                var block = Blocks.Contains(element.TagName) || element.LocalName is "td" or "th";
                if (block)
                {
                    builder.Append(' ');
                }

                Append(element, builder, weights);
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

    [GeneratedRegex("""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetRegex();

    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenRegex();
}
