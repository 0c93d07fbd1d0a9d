namespace DonDoc.Import.Reading.Pdf;

/// <summary>
/// A ruled table on a page: the x of its column rules (left to right) and the y of its row rules (top to
/// bottom), and which grid units are merged into one cell — where the rule between two units is not drawn.
/// </summary>
public sealed class TableGrid
{
    /// <summary>Rules this close together are one rule drawn twice (cell borders of neighbouring cells).</summary>
    private const double SameRule = 2.5;

    /// <summary>More grid units than a page of table can hold (a page of 1-point squares is a drawing, not a table).</summary>
    private const int MaxUnits = 20_000;

    /// <summary>A page drawing more rules than this is a drawing: its rules are not read as tables.</summary>
    public const int MaxRulings = 4_000;

    private readonly int[] _cellOf;

    private TableGrid(double[] columns, double[] rows, int[] cellOf)
    {
        Columns = columns;
        Rows = rows;
        _cellOf = cellOf;
    }

    /// <summary>x of the column rules, left to right: column c lies between Columns[c] and Columns[c + 1].</summary>
    public IReadOnlyList<double> Columns { get; }

    /// <summary>y of the row rules, top to bottom: row r lies between Rows[r] (above) and Rows[r + 1].</summary>
    public IReadOnlyList<double> Rows { get; }

    public int ColumnCount => Columns.Count - 1;

    public int RowCount => Rows.Count - 1;

    public double Left => Columns[0];

    public double Right => Columns[^1];

    public double Top => Rows[0];

    public double Bottom => Rows[^1];

    /// <summary>The cell that covers grid unit (row, column): the top-left unit of its merged area, as row * ColumnCount + column.</summary>
    public int CellOf(int row, int column) => _cellOf[(row * ColumnCount) + column];

    public bool Contains(double x, double y) => x >= Left && x <= Right && y <= Top && y >= Bottom;

    /// <summary>The grid unit under a point inside the table.</summary>
    public (int Row, int Column) UnitAt(double x, double y)
    {
        var column = 0;
        while (column < ColumnCount - 1 && x >= Columns[column + 1])
        {
            column++;
        }

        var row = 0;
        while (row < RowCount - 1 && y <= Rows[row + 1])
        {
            row++;
        }

        return (row, column);
    }

    /// <summary>
    /// The tables that the rulings of a page make: groups of horizontal and vertical rules that cross or
    /// touch each other, with at least two cells.
    /// </summary>
    public static List<TableGrid> Find(IReadOnlyList<Ruling> rulings)
    {
        if (rulings.Count > MaxRulings)
        {
            return [];
        }

        // A table's rule ends on a rule across it; a stroke that ends on none is a letter, an underline or a mark.
        static bool EndsOn(Ruling line, IEnumerable<Ruling> across) => across.Any(a =>
            (Math.Abs(a.At - line.From) <= SameRule * 2 || Math.Abs(a.At - line.To) <= SameRule * 2) && a.From - SameRule <= line.At && a.To + SameRule >= line.At);
        var horizontal = rulings.Where(r => r.Horizontal && EndsOn(r, rulings.Where(v => !v.Horizontal))).ToList();
        var vertical = rulings.Where(r => !r.Horizontal && EndsOn(r, horizontal)).ToList();
        var all = horizontal.Concat(vertical).ToList();
        var parent = Enumerable.Range(0, all.Count).ToArray();
        int Root(int i)
        {
            while (parent[i] != i)
            {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }

            return i;
        }

        // A horizontal and a vertical rule belong to one table when they cross or one ends on the other.
        var byX = vertical.Select((v, i) => (v, i)).OrderBy(x => x.v.At).ToList();
        var xs = byX.Select(x => x.v.At).ToArray();
        for (var h = 0; h < horizontal.Count; h++)
        {
            var line = horizontal[h];
            var from = LowerBound(xs, line.From - SameRule);
            for (var k = from; k < byX.Count && byX[k].v.At <= line.To + SameRule; k++)
            {
                var v = byX[k].v;
                if (line.At >= v.From - SameRule && line.At <= v.To + SameRule)
                {
                    parent[Root(h)] = Root(horizontal.Count + byX[k].i);
                }
            }
        }

        var grids = new List<TableGrid>();
        foreach (var group in Enumerable.Range(0, all.Count).GroupBy(Root))
        {
            var members = group.Select(i => all[i]).ToList();
            var rows = Cluster(members.Where(r => r.Horizontal).Select(r => r.At)).OrderByDescending(y => y).ToArray();
            var columns = Cluster(members.Where(r => !r.Horizontal).Select(r => r.At)).OrderBy(x => x).ToArray();
            var units = (rows.Length - 1) * (columns.Length - 1);
            if (rows.Length < 2 || columns.Length < 2 || units < 2 || units > MaxUnits
                || columns[^1] - columns[0] < 20 || rows[0] - rows[^1] < 8)
            {
                continue;
            }

            grids.Add(Build(columns, rows, members));
        }

        return grids.OrderByDescending(g => g.Top).ToList();
    }

    private static TableGrid Build(double[] columns, double[] rows, List<Ruling> members)
    {
        var columnCount = columns.Length - 1;
        var rowCount = rows.Length - 1;

        // The pieces drawn on each column rule and each row rule.
        var onColumn = columns.Select(_ => new List<Ruling>()).ToArray();
        var onRow = rows.Select(_ => new List<Ruling>()).ToArray();
        foreach (var ruling in members)
        {
            var rules = ruling.Horizontal ? rows : columns;
            var nearest = 0;
            for (var i = 1; i < rules.Length; i++)
            {
                nearest = Math.Abs(rules[i] - ruling.At) < Math.Abs(rules[nearest] - ruling.At) ? i : nearest;
            }

            (ruling.Horizontal ? onRow : onColumn)[nearest].Add(ruling);
        }

        // Whether column rule x is drawn across the middle of row band r, and row rule y across column band c.
        bool VerticalDrawn(int x, int r)
        {
            var middle = (rows[r] + rows[r + 1]) / 2;
            return onColumn[x].Any(v => v.From <= middle + 1 && v.To >= middle - 1);
        }

        bool HorizontalDrawn(int y, int c)
        {
            var middle = (columns[c] + columns[c + 1]) / 2;
            return onRow[y].Any(h => h.From <= middle + 1 && h.To >= middle - 1);
        }

        var units = rowCount * columnCount;
        var parent = Enumerable.Range(0, units).ToArray();
        int Root(int i)
        {
            while (parent[i] != i)
            {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }

            return i;
        }

        void Union(int a, int b)
        {
            var (ra, rb) = (Root(a), Root(b));
            if (ra != rb)
            {
                // The top-left unit names the cell.
                if (ra < rb)
                {
                    parent[rb] = ra;
                }
                else
                {
                    parent[ra] = rb;
                }
            }
        }

        for (var r = 0; r < rowCount; r++)
        {
            for (var c = 0; c < columnCount; c++)
            {
                if (c + 1 < columnCount && !VerticalDrawn(c + 1, r))
                {
                    Union((r * columnCount) + c, (r * columnCount) + c + 1);
                }

                if (r + 1 < rowCount && !HorizontalDrawn(r + 1, c))
                {
                    Union((r * columnCount) + c, ((r + 1) * columnCount) + c);
                }
            }
        }

        var cellOf = new int[units];
        for (var u = 0; u < units; u++)
        {
            cellOf[u] = Root(u);
        }

        return new TableGrid(columns, rows, cellOf);
    }

    /// <summary>Positions within <see cref="SameRule"/> of each other, averaged.</summary>
    private static List<double> Cluster(IEnumerable<double> positions)
    {
        var clusters = new List<double>();
        var run = new List<double>();
        foreach (var p in positions.OrderBy(p => p))
        {
            if (run.Count > 0 && p - run[^1] > SameRule)
            {
                clusters.Add(run.Average());
                run.Clear();
            }

            run.Add(p);
        }

        if (run.Count > 0)
        {
            clusters.Add(run.Average());
        }

        return clusters;
    }

    private static int LowerBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>Whether another table has the same column rules: the same table going on, on the next page.</summary>
    public bool HasColumnsOf(TableGrid other) =>
        other.Columns.Count == Columns.Count && Columns.Zip(other.Columns).All(p => Math.Abs(p.First - p.Second) <= 3.0);
}
