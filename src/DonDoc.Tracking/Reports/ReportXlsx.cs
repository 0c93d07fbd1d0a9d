using DonDoc.Tracking.Formatting;

namespace DonDoc.Tracking.Reports;

/// <summary>The consolidated report's tables as an Excel workbook: summary, by section, by agency, every task, overdue; each under the report's title.</summary>
public static class ReportXlsx
{
    public static readonly IReadOnlyList<string> SheetNames = ["Tổng hợp", "Theo phần", "Theo cơ quan", "Nhiệm vụ", "Quá hạn"];

    public static byte[] ToXlsx(ConsolidatedReport report)
    {
        var heading = report.Heading;
        var figures = report.Figures;
        IReadOnlyList<IReadOnlyList<object?>> Title(string table) =>
        [
            [$"{heading.Title} {heading.Summary}".ToUpperInvariant()],
            [heading.PlanLabel],
            [$"Kỳ báo cáo: {heading.Period.ToVietnamese()} ({heading.Period})"],
            ["Số liệu đến ngày", heading.AsOf],
            [table],
        ];
        static object Share(int count, int total) => total == 0 ? "–" : new Percent((double)count / total);
        var summary = new List<IReadOnlyList<object?>> { new object?[] { "Tổng số nhiệm vụ", figures.Total, Share(figures.Total, figures.Total) } };
        summary.AddRange(figures.Buckets.Select(b => (IReadOnlyList<object?>)[b.Label, b.Count, Share(b.Count, figures.Total)]));
        summary.AddRange(figures.Colours.Select(c => (IReadOnlyList<object?>)["– " + c.Label, c.Count, Share(c.Count, figures.Total)]));
        string[] groupHeaders = ["STT", "", "Tổng số", "Đã hoàn thành", "Chưa hoàn thành, còn trong hạn", "Quá hạn"];
        List<IReadOnlyList<object?>> Groups(IReadOnlyList<GroupCount> groups) =>
            groups.Select((g, i) => (IReadOnlyList<object?>)[i + 1, g.Name, g.Total, g.Done, g.WithinDeadline, g.Overdue]).ToList();
        return ExcelTables.ToXlsx(
        [
            new ExcelSheet(SheetNames[0], Title("Tổng hợp theo trạng thái (QĐ 42/2014/QĐ-TTg)"), ["Chỉ tiêu", "Số nhiệm vụ", "Tỷ lệ"], summary),
            new ExcelSheet(SheetNames[1], Title("Theo phần, lĩnh vực của kế hoạch"), [.. groupHeaders.Select((h, i) => i == 1 ? "Phần, lĩnh vực" : h)], Groups(figures.BySection)),
            new ExcelSheet(SheetNames[2], Title("Theo cơ quan chủ trì"), [.. groupHeaders.Select((h, i) => i == 1 ? "Cơ quan chủ trì" : h)], Groups(figures.ByAgency)),
            new ExcelSheet(
                SheetNames[3],
                Title("Danh mục nhiệm vụ và tình hình thực hiện"),
                ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời hạn", "Thời hạn (theo kế hoạch)", "Tình trạng", "Kết quả"],
                report.Appendix.Select(r => (IReadOnlyList<object?>)[r.Order, r.Content, r.Lead, r.Due, r.DueText, r.Status, r.Result]).ToList()),
            new ExcelSheet(
                SheetNames[4],
                Title("Nhiệm vụ quá hạn"),
                ["STT", "Số thứ tự trong kế hoạch", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời hạn", "Số ngày quá hạn"],
                figures.Overdue.Select(o => (IReadOnlyList<object?>)[o.Order, o.Number, o.Content, o.Lead, o.Due, o.DaysLate]).ToList()),
        ]);
    }
}
