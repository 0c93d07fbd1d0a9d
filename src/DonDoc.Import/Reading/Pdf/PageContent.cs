namespace DonDoc.Import.Reading.Pdf;

/// <summary>
/// What one page shows, in PDF points with y upwards: its words with their boxes and the ruling lines it
/// draws. A text PDF gives both directly; a scanned page gives them through OCR and line detection.
/// </summary>
public sealed record PageContent(int Number, double Width, double Height, IReadOnlyList<PageWord> Words, IReadOnlyList<Ruling> Rulings)
{
    /// <summary>The words were recognised from an image (OCR).</summary>
    public bool Recognised { get; init; }
}

/// <summary>A word and its box (left, bottom, right, top).</summary>
public sealed record PageWord(string Text, double Left, double Bottom, double Right, double Top)
{
    public double Height => Top - Bottom;

    public double CenterX => (Left + Right) / 2;

    public double CenterY => (Top + Bottom) / 2;
}

/// <summary>A straight ruling line: horizontal at y = <see cref="At"/> from x = From to To, or vertical at x = At from y = From to To.</summary>
public sealed record Ruling(bool Horizontal, double At, double From, double To)
{
    public double Length => To - From;
}
