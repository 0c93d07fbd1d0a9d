using System.Globalization;
using System.Text;
using DonDoc.Core.Reports;
using DonDoc.Data.Agencies;
using DonDoc.Data.Storage;
using DonDoc.Tracking.Imports;
using DonDoc.Tracking.Reports;
using DonDoc.Tracking.Tasks;
using DonDoc.Tracking.Tests.Hosting;
using DonDoc.Tracking.Workflow;
using DonDoc.Web.Tests.Tracking;

namespace DonDoc.Tracking.Tests.Reports;

/// <summary>
/// A plan of the test's own, published on 20/11/2026 and reported on that day, read on 03/12/2026: on 30/11 two tasks
/// are overdue (46 and 10 days), one is done on time, one is continuous, the other 31 are within their deadline.
/// </summary>
public static class NovemberPlan
{
    public static readonly DateTimeOffset Published = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero); // 09:00 in Vietnam
    public static readonly DateTimeOffset ReadOn = new(2026, 12, 3, 2, 0, 0, TimeSpan.Zero);
    public static readonly ReportPeriod November = ReportPeriod.Parse("2026-11").Period!.Value;
    public const int Tasks = 35;
    public const int Filler = 30;

    /// <summary>The plan as an office would paste it: issuer, number, title, two sections.</summary>
    public static string Text()
    {
        var text = new StringBuilder();
        text.Append("ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK\nSố: 41/KH-UBND\nKẾ HOẠCH\nTheo dõi, đôn đốc nhiệm vụ trọng tâm năm 2026\n\n");
        text.Append("TT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời hạn\tSản phẩm\n");
        text.Append("I\tCÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH\t\t\t\t\n");
        text.Append("1\tBan hành quy chế phối hợp theo dõi nhiệm vụ\tSở Nội vụ\t\t15/10/2026\tQuy chế\n");
        text.Append("2\tTổng hợp tình hình thực hiện nhiệm vụ của các đơn vị\tSở Nội vụ\t\tThường xuyên\tBáo cáo\n");
        text.Append("3\tHoàn thiện hệ thống theo dõi văn bản điện tử\tSở Tài chính\t\t30/10/2026\tHệ thống\n");
        text.Append("4\tBố trí kinh phí cho hoạt động kiểm tra\tSở Tài chính\tSở Nội vụ\t20/11/2026\tQuyết định\n");
        text.Append("II\tTRIỂN KHAI Ở CƠ SỞ\t\t\t\t\n");
        text.Append("1\tKiểm tra việc thực hiện tại các huyện\tSở Y tế\t\t31/12/2026\tBiên bản\n");
        for (var i = 2; i <= Filler + 1; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i}\tTổ chức hội nghị chuyên đề số {i} về chuyển đổi số ở cơ sở, mời đại diện các xã, phường tham dự\tSở Giáo dục và Đào tạo\t\t15/12/2026\tHội nghị\n");
        }

        return text.ToString();
    }

    /// <summary>Imports and publishes the plan as the office; its id.</summary>
    public static Task<int> ImportAsync(TrackingServices app) => app.InScopeAsync(async s =>
    {
        var drafts = s.GetRequiredService<ImportDrafts>();
        var draft = await drafts.CreateAsync(TrackingServices.Office, "ke-hoach-41.txt", Encoding.UTF8.GetBytes(Text()), CancellationToken.None);
        Assert.Equal(Tasks, await drafts.PublishAsync(TrackingServices.Office, draft, CancellationToken.None));
        return draft;
    });

    /// <summary>Publishes the plan, reports 60% on the inspection and completes the electronic system on time, then moves the clock to 03/12.</summary>
    public static async Task<int> PublishAsync(TrackingServices app)
    {
        var ct = CancellationToken.None;
        var planId = await ImportAsync(app);
        var tasks = await app.InScopeAsync(s => s.GetRequiredService<TaskCatalog>().ListAsync(TrackingServices.Office, new TaskFilter(PlanId: planId), new PageRequest(null, 100), ct));
        var system = tasks.Items.Single(t => t.Content.StartsWith("Hoàn thiện hệ thống", StringComparison.Ordinal));
        var inspection = tasks.Items.Single(t => t.Content.StartsWith("Kiểm tra việc thực hiện", StringComparison.Ordinal));
        var taiChinh = await AgencyAsync(app, "Sở Tài chính");
        var yTe = await AgencyAsync(app, "Sở Y tế");
        await app.InScopeAsync(async s =>
        {
            var workflow = s.GetRequiredService<TaskWorkflow>();
            await workflow.PostProgressAsync(TrackingServices.Officer(yTe), inspection.Id, new ProgressInput(60, "Đã kiểm tra 5 trên 8 huyện."), [], ct);
            await workflow.ReportCompletionAsync(
                TrackingServices.Officer(taiChinh), system.Id, new CompletionInput("Hệ thống đã vận hành.", new DateOnly(2026, 10, 25)), [new UploadedFile("bien-ban.pdf", Evidence.Pdf("bien ban"))], ct);
            await workflow.ReviewAsync(TrackingServices.Office, system.Id, new ReviewInput("accept"), ct);
            return 0;
        });
        app.Clock.SetUtcNow(ReadOn);
        return planId;
    }

    public static Task<ConsolidatedReport> ReportAsync(TrackingServices app, int planId) =>
        app.InScopeAsync(s => s.GetRequiredService<ConsolidatedReportBuilder>().BuildAsync(TrackingServices.Office, planId, November, CancellationToken.None));

    /// <summary>The directory's id of an agency the plan names.</summary>
    public static async Task<int> AgencyAsync(TrackingServices app, string name) =>
        await app.InScopeAsync(s => s.GetRequiredService<AgencyDirectoryStore>().FindAgencyIdAsync(name, CancellationToken.None)) ?? throw new InvalidOperationException(name);
}
