using System.Text;
using BenchmarkDotNet.Attributes;
using DonDoc.Core.Deadlines;
using DonDoc.Import.Extraction;
using DonDoc.Import.Reading;

namespace DonDoc.Benchmarks;

/// <summary>Task rows per second from PDF text whose table lost its grid (the dynamic-programming cut).</summary>
[MemoryDiagnoser]
public class FlattenedExtractionBenchmark
{
    private const int Rows = 500;
    private string _text = string.Empty;
    private readonly FlattenedTableExtractor _extractor = new(new DeadlineParser());
    private readonly TextFileReader _reader = new();

    [GlobalSetup]
    public void Setup()
    {
        var builder = new StringBuilder("Phụ lục\nDANH MỤC NHIỆM VỤ\n(Kèm theo Kế hoạch số 10/KH-UBND ngày 02/01/2026 của UBND tỉnh)\n");
        builder.Append("STT Nội dung công việc\nCơ quan\nchủ trì\nCơ quan phối hợp\nSản phẩm\nThời hạn\n");
        for (var i = 1; i <= Rows; i++)
        {
            builder.Append($"{i}\nTham mưu triển khai nhiệm vụ số {i} về cải cách\nhành chính, chuyển đổi số và nâng cao chất\nlượng phục vụ người dân\n");
            builder.Append("Văn phòng\nUBND tỉnh\nCác sở, ban, ngành, cơ\nquan đơn vị, UBND\ncác xã, phường\nBáo cáo\n");
            builder.Append(i % 2 == 0 ? "Thường\nxuyên\n" : "Trong Quý\nIII/2026\n");
        }

        _text = builder.ToString();
    }

    /// <summary>One operation extracts 500 rows: rows per second = 500 / mean time.</summary>
    [Benchmark(OperationsPerInvoke = Rows)]
    public int ExtractFiveHundredFlattenedRows() => _extractor.TryExtract(_reader.Parse("bench.txt", _text))!.Plan.Tasks.Count;
}
