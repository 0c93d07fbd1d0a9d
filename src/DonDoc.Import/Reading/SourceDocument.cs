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
public sealed record SourceLine(int Number, string Raw, IReadOnlyList<string>? Cells)
{
    public bool IsTableRow => Cells is not null;
}

/// <summary>Why a file could not be read, in Vietnamese for the user and in English for the log.</summary>
public sealed record ReadFailure(string Vietnamese, string English);

/// <summary>A document, or why there is none.</summary>
public sealed record ReadResult(SourceDocument? Document, ReadFailure? Failure)
{
    public static ReadResult Ok(SourceDocument document) => new(document, null);

    public static ReadResult Fail(string vietnamese, string english) => new(null, new ReadFailure(vietnamese, english));
}
