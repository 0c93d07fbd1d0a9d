using DonDoc.Data.Reminders;
using DonDoc.Tracking.Reminders;
using DonDoc.Web.Common;
using Microsoft.AspNetCore.Mvc;

namespace DonDoc.Web.Pages.Admin;

/// <summary>The outbox as the administrator sees it: every notice, its channel and delivery state, failures with their reason.</summary>
public sealed class OutboxModel(Inbox inbox, SchedulerHeartbeat heartbeat) : DonDocPageModel
{
    public NoticePage Notices { get; private set; } = new([], null);

    public OutboxTotals Totals { get; private set; } = new(new Dictionary<(string, string), int>());

    public string? Channel { get; private set; }

    public string? State { get; private set; }

    public SchedulerHeartbeat Heartbeat => heartbeat;

    public DateTimeOffset? LastDailyRun { get; private set; }

    public async Task OnGetAsync(string? channel, string? state, long? before, CancellationToken cancellationToken)
    {
        Channel = channel;
        State = state;
        DeliveryState? filter = Enum.TryParse<DeliveryState>(state, out var parsed) ? parsed : null;
        Notices = await inbox.OutboxAsync(channel, filter, before, cancellationToken);
        Totals = await inbox.TotalsAsync(cancellationToken);
        LastDailyRun = await SchedulerHeartbeat.LastInClusterAsync(HttpContext.RequestServices.GetRequiredService<Data.Storage.DonDocDbContext>(), SchedulerHeartbeat.DailyJob, cancellationToken);
    }

    public async Task<IActionResult> OnPostRequeueAsync(long id, CancellationToken cancellationToken)
    {
        var changed = await inbox.RequeueAsync(id, cancellationToken);
        TempData["Message"] = changed > 0 ? "Đã đưa thông báo vào hàng đợi gửi lại." : "Thông báo này không ở trạng thái lỗi.";
        return Redirect("/Admin/Outbox?state=Failed");
    }
}
