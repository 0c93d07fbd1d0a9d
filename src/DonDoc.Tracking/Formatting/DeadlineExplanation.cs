using DonDoc.Core.Deadlines;

namespace DonDoc.Tracking.Formatting;

/// <summary>How DonDoc understood a deadline, in words a reviewer reads.</summary>
public static class DeadlineExplanation
{
    public static string KindText(string kind) => kind switch
    {
        "date" => "Ngày cụ thể",
        "period_end" => "Cuối kỳ",
        "recurring" => "Định kỳ",
        "continuous" => "Thường xuyên",
        "event_relative" => "Tính theo sự kiện",
        "conditional" => "Theo điều kiện",
        "done" => "Đã hoàn thành",
        _ => "Chưa xác định",
    };

    public static string Describe(Deadline deadline)
    {
        var kind = KindText(deadline.Kind.ToSchemaName());
        return deadline.Due is { } due
            ? $"{kind}: hạn {VietnameseFormat.Date(due)} ({deadline.Detail})"
            : $"{kind} ({deadline.Detail})";
    }
}
