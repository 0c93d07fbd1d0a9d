using System.Text;

namespace DonDoc.Import.Reading.Pdf;

/// <summary>
/// A page rendered in grey (a binary PGM, as pdftoppm -gray writes it), and the ruling lines drawn on it:
/// long runs of dark pixels, one or a few pixels thick, across or down the page.
/// </summary>
public sealed class GreyImage
{
    private readonly byte[] _pixels;

    private GreyImage(int width, int height, byte[] pixels)
    {
        Width = width;
        Height = height;
        _pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    private bool Dark(int x, int y) => _pixels[(y * Width) + x] < 128;

    /// <summary>The image of a P5 PGM file with 8-bit samples, or null when the bytes are not one.</summary>
    public static GreyImage? Read(byte[] pgm)
    {
        var at = 0;
        string? Token()
        {
            while (at < pgm.Length && (char.IsWhiteSpace((char)pgm[at]) || pgm[at] == '#'))
            {
                if (pgm[at] == '#')
                {
                    while (at < pgm.Length && pgm[at] != '\n')
                    {
                        at++;
                    }
                }
                else
                {
                    at++;
                }
            }

            var start = at;
            while (at < pgm.Length && !char.IsWhiteSpace((char)pgm[at]))
            {
                at++;
            }

            return at > start ? Encoding.ASCII.GetString(pgm, start, at - start) : null;
        }

        if (Token() != "P5" || !int.TryParse(Token(), out var width) || !int.TryParse(Token(), out var height)
            || !int.TryParse(Token(), out var max) || max is < 1 or > 255 || width <= 0 || height <= 0)
        {
            return null;
        }

        at++;
        var size = (long)width * height;
        if (pgm.Length - at < size)
        {
            return null;
        }

        return new GreyImage(width, height, pgm.AsSpan(at, (int)size).ToArray());
    }

    /// <summary>
    /// The ruling lines, in points with y upwards: runs of dark pixels at least a fiftieth of the page long
    /// (gaps of two pixels bridged, as a scan breaks a line), whose neighbourhood a few pixels away is light
    /// (a line, not the edge of a dark area or a letter).
    /// </summary>
    /// <param name="scale">Points per pixel.</param>
    /// <param name="pageHeight">The page's height in points.</param>
    public List<Ruling> Rulings(double scale, double pageHeight)
    {
        var rulings = new List<Ruling>();
        // At 300 dpi about 12 points: a table row is taller, the strokes of letters smaller than 16 points are shorter.
        var minimum = Math.Max(40, Math.Min(Width, Height) / 50);
        foreach (var (y, first, last) in Runs(horizontal: true, minimum))
        {
            rulings.Add(new Ruling(true, pageHeight - (y * scale), first * scale, (last + 1) * scale));
        }

        foreach (var (x, first, last) in Runs(horizontal: false, minimum))
        {
            rulings.Add(new Ruling(false, x * scale, pageHeight - ((last + 1) * scale), pageHeight - (first * scale)));
        }

        return RulingLines.Join(rulings);
    }

    /// <summary>
    /// The thin dark runs of at least <paramref name="minimum"/> pixels along each row (horizontal) or column,
    /// gaps of two pixels bridged: the line they lie on and their first and last pixel.
    /// </summary>
    private IEnumerable<(int Line, int First, int Last)> Runs(bool horizontal, int minimum)
    {
        const int Gap = 2;
        const int Clearance = 6;
        var lines = horizontal ? Height : Width;
        var length = horizontal ? Width : Height;
        for (var line = 0; line < lines; line++)
        {
            var at = 0;
            while (at < length)
            {
                if (!DarkAlong(horizontal, line, at))
                {
                    at++;
                    continue;
                }

                var first = at;
                var last = at;
                while (at < length && (DarkAlong(horizontal, line, at) || at - last <= Gap))
                {
                    last = DarkAlong(horizontal, line, at) ? at : last;
                    at++;
                }

                if (last - first + 1 >= minimum && Thin(first, last, line, horizontal, Clearance))
                {
                    yield return (line, first, last);
                }
            }
        }
    }

    private bool DarkAlong(bool horizontal, int line, int at) => horizontal ? Dark(at, line) : Dark(line, at);

    /// <summary>Whether the pixels <paramref name="clearance"/> away on both sides of a run are mostly light.</summary>
    private bool Thin(int start, int end, int at, bool horizontal, int clearance)
    {
        int dark = 0, samples = 0;
        for (var i = start; i <= end; i += 4)
        {
            foreach (var side in new[] { at - clearance, at + clearance })
            {
                if (side < 0 || side >= (horizontal ? Height : Width))
                {
                    continue;
                }

                samples++;
                dark += (horizontal ? Dark(i, side) : Dark(side, i)) ? 1 : 0;
            }
        }

        return samples == 0 || dark * 2 < samples;
    }
}
