namespace DonDoc.Core.Tracking;

/// <summary>The colours Vietnamese monitoring offices read a task table in: the one vocabulary of statuses on every page.</summary>
public enum StatusColour
{
    /// <summary>Xanh lá: done on time.</summary>
    Green,

    /// <summary>Xanh dương: in progress, within the deadline.</summary>
    Blue,

    /// <summary>Cam: done late.</summary>
    Orange,

    /// <summary>Đỏ: overdue.</summary>
    Red,

    /// <summary>Xám: not started.</summary>
    Grey,
}

/// <summary>The three buckets of the official statistics (QĐ 42/2014/QĐ-TTg): done, within the deadline, overdue.</summary>
public enum StatisticsBucket
{
    Done,
    WithinDeadline,
    Overdue,
}

/// <summary>
/// How a colour reads on screen: its machine name (the API's <c>colour</c>), its Vietnamese label, the CSS class of its
/// badge, the colour itself (white text on it passes WCAG AA, 4.5:1) and the official bucket it is counted in.
/// </summary>
public sealed record StatusLook(StatusColour Colour, string Name, string Label, string CssClass, string Hex, StatisticsBucket Bucket);

public static class StatusClassification
{
    /// <summary>Every colour in the order pages show them: the legend, the cards, the columns.</summary>
    public static IReadOnlyList<StatusLook> Looks { get; } =
    [
        new(StatusColour.Green, "green", "Hoàn thành đúng hạn", "colour colour-green", "#2e7d32", StatisticsBucket.Done),
        new(StatusColour.Blue, "blue", "Đang thực hiện, trong hạn", "colour colour-blue", "#1565c0", StatisticsBucket.WithinDeadline),
        new(StatusColour.Orange, "orange", "Hoàn thành quá hạn", "colour colour-orange", "#b85c00", StatisticsBucket.Done),
        new(StatusColour.Red, "red", "Quá hạn", "colour colour-red", "#c62828", StatisticsBucket.Overdue),
        new(StatusColour.Grey, "grey", "Chưa thực hiện", "colour colour-grey", "#616161", StatisticsBucket.WithinDeadline),
    ];

    /// <summary>The colour of a task; one that is neither done nor overdue is blue once it has progress, grey before.</summary>
    public static StatusColour Colour(TrackingStatus status, bool started) => status switch
    {
        TrackingStatus.DoneOnTime => StatusColour.Green,
        TrackingStatus.DoneLate => StatusColour.Orange,
        TrackingStatus.Overdue => StatusColour.Red,
        TrackingStatus.Cancelled => StatusColour.Grey,
        _ => started ? StatusColour.Blue : StatusColour.Grey,
    };

    /// <summary>The bucket of a status; always the bucket of its colour (<see cref="StatusLook.Bucket"/>), so that buckets are sums of colours.</summary>
    public static StatisticsBucket Bucket(TrackingStatus status) => status switch
    {
        TrackingStatus.DoneOnTime or TrackingStatus.DoneLate => StatisticsBucket.Done,
        TrackingStatus.Overdue => StatisticsBucket.Overdue,
        _ => StatisticsBucket.WithinDeadline,
    };

    public static StatusLook Look(this StatusColour colour) => Looks.First(l => l.Colour == colour);

    /// <summary>The colour named in the API and in CSS ("green"), or null.</summary>
    public static StatusColour? ParseColour(string? name) => Looks.FirstOrDefault(l => l.Name == name)?.Colour;

    public static string ToVietnamese(this StatusColour colour) => colour.Look().Label;

    /// <summary>The CSS colour of each class, shared by tables and charts.</summary>
    public static string Css(this StatusColour colour) => colour.Look().Hex;

    public static string ToVietnamese(this StatisticsBucket bucket) => bucket switch
    {
        StatisticsBucket.Done => "Đã hoàn thành",
        StatisticsBucket.WithinDeadline => "Chưa hoàn thành, còn trong hạn",
        _ => "Quá hạn",
    };
}
