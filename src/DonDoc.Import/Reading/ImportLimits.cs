namespace DonDoc.Import.Reading;

/// <summary>
/// What one untrusted file may make DonDoc spend. Every limit has a refusal in Vietnamese; none of them
/// is reached by a real plan (a 4,000-row appendix uses a few percent of each).
/// </summary>
public sealed record ImportLimits
{
    public static ImportLimits Default { get; } = new();

    /// <summary>The largest file accepted.</summary>
    public long MaxFileBytes { get; init; } = 20 * 1024 * 1024;

    /// <summary>The parts of a .docx/.xlsx together, unpacked.</summary>
    public long MaxUnpackedBytes { get; init; } = 160L * 1024 * 1024;

    /// <summary>Unpacked over packed size of one part of a .docx/.xlsx (real XML packs 5–30 times; zip bombs thousands).</summary>
    public int MaxCompressionRatio { get; init; } = 200;

    /// <summary>Parts in a .docx/.xlsx package.</summary>
    public int MaxPackageParts { get; init; } = 5_000;

    /// <summary>Columns of one table row (Excel allows 16,384; a plan has about ten).</summary>
    public int MaxColumns { get; init; } = 256;

    /// <summary>Table cells in one document, merged copies included.</summary>
    public int MaxCells { get; init; } = 1_000_000;

    /// <summary>Nesting depth of HTML elements.</summary>
    public int MaxHtmlDepth { get; init; } = 400;

    /// <summary>Pages of a PDF.</summary>
    public int MaxPdfPages { get; init; } = 500;

    /// <summary>Letters on one PDF page (a dense A4 page holds about 6,000).</summary>
    public int MaxLettersPerPage { get; init; } = 60_000;

    /// <summary>Drawn paths on one PDF page (a ruled table page has a few hundred).</summary>
    public int MaxPathsPerPage { get; init; } = 20_000;

    /// <summary>Pages of a scanned PDF that are recognised (OCR is slow: a few seconds a page).</summary>
    public int MaxOcrPages { get; init; } = 60;

    /// <summary>The whole import, reading and extraction, however the caller's cancellation stands.</summary>
    public TimeSpan TimeBudget { get; init; } = TimeSpan.FromSeconds(120);
}

/// <summary>A limit of <see cref="ImportLimits"/> that a file went past, or a file that cannot be read safely.</summary>
public sealed class ReadRefusedException(ReadFailure failure) : Exception(failure.English)
{
    public ReadFailure Failure { get; } = failure;

    public static ReadRefusedException Because(string vietnamese, string english) => new(new ReadFailure(vietnamese, english));
}

/// <summary>What one import has spent so far, against its <see cref="ImportLimits"/>, and the token that stops it.</summary>
public sealed class ReadBudget(ImportLimits limits, CancellationToken cancellationToken)
{
    private long _cells;

    /// <summary>The default limits, with nothing to cancel them.</summary>
    public static ReadBudget WithDefaults() => new(ImportLimits.Default, CancellationToken.None);

    public ImportLimits Limits { get; } = limits;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>Counts table cells as a reader places them; refuses a document that holds more than the limit.</summary>
    public void AddCells(int count)
    {
        _cells += count;
        if (_cells > Limits.MaxCells)
        {
            throw ReadRefusedException.Because(
                $"bảng trong tệp có quá nhiều ô (hơn {Limits.MaxCells:N0} ô)",
                $"more than {Limits.MaxCells} table cells");
        }
    }

    /// <summary>Refuses a row wider than the limit, before its cells are made.</summary>
    public void CheckColumns(int columns)
    {
        if (columns > Limits.MaxColumns)
        {
            throw ReadRefusedException.Because(
                $"bảng trong tệp có quá nhiều cột ({columns:N0} cột; tối đa {Limits.MaxColumns})",
                $"a table row has {columns} columns (limit {Limits.MaxColumns})");
        }
    }

    public void ThrowIfCancelled() => CancellationToken.ThrowIfCancellationRequested();
}
