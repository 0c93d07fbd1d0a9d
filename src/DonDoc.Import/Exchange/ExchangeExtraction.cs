using System.Globalization;
using DonDoc.Core.Exchange;
using DonDoc.Core.Tracking;
using DonDoc.Import.Extraction;

namespace DonDoc.Import.Exchange;

/// <summary>
/// An exchange file as an extraction, so that it goes the way of every imported file: a draft the office reviews and
/// publishes. Every field of a task is taken as it is; where a task stood in the system that wrote the file (status,
/// due date in force, progress, completion) is shown to the reviewer on its row, since tracking starts afresh when
/// the plan is published here.
/// </summary>
public static class ExchangeExtraction
{
    public static Extraction.Extraction From(ExchangePlan exchange)
    {
        var plan = exchange.ToPlan(exchange.Header.Document);
        var warnings = new List<ExtractionWarning>();
        var tracked = exchange.Tasks.Count(t => t.Tracking is not null);
        if (tracked > 0)
        {
            warnings.Add(new ExtractionWarning(0, "exchange",
                $"Tệp trao đổi ghi cả tình hình theo dõi của {tracked} nhiệm vụ (trạng thái, tiến độ, hoàn thành): bản nháp nhận nội dung, thời hạn và cơ quan chủ trì, phối hợp; việc theo dõi bắt đầu lại khi kế hoạch được ban hành."));
        }

        for (var i = 0; i < exchange.Tasks.Count; i++)
        {
            if (exchange.Tasks[i].Tracking is { } tracking)
            {
                warnings.Add(new ExtractionWarning(0, "exchange_tracking", Describe(exchange.Tasks[i], tracking)) { Task = i });
            }
        }

        return new Extraction.Extraction(plan, warnings, []) { PlanYear = plan.Year };
    }

    private static string Describe(ExchangeTask task, ExchangeTracking tracking)
    {
        var status = Enum.GetValues<TrackingStatus>().Where(s => s.ToSchemaName() == tracking.Status).Select(s => s.ToVietnamese()).FirstOrDefault() ?? tracking.Status;
        var parts = new List<string> { $"trạng thái \"{status}\"" };
        if (tracking.Due is { } due)
        {
            parts.Add(due == task.Task.Deadline.Due
                ? $"hạn {Date(due)}"
                : $"hạn đang áp dụng {Date(due)} (khác hạn theo kế hoạch; hãy sửa thời hạn nếu cần giữ hạn này)");
        }

        if (tracking.PercentDone > 0)
        {
            parts.Add($"tiến độ {tracking.PercentDone}%");
        }

        if (tracking.CompletedOn is { } completed)
        {
            parts.Add($"hoàn thành ngày {Date(completed)}");
        }
        else if (tracking.ReportedDoneOn is { } reported)
        {
            parts.Add($"báo cáo hoàn thành ngày {Date(reported)}");
        }

        if (tracking.Cancelled)
        {
            parts.Add("đã hủy" + (tracking.CancelReason is { Length: > 0 } reason ? $" ({reason})" : ""));
        }

        if (tracking.Progress.Reports > 0)
        {
            parts.Add($"{tracking.Progress.Reports} báo cáo tiến độ");
        }

        return $"Trong tệp trao đổi: {string.Join(", ", parts)}.";
    }

    private static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
