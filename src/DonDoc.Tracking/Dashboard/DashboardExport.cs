using DonDoc.Core.Tracking;
using DonDoc.Tracking.Formatting;
using DonDoc.Tracking.Workflow;

namespace DonDoc.Tracking.Dashboard;

/// <summary>Each dashboard table as an Excel workbook (<see cref="ExcelTables"/>), with Vietnamese headers.</summary>
public static class DashboardExport
{
    public static readonly IReadOnlyDictionary<string, string> Tables = new Dictionary<string, string>
    {
        ["tong-hop"] = "Tổng hợp theo kế hoạch",
        ["xep-hang"] = "Xếp hạng đơn vị",
        ["qua-han"] = "Nhiệm vụ quá hạn",
        ["sap-den-han"] = "Sắp đến hạn",
    };

    /// <summary>How many rows an export holds at most: a workbook a person opens, not a copy of the database.</summary>
    public const int MaxRows = 20_000;

    /// <summary>The table under a title block (what it is, which plans, the date of the figures), in the consolidated report's layout.</summary>
    public static byte[] ToXlsx(DashboardTable report, string table)
    {
        var name = Tables.TryGetValue(table, out var known) ? known : throw WorkflowException.Invalid("Không có bảng này.", $"unknown dashboard table {table}");
        (IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows) content = table switch
        {
            "tong-hop" => (
                ["STT", "Số kế hoạch", "Tên kế hoạch", "Tổng số nhiệm vụ", StatisticsBucket.Done.ToVietnamese(), StatisticsBucket.WithinDeadline.ToVietnamese(), StatisticsBucket.Overdue.ToVietnamese()],
                report.Plans.Select((p, i) => (IReadOnlyList<object?>)[i + 1, p.Number, p.Title, p.Total, p.Buckets.Done, p.Buckets.WithinDeadline, p.Buckets.Overdue]).ToList()),
            "xep-hang" => (
                ["Hạng", "Cơ quan chủ trì", "Tổng số nhiệm vụ", StatusColour.Green.ToVietnamese(), StatusColour.Orange.ToVietnamese(), StatusColour.Red.ToVietnamese(), StatisticsBucket.WithinDeadline.ToVietnamese(), "Tỷ lệ đúng hạn"],
                report.Agencies.Select(a => (IReadOnlyList<object?>)[a.Rank, a.Agency, a.Total, a.DoneOnTime, a.DoneLate, a.Overdue, a.WithinDeadline, a.OnTimeRate is { } rate ? new Percent(rate) : "–"]).ToList()),
            "qua-han" => (
                ["STT", "Kế hoạch", "Số thứ tự trong kế hoạch", "Nội dung", "Cơ quan chủ trì", "Thời hạn", "Số ngày quá hạn"],
                report.Tasks.Select((t, i) => (IReadOnlyList<object?>)[i + 1, t.PlanNumber, t.Number, t.Content, t.LeadAgency, t.Due, t.DaysOverdue]).ToList()),
            _ => (
                ["STT", "Kế hoạch", "Số thứ tự trong kế hoạch", "Nội dung", "Cơ quan chủ trì", "Thời hạn", "Tiến độ (%)"],
                report.Tasks.Select((t, i) => (IReadOnlyList<object?>)[i + 1, t.PlanNumber, t.Number, t.Content, t.LeadAgency, t.Due, t.PercentDone]).ToList()),
        };
        IReadOnlyList<IReadOnlyList<object?>> title =
        [
            [name.ToUpperInvariant()],
            [report.PlanLabel],
            ["Số liệu đến ngày", report.Today],
        ];
        return ExcelTables.ToXlsx([new ExcelSheet(name, title, content.Headers, content.Rows)]);
    }
}
