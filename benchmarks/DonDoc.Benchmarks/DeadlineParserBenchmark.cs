using System.Text.Json;
using BenchmarkDotNet.Attributes;
using DonDoc.Core.Deadlines;

namespace DonDoc.Benchmarks;

/// <summary>Deadline expressions parsed per second (target ≥ 200,000/s, issues 3 and 12).</summary>
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

    /// <summary>Phrasings of other issuers' plans: ranges and lists due at their end, waves, event offsets, schedules.</summary>
    private static readonly string[] OtherIssuers =
    [
        "12/2025", "Từ ngày 17/12/2025 đến ngày 25/01/2026", "Quý IV/2025 và Quý I/2026", "Từ tháng 12/2025 đến quý I/2026",
        "2025 - 2035", "Quý IV/2025- Quý II/2026", "Đợt 1: từ 01/3 đến 15/4/2026; Đợt 2: từ 01/8 đến 15/9/2026", "Quí IV-2025",
        "Giai đoạn 2026 - 2027. Thực hiện rà soát, đánh giá", "Trong thời hạn 05 ngày làm việc kể từ ngày nhận được hồ sơ",
        "Chậm nhất 10 ngày kể từ ngày Kế hoạch được ban hành", "Ngay sau Đại hội, chậm nhất ngày 30/9/2025",
        "Dự kiến ngày 15/11/2025 (Chậm nhất ngày 30/11/2025)", "Định kỳ hằng năm (trước ngày 30 tháng 11)",
        "Theo lộ trình được giao tại Kế hoạch số 12/KH-UBND ngày 05/01/2026", "Quý IV/2025 và vận hành thường xuyên",
        "Sơ kết: tháng 6/2026; Tổng kết: tháng 12/2026", "Quý\u200b IV/2027", "6 tháng đầu năm và cả năm 2026", "Hằng tháng, trước ngày 20",
    ];

    /// <summary>How many corpus cells one operation parses (the corpus holds more distinct cells; the first ones by text are taken).</summary>
    private const int CorpusCellsPerOperation = 200;

    private readonly DeadlineParser _parser = new();

    private (string Text, int? PlanYear)[] _corpusCells = [];

    /// <summary>
    /// The deadline cells of the committed corpus goldens (tests/corpus/golden), each distinct text with its
    /// plan's year once, as real plans print them: dates, months, quarters, ranges, waves, events, schedules.
    /// </summary>
    [GlobalSetup(Target = nameof(ParseCorpusCells))]
    public void ReadCorpusCells()
    {
        var golden = Path.Combine(RepositoryRoot(), "tests", "corpus", "golden");
        var cells = new SortedDictionary<string, int?>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(golden, "*.json"))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var root = document.RootElement;
            int? year = root.TryGetProperty("plan", out var plan) && plan.TryGetProperty("issued_on", out var issued) && issued.ValueKind == JsonValueKind.String
                ? int.Parse(issued.GetString()![..4], System.Globalization.CultureInfo.InvariantCulture)
                : null;
            foreach (var task in root.GetProperty("tasks").EnumerateArray())
            {
                if (task.TryGetProperty("deadline_raw", out var raw) && raw.ValueKind == JsonValueKind.String)
                {
                    cells.TryAdd(raw.GetString()!, year);
                }
            }
        }

        if (cells.Count < CorpusCellsPerOperation)
        {
            throw new InvalidOperationException($"{golden} holds {cells.Count} distinct deadline cells, fewer than {CorpusCellsPerOperation}");
        }

        // Every n-th cell, so that the sample spans the alphabet of phrasings rather than its first letters.
        var all = cells.Select(c => (c.Key, c.Value)).ToArray();
        _corpusCells = Enumerable.Range(0, CorpusCellsPerOperation).Select(i => all[i * all.Length / CorpusCellsPerOperation]).ToArray();
    }

    /// <summary>One operation parses 200 distinct deadline cells of the corpus goldens.</summary>
    [Benchmark(OperationsPerInvoke = CorpusCellsPerOperation)]
    public int ParseCorpusCells()
    {
        var kinds = 0;
        foreach (var (text, year) in _corpusCells)
        {
            kinds += (int)_parser.Parse(text, year).Kind;
        }

        return kinds;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DonDoc.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("DonDoc.slnx not found above " + AppContext.BaseDirectory);
    }

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

    /// <summary>One operation parses the 20 phrasings of other issuers.</summary>
    [Benchmark(OperationsPerInvoke = 20)]
    public int ParseTwentyOtherIssuersExpressions()
    {
        var kinds = 0;
        foreach (var expression in OtherIssuers)
        {
            kinds += (int)_parser.Parse(expression, 2026).Kind;
        }

        return kinds;
    }
}
