using DonDoc.Core.Deadlines;

namespace DonDoc.Core.Tests.Deadlines;

/// <summary>
/// Deadline cells as printed in real plans and task lists of many issuers (not the seeds), with what a
/// careful reader takes from each under shared/SCHEMA.md: kind and due date. Each group says where its
/// cells come from.
/// </summary>
public sealed class RealDeadlineCellsTest
{
    private readonly DeadlineParser _parser = new();

    // text, plan year, kind, due (yyyy-MM-dd or null)
    public static TheoryData<string, int?, DeadlineKind, string?> Cells => new()
    {
        // Bộ Giáo dục và Đào tạo, directives tracked in 2017, column "Thời hạn hoàn thành"
        // (github.com/motbit/theodoichidao, public/file/121212.xlsx, export of theodoichidao.moet.gov.vn).
        { "tháng 10/2018", 2017, DeadlineKind.PeriodEnd, "2018-10-31" },
        { "Tháng 5 /2018", 2017, DeadlineKind.PeriodEnd, "2018-05-31" },
        { "Thường xuyên", 2017, DeadlineKind.Continuous, null },
        { "Tháng 3/ 2017", 2017, DeadlineKind.PeriodEnd, "2017-03-31" },
        { "năm 2017", 2017, DeadlineKind.PeriodEnd, "2017-12-31" },
        { "Tháng 4/ 2017", 2017, DeadlineKind.PeriodEnd, "2017-04-30" },
        { "Tháng 2/2017", 2017, DeadlineKind.PeriodEnd, "2017-02-28" },
        { "Năm 2017", 2017, DeadlineKind.PeriodEnd, "2017-12-31" },
        { "Từ tháng 2/2017 đến tháng 9/2018", 2017, DeadlineKind.PeriodEnd, "2018-09-30" },
        { "tháng 12/2017", 2017, DeadlineKind.PeriodEnd, "2017-12-31" },
        { "tháng 12/2016", 2017, DeadlineKind.PeriodEnd, "2016-12-31" },
        { "Từ năm 2017 đến năm 2020", 2017, DeadlineKind.PeriodEnd, "2020-12-31" },
        { "tháng 1 đến tháng 12 năm 2017", 2017, DeadlineKind.PeriodEnd, "2017-12-31" },
        { "15/12/2016-15/02/2017", 2017, DeadlineKind.Date, "2017-02-15" },
        { "31/03/2017", 2017, DeadlineKind.Date, "2017-03-31" },
        { "Tháng 4 đến tháng 5/2017", 2017, DeadlineKind.PeriodEnd, "2017-05-31" },
        { " Từ tháng 3/2017 đến năm 2018", 2017, DeadlineKind.PeriodEnd, "2018-12-31" },
        { "Năm 2017 - 2018", 2017, DeadlineKind.PeriodEnd, "2018-12-31" },
        { "tháng 2 đến tháng 4/2017", 2017, DeadlineKind.PeriodEnd, "2017-04-30" },
        { "Từ 30/12/2016 đến 31/3/2017", 2017, DeadlineKind.Date, "2017-03-31" },
        { "năm 2017 - 2018", 2017, DeadlineKind.PeriodEnd, "2018-12-31" },
        { "Từ tháng 5/2017-12/2017", 2017, DeadlineKind.PeriodEnd, "2017-12-31" },
        { "Từ tháng 3 năm 2017 và thường xuyên", 2017, DeadlineKind.Continuous, null },
        { "Quý I đến tháng 9/2017", 2017, DeadlineKind.PeriodEnd, "2017-09-30" },
        { "Tháng 4, 5/2017 và thường xuyên", 2017, DeadlineKind.PeriodEnd, "2017-05-31" },
        { "Trong Quý I và trước ngày 30/4/2017", 2017, DeadlineKind.Date, "2017-04-30" },
        { "Từ tháng 6 đến tháng 10/2017", 2017, DeadlineKind.PeriodEnd, "2017-10-31" },
        { "Từ tháng 4 đến tháng 9 năm 2017", 2017, DeadlineKind.PeriodEnd, "2017-09-30" },
        { "Từ tháng 2/2017 đến tháng 8/2018", 2017, DeadlineKind.PeriodEnd, "2018-08-31" },
        { "Từ tháng 4/2017 đến tháng 12/2018", 2017, DeadlineKind.PeriodEnd, "2018-12-31" },
        { "Cả năm 2017", 2017, DeadlineKind.PeriodEnd, "2017-12-31" },
        { "Tháng 4/2017 đến Tháng 11/2017", 2017, DeadlineKind.PeriodEnd, "2017-11-30" },
        { "Từ 25/12/2016 đến 29/01/2017", 2017, DeadlineKind.Date, "2017-01-29" },
        { "Từ tháng 3 đến tháng 11/2017 và thường xuyên", 2017, DeadlineKind.PeriodEnd, "2017-11-30" },

        // Bộ Tài chính, Cục Quản lý nợ và Kinh tế đối ngoại, legal documents to issue in the second half of 2026, column "deadline"
        // (github.com/DMFER-MOF/dondocnhiemvuqln, v2/data/policy-2026-h2.json).
        { "12/2026 hoặc 1/2027 (tuỳ thời điểm tổ chức kỳ họp 49 UBLCP Việt Nam Lào", 2026, DeadlineKind.PeriodEnd, "2027-01-31" },
        { "Tuỳ thuộc vào thời điểm Luật NSNN sửa đổi", 2026, DeadlineKind.Conditional, null },
        { "08/2026", 2026, DeadlineKind.PeriodEnd, "2026-08-31" },
        { "12/2026", 2026, DeadlineKind.PeriodEnd, "2026-12-31" },
        { "09/2026", 2026, DeadlineKind.PeriodEnd, "2026-09-30" },
        { "10/2026", 2026, DeadlineKind.PeriodEnd, "2026-10-31" },

        // UBND tỉnh Đắk Lắk, Phụ lục III of a 2026 plan on public IT investment, column "Thời gian thực hiện"
        // (github.com/nvluu/TheoDoiNhiemVu, data.csv).
        { "2025-2026", 2026, DeadlineKind.PeriodEnd, "2026-12-31" },
        { "2016-2025", 2026, DeadlineKind.PeriodEnd, "2025-12-31" },
        { "2026", 2026, DeadlineKind.PeriodEnd, "2026-12-31" },
        { "2026-2027", 2026, DeadlineKind.PeriodEnd, "2027-12-31" },
        { "2026-2028", 2026, DeadlineKind.PeriodEnd, "2028-12-31" },

        // The misses named in issue 12, quoted there from plans of other issuers.
        { "Từ ngày 17/12/2025 đến ngày 25/01/2026", 2025, DeadlineKind.Date, "2026-01-25" },
        { "Quý IV/2025 và Quý I/2026", 2025, DeadlineKind.PeriodEnd, "2026-03-31" },
        { "Từ tháng 12/2025 đến quý I/2026", 2025, DeadlineKind.PeriodEnd, "2026-03-31" },
        { "2025 - 2035", 2025, DeadlineKind.PeriodEnd, "2035-12-31" },
        { "Quý IV/2025- Quý II/2026", 2025, DeadlineKind.PeriodEnd, "2026-06-30" },
        { "Quí IV-2025", 2025, DeadlineKind.PeriodEnd, "2025-12-31" },
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public void Each_real_cell_is_read_as_a_careful_reader_reads_it(string text, int? planYear, DeadlineKind kind, string? due)
    {
        var deadline = _parser.Parse(text, planYear);

        Assert.Equal((kind, due), (deadline.Kind, deadline.Due?.ToString("yyyy-MM-dd")));
    }
}
