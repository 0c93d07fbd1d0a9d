using System.Globalization;
using DonDoc.Tracking.Workflow;

namespace DonDoc.Tracking.Tasks;

/// <summary>
/// Which page of a list: the rows after a position (<see cref="After"/>, the <c>next</c> of the page before,
/// empty for the first page) and how many (<see cref="Limit"/>, 50 unless asked, at most 500). Lists are
/// keyset-paged: a position names the last row shown, never an offset, so that rows inserted meanwhile are
/// neither skipped nor repeated.
/// </summary>
public sealed record PageRequest(string? After = null, int? Limit = null, bool WithTotal = false)
{
    public const int DefaultLimit = 50;

    public const int MaxLimit = 500;

    public static PageRequest First(int limit = DefaultLimit, bool withTotal = false) => new(null, limit, withTotal);

    public int Size => Limit switch
    {
        null => DefaultLimit,
        < 1 => throw WorkflowException.Invalid("Số dòng mỗi trang phải từ 1 đến 500.", $"limit {Limit} below 1"),
        > MaxLimit => throw WorkflowException.Invalid("Số dòng mỗi trang phải từ 1 đến 500.", $"limit {Limit} above {MaxLimit}"),
        { } size => size,
    };
}

/// <summary>One page of a list: its rows, the position to ask for the next page (null on the last), and the whole list's size when counted.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next, int? Total = null)
{
    public static Page<T> Empty { get; } = new([], null, 0);

    /// <summary>The page from <paramref name="rows"/> read with one row more than the page holds: that row says whether another page follows.</summary>
    public static Page<T> From<TRow>(IReadOnlyList<TRow> rows, int size, Func<TRow, string> position, Func<TRow, T> shape, int? total = null) =>
        new(rows.Take(size).Select(shape).ToList(), rows.Count > size ? position(rows[size - 1]) : null, total);
}

/// <summary>A position in a list sorted by a date and an id ("20260630-1234"); the date is 99991231 for rows without one.</summary>
public readonly record struct DateIdPosition(DateOnly Date, int Id)
{
    public override string ToString() => $"{Date:yyyyMMdd}-{Id.ToString(CultureInfo.InvariantCulture)}";

    public static DateIdPosition? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parts = text.Split('-');
        if (parts.Length == 2
            && DateOnly.TryParseExact(parts[0], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return new DateIdPosition(date, id);
        }

        throw BadPosition(text);
    }

    public static WorkflowException BadPosition(string text) =>
        WorkflowException.Invalid("Vị trí trang không hợp lệ; hãy mở lại trang đầu.", $"bad page position {text}");
}

/// <summary>A position in a list sorted by a small number then an id ("2-1234"): a search tier, a rank.</summary>
public readonly record struct NumberIdPosition(int Number, int Id)
{
    public override string ToString() => $"{Number.ToString(CultureInfo.InvariantCulture)}-{Id.ToString(CultureInfo.InvariantCulture)}";

    public static NumberIdPosition? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parts = text.Split('-');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return new NumberIdPosition(number, id);
        }

        throw DateIdPosition.BadPosition(text);
    }
}
