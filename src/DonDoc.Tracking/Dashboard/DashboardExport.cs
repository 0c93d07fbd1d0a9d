using DonDoc.Core.Tracking;
using DonDoc.Tracking.Formatting;
using DonDoc.Tracking.Workflow;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace DonDoc.Tracking.Dashboard;

/// <summary>Each dashboard table as an Excel workbook, with Vietnamese headers.</summary>
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

    public static async Task<byte[]> ToExcelAsync(DashboardTable report, string table, CancellationToken cancellationToken)
    {
        IEnumerable<Dictionary<string, object?>> rows = table switch
        {
            "tong-hop" => report.Plans.Select(p => new Dictionary<string, object?>
            {
                ["Số kế hoạch"] = p.Number,
                ["Tên kế hoạch"] = p.Title,
                ["Tổng số nhiệm vụ"] = p.Total,
                [StatisticsBucket.Done.ToVietnamese()] = p.Buckets.Done,
                [StatisticsBucket.WithinDeadline.ToVietnamese()] = p.Buckets.WithinDeadline,
                [StatisticsBucket.Overdue.ToVietnamese()] = p.Buckets.Overdue,
            }),
            "xep-hang" => report.Agencies.Select(a => new Dictionary<string, object?>
            {
                ["Hạng"] = a.Rank,
                ["Cơ quan chủ trì"] = a.Agency,
                ["Tổng số nhiệm vụ"] = a.Total,
                [StatusColour.Green.ToVietnamese()] = a.DoneOnTime,
                [StatusColour.Orange.ToVietnamese()] = a.DoneLate,
                [StatusColour.Red.ToVietnamese()] = a.Overdue,
                [StatisticsBucket.WithinDeadline.ToVietnamese()] = a.WithinDeadline,
                ["Tỷ lệ đúng hạn"] = VietnameseFormat.Percent(a.OnTimeRate),
            }),
            "qua-han" => report.Tasks.Select(t => new Dictionary<string, object?>
            {
                ["Kế hoạch"] = t.PlanNumber,
                ["STT"] = t.Number,
                ["Nội dung"] = t.Content,
                ["Cơ quan chủ trì"] = t.LeadAgency,
                ["Thời hạn"] = VietnameseFormat.Date(t.Due),
                ["Số ngày quá hạn"] = t.DaysOverdue,
            }),
            "sap-den-han" => report.Tasks.Select(t => new Dictionary<string, object?>
            {
                ["Kế hoạch"] = t.PlanNumber,
                ["STT"] = t.Number,
                ["Nội dung"] = t.Content,
                ["Cơ quan chủ trì"] = t.LeadAgency,
                ["Thời hạn"] = VietnameseFormat.Date(t.Due),
                ["Tiến độ (%)"] = t.PercentDone,
            }),
            _ => throw WorkflowException.Invalid("Không có bảng này.", $"unknown dashboard table {table}"),
        };
        var list = rows.ToList();
        using var stream = new MemoryStream();
        await MiniExcel.SaveAsAsync(stream, list, sheetName: Tables[table].Length > 31 ? table : Tables[table], cancellationToken: cancellationToken);
        return stream.ToArray();
    }
}
