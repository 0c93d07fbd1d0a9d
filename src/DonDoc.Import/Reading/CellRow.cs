namespace DonDoc.Import.Reading;

/// <summary>The cells of one row of table <paramref name="table"/> as a reader places them, each with where its text comes from.</summary>
internal sealed class CellRow(ReadBudget budget, int table)
{
    private readonly List<string> _texts = [];
    private readonly List<CellOrigin> _origins = [];
    private bool _merged;

    public int Count => _texts.Count;

    public void Add(string text, CellOrigin origin = CellOrigin.Own)
    {
        budget.CheckColumns(_texts.Count + 1);
        _texts.Add(text);
        _origins.Add(origin);
        _merged |= origin != CellOrigin.Own;
    }

    /// <summary>The row as a source line: the raw text holds every cell, copies of merged cells included.</summary>
    public SourceLine ToLine(int number)
    {
        budget.AddCells(_texts.Count);
        return new SourceLine(number, string.Join("\t", _texts), _texts.ToArray())
        {
            Origins = _merged ? _origins.ToArray() : null,
            Table = table,
        };
    }
}
