using DonDoc.Core.Calendar;
using DonDoc.Data.Reminders;
using DonDoc.Data.Storage;
using DonDoc.Data.Tests.Storage;
using DonDoc.Tracking.Tests.Hosting;

namespace DonDoc.Tracking.Tests.Reminders;

/// <summary>
/// A clock walks a plan through February 2026, whose Tết (16–20/02) and weekends are days off, running the
/// day's job each morning twice: each day's notices are exactly the rules' days, none on a day off, none twice.
/// </summary>
public sealed class TetMonthWalkTest
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    /// <summary>The days (counted by hand on the calendar) each task's lead hears of it, by rule.</summary>
    private static readonly Dictionary<string, (string Rule, string Day)[]> Expected = new()
    {
        // Due Tuesday 24/02: 7, 3, 1 working days before skip Tết; overdue the next day, then every 3 working days.
        ["1"] = [("before_deadline", "02-06"), ("before_deadline", "02-12"), ("before_deadline", "02-23"), ("on_deadline", "02-24"),
                 ("overdue", "02-25"), ("overdue", "03-02"), ("overdue", "03-05"), ("overdue", "03-10")],
        // Due Friday 13/02, the last working day before Tết: the first overdue day is Monday 23/02.
        ["2"] = [("before_deadline", "02-04"), ("before_deadline", "02-10"), ("before_deadline", "02-12"), ("on_deadline", "02-13"),
                 ("overdue", "02-23"), ("overdue", "02-26"), ("overdue", "03-03"), ("overdue", "03-06")],
        // Due Saturday 21/02: the deadline runs to Monday 23/02 (Bộ luật Dân sự 2015, Điều 148 khoản 5).
        ["3"] = [("before_deadline", "02-05"), ("before_deadline", "02-11"), ("before_deadline", "02-13"), ("on_deadline", "02-23"),
                 ("overdue", "02-24"), ("overdue", "02-27"), ("overdue", "03-04"), ("overdue", "03-09")],
        // Due Tuesday 10/02 (its 7-days-before reminder fell in January, before the walk).
        ["4"] = [("before_deadline", "02-05"), ("before_deadline", "02-09"), ("on_deadline", "02-10"),
                 ("overdue", "02-11"), ("overdue", "02-23"), ("overdue", "02-26"), ("overdue", "03-03"), ("overdue", "03-06")],
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_month_with_Tet_gives_each_notice_on_its_working_day_once(DatabaseProvider provider)
    {
        await using var app = await TrackingServices.CreateAsync(provider, ReminderStory.At(2026, 1, 26));
        var story = await ReminderStory.PublishAsync(app, "ke-hoach-tet.txt");
        var calendar = app.Services.GetRequiredService<WorkingDayCalendar>();
        var leadOfficer = new Dictionary<string, string>
        {
            ["1"] = story.UserIds[ReminderStory.NoiVu1], ["2"] = story.UserIds[ReminderStory.NoiVu1],
            ["3"] = story.UserIds[ReminderStory.TaiChinh], ["4"] = story.UserIds[ReminderStory.NoiVu1],
        };

        var daysOff = 0;
        for (var day = new DateOnly(2026, 2, 1); day <= new DateOnly(2026, 3, 10); day = day.AddDays(1))
        {
            app.Clock.SetUtcNow(ReminderStory.At(day.Year, day.Month, day.Day));
            var first = await story.RunAsync();
            var again = await story.RunAsync();

            Assert.Equal(0, again.Plan.Queued);
            if (!calendar.IsWorkingDay(day))
            {
                daysOff++;
                Assert.False(first.Plan.WorkingDay);
                Assert.Equal(0, first.Plan.Computed);
            }
        }

        var notices = await story.NoticesAsync(q => q.Where(n => n.Rule != "assigned"));
        Assert.Equal(16, daysOff); // the 5 days of Tết and 11 weekend days
        Assert.All(notices, n => Assert.True(calendar.IsWorkingDay(n.OnDate), $"{n.Rule} on {n.OnDate}, a day off"));
        Assert.Equal(notices.Count, notices.Select(n => (n.Rule, n.Subject, n.Occasion, n.OnDate, n.RecipientId, n.Channel)).Distinct().Count());
        Assert.All(notices, n => Assert.Equal(DeliveryState.Sent, n.State));
        foreach (var (number, expected) in Expected)
        {
            var task = story.TaskId(number);
            var heard = notices
                .Where(n => n.TaskId == task && n.RecipientId == leadOfficer[number] && n.Channel == NotificationChannels.InApp && n.OnDate.Month is 2 or 3)
                .Select(n => (n.Rule, n.OnDate.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture)))
                .ToList();
            Assert.Equal(expected.ToList(), heard);
        }

        // The office hears weekly of each overdue task: the first working day after the deadline, then every 5.
        var escalations = notices.Where(n => n.Rule == "overdue_escalation" && n.TaskId == story.TaskId("2")).Select(n => n.OnDate.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["02-23", "03-02", "03-09"], escalations);
        Assert.All(notices.Where(n => n.Rule == "overdue_escalation"), n => Assert.Equal(story.UserIds[ReminderStory.OfficeEmail], n.RecipientId));
    }
}
