using System.Globalization;
using DonDoc.Core.Access;
using DonDoc.Core.Calendar;
using DonDoc.Core.Reports;
using DonDoc.Core.Tracking;
using DonDoc.Data.Plans;
using DonDoc.Data.Storage;
using DonDoc.Tracking.Dashboard;
using DonDoc.Tracking.Formatting;
using DonDoc.Tracking.Tasks;
using DonDoc.Tracking.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Tracking.Reports;

/// <summary>
/// Assembles the consolidated report of a plan for a period from the stored statuses, judged on the period's last
/// day (or today, when the period has not ended), and the period's narratives (<see cref="IReportNarratives"/>).
/// </summary>
public sealed class ConsolidatedReportBuilder(DonDocDbContext db, TaskStatusReader statuses, IReportNarratives narratives, ReportOptions options, TimeProvider clock)
{
    public const string Placeholder = "……";

    /// <summary>The report of a written period (<c>2026-11</c>) as a file, <c>docx</c> (the default) or <c>xlsx</c>, for a download.</summary>
    public async Task<DownloadFile> FileAsync(Actor actor, int planId, string? period, string? format, CancellationToken cancellationToken)
    {
        var parsed = ReportPeriod.Parse(period);
        if (parsed.Period is not { } reportPeriod)
        {
            throw WorkflowException.Invalid(parsed.Error!, $"bad report period {period}");
        }

        var kind = string.IsNullOrWhiteSpace(format) ? "docx" : format.Trim().ToLowerInvariant();
        if (kind is not ("docx" or "xlsx"))
        {
            throw WorkflowException.Invalid("Định dạng báo cáo phải là docx hoặc xlsx.", $"bad report format {format}");
        }

        var report = await BuildAsync(actor, planId, reportPeriod, cancellationToken);
        var content = kind == "docx" ? ReportDocx.ToDocx(report) : ReportXlsx.ToXlsx(report);
        return new DownloadFile(content, EvidenceStore.ContentTypeOf(kind), $"bao-cao-ke-hoach-{planId}-{reportPeriod}.{kind}");
    }

    public async Task<ConsolidatedReport> BuildAsync(Actor actor, int planId, ReportPeriod period, CancellationToken cancellationToken)
    {
        if (!actor.ReadsEverything)
        {
            throw WorkflowException.Forbidden("Báo cáo tổng hợp dành cho văn phòng theo dõi và lãnh đạo.", "consolidated report requires monitor, leader or admin");
        }

        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId && p.State != PlanState.Draft)
            .Select(p => new { p.Id, p.Number, p.Title, p.Issuer }).FirstOrDefaultAsync(cancellationToken)
            ?? throw WorkflowException.NotFound($"published plan {planId}");

        var today = VietnamTime.Today(clock);
        var asOf = period.End < today ? period.End : today;
        var day = statuses.DayOf(asOf);
        var rows = await db.Tasks.AsNoTracking()
            .Where(t => t.PlanId == planId && t.Phase != TaskPhase.Draft)
            .OrderBy(t => t.Position)
            .Select(t => new TaskRow
            {
                Id = t.Id,
                Number = t.Number,
                Content = t.Content,
                SectionTitle = t.SectionTitle,
                Lead = t.Lead,
                LeadAgencyId = t.LeadAgencyId,
                DeadlineRaw = t.DeadlineRaw,
                Phase = t.Phase,
                DueKey = t.DueKey,
                CurrentDue = t.CurrentDue,
                NextReportDue = t.NextReportDue,
                CompletedOn = t.CompletedOn,
                Started = t.PercentDone > 0 || t.LastProgressAt != null,
            })
            .ToListAsync(cancellationToken);
        var agencyIds = rows.Select(r => r.LeadAgencyId).OfType<int>().Distinct().ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var results = await LatestReportsAsync(planId, asOf, cancellationToken);

        var tasks = rows.Select(r => Judge(r, day, agencies)).ToList();
        var counted = tasks.Where(t => t.Status != TrackingStatus.Cancelled).ToList();
        var tally = new StatusTally();
        foreach (var task in counted)
        {
            tally.Add(task.Status, task.Row.Started, 1);
        }

        var overdue = counted.Where(t => t.Status == TrackingStatus.Overdue)
            .OrderByDescending(t => asOf.DayNumber - t.Row.DueKey.DayNumber).ThenBy(t => t.Row.Id)
            .Select((t, i) => new OverdueRow(i + 1, t.Row.Number, t.Row.Content, t.Lead, t.Row.DueKey, asOf.DayNumber - t.Row.DueKey.DayNumber))
            .ToList();
        var figures = new ReportFigures(
            tally.Total,
            Enum.GetValues<StatisticsBucket>().Select(b => new FigureLine(b.ToVietnamese(), tally.Bucket(b))).ToList(),
            StatusClassification.Looks.Select(l => new FigureLine(l.Label, tally.Colour(l.Colour))).ToList(),
            Groups(counted, t => string.IsNullOrWhiteSpace(t.Row.SectionTitle) ? "Nhiệm vụ chung" : t.Row.SectionTitle!.Trim(), byTotal: false),
            Groups(counted, t => t.Lead, byTotal: true),
            overdue);

        var narrative = await narratives.ForAsync(planId, period, cancellationToken);
        var planLabel = plan.Number is { Length: > 0 } number ? $"Kế hoạch số {number}" : $"Kế hoạch {plan.Title ?? planId.ToString(CultureInfo.InvariantCulture)}";
        var issuer = options.Issuer ?? FirstLine(plan.Issuer) ?? Placeholder;
        var heading = new ReportHeading(
            options.ParentIssuer,
            issuer.ToUpper(Vietnamese),
            $"Số:        /BC-{Suffix(plan.Number)}",
            $"{options.Place ?? ProvinceOf(plan.Issuer) ?? Placeholder}, ngày      tháng      năm {today.Year}",
            "BÁO CÁO",
            $"Kết quả thực hiện {planLabel} {period.ToVietnamese()}",
            planLabel + (plan.Title is { Length: > 0 } title && plan.Number is { Length: > 0 } ? $" về {Lowered(title)}" : string.Empty),
            period,
            asOf);

        var appendix = tasks.Select((t, i) => new AppendixRow(
            i + 1,
            t.Row.Number,
            t.Row.Content,
            t.Lead,
            StoredStatus.Due(t.Row.Phase, t.Row.CurrentDue, t.Row.NextReportDue),
            DueText(t.Row),
            t.Status.ToVietnamese(),
            results.GetValueOrDefault(t.Row.Id) ?? string.Empty)).ToList();

        var sections = new List<ReportSection>
        {
            new("I", "KẾT QUẢ THỰC HIỆN", ResultParagraphs(heading, figures, narrative?.Results), WithFigures: true),
            new("II", "TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", Paragraphs(narrative?.Shortcomings, "Văn phòng tổng hợp tồn tại, hạn chế và nguyên nhân từ báo cáo của các cơ quan, đơn vị.")),
            new("III", "NHIỆM VỤ TRỌNG TÂM KỲ TỚI", Paragraphs(narrative?.NextTasks, "Văn phòng tổng hợp nhiệm vụ trọng tâm kỳ tới từ báo cáo của các cơ quan, đơn vị.")),
            new("IV", "ĐỀ XUẤT, KIẾN NGHỊ", Paragraphs(narrative?.Proposals, "Văn phòng tổng hợp đề xuất, kiến nghị của các cơ quan, đơn vị.")),
        };

        var isPeople = issuer.StartsWith("ỦY BAN NHÂN DÂN", StringComparison.OrdinalIgnoreCase) || issuer.StartsWith("UBND", StringComparison.OrdinalIgnoreCase);
        var signature = new ReportSignature(
            options.SignerAuthority ?? (isPeople ? "TM. ỦY BAN NHÂN DÂN" : null),
            options.SignerPosition ?? (isPeople ? "CHỦ TỊCH" : "CHÁNH VĂN PHÒNG"),
            options.SignerName ?? Placeholder);
        IReadOnlyList<string> recipients = options.Recipients.Count > 0
            ? options.Recipients
            : ["- Thường trực cấp ủy, HĐND (b/c);", ProvinceOf(plan.Issuer) is { } province ? $"- Lãnh đạo UBND tỉnh {province};" : "- Lãnh đạo cơ quan;", "- Các cơ quan, đơn vị chủ trì;", "- Lưu: VT."];
        return new ConsolidatedReport(heading, figures, sections, appendix, recipients, signature);
    }

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    private sealed class TaskRow
    {
        public int Id { get; init; }

        public string? Number { get; init; }

        public string Content { get; init; } = string.Empty;

        public string? SectionTitle { get; init; }

        public string? Lead { get; init; }

        public int? LeadAgencyId { get; init; }

        public string? DeadlineRaw { get; init; }

        public TaskPhase Phase { get; init; }

        public DateOnly DueKey { get; init; }

        public DateOnly? CurrentDue { get; init; }

        public DateOnly? NextReportDue { get; init; }

        public DateOnly? CompletedOn { get; init; }

        public bool Started { get; init; }
    }

    private sealed record JudgedTask(TaskRow Row, TrackingStatus Status, string Lead);

    /// <summary>The stored status on the day of the figures; a completion accepted after that day did not exist yet.</summary>
    private static JudgedTask Judge(TaskRow row, StatusDay day, IReadOnlyDictionary<int, string> agencies)
    {
        var phase = row.Phase is TaskPhase.DoneOnTime or TaskPhase.DoneLate && row.CompletedOn > day.Today ? TaskPhase.Dated : row.Phase;
        var status = StoredStatus.Of(phase, row.DueKey, day);
        var lead = row.LeadAgencyId is { } id && agencies.TryGetValue(id, out var name) ? name : string.IsNullOrWhiteSpace(row.Lead) ? "Chưa xác định" : row.Lead!.Trim();
        return new JudgedTask(row, status, lead);
    }

    private static List<GroupCount> Groups(IEnumerable<JudgedTask> tasks, Func<JudgedTask, string> key, bool byTotal)
    {
        var groups = tasks.GroupBy(key).Select(g => new GroupCount(
            g.Key,
            g.Count(),
            g.Count(t => StatusClassification.Bucket(t.Status) == StatisticsBucket.Done),
            g.Count(t => StatusClassification.Bucket(t.Status) == StatisticsBucket.WithinDeadline),
            g.Count(t => StatusClassification.Bucket(t.Status) == StatisticsBucket.Overdue)));
        return byTotal ? groups.OrderByDescending(g => g.Total).ThenBy(g => g.Name, StringComparer.Create(Vietnamese, false)).ToList() : groups.ToList();
    }

    /// <summary>A narrative part as paragraphs, one a line; the placeholder when it is empty.</summary>
    private static List<string> Paragraphs(string? narrative, string placeholder)
    {
        var lines = (narrative ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return lines.Length == 0 ? [placeholder] : [.. lines];
    }

    private static List<string> ResultParagraphs(ReportHeading heading, ReportFigures figures, string? narrative)
    {
        int Bucket(int i) => figures.Buckets[i].Count;
        var paragraphs = new List<string>
        {
            $"Tính đến ngày {VietnameseFormat.Date(heading.AsOf)}, {heading.PlanLabel} có {figures.Total} nhiệm vụ được theo dõi: "
                + $"đã hoàn thành {Bucket(0)} nhiệm vụ ({figures.Colours[0].Count} đúng hạn, {figures.Colours[2].Count} quá hạn); "
                + $"chưa hoàn thành, còn trong hạn {Bucket(1)} nhiệm vụ; quá hạn {Bucket(2)} nhiệm vụ.",
        };
        paragraphs.AddRange(Paragraphs(narrative, "Kết quả cụ thể của từng nhiệm vụ tại Phụ lục kèm theo."));
        return paragraphs;
    }

    /// <summary>The latest report on each task made by the day of the figures: "60% – what was done".</summary>
    private async Task<Dictionary<int, string>> LatestReportsAsync(int planId, DateOnly asOf, CancellationToken cancellationToken)
    {
        var cutoff = new DateTimeOffset(asOf.AddDays(1).ToDateTime(TimeOnly.MinValue), VietnamTime.Offset);
        var reports = await (from r in db.Reports.AsNoTracking()
                             join t in db.Tasks.AsNoTracking() on r.TaskId equals t.Id
                             where t.PlanId == planId
                             select new { r.TaskId, r.Id, r.CreatedAt, r.Percent, r.Summary }).ToListAsync(cancellationToken);
        return reports.Where(r => r.CreatedAt < cutoff)
            .GroupBy(r => r.TaskId)
            .ToDictionary(g => g.Key, g =>
            {
                var last = g.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Last();
                return last.Percent is { } percent ? $"{percent}% – {last.Summary}" : last.Summary;
            });
    }

    private static string DueText(TaskRow row) => row.Phase switch
    {
        TaskPhase.Continuous => "Thường xuyên",
        TaskPhase.Periodic or TaskPhase.Reporting => row.NextReportDue is { } next ? $"Định kỳ (kỳ tới {VietnameseFormat.Date(next)})" : row.DeadlineRaw ?? "Định kỳ",
        _ => StoredStatus.Due(row.Phase, row.CurrentDue, row.NextReportDue) is { } due ? VietnameseFormat.Date(due) : row.DeadlineRaw ?? string.Empty,
    };

    private static string? FirstLine(string? text) => text?.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();

    /// <summary>"12/KH-UBND" gives "UBND"; a plan without one gives the placeholder.</summary>
    private static string Suffix(string? number)
    {
        var dash = number?.LastIndexOf('-') ?? -1;
        return dash >= 0 && dash < number!.Length - 1 ? number[(dash + 1)..].Trim() : Placeholder;
    }

    /// <summary>The province in "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK", as a place name ("Đắk Lắk"); null when the issuer names none.</summary>
    public static string? ProvinceOf(string? issuer)
    {
        var line = FirstLine(issuer);
        if (line is null)
        {
            return null;
        }

        var at = line.LastIndexOf("TỈNH ", StringComparison.OrdinalIgnoreCase);
        var name = at < 0 ? string.Empty : line[(at + 5)..].Trim();
        if (name.Length == 0)
        {
            return null;
        }

        return string.Join(' ', name.ToLower(Vietnamese).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpper(w[0], Vietnamese) + w[1..]));
    }

    private static string Lowered(string title) => title.Length > 1 && char.IsUpper(title[0]) && !char.IsUpper(title[1]) ? char.ToLower(title[0], Vietnamese) + title[1..] : title;
}
