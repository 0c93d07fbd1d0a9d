using DonDoc.Core.Reminders;
using DonDoc.Data.Reminders;
using DonDoc.Tracking.Reminders;
using DonDoc.Tracking.Reminders.Channels;
using DonDoc.Web.Common;
using Microsoft.AspNetCore.Mvc;

namespace DonDoc.Web.Pages.HoSo;

/// <summary>"Hồ sơ": how the person gets notices (digest or at once, kinds per channel), the private calendar address, Telegram linking.</summary>
public sealed class IndexModel(NotificationProfiles profiles, AppLinks links, SmtpOptions smtp, TelegramBots telegram) : DonDocPageModel
{
    public ProfileView? Profile { get; private set; }

    public string CalendarUrl => links.Calendar(Profile!.CalendarToken);

    public bool EmailEnabled => smtp.Enabled;

    public bool TelegramEnabled => telegram.Enabled;

    public string? BotName => telegram.BotName;

    /// <summary>The channels a person may unsubscribe from, kind by kind.</summary>
    public IReadOnlyList<string> Channels => [NotificationChannels.Email, NotificationChannels.Telegram];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Profile = await profiles.GetAsync(Actor.UserId, cancellationToken);

    /// <param name="wanted">"rule:channel" for each kind the person keeps on a channel (the ticked boxes).</param>
    public Task<IActionResult> OnPostSettingsAsync(bool immediate, List<string> wanted, CancellationToken cancellationToken)
    {
        var keep = wanted.ToHashSet(StringComparer.Ordinal);
        var optOuts = ReminderKinds.All
            .SelectMany(kind => Channels.Select(channel => (Rule: kind.ToSchemaName(), Channel: channel)))
            .Where(pair => !keep.Contains($"{pair.Rule}:{pair.Channel}"))
            .ToList();
        return Change(() => profiles.SaveAsync(Actor.UserId, immediate, optOuts, cancellationToken), "Đã lưu cách nhận thông báo.", cancellationToken);
    }

    public Task<IActionResult> OnPostTelegramCodeAsync(CancellationToken cancellationToken) =>
        Change(() => profiles.NewTelegramCodeAsync(Actor.UserId, cancellationToken), "Đã tạo mã liên kết Telegram; mã có hiệu lực 30 phút.", cancellationToken);

    public Task<IActionResult> OnPostTelegramUnlinkAsync(CancellationToken cancellationToken) =>
        Change(() => profiles.UnlinkTelegramAsync(Actor.UserId, cancellationToken), "Đã bỏ liên kết Telegram.", cancellationToken);

    public Task<IActionResult> OnPostCalendarAsync(CancellationToken cancellationToken) =>
        Change(() => profiles.NewCalendarTokenAsync(Actor.UserId, cancellationToken), "Đã tạo địa chỉ lịch mới; địa chỉ cũ không còn dùng được.", cancellationToken);

    private Task<IActionResult> Change(Func<Task> change, string done, CancellationToken cancellationToken) =>
        ChangeAsync(change, done, () => Redirect("/HoSo"), async () =>
        {
            await OnGetAsync(cancellationToken);
            return Page();
        });
}
