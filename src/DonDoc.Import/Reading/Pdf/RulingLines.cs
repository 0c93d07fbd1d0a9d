using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Graphics;

namespace DonDoc.Import.Reading.Pdf;

/// <summary>
/// The ruling lines a PDF page draws: stroked straight segments (LibreOffice draws a table's borders so),
/// the edges of stroked rectangles, and thin filled rectangles (Word draws its borders so). Collinear pieces
/// that touch are joined into one line.
/// </summary>
public static class RulingLines
{
    /// <summary>Thicker than this, a filled rectangle is a shaded area, not a line.</summary>
    private const double MaxThickness = 3.0;

    /// <summary>Shorter than this, a segment is a glyph's stroke or a tick, not a border.</summary>
    private const double MinLength = 4.0;

    public static List<Ruling> FromPaths(IEnumerable<PdfPath> paths)
    {
        var rulings = new List<Ruling>();
        foreach (var path in paths)
        {
            if (path.IsClipping || (!path.IsStroked && !path.IsFilled))
            {
                continue;
            }

            foreach (var subpath in path)
            {
                if (path.IsStroked && path.LineWidth <= MaxThickness * 2)
                {
                    AddStroked(subpath, rulings);
                }

                if (path.IsFilled && subpath.GetBoundingRectangle() is { } box)
                {
                    AddFilled(box, rulings);
                }
            }
        }

        return Join(rulings);
    }

    private static void AddStroked(PdfSubpath subpath, List<Ruling> rulings)
    {
        PdfPoint? start = null;
        PdfPoint? current = null;
        foreach (var command in subpath.Commands)
        {
            switch (command)
            {
                case PdfSubpath.Move move:
                    start = current = move.Location;
                    break;
                case PdfSubpath.Line line:
                    Add(line.From, line.To, rulings);
                    current = line.To;
                    start ??= line.From;
                    break;
                case PdfSubpath.Close when start is { } s && current is { } c:
                    Add(c, s, rulings);
                    current = s;
                    break;
                case PdfSubpath.BezierCurve curve:
                    current = curve.EndPoint;
                    break;
            }
        }
    }

    private static void Add(PdfPoint a, PdfPoint b, List<Ruling> rulings)
    {
        if (Math.Abs(a.Y - b.Y) < 1.0 && Math.Abs(a.X - b.X) >= MinLength)
        {
            rulings.Add(new Ruling(true, (a.Y + b.Y) / 2, Math.Min(a.X, b.X), Math.Max(a.X, b.X)));
        }
        else if (Math.Abs(a.X - b.X) < 1.0 && Math.Abs(a.Y - b.Y) >= MinLength)
        {
            rulings.Add(new Ruling(false, (a.X + b.X) / 2, Math.Min(a.Y, b.Y), Math.Max(a.Y, b.Y)));
        }
    }

    private static void AddFilled(PdfRectangle box, List<Ruling> rulings)
    {
        var width = box.Width;
        var height = box.Height;
        if (height <= MaxThickness && width >= MinLength)
        {
            rulings.Add(new Ruling(true, (box.Bottom + box.Top) / 2, box.Left, box.Right));
        }
        else if (width <= MaxThickness && height >= MinLength)
        {
            rulings.Add(new Ruling(false, (box.Left + box.Right) / 2, box.Bottom, box.Top));
        }
    }

    /// <summary>Lines on the same level (within a point) whose pieces touch or overlap become one.</summary>
    public static List<Ruling> Join(List<Ruling> rulings)
    {
        var joined = new List<Ruling>();
        foreach (var direction in rulings.GroupBy(r => r.Horizontal))
        {
            var sorted = direction.OrderBy(r => r.At).ThenBy(r => r.From).ToList();
            var level = new List<Ruling>();
            void Flush()
            {
                foreach (var piece in level.OrderBy(r => r.From))
                {
                    if (joined.Count > 0 && joined[^1].Horizontal == piece.Horizontal && Math.Abs(joined[^1].At - piece.At) <= 1.5
                        && piece.From <= joined[^1].To + 2.0)
                    {
                        var last = joined[^1];
                        joined[^1] = last with { To = Math.Max(last.To, piece.To) };
                    }
                    else
                    {
                        joined.Add(piece);
                    }
                }

                level.Clear();
            }

            foreach (var ruling in sorted)
            {
                if (level.Count > 0 && ruling.At - level[0].At > 1.5)
                {
                    Flush();
                }

                level.Add(ruling);
            }

            Flush();
        }

        return joined;
    }
}
