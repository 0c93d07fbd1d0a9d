namespace DonDoc.Core.Deadlines;

/// <summary>One part of a deadline: "Quý IV/2025" and "Trong năm" are two terms of "Quý IV/2025; Trong năm".</summary>
public abstract record DeadlineTerm
{
    public abstract DeadlineKind Kind { get; }

    /// <summary>The concrete due date, when the term has one without outside events.</summary>
    public virtual DateOnly? Due => null;

    /// <summary>A short English description for logs and the JSON "detail".</summary>
    public abstract string Detail { get; }
}

/// <summary>A calendar date, optionally with an hour: "Chậm nhất 16h ngày 31/3/2026".</summary>
public sealed record DateTerm(DateOnly Date, TimeOnly? Time) : DeadlineTerm
{
    public override DeadlineKind Kind => DeadlineKind.Date;

    public override DateOnly? Due => Date;

    public override string Detail => Time is { } time
        ? $"by {time:HH\\:mm} on {Date:yyyy-MM-dd}"
        : $"by {Date:yyyy-MM-dd}";
}

/// <summary>A period, due at its end: "Quý III/2026", "Tháng 7-9/2025", "Năm 2025, 2026".</summary>
public sealed record PeriodTerm(DateOnly Start, DateOnly End, string Label) : DeadlineTerm
{
    public override DeadlineKind Kind => DeadlineKind.PeriodEnd;

    public override DateOnly? Due => End;

    public override string Detail => $"{Label} (end {End:yyyy-MM-dd})";
}

/// <summary>A recurring obligation: "Ngày 25 hằng tháng", "Trước ngày 15 tháng cuối quý".</summary>
public sealed record RecurringTerm(RecurrenceRule Rule) : DeadlineTerm
{
    public override DeadlineKind Kind => DeadlineKind.Recurring;

    public override string Detail => Rule.Description;
}

/// <summary>"Thường xuyên": reported every period, never done.</summary>
public sealed record ContinuousTerm : DeadlineTerm
{
    public override DeadlineKind Kind => DeadlineKind.Continuous;

    public override string Detail => "continuous";
}

/// <summary>Due relative to an event that a person records: "Sau đại hội 07 ngày", "Trước Đại hội 30 ngày làm việc".</summary>
/// <param name="Event">The event as the plan names it ("Đại hội Đảng bộ tỉnh"); empty when only implied.</param>
/// <param name="Days">How many days after (or before) the event; 0 for "ngay sau" or no number.</param>
public sealed record EventRelativeTerm(string Event, EventDirection Direction, int Days, bool WorkingDays) : DeadlineTerm
{
    public override DeadlineKind Kind => DeadlineKind.EventRelative;

    public override string Detail
    {
        get
        {
            var name = Event.Length == 0 ? "the event (implied)" : Event;
            var direction = Direction == EventDirection.After ? "after" : "before";
            if (Days == 0)
            {
                return Direction == EventDirection.After ? $"immediately after {name}" : $"before {name}";
            }

            var unit = WorkingDays ? "working days" : "days";
            return $"{Days} {unit} {direction} {name}";
        }
    }

    /// <summary>The due date once the event has happened on <paramref name="eventDate"/>.</summary>
    public DateOnly DueAfter(DateOnly eventDate, Calendar.WorkingDayCalendar calendar)
    {
        var signed = Direction == EventDirection.After ? Days : -Days;
        return WorkingDays ? calendar.AddWorkingDays(eventDate, signed) : eventDate.AddDays(signed);
    }
}

public enum EventDirection
{
    After,
    Before,
}

/// <summary>Waits for a trigger that a person records: "Sau khi có hướng dẫn của Trung ương".</summary>
public sealed record ConditionalTerm(string Trigger) : DeadlineTerm
{
    public override DeadlineKind Kind => DeadlineKind.Conditional;

    public override string Detail => $"when: {Trigger}";
}

/// <summary>"Đã hoàn thành".</summary>
public sealed record DoneTerm : DeadlineTerm
{
    public override DeadlineKind Kind => DeadlineKind.Done;

    public override string Detail => "already done";
}

/// <summary>Text that is not understood, or a date that does not exist; kept for a person to read.</summary>
public sealed record UnknownTerm(string Reason) : DeadlineTerm
{
    public override DeadlineKind Kind => DeadlineKind.Unknown;

    public override string Detail => Reason;
}
