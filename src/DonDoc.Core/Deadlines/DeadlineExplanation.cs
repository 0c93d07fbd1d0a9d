using System.Globalization;

namespace DonDoc.Core.Deadlines;

/// <summary>How DonDoc understood a deadline, in the words a reviewer reads (Vietnamese, dates dd/mm/yyyy).</summary>
public static class DeadlineExplanation
{
    /// <summary>The Vietnamese name of a kind of SCHEMA.md ("date", "period_end", …).</summary>
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

    public static string KindText(DeadlineKind kind) => KindText(kind.ToSchemaName());

    /// <summary>"Cuối kỳ: hạn 30/09/2026 (Quý III/2026 (hết ngày 30/09/2026))".</summary>
    public static string Describe(Deadline deadline)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        var kind = KindText(deadline.Kind);
        return deadline.Due is { } due
            ? $"{kind}: hạn {due.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} ({deadline.Explanation})"
            : $"{kind} ({deadline.Explanation})";
    }
}
