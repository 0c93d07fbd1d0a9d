using DonDoc.Core.Calendar;
using DonDoc.Tracking.Calendar;
using DonDoc.Tracking.Formatting;
using DonDoc.Tracking.Workflow;
using DonDoc.Web.Common;
using Microsoft.AspNetCore.Mvc;

namespace DonDoc.Web.Pages.Admin;

/// <summary>
/// The administrator's calendar: every day off and worked weekend day of a year as the app counts them,
/// each with its source, and the form (or a file) that adds next year's announcement.
/// </summary>
public sealed class CalendarModel(CalendarAnnouncements announcements, CurrentCalendar current, TimeProvider clock) : DonDocPageModel
{
    /// <summary>The most a file of announcements may weigh: a year's announcements are a few hundred bytes.</summary>
    private const long MaxFileBytes = 256 * 1024;

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public int ShownYear { get; private set; }

    public IReadOnlyList<DayOff> DaysOff { get; private set; } = [];

    public IReadOnlyList<SwappedWorkingDay> WorkedWeekendDays { get; private set; } = [];

    public IReadOnlyList<AnnouncedDayView> Stored { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostAddAsync(string? from, string? to, AnnouncedDayKind kind, string? name, string? source, CancellationToken cancellationToken) =>
        ChangeAsync(
            async () =>
            {
                var start = ParseDate(from, "ngày bắt đầu") ?? throw WorkflowException.Invalid("Hãy nhập ngày bắt đầu (dd/mm/yyyy).", "no start date");
                var end = ParseDate(to, "ngày kết thúc");
                await announcements.AddAsync(Actor, new AnnouncementInput(start, end, kind, name, source), cancellationToken);
                Year = start.Year;
            },
            "Đã lưu thông báo ngày nghỉ.", () => Redirect($"/Admin/Calendar?year={Year}"), () => Reload(cancellationToken));

    public Task<IActionResult> OnPostFileAsync(IFormFile? file, CancellationToken cancellationToken) =>
        ChangeAsync(
            async () =>
            {
                if (file is null || file.Length == 0)
                {
                    throw WorkflowException.Invalid("Hãy chọn tệp JSON ngày nghỉ.", "no file");
                }

                if (file.Length > MaxFileBytes)
                {
                    throw WorkflowException.Invalid("Tệp ngày nghỉ quá lớn (tối đa 256 KB).", $"file of {file.Length} bytes");
                }

                using var reader = new StreamReader(file.OpenReadStream());
                var added = await announcements.AddFileAsync(Actor, await reader.ReadToEndAsync(cancellationToken), cancellationToken);
                Year = added[0].From.Year;
            },
            "Đã lưu các thông báo trong tệp.", () => Redirect($"/Admin/Calendar?year={Year}"), () => Reload(cancellationToken));

    public Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(
            () => announcements.RemoveAsync(Actor, id, cancellationToken),
            "Đã xóa thông báo.", () => Redirect($"/Admin/Calendar?year={Year}"), () => Reload(cancellationToken));

    public static string KindText(DayOffKind kind) => kind switch
    {
        DayOffKind.PublicHoliday => "Ngày lễ, tết",
        DayOffKind.Compensatory => "Nghỉ bù",
        _ => "Theo thông báo",
    };

    private static DateOnly? ParseDate(string? text, string what)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return VietnameseFormat.TryParseDate(text, out var date)
            ? date
            : throw WorkflowException.Invalid($"{VietnameseFormat.Capitalized(what)} \"{text}\" không hợp lệ, cần dạng dd/mm/yyyy.", $"bad date {text}");
    }

    private async Task<IActionResult> Reload(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var thisYear = VietnamTime.Today(clock).Year;
        ShownYear = Year is { } y && y >= PublicHolidays.FirstYear && y <= PublicHolidays.LastYear ? y : thisYear;
        var calendar = current.Calendar;
        DaysOff = calendar.DaysOff(ShownYear);
        WorkedWeekendDays = calendar.WorkedWeekendDays(ShownYear);
        Stored = await announcements.ListAsync(cancellationToken);
    }
}
