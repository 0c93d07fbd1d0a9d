namespace DonDoc.Core.Tracking;

/// <summary>The colours Vietnamese monitoring offices read a task table in.</summary>
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

public static class StatusClassification
{
    /// <summary>The colour of a task; one that is neither done nor overdue is blue once it has progress, grey before.</summary>
    public static StatusColour Colour(TrackingStatus status, bool started) => status switch
    {
        TrackingStatus.DoneOnTime => StatusColour.Green,
        TrackingStatus.DoneLate => StatusColour.Orange,
        TrackingStatus.Overdue => StatusColour.Red,
        TrackingStatus.Cancelled => StatusColour.Grey,
        _ => started ? StatusColour.Blue : StatusColour.Grey,
    };

    public static StatisticsBucket Bucket(TrackingStatus status) => status switch
    {
        TrackingStatus.DoneOnTime or TrackingStatus.DoneLate => StatisticsBucket.Done,
        TrackingStatus.Overdue => StatisticsBucket.Overdue,
        _ => StatisticsBucket.WithinDeadline,
    };

    public static string ToVietnamese(this StatusColour colour) => colour switch
    {
        StatusColour.Green => "Hoàn thành đúng hạn",
        StatusColour.Blue => "Đang thực hiện, trong hạn",
        StatusColour.Orange => "Hoàn thành quá hạn",
        StatusColour.Red => "Quá hạn",
        _ => "Chưa thực hiện",
    };

    /// <summary>The CSS colour of each class, shared by tables and charts.</summary>
    public static string Css(this StatusColour colour) => colour switch
    {
        StatusColour.Green => "#2e7d32",
        StatusColour.Blue => "#1565c0",
        StatusColour.Orange => "#ef6c00",
        StatusColour.Red => "#c62828",
        _ => "#9e9e9e",
    };

    public static string ToVietnamese(this StatisticsBucket bucket) => bucket switch
    {
        StatisticsBucket.Done => "Đã hoàn thành",
        StatisticsBucket.WithinDeadline => "Đang thực hiện trong hạn",
        _ => "Quá hạn",
    };
}
