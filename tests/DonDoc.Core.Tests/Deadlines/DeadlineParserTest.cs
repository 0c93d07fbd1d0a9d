using DonDoc.Core.Deadlines;

namespace DonDoc.Core.Tests.Deadlines;

public sealed class DeadlineParserTest
{
    private readonly DeadlineParser _parser = new();

    // text, plan year, expected kind, expected due (yyyy-MM-dd or null)
    public static TheoryData<string, int?, DeadlineKind, string?> Phrasings => new()
    {
        // Dates, with and without lead words, hours, missing years.
        { "Trước 31/8/2025", 2025, DeadlineKind.Date, "2025-08-31" },
        { "trước 01/9/2025", null, DeadlineKind.Date, "2025-09-01" },
        { "Chậm nhất ngày 01/4/2026", 2026, DeadlineKind.Date, "2026-04-01" },
        { "Chậm nhất ngày 31/3/2026.", 2026, DeadlineKind.Date, "2026-03-31" },
        { "Hoàn thành trước ngày 11/4/2026.", 2026, DeadlineKind.Date, "2026-04-11" },
        { "Ngày 15/10/2026", 2026, DeadlineKind.Date, "2026-10-15" },
        { "Chậm nhất 16h ngày 31/3/2026 (trước 17h00 gửi Bộ Nội vụ cùng ngày).", 2026, DeadlineKind.Date, "2026-03-31" },
        { "trước 17h00 ngày 05/6", 2027, DeadlineKind.Date, "2027-06-05" },
        { "Trước 29/02/2028", 2028, DeadlineKind.Date, "2028-02-29" },
        { "ngày 20 tháng 5 năm 2026", null, DeadlineKind.Date, "2026-05-20" },
        { "  TRƯỚC   10/8/2025 ", null, DeadlineKind.Date, "2025-08-10" },
        { "Truoc 10/8/2025", null, DeadlineKind.Date, "2025-08-10" },
        { "Thực hiện hoàn thành xong trước 01/7/2026 - Phương án: Sau khi được cấp trên giao chỉ tiêu năm 2026", 2026, DeadlineKind.Date, "2026-07-01" },

        // Impossible or incomplete dates are unknown, never shifted.
        { "Trước 30/02/2027", 2027, DeadlineKind.Unknown, null },
        { "29/02/2027", null, DeadlineKind.Unknown, null },
        { "Trước 31/4", 2026, DeadlineKind.Unknown, null },
        { "Trước 15/8", null, DeadlineKind.Unknown, null },

        // Periods.
        { "Tháng 4/2026", null, DeadlineKind.PeriodEnd, "2026-04-30" },
        { "Tháng 4/2026.", null, DeadlineKind.PeriodEnd, "2026-04-30" },
        { "tháng 02/2027", null, DeadlineKind.PeriodEnd, "2027-02-28" },
        { "Tháng 10 năm 2026", null, DeadlineKind.PeriodEnd, "2026-10-31" },
        { "Quý III/2026", null, DeadlineKind.PeriodEnd, "2026-09-30" },
        { "Quý 3/2026", null, DeadlineKind.PeriodEnd, "2026-09-30" },
        { "quý iii năm 2026", null, DeadlineKind.PeriodEnd, "2026-09-30" },
        { "Trong Quý IV/2026", null, DeadlineKind.PeriodEnd, "2026-12-31" },
        { "Quý I/2025", 2026, DeadlineKind.PeriodEnd, "2025-03-31" },
        { "Quý II", 2026, DeadlineKind.PeriodEnd, "2026-06-30" },
        { "Quý I, II/2027", null, DeadlineKind.PeriodEnd, "2027-06-30" },
        { "6 tháng đầu năm 2026", null, DeadlineKind.PeriodEnd, "2026-06-30" },
        { "6 tháng cuối năm", 2026, DeadlineKind.PeriodEnd, "2026-12-31" },
        { "Năm 2027", null, DeadlineKind.PeriodEnd, "2027-12-31" },
        { "Trong năm", 2026, DeadlineKind.PeriodEnd, "2026-12-31" },
        { "Tháng 7-9/2025", null, DeadlineKind.PeriodEnd, "2025-09-30" },
        { "Từ tháng 3/2026 đến tháng 5/2026", null, DeadlineKind.PeriodEnd, "2026-05-31" },
        { "Từ tháng 11 đến hết tháng 12/2026", null, DeadlineKind.PeriodEnd, "2026-12-31" },
        { "Năm 2025, 2026", null, DeadlineKind.PeriodEnd, "2026-12-31" },
        { "Giai đoạn 2026-2030", null, DeadlineKind.PeriodEnd, "2030-12-31" },
        { "Đến hết năm 2026", null, DeadlineKind.PeriodEnd, "2026-12-31" },
        { "Tháng 6", 2026, DeadlineKind.PeriodEnd, "2026-06-30" },
        { "2027", null, DeadlineKind.PeriodEnd, "2027-12-31" },

        // Continuous and recurring.
        { "Thường xuyên", null, DeadlineKind.Continuous, null },
        { "Thực hiện thường xuyên", null, DeadlineKind.Continuous, null },
        { "THƯỜNG XUYÊN", null, DeadlineKind.Continuous, null },
        { "Thực hiện thường xuyên và tiến độ theo kế hoạch này.", 2026, DeadlineKind.Continuous, null },
        { "Ngày 25 hàng tháng", null, DeadlineKind.Recurring, null },
        { "vào ngày 23 hằng tháng", null, DeadlineKind.Recurring, null },
        { "Trước ngày 15 tháng cuối quý", null, DeadlineKind.Recurring, null },
        { "Định kỳ 6 tháng", null, DeadlineKind.Recurring, null },
        { "Hằng năm", null, DeadlineKind.Recurring, null },
        { "trước ngày 07/6 hằng năm", null, DeadlineKind.Recurring, null },
        { "Định kỳ hằng quý", null, DeadlineKind.Recurring, null },

        // Event-relative.
        { "Sau đại hội 07 ngày", null, DeadlineKind.EventRelative, null },
        { "Chậm nhất 07 ngày sau khi kết thúc Đại hội", null, DeadlineKind.EventRelative, null },
        { "Trước Đại hội Đảng bộ tỉnh 30 ngày làm việc", null, DeadlineKind.EventRelative, null },
        { "Ngay sau Đại hội Đảng bộ tỉnh", null, DeadlineKind.EventRelative, null },
        { "Sau 7 ngày làm việc", null, DeadlineKind.EventRelative, null },
        { "Sau đại hội đảng bộ các cấp", null, DeadlineKind.EventRelative, null },
        { "Trước đại hội đảng bộ các cấp", null, DeadlineKind.EventRelative, null },
        { "Thực hiện ngay sau khi Kế hoạch UBND tỉnh được ban hành.", 2026, DeadlineKind.EventRelative, null },

        // Conditional: the dates of a quoted document are not the task's.
        { "Sau khi có hướng dẫn của Trung ương", null, DeadlineKind.Conditional, null },
        { "Theo Kế hoạch của Bộ Chính trị", null, DeadlineKind.Conditional, null },
        { "Khi có văn bản quy định, hướng dẫn mới của trung ương, của tỉnh", null, DeadlineKind.Conditional, null },
        { "Sau khi Trung ương ban hành Quy định sửa đổi, bổ sung", null, DeadlineKind.Conditional, null },
        { "Sau khi có hướng dẫn của Ủy ban Thường vụ Quốc hội", null, DeadlineKind.Conditional, null },
        { "Theo Công văn 401-CV/ĐUQH ngày 17/3/2026 của Đảng ủy Quốc hội.", 2026, DeadlineKind.Conditional, null },
        { "Thực hiện theo Kế hoạch số 0121/KH-UBND ngày 14/11/2025 của UBND tỉnh.", 2026, DeadlineKind.Conditional, null },
        { "Theo hướng dẫn của cơ quan có thẩm quyền.", null, DeadlineKind.Conditional, null },

        // Combinations: the first concrete due date leads.
        { "Thực hiện tháng 3 và tháng 4/2026 và thường xuyên", null, DeadlineKind.PeriodEnd, "2026-04-30" },
        { "Quý IV/2025; Trong năm", 2026, DeadlineKind.PeriodEnd, "2025-12-31" },
        { "Thường xuyên, hoàn thành trong Quý III/2026", null, DeadlineKind.PeriodEnd, "2026-09-30" },

        // Done and unknown.
        { "Đã hoàn thành", null, DeadlineKind.Done, null },
        { "Tùy tình hình thực tế", null, DeadlineKind.Unknown, null },
        { "", null, DeadlineKind.Unknown, null },
    };

    [Theory]
    [MemberData(nameof(Phrasings))]
    public void Each_phrasing_has_its_kind_and_due_date(string text, int? planYear, DeadlineKind kind, string? due)
    {
        var deadline = _parser.Parse(text, planYear);

        Assert.Equal(kind, deadline.Kind);
        Assert.Equal(due, deadline.Due?.ToString("yyyy-MM-dd"));
    }

    [Fact]
    public void The_raw_text_is_kept_as_given()
    {
        const string raw = "  Quý III/2026 ";

        Assert.Equal(raw, _parser.Parse(raw).Raw);
    }

    [Fact]
    public void An_hour_is_kept_with_the_date()
    {
        var deadline = _parser.Parse("Chậm nhất 16h ngày 31/3/2026");

        Assert.Equal(new TimeOnly(16, 0), deadline.DueTime);
    }

    [Fact]
    public void An_impossible_date_says_why()
    {
        var deadline = _parser.Parse("Trước 30/02/2027");

        Assert.Contains("30/02/2027", deadline.Detail, StringComparison.Ordinal);
        Assert.Contains("not a date", deadline.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Congress_offset_is_seven_days_after()
    {
        var term = Assert.IsType<EventRelativeTerm>(_parser.Parse("Sau đại hội 07 ngày").Terms.Single());

        Assert.Equal(EventDirection.After, term.Direction);
        Assert.Equal(7, term.Days);
        Assert.False(term.WorkingDays);
    }

    [Fact]
    public void Thirty_working_days_before_the_provincial_congress()
    {
        var term = Assert.IsType<EventRelativeTerm>(_parser.Parse("Trước Đại hội Đảng bộ tỉnh 30 ngày làm việc").Terms.Single());

        Assert.Equal(EventDirection.Before, term.Direction);
        Assert.Equal(30, term.Days);
        Assert.True(term.WorkingDays);
        Assert.Equal("Đại hội Đảng bộ tỉnh", term.Event);
    }

    [Fact]
    public void Monthly_on_day_25_yields_every_25th()
    {
        var term = Assert.IsType<RecurringTerm>(_parser.Parse("Ngày 25 hàng tháng").Terms.Single());

        var occurrences = term.Rule.Occurrences(new DateOnly(2026, 1, 26)).Take(3).ToList();

        Assert.Equal([new DateOnly(2026, 2, 25), new DateOnly(2026, 3, 25), new DateOnly(2026, 4, 25)], occurrences);
    }

    [Fact]
    public void Day_15_of_the_last_month_of_each_quarter()
    {
        var term = Assert.IsType<RecurringTerm>(_parser.Parse("Trước ngày 15 tháng cuối quý").Terms.Single());

        var occurrences = term.Rule.Occurrences(new DateOnly(2026, 3, 16)).Take(2).ToList();

        Assert.Equal([new DateOnly(2026, 6, 15), new DateOnly(2026, 9, 15)], occurrences);
    }

    [Fact]
    public void Yearly_on_7_June()
    {
        var term = Assert.IsType<RecurringTerm>(_parser.Parse("trước ngày 07/6 hằng năm").Terms.Single());

        Assert.Equal(new DateOnly(2027, 6, 7), term.Rule.Next(new DateOnly(2026, 6, 8)));
    }

    [Fact]
    public void A_combination_keeps_what_follows_the_first_due_date()
    {
        var deadline = _parser.Parse("Thực hiện tháng 3 và tháng 4/2026 và thường xuyên");

        Assert.Collection(
            deadline.Terms,
            t => Assert.IsType<PeriodTerm>(t),
            t => Assert.IsType<ContinuousTerm>(t));
    }

    [Fact]
    public void The_trigger_text_is_kept()
    {
        var term = Assert.IsType<ConditionalTerm>(_parser.Parse("Sau khi có hướng dẫn của Trung ương").Terms.Single());

        Assert.Equal("Sau khi có hướng dẫn của Trung ương", term.Trigger);
    }
}
