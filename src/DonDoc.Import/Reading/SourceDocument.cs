namespace DonDoc.Import.Reading;

/// <summary>
/// What a reader makes of a file: its lines in order, each either free text (titles, headings, prose)
/// or a row of table cells. The extractor works on this, whatever the file's format was.
/// </summary>
public sealed record SourceDocument(string FileName, IReadOnlyList<SourceLine> Lines)
{
    /// <summary>
    /// Rows are the visual lines of a page (a PDF): a row without a number continues the task above
    /// cell by cell, and is never a second lead agency of its own.
    /// </summary>
    public bool RowsAreVisualLines { get; init; }
}

/// <summary>One line of the source: free text when <see cref="Cells"/> is null, else a table row.</summary>
/// <param name="Number">1-based line (or row) number in the source, for messages.</param>
/// <param name="Raw">The line exactly as read.</param>
/// <param name="Cells">The row's cells, one per grid column, or null for a text line.</param>
public sealed record SourceLine(int Number, string Raw, IReadOnlyList<string>? Cells)
{
    public bool IsTableRow => Cells is not null;

    /// <summary>
    /// Per cell, where its text comes from, when some cell's text was copied from a merged cell; null when
    /// every cell holds what is printed in it. A reader copies the text of a merged cell (HTML rowspan and
    /// colspan, Word vMerge and gridSpan, an Excel merged range) into every grid position it covers, so that
    /// each row reads whole, and marks the copies here, so that the extractor never appends the same text twice.
    /// </summary>
    public IReadOnlyList<CellOrigin>? Origins { get; init; }

    /// <summary>
    /// Which table of the document the row belongs to (0, 1, 2 … in reading order), so that a header-block
    /// table, the task table and a signature table are told apart; 0 for every row when the reader cannot tell.
    /// </summary>
    public int Table { get; init; }

    /// <summary>The text was recognised from a scanned image (OCR): a person must check it against the page.</summary>
    public bool Recognised { get; init; }

    /// <summary>
    /// A visual line set apart from the line above by more than the page's usual line spacing: where a row of a
    /// borderless table begins, its cells' padding above it (read by position only; false elsewhere).
    /// </summary>
    public bool GapBefore { get; init; }

    /// <summary>Where the text of cell <paramref name="index"/> comes from.</summary>
    public CellOrigin OriginOf(int index) => Origins is { } origins && index >= 0 && index < origins.Count ? origins[index] : CellOrigin.Own;
}

/// <summary>Where a cell's text comes from.</summary>
public enum CellOrigin
{
    /// <summary>Printed in this cell.</summary>
    Own,

    /// <summary>Copied from a cell above merged down over this row (rowspan, Word vMerge "continue", the lower rows of an Excel range).</summary>
    MergedFromAbove,

    /// <summary>Copied from a cell to the left merged across this column (colspan, Word gridSpan, the right columns of an Excel range).</summary>
    MergedFromLeft,
}

/// <summary>Why a file could not be read, in Vietnamese for the user and in English for the log.</summary>
public sealed record ReadFailure(string Vietnamese, string English);

/// <summary>A document, or why there is none.</summary>
public sealed record ReadResult(SourceDocument? Document, ReadFailure? Failure)
{
    public static ReadResult Ok(SourceDocument document) => new(document, null);

    public static ReadResult Fail(string vietnamese, string english) => new(null, new ReadFailure(vietnamese, english));
}
