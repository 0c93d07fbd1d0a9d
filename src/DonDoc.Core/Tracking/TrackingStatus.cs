namespace DonDoc.Core.Tracking;

/// <summary>Where a task stands on a given day.</summary>
public enum TrackingStatus
{
    NotYetDue,
    DueSoon,
    Overdue,
    DoneOnTime,
    DoneLate,
    WaitingForTrigger,
    Continuous,
    Cancelled,
}

public static class TrackingStatusNames
{
    /// <summary>The Vietnamese label that users read.</summary>
    public static string ToVietnamese(this TrackingStatus status) => status switch
    {
        TrackingStatus.NotYetDue => "Chưa đến hạn",
        TrackingStatus.DueSoon => "Sắp đến hạn",
        TrackingStatus.Overdue => "Quá hạn",
        TrackingStatus.DoneOnTime => "Hoàn thành đúng hạn",
        TrackingStatus.DoneLate => "Hoàn thành quá hạn",
        TrackingStatus.WaitingForTrigger => "Chờ sự kiện / điều kiện",
        TrackingStatus.Continuous => "Thường xuyên",
        _ => "Đã hủy",
    };

    /// <summary>The machine name used in JSON and URLs: not_yet_due, due_soon, overdue, …</summary>
    public static string ToSchemaName(this TrackingStatus status) => status switch
    {
        TrackingStatus.NotYetDue => "not_yet_due",
        TrackingStatus.DueSoon => "due_soon",
        TrackingStatus.Overdue => "overdue",
        TrackingStatus.DoneOnTime => "done_on_time",
        TrackingStatus.DoneLate => "done_late",
        TrackingStatus.WaitingForTrigger => "waiting_for_trigger",
        TrackingStatus.Continuous => "continuous",
        _ => "cancelled",
    };
}
