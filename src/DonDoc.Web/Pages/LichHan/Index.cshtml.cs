using System.Globalization;
using DonDoc.Tracking.Tasks;
using DonDoc.Tracking.Workflow;
using DonDoc.Web.Common;
using Microsoft.AspNetCore.Mvc;

namespace DonDoc.Web.Pages.LichHan;

/// <summary>"Lịch hạn": the month grid and the week list of deadlines, for everything, an agency, or the reader's own (<see cref="DeadlineCalendar"/>).</summary>
public sealed class IndexModel(DeadlineCalendar calendar) : DonDocPageModel
{
    public const string Path = "/LichHan";

    public DeadlineCalendarView? View { get; private set; }

    /// <param name="thang">The month, <c>yyyy-MM</c>.</param>
    /// <param name="ngay">A day whose week the list shows, <c>yyyy-MM-dd</c>.</param>
    /// <param name="phamVi"><c>tat-ca</c>, <c>co-quan</c> (with <paramref name="coQuan"/>) or <c>cua-toi</c>.</param>
    public Task<IActionResult> OnGetAsync(string? thang, string? ngay, [FromQuery(Name = "pham_vi")] string? phamVi, [FromQuery(Name = "co_quan")] int? coQuan, CancellationToken cancellationToken) =>
        ReadAsync(async () =>
        {
            var month = ParseOrRefuse(thang, "yyyy-MM", "tháng");
            var day = ParseOrRefuse(ngay, "yyyy-MM-dd", "ngày");
            var scope = phamVi switch
            {
                null or "" => (DeadlineCalendarScope?)null,
                "tat-ca" => DeadlineCalendarScope.All,
                "co-quan" => DeadlineCalendarScope.Agency,
                "cua-toi" => DeadlineCalendarScope.Mine,
                _ => throw WorkflowException.Invalid($"Phạm vi \"{phamVi}\" không hợp lệ.", $"unknown calendar scope {phamVi}"),
            };
            View = await calendar.BuildAsync(Actor, month, day, scope, coQuan, cancellationToken);
        });

    /// <summary>The address of this calendar at another month or day, keeping the scope.</summary>
    public string Link(DateOnly? month = null, DateOnly? day = null)
    {
        var view = View!;
        var query = new List<string>();
        if (month is { } m)
        {
            query.Add("thang=" + m.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        }

        if (day is { } d)
        {
            query.Add("thang=" + d.ToString("yyyy-MM", CultureInfo.InvariantCulture));
            query.Add("ngay=" + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        switch (view.Scope)
        {
            case DeadlineCalendarScope.Agency:
                query.Add("pham_vi=co-quan");
                query.Add("co_quan=" + view.AgencyId!.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case DeadlineCalendarScope.Mine when Actor.ReadsEverything:
                query.Add("pham_vi=cua-toi");
                break;
        }

        return Path + (query.Count == 0 ? "" : "?" + string.Join("&", query.Distinct()));
    }

    public static string Anchor(DateOnly day) => "ngay-" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? ParseOrRefuse(string? text, string format, string what)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateOnly.TryParseExact(text.Trim(), format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? value
            : throw WorkflowException.Invalid($"Giá trị \"{text}\" của ô {what} không hợp lệ.", $"unreadable calendar {what} {text}");
    }
}
