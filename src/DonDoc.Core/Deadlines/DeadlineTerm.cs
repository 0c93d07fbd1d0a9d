using System.Globalization;

namespace DonDoc.Core.Deadlines;

/// <summary>One part of a deadline: "Quý IV/2025" and "Trong năm" are two terms of "Quý IV/2025; Trong năm".</summary>
public abstract record DeadlineTerm
{
    public abstract DeadlineKind Kind { get; }

    /// <summary>The concrete due date, when the term has one without outside events.</summary>
    public virtual DateOnly? Due => null;

    /// <summary>A short English description for logs and the JSON "detail".</summary>
    public abstract string Detail { get; }

    /// <summary>The same in Vietnamese, dates dd/mm/yyyy: what a page shows.</summary>
    public abstract string Explanation { get; }

    /// <summary>An expected date that another term binds ("Dự kiến ngày X (Chậm nhất ngày Y)").</summary>
    public bool Tentative { get; init; }

    /// <summary>The label of a separately labelled milestone as printed ("Sơ kết"), or null.</summary>
    public string? Milestone { get; init; }

    protected static string Vn(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    protected static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>A calendar date, optionally with an hour: "Chậm nhất 16h ngày 31/3/2026".</summary>
public sealed record DateTerm(DateOnly Date, TimeOnly? Time) : DeadlineTerm
{
    public override DeadlineKind Kind => DeadlineKind.Date;

    public override DateOnly? Due => Date;

    public override string Detail => (Tentative ? "expected " : string.Empty) + (Time is { } time
        ? $"by {time.ToString("HH:mm", CultureInfo.InvariantCulture)} on {Iso(Date)}"
        : $"by {Iso(Date)}");

    public override string Explanation => (Tentative ? "dự kiến " : string.Empty) + (Time is { } time
        ? $"hạn {time.ToString("HH:mm", CultureInfo.InvariantCulture)} ngày {Vn(Date)}"
        : $"hạn ngày {Vn(Date)}");
}

/// <summary>A period, or a range or list of them, due at its end: "Quý III/2026", "Tháng 7-9/2025", "Từ tháng 12/2025 đến quý I/2026".</summary>
public sealed record PeriodTerm(DateOnly Start, DateOnly End, string Label) : DeadlineTerm
{
    public override DeadlineKind Kind => DeadlineKind.PeriodEnd;

    public override DateOnly? Due => End;

    public override string Detail => $"{Label} (end {Iso(End)})";

    public override string Explanation => $"{Label} (hết ngày {Vn(End)})";
}

/// <summary>A recurring obligation: "Ngày 25 hằng tháng", "Trước ngày 15 tháng cuối quý", "Định kỳ hằng năm (trước ngày 30 tháng 11)".</summary>
public sealed record RecurringTerm(RecurrenceRule Rule) : DeadlineTerm
{
    public override DeadlineKind Kind => DeadlineKind.Recurring;

    public override string Detail => Rule.Description;

    public override string Explanation => Rule.Explanation;
}

/// <summary>"Thường xuyên": reported every period, never done.</summary>
public sealed record ContinuousTerm : DeadlineTerm
{
    public override DeadlineKind Kind => DeadlineKind.Continuous;

    public override string Detail => "continuous";

    public override string Explanation => "thường xuyên";
}

/// <summary>Due relative to an event that a person records: "Sau đại hội 07 ngày", "Trong thời hạn 05 ngày làm việc kể từ ngày nhận được hồ sơ".</summary>
/// <param name="Event">The event as the plan names it ("Đại hội Đảng bộ tỉnh"); empty when only implied.</param>
/// <param name="Days">How many days after (or before) the event; 0 for "ngay sau" or no number.</param>
/// <param name="Months">Months counted before the days ("Sau 03 tháng kể từ khi …"); 0 for most.</param>
public sealed record EventRelativeTerm(string Event, EventDirection Direction, int Days, bool WorkingDays, int Months = 0) : DeadlineTerm
{
    public override DeadlineKind Kind => DeadlineKind.EventRelative;

    public override string Detail
    {
        get
        {
            var name = Event.Length == 0 ? "the event (implied)" : Event;
            var direction = Direction == EventDirection.Before ? "before" : "after";
            if (Months > 0)
            {
                return $"{Months} months{(Days > 0 ? $" and {Days} days" : "")} {direction} {name}";
            }

            if (Days == 0)
            {
                return Direction switch
                {
                    EventDirection.After => $"immediately after {name}",
                    EventDirection.Before => $"before {name}",
                    _ => $"during {name}",
                };
            }

            var unit = WorkingDays ? "working days" : "days";
            return $"{Days} {unit} {direction} {name}";
        }
    }

    public override string Explanation
    {
        get
        {
            var name = Event.Length == 0 ? "sự kiện (văn bản không nêu tên, cần người xác định)" : Event;
            var direction = Direction == EventDirection.Before ? "trước" : "sau";
            if (Months > 0)
            {
                return $"{Months} tháng{(Days > 0 ? $" {Days} ngày" : "")} {direction} {name}";
            }

            if (Days == 0)
            {
                return Direction switch
                {
                    EventDirection.After => $"ngay sau {name}",
                    EventDirection.Before => $"trước {name}",
                    _ => $"trong dịp {name}",
                };
            }

            var unit = WorkingDays ? "ngày làm việc" : "ngày";
            return $"{Days} {unit} {direction} {name}";
        }
    }

    /// <summary>The due date once the event has happened on <paramref name="eventDate"/>.</summary>
    public DateOnly DueAfter(DateOnly eventDate, Calendar.WorkingDayCalendar calendar)
    {
        var signed = Direction switch
        {
            EventDirection.After => Days,
            EventDirection.Before => -Days,
            _ => 0,
        };
        var start = Months == 0 ? eventDate : eventDate.AddMonths(Direction == EventDirection.Before ? -Months : Months);
        return WorkingDays ? calendar.AddWorkingDays(start, signed) : start.AddDays(signed);
    }
}

public enum EventDirection
{
    After,
    Before,

    /// <summary>While the event lasts: "Trong dịp Tết", "Trong thời gian tổ chức thi"; due when it starts.</summary>
    During,
}

/// <summary>Waits for a trigger that a person records: "Sau khi có hướng dẫn của Trung ương", "Theo lộ trình được giao tại Kế hoạch số …".</summary>
public sealed record ConditionalTerm(string Trigger) : DeadlineTerm
{
    public override DeadlineKind Kind => DeadlineKind.Conditional;

    public override string Detail => $"when: {Trigger}";

    public override string Explanation => $"chờ điều kiện: {Trigger}";
}

/// <summary>"Đã hoàn thành".</summary>
public sealed record DoneTerm : DeadlineTerm
{
    public override DeadlineKind Kind => DeadlineKind.Done;

    public override string Detail => "already done";

    public override string Explanation => "đã hoàn thành";
}

/// <summary>Why a text or a part of it gives no deadline.</summary>
public enum UnknownReason
{
    /// <summary>The source has no deadline.</summary>
    NotGiven,

    /// <summary>Words the grammar does not know.</summary>
    NotUnderstood,

    /// <summary>A date that does not exist ("30/02/2027").</summary>
    NotADate,

    /// <summary>A month, quarter or year that does not exist.</summary>
    NotAPeriod,

    /// <summary>A range whose end comes before its start.</summary>
    EndsBeforeStart,

    /// <summary>A date or period printed without a year, and the plan's year is not known.</summary>
    NoYear,

    /// <summary>"Trong năm" and the plan's year is not known.</summary>
    NeedsPlanYear,

    /// <summary>A yearly day that is not a day of the year ("31/2 hằng năm").</summary>
    NotADayOfTheYear,
}

/// <summary>Text that is not understood, or a date that does not exist; kept for a person to read.</summary>
/// <param name="Printed">The words concerned, as printed.</param>
public sealed record UnknownTerm(UnknownReason Reason, string Printed) : DeadlineTerm
{
    public override DeadlineKind Kind => DeadlineKind.Unknown;

    public override string Detail => Reason switch
    {
        UnknownReason.NotGiven => "no deadline given",
        UnknownReason.NotADate => $"\"{Printed}\" is not a date",
        UnknownReason.NotAPeriod => $"\"{Printed}\" is not a period",
        UnknownReason.EndsBeforeStart => $"\"{Printed}\" ends before it starts",
        UnknownReason.NoYear => $"\"{Printed}\" has no year and the plan's year is not known",
        UnknownReason.NeedsPlanYear => $"\"{Printed}\" needs the plan's year, which is not known",
        UnknownReason.NotADayOfTheYear => $"{Printed} is not a day of the year",
        _ => $"not understood: \"{Printed}\"",
    };

    public override string Explanation => Reason switch
    {
        UnknownReason.NotGiven => "không ghi thời hạn",
        UnknownReason.NotADate => $"\"{Printed}\" không phải là một ngày có thật",
        UnknownReason.NotAPeriod => $"\"{Printed}\" không phải là một tháng, quý hay năm có thật",
        UnknownReason.EndsBeforeStart => $"\"{Printed}\" kết thúc trước khi bắt đầu",
        UnknownReason.NoYear => $"\"{Printed}\" không ghi năm và chưa biết năm của kế hoạch",
        UnknownReason.NeedsPlanYear => $"\"{Printed}\" cần năm của kế hoạch, mà năm đó chưa biết",
        UnknownReason.NotADayOfTheYear => $"{Printed} không phải là một ngày trong năm",
        _ => $"chưa hiểu được \"{Printed}\", cần người rà soát",
    };
}
