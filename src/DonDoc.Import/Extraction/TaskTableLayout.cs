using System.Text.RegularExpressions;
using DonDoc.Core.Text;
using DonDoc.Import.Reading;

namespace DonDoc.Import.Extraction;

/// <summary>
/// Where a table's header is and what each of its columns holds. The header may take several rows (a merged
/// "Cơ quan" over "Chủ trì | Phối hợp", a row of column numbers "(1) (2) (3)"), and a column's role is chosen from
/// its header and from what its cells hold together (<see cref="ColumnRoleAssigner"/>).
/// </summary>
/// <param name="HeaderRows">The rows of the table up to the end of its header (titles above it and column-number rows included).</param>
/// <param name="Headers">Each column's header text, the header rows joined.</param>
/// <param name="Roles">Each column's role, or null for a column that is no task field.</param>
public sealed record TaskTableLayout(int HeaderRows, IReadOnlyList<string> Headers, IReadOnlyList<ColumnRole?> Roles)
{
    /// <summary>The first row of the header: rows above it are the plan's title lines (a sheet's top rows).</summary>
    public int HeaderStart { get; init; }

    public int IndexOf(ColumnRole role)
    {
        for (var i = 0; i < Roles.Count; i++)
        {
            if (Roles[i] == role)
            {
                return i;
            }
        }

        return -1;
    }

    public bool Has(ColumnRole role) => IndexOf(role) >= 0;
}

/// <summary>Finds the header rows of a table.</summary>
public static partial class TableHeaderFinder
{
    /// <summary>How far into a table its header may start (titles and notes may come first in a sheet).</summary>
    private const int Reach = 15;

    /// <summary>The first row of a header and how many rows it takes, with each column's joined header text; null when none.</summary>
    public static (int Start, int Count, string[] Headers)? Find(IReadOnlyList<SourceLine> rows)
    {
        for (var start = 0; start < Math.Min(rows.Count, Reach); start++)
        {
            if (!IsHeaderStart(rows[start]))
            {
                continue;
            }

            // A header written without its merges is narrower than the rows under it.
            var width = rows.Skip(start).Take(12).Max(r => r.Cells!.Count);
            var end = start + 1;
            while (end < rows.Count && end - start < 5 && (IsColumnNumbering(rows[end]) || IsHeaderContinuation(rows[end], width)))
            {
                end++;
            }

            var header = HeaderSpanInference.Spread(rows.Skip(start).Take(end - start).ToList(), width);
            return (start, end - start, Join(header, 0, header.Count));
        }

        return null;
    }

    /// <summary>Whether a row repeats the header (after a page break) or its column numbers.</summary>
    public static bool IsRepeatedHeader(SourceLine row, IReadOnlyList<string> headers)
    {
        if (IsColumnNumbering(row))
        {
            return true;
        }

        var cells = Own(row);
        var same = 0;
        var nonEmpty = 0;
        for (var i = 0; i < cells.Length; i++)
        {
            if (cells[i].Length == 0)
            {
                continue;
            }

            nonEmpty++;
            var header = i < headers.Count ? VietnameseText.Fold(headers[i]) : string.Empty;
            var cell = VietnameseText.Fold(cells[i]);
            // The lower row of a two-row header repeats the end of each joined header ("Kinh phí (triệu đồng) Tổng số"), in words of its own.
            var lowerRow = header.EndsWith(" " + cell, StringComparison.Ordinal) && CellEvidence.FoldedWords(cell).Count >= 2;
            if (header.Length > 0 && (header == cell || header.Contains(cell, StringComparison.Ordinal)) && (ColumnHeaders.Read(cells[i]).IsHeaderLike || lowerRow))
            {
                same++;
            }
        }

        return nonEmpty >= 2 && same * 10 >= nonEmpty * 7;
    }

    /// <summary>A row of column numbers: "(1) (2) (3) …", "1 2 3 4 5", "A B 1 2".</summary>
    public static bool IsColumnNumbering(SourceLine row)
    {
        var cells = Own(row).Where(c => c.Length > 0).ToList();
        if (cells.Count < 3 || cells.Any(c => !ColumnNumber().IsMatch(c)))
        {
            return false;
        }

        var numbers = cells.Select(c => int.TryParse(c.Trim('(', ')', ' ', '.'), out var n) ? n : -1).Where(n => n >= 0).ToList();
        return numbers.Count >= 3 && numbers.Zip(numbers.Skip(1), (a, b) => b == a + 1).Count(x => x) >= numbers.Count - 2;
    }

    private static bool IsHeaderStart(SourceLine row)
    {
        var cells = Own(row).Where(c => c.Length > 0).ToList();
        if (cells.Count < 2 || CellEvidence.Number(cells[0]) > 0 && ColumnHeaders.Read(cells[0]).Claim != ColumnRole.Number)
        {
            return false;
        }

        var evidence = cells.Select(c => (Cell: c, Evidence: ColumnHeaders.Read(c))).ToList();
        var headerLike = evidence.Where(e => e.Evidence.IsHeaderLike && CellEvidence.FoldedWords(e.Cell).Count <= 14).ToList();
        var claims = headerLike.Select(e => e.Evidence.Claim).OfType<ColumnRole>().Distinct().ToList();
        return claims.Count >= 2 && headerLike.Count * 10 >= cells.Count * 6
            && claims.Any(c => c is ColumnRole.Content or ColumnRole.Lead or ColumnRole.Deadline or ColumnRole.Coordinators);
    }

    /// <summary>
    /// A second header row: short header words under a merged header ("Chủ trì | Phối hợp"), no sequence number. Written
    /// without its merges (narrower than the table), a row of short words without digits under a header is one too, when
    /// one of its words is a header's ("Bắt đầu | Hoàn thành | Tổng số | Ngân sách trung ương | Nguồn khác").
    /// </summary>
    private static bool IsHeaderContinuation(SourceLine row, int width)
    {
        var cells = Own(row).Where(c => c.Length > 0).ToList();
        if (cells.Count == 0 || CellEvidence.Number(cells[0]) > 0 || SectionHeading.ReadInText(cells[0]) is not null)
        {
            return false;
        }

        var headerLike = cells.Count(c => ColumnHeaders.Read(c).IsHeaderLike && CellEvidence.FoldedWords(c).Count <= 8);
        var shortWords = cells.All(c => CellEvidence.FoldedWords(c).Count <= 6 && !c.Any(char.IsDigit));
        var narrow = row.Origins is null && row.Cells!.Count >= 2 && row.Cells.Count < width && shortWords;
        // Cells merged down from the header ("STT", "Nội dung" over both rows) make the row part of it: no task row is merged with a header.
        var mergedWithHeader = shortWords && Enumerable.Range(0, row.Cells!.Count).Any(i => row.OriginOf(i) == CellOrigin.MergedFromAbove);
        return headerLike >= 1 && (headerLike * 10 >= cells.Count * 6 || narrow || mergedWithHeader) && cells.All(c => CellEvidence.FoldedWords(c).Count <= 10);
    }

    /// <summary>Each column's header: its texts in the header rows, top to bottom, a text merged down from above said once.</summary>
    private static string[] Join(IReadOnlyList<SourceLine> rows, int start, int end)
    {
        var width = rows.Skip(start).Take(end - start).Max(r => r.Cells!.Count);
        var headers = new string[width];
        for (var c = 0; c < width; c++)
        {
            var parts = new List<string>();
            for (var r = start; r < end; r++)
            {
                var row = rows[r];
                if (IsColumnNumbering(row) || c >= row.Cells!.Count || row.OriginOf(c) == CellOrigin.MergedFromAbove)
                {
                    continue;
                }

                var text = CellText.Clean(row.Cells[c]);
                if (text.Length > 0 && (parts.Count == 0 || parts[^1] != text))
                {
                    parts.Add(text);
                }
            }

            headers[c] = string.Join(" ", parts);
        }

        return headers;
    }

    /// <summary>A row's own texts: a copy of a merged cell is empty.</summary>
    public static string[] Own(SourceLine row) =>
        row.Cells!.Select((c, i) => row.OriginOf(i) == CellOrigin.Own ? CellText.Clean(c) : string.Empty).ToArray();

    [GeneratedRegex(@"^\(?\s*(?:\d{1,2}|[A-Z])\s*\)?\.?$")]
    private static partial Regex ColumnNumber();
}

/// <summary>
/// Chooses each column's role from its header and its cells together: a column whose cells resolve as agencies
/// is a lead or coordinator column whatever its header says ("Cơ quan trình", "Đơn vị thực hiện"), one whose
/// cells parse as deadlines is the time column ("Tiến độ", "Dự kiến trình"); a header that claims another role
/// outright ("Cơ quan chủ trì thẩm tra": a note) keeps it. Every role is held by one column at most; the
/// assignment that scores best over the whole table wins (exhaustively: a table has a handful of columns).
/// </summary>
public sealed class ColumnRoleAssigner(CellEvidence evidence)
{
    private static readonly ColumnRole[] Roles = Enum.GetValues<ColumnRole>();

    /// <summary>Cells looked at per column: enough to judge a column, few enough for a 4,000-row table.</summary>
    private const int Sample = 40;

    private const double HeaderWeight = 4.0;
    private const double ContentWeight = 4.0;

    /// <summary>What a column left without a role scores: a role must be earned.</summary>
    private const double Unassigned = 0.3;

    private static readonly string[] TotalWords = ["tong so", "tong cong", "tong kinh phi"];

    /// <summary>The roles, or null when no assignment gives a content column and a lead, deadline or number column.</summary>
    public IReadOnlyList<ColumnRole?>? Assign(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> columns, int? planYear, bool headerRequired = true)
    {
        var width = Math.Max(headers.Count, columns.Count);
        var scores = new double[width, Roles.Length];
        var lengths = new double[width];
        for (var c = 0; c < width; c++)
        {
            var cells = c < columns.Count ? columns[c].Where(x => x.Length > 0).ToList() : [];
            lengths[c] = cells.Count == 0 ? 0 : cells.Average(x => x.Length);
        }

        var longest = lengths.Length == 0 ? 0 : lengths.Max();
        var rows = columns.Count == 0 ? 0 : columns.Max(c => c.Count);
        for (var c = 0; c < width; c++)
        {
            var header = ColumnHeaders.Read(c < headers.Count ? headers[c] : string.Empty);
            // Of the columns under "Kinh phí", the total ("Tổng số") is the task's budget, not one of its sources.
            var total = header.For(ColumnRole.Budget) > 0 && TotalWords.Any(w => VietnameseText.Fold(headers[c]).Contains(w, StringComparison.Ordinal)) ? 0.25 : 0;
            var cells = c < columns.Count ? Spread(columns[c].Where(x => x.Length > 0).ToList()) : [];
            var filled = rows == 0 || c >= columns.Count ? 0 : (double)columns[c].Count(x => x.Length > 0) / rows;
            var content = ContentScores(cells, planYear, lengths[c] == longest && longest > 0, c, width);
            // A mostly empty column says little by its cells.
            var trust = Math.Min(1.0, filled * 2);
            for (var r = 0; r < Roles.Length; r++)
            {
                var role = Roles[r];
                var fromHeader = header.IsHeaderLike ? HeaderWeight * (header.For(role) + (role == ColumnRole.Budget ? total : 0)) : 0;
                scores[c, r] = fromHeader + (ContentWeight * trust * content[role]);
            }
        }

        var best = Best(scores, width);
        if (best is null)
        {
            return null;
        }

        var roles = best.Select(r => r < 0 ? (ColumnRole?)null : Roles[r]).ToList();
        var contentAt = roles.IndexOf(ColumnRole.Content);
        if (contentAt < 0 || scores[contentAt, (int)ColumnRole.Content] <= 0)
        {
            return null;
        }

        var anchors = roles.Count(r => r is ColumnRole.Lead or ColumnRole.Deadline or ColumnRole.Number or ColumnRole.Coordinators);
        if (anchors == 0 || (!headerRequired && !roles.Contains(ColumnRole.Lead) && !roles.Contains(ColumnRole.Deadline)))
        {
            return null;
        }

        return roles;
    }

    /// <summary>Up to <see cref="Sample"/> cells spread over the whole column.</summary>
    private static List<string> Spread(List<string> cells)
    {
        if (cells.Count <= Sample)
        {
            return cells;
        }

        var step = (double)cells.Count / Sample;
        return Enumerable.Range(0, Sample).Select(i => cells[(int)(i * step)]).ToList();
    }

    private Dictionary<ColumnRole, double> ContentScores(List<string> cells, int? planYear, bool longestColumn, int column, int width)
    {
        var scores = Roles.ToDictionary(r => r, _ => 0.0);
        if (cells.Count == 0)
        {
            return scores;
        }

        double agency = 0, deadline = 0, number = 0, budget = 0, product = 0, prose = 0;
        foreach (var cell in cells)
        {
            var n = CellEvidence.Number(cell);
            number += n;
            if (n > 0)
            {
                continue;
            }

            var isDeadline = evidence.Deadline(cell, planYear);
            deadline += isDeadline;
            var isAgency = isDeadline >= 1 ? 0 : evidence.Agency(cell);
            agency += isAgency;
            budget += CellEvidence.Budget(cell);
            product += CellEvidence.Product(cell);
            prose += CellEvidence.Prose(cell) * (1 - isAgency) * (isDeadline >= 1 ? 0 : 1);
        }

        var count = cells.Count;
        scores[ColumnRole.Number] = (number / count) + (column == 0 ? 0.2 : 0);
        scores[ColumnRole.Deadline] = deadline / count;
        scores[ColumnRole.Lead] = (agency / count) + (0.1 * (1 - ((double)column / Math.Max(1, width))));
        scores[ColumnRole.Coordinators] = 0.85 * agency / count;
        scores[ColumnRole.Budget] = budget / count;
        scores[ColumnRole.Product] = 0.6 * product / count;
        scores[ColumnRole.Evidence] = 0.3 * product / count;
        scores[ColumnRole.Content] = (0.8 * prose / count) + (longestColumn ? 0.4 : 0) - (0.5 * agency / count);
        return scores;
    }

    /// <summary>The best one-to-one assignment of roles to columns (-1: none), by dynamic programming over the roles used.</summary>
    private static int[]? Best(double[,] scores, int width)
    {
        if (width == 0)
        {
            return null;
        }

        var states = 1 << Roles.Length;
        var best = new double[width + 1, states];
        var choice = new int[width + 1, states];
        for (var c = 0; c <= width; c++)
        {
            for (var m = 0; m < states; m++)
            {
                best[c, m] = double.NegativeInfinity;
            }
        }

        best[0, 0] = 0;
        for (var c = 0; c < width; c++)
        {
            for (var m = 0; m < states; m++)
            {
                if (double.IsNegativeInfinity(best[c, m]))
                {
                    continue;
                }

                Relax(c + 1, m, best[c, m] + Unassigned, -1);
                for (var r = 0; r < Roles.Length; r++)
                {
                    if ((m & (1 << r)) == 0)
                    {
                        Relax(c + 1, m | (1 << r), best[c, m] + scores[c, r], r);
                    }
                }
            }
        }

        var contentBit = 1 << (int)ColumnRole.Content;
        var end = -1;
        for (var m = 0; m < states; m++)
        {
            if ((m & contentBit) != 0 && !double.IsNegativeInfinity(best[width, m]) && (end < 0 || best[width, m] > best[width, end]))
            {
                end = m;
            }
        }

        if (end < 0)
        {
            return null;
        }

        var roles = new int[width];
        var mask = end;
        for (var c = width; c > 0; c--)
        {
            var r = choice[c, mask];
            roles[c - 1] = r;
            if (r >= 0)
            {
                mask &= ~(1 << r);
            }
        }

        return roles;

        void Relax(int column, int mask, double score, int role)
        {
            if (score > best[column, mask])
            {
                best[column, mask] = score;
                choice[column, mask] = role;
            }
        }
    }
}
