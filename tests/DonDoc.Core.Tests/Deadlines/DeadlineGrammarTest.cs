using DonDoc.Core.Deadlines;

namespace DonDoc.Core.Tests.Deadlines;

/// <summary>
/// The rules of the deadline grammar that plans of other issuers need, one table per rule
/// (shared/DESIGN.md "Deadlines and statuses": a range or list is due at its end, separately labelled
/// milestones at the first, a bare "12/2025" at the end of that month).
/// </summary>
public sealed class DeadlineGrammarTest
{
    private readonly DeadlineParser _parser = new();

    // text, plan year, kind, due (yyyy-MM-dd or null)
    public static TheoryData<string, int?, DeadlineKind, string?> BareMonths => new()
    {
        { "12/2025", null, DeadlineKind.PeriodEnd, "2025-12-31" },
        { "03/2025", null, DeadlineKind.PeriodEnd, "2025-03-31" },
        { "6/2025", null, DeadlineKind.PeriodEnd, "2025-06-30" },
        { "02/2028", null, DeadlineKind.PeriodEnd, "2028-02-29" },
        { "Trước 12/2025", null, DeadlineKind.PeriodEnd, "2025-12-31" },
        { "Hoàn thành trong 9/2026", null, DeadlineKind.PeriodEnd, "2026-09-30" },
        { "tháng 12 năm 2025", null, DeadlineKind.PeriodEnd, "2025-12-31" },
        { "Tháng 12 2025", null, DeadlineKind.PeriodEnd, "2025-12-31" },
        { "6-2025", null, DeadlineKind.PeriodEnd, "2025-06-30" },

        // A document's number is not a month.
        { "Theo Quyết định số 12/2025/QĐ-UBND", null, DeadlineKind.Conditional, null },
        { "Văn bản số 12/2025", null, DeadlineKind.Unknown, null },
        { "13/2025", null, DeadlineKind.Unknown, null },
    };

    public static TheoryData<string, int?, DeadlineKind, string?> RangesAndListsAreDueAtTheirEnd => new()
    {
        { "Từ ngày 17/12/2025 đến ngày 25/01/2026", null, DeadlineKind.Date, "2026-01-25" },
        { "từ 15/5 đến 30/6/2026", null, DeadlineKind.Date, "2026-06-30" },
        { "Từ ngày 15 đến ngày 20/10/2025", null, DeadlineKind.Date, "2025-10-20" },
        { "Quý IV/2025 và Quý I/2026", null, DeadlineKind.PeriodEnd, "2026-03-31" },
        { "Quý III và quý IV/2026", null, DeadlineKind.PeriodEnd, "2026-12-31" },
        { "Từ tháng 12/2025 đến quý I/2026", null, DeadlineKind.PeriodEnd, "2026-03-31" },
        { "Từ tháng 12 đến tháng 2/2027", null, DeadlineKind.PeriodEnd, "2027-02-28" },
        { "2025 - 2035", null, DeadlineKind.PeriodEnd, "2035-12-31" },
        { "2025-2026", null, DeadlineKind.PeriodEnd, "2026-12-31" },
        { "2026-2030", null, DeadlineKind.PeriodEnd, "2030-12-31" },
        { "Năm 2026 - 2027", null, DeadlineKind.PeriodEnd, "2027-12-31" },
        { "Quý IV/2025- Quý II/2026", null, DeadlineKind.PeriodEnd, "2026-06-30" },
        { "Quý IV/2025 - Quý II/2026", null, DeadlineKind.PeriodEnd, "2026-06-30" },
        { "Tháng 12/2025 - Tháng 01/2026", null, DeadlineKind.PeriodEnd, "2026-01-31" },
        { "tháng 3, 4 và 5/2026", null, DeadlineKind.PeriodEnd, "2026-05-31" },
        { "Tháng 11, tháng 12 năm 2025", null, DeadlineKind.PeriodEnd, "2025-12-31" },
        { "Ngày 15 và 16/10/2025", null, DeadlineKind.Date, "2025-10-16" },
        { "Đến hết 31/12/2025", null, DeadlineKind.Date, "2025-12-31" },
    };

    // A range or list is due on its latest end; when that end is a day, the deadline is that date.
    public static TheoryData<string, int?, DeadlineKind, string?> ARangeEndingOnADayIsADate => new()
    {
        { "Từ ngày 01/02/2026 đến ngày 14/02/2026", null, DeadlineKind.Date, "2026-02-14" },
        { "Trước ngày 10/6/2026 và trước ngày 10/12/2026", null, DeadlineKind.Date, "2026-12-10" },
        { "Từ ngày 20/4 đến 17 giờ 00 ngày 05/5/2026", null, DeadlineKind.Date, "2026-05-05" },
        { "Từ 01/7 đến 16 giờ 30 ngày 10/7/2026", null, DeadlineKind.Date, "2026-07-10" },
        { "Dịp nghỉ lễ 30/4 - 01/5/2026", null, DeadlineKind.Date, "2026-05-01" },
        { "Trước ngày 15/7 và 15/01 năm sau", 2026, DeadlineKind.Date, "2027-01-15" },
        { "Trước ngày 20 tháng 01 năm sau", 2026, DeadlineKind.Date, "2027-01-20" },
        { "Trong Quý I và trước ngày 30/4/2026", null, DeadlineKind.Date, "2026-04-30" },
        { "Quý I/2026 và trước ngày 15/3/2026", null, DeadlineKind.PeriodEnd, "2026-03-31" },
    };

    // Items of one list that leave out their word after a dash, or carry their period in parentheses.
    public static TheoryData<string, int?, DeadlineKind, string?> ListsThatLeaveWordsOut => new()
    {
        { "Quý II - III/2026", null, DeadlineKind.PeriodEnd, "2026-09-30" },
        { "Từ tháng 01 - 12", 2026, DeadlineKind.PeriodEnd, "2026-12-31" },
        { "Tháng 3 - 5/2026", null, DeadlineKind.PeriodEnd, "2026-05-31" },
        { "Phiên họp thứ nhất (tháng 3/2026) và phiên họp thứ hai (tháng 9/2026)", null, DeadlineKind.PeriodEnd, "2026-09-30" },
        { "Kỳ họp thường lệ giữa năm (tháng 7/2026) và kỳ họp thường lệ thứ hai (tháng 12/2026)", null, DeadlineKind.PeriodEnd, "2026-12-31" },
    };

    // A feast, an exam or a disaster that the work is timed by is an event a person records.
    public static TheoryData<string, int?, DeadlineKind, string?> FeastsExamsAndDisasters => new()
    {
        { "Trước Tết Nguyên đán", 2026, DeadlineKind.EventRelative, null },
        { "Trong dịp Tết", 2026, DeadlineKind.EventRelative, null },
        { "Dịp Tết Nguyên đán Bính Ngọ", 2026, DeadlineKind.EventRelative, null },
        { "Trong thời gian tổ chức thi", 2026, DeadlineKind.EventRelative, null },
        { "Sau khi có kết quả thi", 2026, DeadlineKind.EventRelative, null },
        { "Trong thời gian xảy ra thiên tai", 2026, DeadlineKind.EventRelative, null },
    };

    // "Theo …" follows someone else's timing: the dates inside belong to the document it quotes.
    public static TheoryData<string, int?, DeadlineKind, string?> FollowingSomeoneElsesTiming => new()
    {
        { "Theo phân công của Chủ tịch UBND tỉnh", 2026, DeadlineKind.Conditional, null },
        { "Theo kết quả kiểm tra", 2026, DeadlineKind.Conditional, null },
        { "Theo triển khai của Bộ", 2026, DeadlineKind.Conditional, null },
        { "Theo Điều 12 Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ", 2026, DeadlineKind.Conditional, null },
        { "Theo các mốc thời gian tại Quyết định số 15/QĐ-UBND ngày 10/01/2026 của UBND tỉnh", 2026, DeadlineKind.Conditional, null },
    };

    public static TheoryData<string, int?, DeadlineKind, string?> WavesAreDueWhenTheLastEnds => new()
    {
        { "Đợt 1: từ 01/3 đến 15/4/2026; Đợt 2: từ 01/8 đến 15/9/2026", null, DeadlineKind.Date, "2026-09-15" },
        { "Đợt 1: Quý II/2026; Đợt 2: Quý IV/2026", null, DeadlineKind.PeriodEnd, "2026-12-31" },
        { "Đợt 1 từ tháng 3 đến tháng 4/2026, đợt 2 từ tháng 9 đến tháng 10/2026", null, DeadlineKind.PeriodEnd, "2026-10-31" },
        { "Giai đoạn 1: năm 2026; Giai đoạn 2: năm 2027 - 2028", null, DeadlineKind.PeriodEnd, "2028-12-31" },
    };

    public static TheoryData<string, int?, DeadlineKind, string?> LabelledMilestonesAreDueAtTheFirst => new()
    {
        { "Sơ kết: tháng 6/2026; Tổng kết: tháng 12/2026", null, DeadlineKind.PeriodEnd, "2026-06-30" },
        { "Sơ kết: 6/2026, Tổng kết: 12/2026", null, DeadlineKind.PeriodEnd, "2026-06-30" },
        { "Xây dựng kế hoạch: Quý I/2026; Triển khai: Quý II - Quý IV/2026", null, DeadlineKind.PeriodEnd, "2026-03-31" },
        { "Quý IV/2025; Trong năm", 2026, DeadlineKind.PeriodEnd, "2025-12-31" },
    };

    public static TheoryData<string, int?, DeadlineKind, string?> OldSpellingsAndTrailingWords => new()
    {
        { "Quí IV-2025", null, DeadlineKind.PeriodEnd, "2025-12-31" },
        { "Quí II/2026", null, DeadlineKind.PeriodEnd, "2026-06-30" },
        { "QuýIV/2025", null, DeadlineKind.PeriodEnd, "2025-12-31" },
        { "Quý 4 năm 2025", null, DeadlineKind.PeriodEnd, "2025-12-31" },
        { "Giai đoạn 2026 - 2027. Thực hiện rà soát, đánh giá hằng năm", null, DeadlineKind.PeriodEnd, "2027-12-31" },
        { "Năm 2026 và các năm tiếp theo", null, DeadlineKind.PeriodEnd, "2026-12-31" },
        { "Cuối năm 2025", null, DeadlineKind.PeriodEnd, "2025-12-31" },
        { "Đến cuối năm", 2026, DeadlineKind.PeriodEnd, "2026-12-31" },
        { "9 tháng đầu năm 2026", null, DeadlineKind.PeriodEnd, "2026-09-30" },
    };

    public static TheoryData<string, int?, DeadlineKind, string?> SchoolYears => new()
    {
        { "Năm học 2025 - 2026", null, DeadlineKind.PeriodEnd, "2026-06-30" },
        { "năm học 2026-2027", null, DeadlineKind.PeriodEnd, "2027-06-30" },
        { "Năm học 2025/2026 và các năm học tiếp theo", null, DeadlineKind.PeriodEnd, "2026-06-30" },
    };

    // "Thường xuyên" is continuous work judged by its periodic reports (shared/DESIGN.md): a schedule beside it does not change the kind.
    public static TheoryData<string, int?, DeadlineKind, string?> AScheduleBesideContinuousWork => new()
    {
        { "Thường xuyên, định kỳ báo cáo trước ngày 15 tháng 12 hằng năm.", null, DeadlineKind.Continuous, null },
        { "Thường xuyên; báo cáo hằng quý", null, DeadlineKind.Continuous, null },
        { "Báo cáo định kỳ hằng quý; thực hiện thường xuyên", 2026, DeadlineKind.Continuous, null },
        { "Thực hiện thường xuyên trong năm", 2026, DeadlineKind.Continuous, null },
        { "Thường xuyên trong năm kế hoạch", 2026, DeadlineKind.Continuous, null },
        { "Định kỳ hằng năm (trước ngày 30 tháng 11)", null, DeadlineKind.Recurring, null },
        { "Thực hiện thường xuyên và tiến độ theo kế hoạch này.", 2026, DeadlineKind.Continuous, null },
    };

    public static TheoryData<string, int?, DeadlineKind, string?> TheIssueOfANamedDocument => new()
    {
        { "Sau khi Nghị định được ban hành", null, DeadlineKind.EventRelative, null },
        { "Trong thời hạn 30 ngày kể từ ngày Thông tư được ban hành", null, DeadlineKind.EventRelative, null },
        { "Sau khi Trung ương ban hành Quy định sửa đổi, bổ sung", null, DeadlineKind.Conditional, null },
        { "Sau khi có Quyết định chuyển giao của Trung ương", null, DeadlineKind.Conditional, null },
        { "Tuỳ thuộc vào thời điểm Luật sửa đổi", null, DeadlineKind.Conditional, null },
    };

    public static TheoryData<string, int?, DeadlineKind, string?> OpenStarts => new()
    {
        { "Từ tháng 3 năm 2017 và thường xuyên", 2017, DeadlineKind.Continuous, null },
        { "Từ năm 2026", null, DeadlineKind.Unknown, null },
        { "Từ nay đến hết năm 2026", null, DeadlineKind.PeriodEnd, "2026-12-31" },
    };

    public static TheoryData<string, int?, DeadlineKind, string?> OffsetsFromAnEvent => new()
    {
        { "Trong thời hạn 05 ngày làm việc kể từ ngày nhận được hồ sơ", null, DeadlineKind.EventRelative, null },
        { "trong thời hạn 15 ngày kể từ ngày Kế hoạch được ban hành", null, DeadlineKind.EventRelative, null },
        { "Chậm nhất 10 ngày kể từ ngày nhận được văn bản", null, DeadlineKind.EventRelative, null },
        { "Chậm nhất 30 ngày sau khi kết thúc kỳ họp", null, DeadlineKind.EventRelative, null },
        { "Trong vòng 03 ngày làm việc sau khi có kết quả", null, DeadlineKind.EventRelative, null },
        { "Trước 10 ngày tổ chức Hội nghị", null, DeadlineKind.EventRelative, null },
        { "Không quá 20 ngày kể từ khi có quyết định", null, DeadlineKind.EventRelative, null },
    };

    public static TheoryData<string, int?, DeadlineKind, string?> BindingDatesWin => new()
    {
        { "Ngay sau Đại hội, chậm nhất ngày 30/9/2025", null, DeadlineKind.Date, "2025-09-30" },
        { "Sau khi có hướng dẫn của Trung ương, chậm nhất ngày 30/6/2026", null, DeadlineKind.Date, "2026-06-30" },
        { "Sau Đại hội Đảng bộ tỉnh (chậm nhất ngày 31/10/2025)", null, DeadlineKind.Date, "2025-10-31" },
        { "Theo Kế hoạch của Bộ, hoàn thành trước 30/11/2025", null, DeadlineKind.Date, "2025-11-30" },
        { "Dự kiến ngày 15/11/2025 (Chậm nhất ngày 30/11/2025)", null, DeadlineKind.Date, "2025-11-30" },
        { "Dự kiến tháng 10/2025, chậm nhất 15/11/2025", null, DeadlineKind.Date, "2025-11-15" },
        { "Dự kiến ngày 20/12/2025", null, DeadlineKind.Date, "2025-12-20" },

        // A document's own date is not binding.
        { "Theo Kế hoạch số 12/KH-UBND, ngày 14/11/2025 của UBND tỉnh", null, DeadlineKind.Conditional, null },
    };

    public static TheoryData<string, int?, DeadlineKind, string?> Schedules => new()
    {
        { "Định kỳ hằng năm (trước ngày 30 tháng 11)", null, DeadlineKind.Recurring, null },
        { "Định kỳ hằng năm, trước ngày 15/12", null, DeadlineKind.Recurring, null },
        { "Hằng tháng, trước ngày 20", null, DeadlineKind.Recurring, null },
        { "Hằng quý, trước ngày 15 tháng cuối quý", null, DeadlineKind.Recurring, null },
        { "Tháng 12 hằng năm", null, DeadlineKind.Recurring, null },
        { "Quý IV hằng năm", null, DeadlineKind.Recurring, null },
        { "6 tháng/lần", null, DeadlineKind.Recurring, null },
        { "Định kỳ 6 tháng và hằng năm", null, DeadlineKind.Recurring, null },
        { "Ngày 20 của tháng cuối mỗi quý", null, DeadlineKind.Recurring, null },
    };

    public static TheoryData<string, int?, DeadlineKind, string?> FollowedSchedules => new()
    {
        { "Theo lộ trình được giao tại Kế hoạch số 25/KH-UBND ngày 10/02/2026", null, DeadlineKind.Conditional, null },
        { "Theo tiến độ của Đề án", null, DeadlineKind.Conditional, null },
        { "Thực hiện theo lộ trình của Bộ Giáo dục và Đào tạo", null, DeadlineKind.Conditional, null },
        { "Theo quy định", null, DeadlineKind.Conditional, null },
    };

    public static TheoryData<string, int?, DeadlineKind, string?> PeriodThenContinuous => new()
    {
        { "Quý IV/2025 và vận hành thường xuyên", null, DeadlineKind.PeriodEnd, "2025-12-31" },
        { "Năm 2025 và duy trì thường xuyên", null, DeadlineKind.PeriodEnd, "2025-12-31" },
        { "2025-2026 và vận hành thường xuyên", null, DeadlineKind.PeriodEnd, "2026-12-31" },
        { "Hoàn thành trong tháng 12/2025, sau đó thực hiện thường xuyên", null, DeadlineKind.PeriodEnd, "2025-12-31" },
    };

    public static TheoryData<string, int?, DeadlineKind, string?> InvisibleAndDecomposedCharacters => new()
    {
        { "Quý\u200b IV/2027", null, DeadlineKind.PeriodEnd, "2027-12-31" },
        { "Quý IV/2027".Normalize(System.Text.NormalizationForm.FormD), null, DeadlineKind.PeriodEnd, "2027-12-31" },
        { "\ufeffTrước 31/8/2025", null, DeadlineKind.Date, "2025-08-31" },
        { "Thường\u00a0xuyên", null, DeadlineKind.Continuous, null },
        { "Trước ３１/８/２０２５", null, DeadlineKind.Date, "2025-08-31" },
        { "Chậm nhất ngày 01/4/2026\u200c\u200d", null, DeadlineKind.Date, "2026-04-01" },
        { "Quý IV\u00ad/2025", null, DeadlineKind.PeriodEnd, "2025-12-31" },
    };

    // "Hằng tuần", "thứ Sáu hằng tuần": a weekly schedule (due on that weekday, else by the end of each week).
    public static TheoryData<string, int?, DeadlineKind, string?> WeeklySchedules => new()
    {
        { "Hằng tuần", 2026, DeadlineKind.Recurring, null },
        { "định kỳ hằng tuần", null, DeadlineKind.Recurring, null },
        { "Mỗi tuần", 2026, DeadlineKind.Recurring, null },
        { "Định kỳ trước 16 giờ ngày thứ Sáu hằng tuần", null, DeadlineKind.Recurring, null },
        { "Thứ Hai hàng tuần", 2026, DeadlineKind.Recurring, null },
        { "Báo cáo vào ngày thứ Năm hằng tuần", 2026, DeadlineKind.Recurring, null },
    };

    // "tháng liền kề", "năm liền kề": the period right after (or before) each one, so a schedule, not one date.
    public static TheoryData<string, int?, DeadlineKind, string?> TheNextMonthOrYearOfEachOne => new()
    {
        { "Trước ngày 05 của tháng liền kề", 2026, DeadlineKind.Recurring, null },
        { "Trước ngày 10 tháng liền kề", null, DeadlineKind.Recurring, null },
        { "Trước ngày 31/01 năm liền kề", 2026, DeadlineKind.Recurring, null },
        { "Ban hành kế hoạch chậm nhất là ngày 31/12 năm trước liền kề và tổ chức mở lớp theo kế hoạch đề ra.", 2026, DeadlineKind.Recurring, null },
        { "Trước ngày 15/01 năm sau", 2026, DeadlineKind.Date, "2027-01-15" },
    };

    // Events with no offset or an offset in hours or months: the task waits for the event a person records.
    public static TheoryData<string, int?, DeadlineKind, string?> EventsAndTheirOffsets => new()
    {
        { "Trước khai giảng năm học 2026 - 2027", 2026, DeadlineKind.EventRelative, null },
        { "Ngay sau lễ khai giảng", 2026, DeadlineKind.EventRelative, null },
        { "Khi có tin bão, áp thấp nhiệt đới", 2026, DeadlineKind.EventRelative, null },
        { "Ngay khi có lệnh sơ tán", 2026, DeadlineKind.EventRelative, null },
        { "Ngay sau khi có quyết định giao biên chế của UBND Thành phố", 2026, DeadlineKind.EventRelative, null },
        { "Sau khi Luật được Quốc hội thông qua", 2026, DeadlineKind.EventRelative, null },
        { "Sau khi Nghị quyết được HĐND tỉnh thông qua", 2026, DeadlineKind.EventRelative, null },
        { "Chậm nhất 24 giờ sau khi bão tan", 2026, DeadlineKind.EventRelative, null },
        { "Sau 03 tháng kể từ khi có văn bản của Trung ương hoặc Quyết định liên quan của cơ quan có thẩm quyền", 2026, DeadlineKind.EventRelative, null },
        { "Trong vòng 48 giờ kể từ khi nhận được báo cáo", 2026, DeadlineKind.EventRelative, null },
        { "Trong 6 tháng đầu năm 2026", 2026, DeadlineKind.PeriodEnd, "2026-06-30" },
        { "Chậm nhất 16 giờ ngày 31/3/2026", 2026, DeadlineKind.Date, "2026-03-31" },
        { "Sau khi có hướng dẫn của Trung ương", 2026, DeadlineKind.Conditional, null },
    };

    // "Bắt đầu (thực hiện) từ …" with no end: work that goes on from then.
    public static TheoryData<string, int?, DeadlineKind, string?> StartsWithoutAnEnd => new()
    {
        { "Bắt đầu thực hiện từ năm 2026", 2026, DeadlineKind.Continuous, null },
        { "Bắt đầu từ tháng 01/2026", 2026, DeadlineKind.Continuous, null },
        { "Bắt đầu triển khai từ Quý II/2026", 2026, DeadlineKind.Continuous, null },
        { "Bắt đầu từ tháng 3/2026, hoàn thành trước 30/9/2026", 2026, DeadlineKind.Date, "2026-09-30" },
    };

    [Theory]
    [MemberData(nameof(WeeklySchedules))]
    [MemberData(nameof(TheNextMonthOrYearOfEachOne))]
    [MemberData(nameof(EventsAndTheirOffsets))]
    [MemberData(nameof(StartsWithoutAnEnd))]
    [MemberData(nameof(BareMonths))]
    [MemberData(nameof(RangesAndListsAreDueAtTheirEnd))]
    [MemberData(nameof(ARangeEndingOnADayIsADate))]
    [MemberData(nameof(ListsThatLeaveWordsOut))]
    [MemberData(nameof(FeastsExamsAndDisasters))]
    [MemberData(nameof(FollowingSomeoneElsesTiming))]
    [MemberData(nameof(WavesAreDueWhenTheLastEnds))]
    [MemberData(nameof(LabelledMilestonesAreDueAtTheFirst))]
    [MemberData(nameof(OldSpellingsAndTrailingWords))]
    [MemberData(nameof(OffsetsFromAnEvent))]
    [MemberData(nameof(SchoolYears))]
    [MemberData(nameof(AScheduleBesideContinuousWork))]
    [MemberData(nameof(TheIssueOfANamedDocument))]
    [MemberData(nameof(OpenStarts))]
    [MemberData(nameof(BindingDatesWin))]
    [MemberData(nameof(Schedules))]
    [MemberData(nameof(FollowedSchedules))]
    [MemberData(nameof(PeriodThenContinuous))]
    [MemberData(nameof(InvisibleAndDecomposedCharacters))]
    public void Each_rule_gives_its_kind_and_due_date(string text, int? planYear, DeadlineKind kind, string? due)
    {
        var deadline = _parser.Parse(text, planYear);

        Assert.Equal(kind, deadline.Kind);
        Assert.Equal(due, deadline.Due?.ToString("yyyy-MM-dd"));
    }

    [Fact]
    public void Five_working_days_from_receiving_the_file_is_an_offset_after_that_event()
    {
        var term = Assert.IsType<EventRelativeTerm>(_parser.Parse("Trong thời hạn 05 ngày làm việc kể từ ngày nhận được hồ sơ").Terms.Single());

        Assert.Equal(5, term.Days);
        Assert.True(term.WorkingDays);
        Assert.Equal(EventDirection.After, term.Direction);
        Assert.Equal("ngày nhận được hồ sơ", term.Event);
    }

    [Fact]
    public void Thirty_days_after_the_session_names_the_session()
    {
        var term = Assert.IsType<EventRelativeTerm>(_parser.Parse("Chậm nhất 30 ngày sau khi kết thúc kỳ họp").Terms.Single());

        Assert.Equal(30, term.Days);
        Assert.False(term.WorkingDays);
        Assert.Equal("kỳ họp", term.Event);
    }

    [Fact]
    public void The_yearly_report_before_30_November_falls_on_30_November_each_year()
    {
        var term = Assert.IsType<RecurringTerm>(_parser.Parse("Định kỳ hằng năm (trước ngày 30 tháng 11)").Terms.Single());

        Assert.Equal(new RecurrenceRule(RecurrenceFrequency.Yearly, 30, 11), term.Rule);
        Assert.Equal(new DateOnly(2026, 11, 30), term.Rule.Next(new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public void A_report_before_Friday_each_week_falls_on_every_Friday()
    {
        var term = Assert.IsType<RecurringTerm>(_parser.Parse("Định kỳ trước 16 giờ ngày thứ Sáu hằng tuần").Terms.Single());

        Assert.Equal(new RecurrenceRule(RecurrenceFrequency.Weekly, 5, 1), term.Rule);
        Assert.Equal([new DateOnly(2026, 12, 4), new DateOnly(2026, 12, 11)], term.Rule.Occurrences(new DateOnly(2026, 12, 2)).Take(2));
        Assert.Equal("thứ Sáu hằng tuần", term.Rule.Explanation);
    }

    [Fact]
    public void Every_week_without_a_day_is_due_by_each_Sunday()
    {
        var term = Assert.IsType<RecurringTerm>(_parser.Parse("Hằng tuần").Terms.Single());

        Assert.Equal(new DateOnly(2026, 12, 6), term.Rule.Next(new DateOnly(2026, 12, 2)));
        Assert.Equal(new DateOnly(2026, 12, 6), term.Rule.Next(new DateOnly(2026, 12, 6)));
    }

    [Fact]
    public void Day_5_of_the_next_month_is_a_monthly_schedule_and_31_January_of_the_next_year_a_yearly_one()
    {
        Assert.Equal(new RecurrenceRule(RecurrenceFrequency.Monthly, 5, 1), Assert.IsType<RecurringTerm>(_parser.Parse("Trước ngày 05 của tháng liền kề", 2026).Terms.Single()).Rule);
        Assert.Equal(new RecurrenceRule(RecurrenceFrequency.Yearly, 31, 1), Assert.IsType<RecurringTerm>(_parser.Parse("Trước ngày 31/01 năm liền kề", 2026).Terms.Single()).Rule);
    }

    [Fact]
    public void Offsets_in_hours_and_months_count_from_the_event()
    {
        var hours = Assert.IsType<EventRelativeTerm>(_parser.Parse("Chậm nhất 24 giờ sau khi bão tan").Terms.Single());
        var months = Assert.IsType<EventRelativeTerm>(_parser.Parse("Sau 03 tháng kể từ khi có văn bản của Trung ương").Terms.Single());
        var calendar = DonDoc.Core.Calendar.WorkingDayCalendar.Default;

        Assert.Equal(1, hours.Days);
        Assert.Equal(new DateOnly(2026, 9, 11), hours.DueAfter(new DateOnly(2026, 9, 10), calendar));
        Assert.Equal(3, months.Months);
        Assert.Equal(new DateOnly(2026, 5, 10), months.DueAfter(new DateOnly(2026, 2, 10), calendar));
        Assert.Equal("3 tháng sau có văn bản của Trung ương", months.Explanation);
    }

    [Fact]
    public void An_expected_date_is_kept_beside_the_binding_one()
    {
        var deadline = _parser.Parse("Dự kiến ngày 15/11/2025 (Chậm nhất ngày 30/11/2025)");

        Assert.Collection(
            deadline.Terms,
            t => Assert.True(Assert.IsType<DateTerm>(t).Tentative),
            t => Assert.False(Assert.IsType<DateTerm>(t).Tentative));
    }

    [Fact]
    public void Milestones_keep_their_labels_and_all_their_dates()
    {
        var deadline = _parser.Parse("Sơ kết: tháng 6/2026; Tổng kết: tháng 12/2026");

        Assert.Collection(
            deadline.Terms,
            t => Assert.Equal(("Sơ kết", new DateOnly(2026, 6, 30)), (t.Milestone, t.Due!.Value)),
            t => Assert.Equal(("Tổng kết", new DateOnly(2026, 12, 31)), (t.Milestone, t.Due!.Value)));
    }

    [Fact]
    public void During_a_feast_is_explained_as_during_it()
    {
        var term = Assert.IsType<EventRelativeTerm>(_parser.Parse("Trong dịp Tết Nguyên đán").Terms.Single());

        Assert.Equal((EventDirection.During, "trong dịp Tết Nguyên đán"), (term.Direction, term.Explanation));
    }

    [Fact]
    public void A_range_keeps_where_it_starts()
    {
        var term = Assert.IsType<PeriodTerm>(_parser.Parse("Từ tháng 12/2025 đến quý I/2026").Terms.Single());

        Assert.Equal((new DateOnly(2025, 12, 1), new DateOnly(2026, 3, 31)), (term.Start, term.End));
    }

    [Fact]
    public void A_period_followed_by_continuous_operation_keeps_both()
    {
        Assert.Collection(
            _parser.Parse("Quý IV/2025 và vận hành thường xuyên").Terms,
            t => Assert.IsType<PeriodTerm>(t),
            t => Assert.IsType<ContinuousTerm>(t));
    }

    [Fact]
    public void A_term_of_office_is_not_a_deadline()
    {
        var term = Assert.IsType<EventRelativeTerm>(_parser.Parse("Sau Đại hội Đảng bộ tỉnh nhiệm kỳ 2025 - 2030").Terms.Single());

        Assert.Equal(EventDirection.After, term.Direction);
    }
}
