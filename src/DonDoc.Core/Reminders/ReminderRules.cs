using System.Globalization;

namespace DonDoc.Core.Reminders;

/// <summary>
/// When reminders are due, as an administrator sets them for the whole system or for one plan. Counts
/// are working days of the <see cref="Calendar.WorkingDayCalendar"/>.
/// </summary>
/// <param name="BeforeDays">Working days before the deadline on which to remind (7, 3, 1 by default).</param>
/// <param name="OnTheDay">Remind on the day of the deadline.</param>
/// <param name="OverdueEvery">Remind on the first working day after the deadline, then every this many working days; 0: only once.</param>
/// <param name="EscalationEvery">While overdue, tell the lead's leader and the office every this many working days (a working week); 0: never.</param>
/// <param name="WaitingDays">Tell the office when a task has waited this many calendar days for its event or condition; 0: never.</param>
/// <param name="WaitingEvery">Then again every this many working days while it waits; 0: only once.</param>
/// <param name="ReportBeforeDays">Working days before a periodic report's date on which to remind.</param>
/// <param name="ReportOverdueEvery">A report not submitted: the first working day after its date, then every this many working days.</param>
public sealed record ReminderRules(
    IReadOnlyList<int> BeforeDays,
    bool OnTheDay,
    int OverdueEvery,
    int EscalationEvery,
    int WaitingDays,
    int WaitingEvery,
    IReadOnlyList<int> ReportBeforeDays,
    int ReportOverdueEvery,
    bool OnAssignment,
    bool OnCompletionDecision,
    bool OnExtensionDecision)
{
    public static ReminderRules Default { get; } = new([7, 3, 1], true, 3, 5, 30, 20, [3, 1], 3, true, true, true);

    /// <summary>The furthest a before-deadline or before-report reminder looks ahead, in working days.</summary>
    public int Horizon => Math.Max(BeforeDays.DefaultIfEmpty(0).Max(), ReportBeforeDays.DefaultIfEmpty(0).Max());

    public const int MaxDays = 60;

    /// <summary>Reads "7, 3, 1": distinct working-day counts from 1 to 60, largest first; null with a Vietnamese reason when it cannot.</summary>
    public static IReadOnlyList<int>? ParseDays(string? text, out string? problem)
    {
        problem = null;
        var days = new List<int>();
        foreach (var part in (text ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var day) || day < 1 || day > MaxDays)
            {
                problem = $"\"{part}\" không phải số ngày làm việc từ 1 đến {MaxDays}";
                return null;
            }

            days.Add(day);
        }

        return days.Distinct().OrderDescending().ToList();
    }

    public static string FormatDays(IEnumerable<int> days) => string.Join(", ", days);
}
