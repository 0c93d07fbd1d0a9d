namespace DonDoc.Core.Calendar;

public enum AnnouncedDayKind
{
    /// <summary>Days off (nghỉ), weekends included when the announcement gives a whole break.</summary>
    Off,

    /// <summary>A weekend day made a working day (làm bù).</summary>
    Work,
}

/// <summary>
/// One line of an announcement: a day or a run of days off, or a worked weekend day, with the document
/// that announced it ("Công văn số 12729/VPCP-KGVX ngày 25/12/2025").
/// </summary>
public sealed record AnnouncedEntry(DateOnly From, DateOnly To, AnnouncedDayKind Kind, string Name, string Source)
{
    /// <summary>The longest run one entry may give: a Tết break is nine or ten days.</summary>
    public const int MaxDays = 31;

    /// <summary>An entry, or the reason (Vietnamese) why these values make none.</summary>
    public static (AnnouncedEntry? Entry, string? Error) Create(DateOnly from, DateOnly to, AnnouncedDayKind kind, string? name, string? source)
    {
        if (from.Year < PublicHolidays.FirstYear || to.Year > PublicHolidays.LastYear)
        {
            return (null, $"ngày phải nằm trong các năm {PublicHolidays.FirstYear}–{PublicHolidays.LastYear} của lịch");
        }

        if (to < from || to.DayNumber - from.DayNumber >= MaxDays)
        {
            return (null, $"khoảng {from:dd/MM/yyyy}–{to:dd/MM/yyyy} phải dài từ 1 đến {MaxDays} ngày");
        }

        if (kind == AnnouncedDayKind.Work)
        {
            for (var day = from; day <= to; day = day.AddDays(1))
            {
                if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                {
                    return (null, $"ngày làm bù {day:dd/MM/yyyy} không phải thứ Bảy hay Chủ nhật");
                }
            }
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            return (null, "thiếu tên (\"name\"), ví dụ \"Nghỉ Tết Nguyên đán\"");
        }

        if (string.IsNullOrWhiteSpace(source))
        {
            return (null, "thiếu văn bản công bố (\"source\"), ví dụ \"Công văn số …/VPCP-KGVX\"");
        }

        return (new AnnouncedEntry(from, to, kind, name.Trim(), source.Trim()), null);
    }
}
