using BenchmarkDotNet.Attributes;
using DonDoc.Core.Deadlines;

namespace DonDoc.Benchmarks;

/// <summary>Deadline expressions parsed per second (target ≥ 200,000/s, issue 3).</summary>
[MemoryDiagnoser]
public class DeadlineParserBenchmark
{
    private static readonly string[] Expressions =
    [
        "Trước 31/8/2025", "Chậm nhất ngày 01/4/2026", "Chậm nhất 16h ngày 31/3/2026 (trước 17h00 gửi Bộ cùng ngày).",
        "Quý III/2026", "Trong Quý IV/2026", "Tháng 7-9/2025", "Năm 2025, 2026", "Giai đoạn 2026-2030", "Trong năm",
        "Thường xuyên", "Thực hiện tháng 3 và tháng 4/2026 và thường xuyên", "Ngày 25 hàng tháng", "Trước ngày 15 tháng cuối quý",
        "Sau đại hội 07 ngày", "Trước Đại hội Đảng bộ tỉnh 30 ngày làm việc", "Sau khi có hướng dẫn của Trung ương",
        "Theo Kế hoạch số 12-KH/TU ngày 02/3/2026 của Ban Thường vụ", "Quý IV/2025; Trong năm", "Đã hoàn thành", "6 tháng đầu năm 2026",
    ];

    private readonly DeadlineParser _parser = new();

    /// <summary>One operation parses all 20 expressions: expressions per second = 20 / mean time.</summary>
    [Benchmark(OperationsPerInvoke = 20)]
    public int ParseTwentyExpressions()
    {
        var kinds = 0;
        foreach (var expression in Expressions)
        {
            kinds += (int)_parser.Parse(expression, 2026).Kind;
        }

        return kinds;
    }
}
