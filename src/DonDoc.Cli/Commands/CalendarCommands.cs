using System.CommandLine;
using System.Globalization;
using DonDoc.Cli.Output;
using DonDoc.Core.Calendar;
using DonDoc.Core.Deadlines;
using DonDoc.Core.Tracking;

namespace DonDoc.Cli.Commands;

/// <summary><c>dondoc deadline</c>, <c>dondoc holidays</c>, <c>dondoc workdays</c>.</summary>
public static class CalendarCommands
{
    private static Option<FileInfo?> DaysOffOption() => new("--days-off")
    {
        Description = "Tệp JSON các ngày nghỉ/làm bù do Chính phủ công bố (date, to, kind off|work, name, source), bổ sung dữ liệu có sẵn (announced days off, JSON)",
    };

    public static Command BuildDeadline()
    {
        var text = new Argument<string>("text") { Description = "Thời hạn như ghi trong kế hoạch (the deadline as printed)" };
        var planYear = new Option<int?>("--plan-year") { Description = "Năm của kế hoạch (the plan's year)" };
        var asOf = new Option<string?>("--as-of") { Description = "Ngày xét trạng thái, YYYY-MM-DD (judge the status on this day)" };
        var daysOff = DaysOffOption();
        var command = new Command("deadline", "Diễn giải một thời hạn, in JSON (interpret a deadline as JSON)") { text, planYear, asOf, daysOff };
        command.SetAction(parse => DonDocCommandLine.Run(() =>
        {
            var calendar = LoadCalendar(parse.GetValue(daysOff));
            var deadline = new DeadlineParser().Parse(parse.GetValue(text), parse.GetValue(planYear));
            var asOfText = parse.GetValue(asOf);
            object? status = null;
            if (asOfText is not null)
            {
                var day = ParseDate(asOfText, "--as-of");
                var assessment = new TaskStatusEvaluator(calendar).Evaluate(deadline, day);
                status = new { status = assessment.Status.ToSchemaName(), due = Iso(assessment.Due), reason = assessment.Reason };
            }

            Console.WriteLine(JsonOutput.Serialize(new
            {
                kind = deadline.Kind.ToSchemaName(),
                due = Iso(deadline.Due),
                time = deadline.DueTime?.ToString("HH:mm", CultureInfo.InvariantCulture),
                detail = deadline.Detail,
                raw = deadline.Raw,
                terms = deadline.Terms.Select(t => new { kind = t.Kind.ToSchemaName(), due = Iso(t.Due), detail = t.Detail }),
                assessment = status,
            }));
            return 0;
        }));
        return command;
    }

    public static Command BuildHolidays()
    {
        var year = new Argument<int>("year") { Description = "Năm (year)" };
        var daysOff = DaysOffOption();
        var command = new Command("holidays", "Liệt kê ngày nghỉ lễ, nghỉ bù, nghỉ theo công bố của một năm (days off of a year)") { year, daysOff };
        command.SetAction(parse => DonDocCommandLine.Run(() =>
        {
            var value = parse.GetValue(year);
            if (!WithinCalendar(value))
            {
                throw new CliError(
                    $"năm {value} nằm ngoài phạm vi {PublicHolidays.FirstYear}–{PublicHolidays.LastYear} của lịch",
                    $"year {value} is outside the calendar's range {PublicHolidays.FirstYear}-{PublicHolidays.LastYear}");
            }

            foreach (var day in LoadCalendar(parse.GetValue(daysOff)).DaysOff(value))
            {
                Console.WriteLine($"{day.Date:yyyy-MM-dd}\t{day.Name}");
            }

            return 0;
        }));
        return command;
    }

    public static Command BuildWorkdays()
    {
        var date = new Argument<string>("date") { Description = "Ngày bắt đầu, YYYY-MM-DD (start date)" };
        var count = new Argument<int>("n") { Description = "Số ngày làm việc, có thể âm (working days, may be negative)" };
        var daysOff = DaysOffOption();
        var command = new Command("workdays", "Ngày sau N ngày làm việc (the date N working days after DATE)") { date, count, daysOff };
        command.SetAction(parse => DonDocCommandLine.Run(() =>
        {
            var start = ParseDate(parse.GetValue(date) ?? string.Empty, "date");
            var n = parse.GetValue(count);
            if (Math.Abs(n) > 10_000)
            {
                throw new CliError("số ngày làm việc quá lớn (tối đa 10.000)", "at most 10,000 working days");
            }

            // From a date of the calendar, 10,000 working days stay far inside DateOnly's range.
            var result = WithinCalendar(start.Year) ? LoadCalendar(parse.GetValue(daysOff)).AddWorkingDays(start, n) : start;
            if (!WithinCalendar(start.Year) || !WithinCalendar(result.Year))
            {
                throw new CliError(
                    $"ngày nằm ngoài phạm vi {PublicHolidays.FirstYear}–{PublicHolidays.LastYear} của lịch",
                    $"the dates must lie within {PublicHolidays.FirstYear}-{PublicHolidays.LastYear}");
            }
            Console.WriteLine(result.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            return 0;
        }));
        return command;
    }

    private static WorkingDayCalendar LoadCalendar(FileInfo? file)
    {
        if (file is null)
        {
            return WorkingDayCalendar.Default;
        }

        if (!file.Exists)
        {
            throw new CliError($"không tìm thấy tệp ngày nghỉ \"{file.FullName}\"", $"days-off file not found: {file.FullName}");
        }

        var outcome = AnnouncedCalendarChanges.Parse(File.ReadAllText(file.FullName));
        if (outcome.Changes is null)
        {
            throw new CliError($"tệp ngày nghỉ \"{file.Name}\" không hợp lệ: {outcome.Error}", $"invalid days-off file {file.Name}: {outcome.Error}");
        }

        return new WorkingDayCalendar(AnnouncedCalendarChanges.Shipped.Merge(outcome.Changes));
    }

    private static bool WithinCalendar(int year) => year >= PublicHolidays.FirstYear && year <= PublicHolidays.LastYear;

    private static DateOnly ParseDate(string text, string what)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        throw new CliError($"ngày \"{text}\" ({what}) không hợp lệ, cần dạng YYYY-MM-DD", $"invalid date \"{text}\" for {what}; expected YYYY-MM-DD");
    }

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
