using DonDoc.Tracking.Reminders;
using DonDoc.Web.Common;
using Microsoft.AspNetCore.Mvc;

namespace DonDoc.Web.Pages.Notifications;

/// <summary>The person's in-app notices, newest first, and marking them read.</summary>
public sealed class IndexModel(Inbox inbox) : DonDocPageModel
{
    public NoticePage Notices { get; private set; } = new([], null);

    public async Task OnGetAsync(long? before, CancellationToken cancellationToken) =>
        Notices = await inbox.MineAsync(Actor.UserId, before, cancellationToken);

    public async Task<IActionResult> OnPostReadAsync(long? id, string? returnTo, CancellationToken cancellationToken)
    {
        await inbox.MarkReadAsync(Actor.UserId, id, cancellationToken);
        if (id is null)
        {
            TempData["Message"] = "Đã đánh dấu tất cả là đã đọc.";
        }

        return Redirect(returnTo is { Length: > 0 } target && Url.IsLocalUrl(target) ? target : "/Notifications");
    }
}
