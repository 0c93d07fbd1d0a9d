using BenchmarkDotNet.Attributes;
using DonDoc.Core.Agencies;

namespace DonDoc.Benchmarks;

/// <summary>Agency cells resolved per second against a directory of 5,000 agencies (target ≥ 50,000/s, issue 4).</summary>
[MemoryDiagnoser]
public class AgencyResolutionBenchmark
{
    private const int Cells = 100_000;
    private static readonly string[] Places = ["Hòa", "Phú", "Tân", "An", "Bình", "Thạnh", "Long", "Mỹ", "Xuân", "Đông"];
    private AgencyDirectory _directory = AgencyDirectory.Default;
    private string[] _cells = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var agencies = Enumerable.Range(0, 5_000)
            .Select(i => new Agency($"Ủy ban nhân dân xã {Places[i % 10]} {Places[i / 10 % 10]} {i}", AgencyKind.CommunePeopleCommittee)
            {
                Aliases = [$"UBND xã {Places[i % 10]} {Places[i / 10 % 10]} {i}"],
            })
            .ToList();
        _directory = AgencyDirectory.Default.With(agencies, []);
        string[] known = ["Sở Nội vụ", "Văn phòng UBND tỉnh", "Các Sở, ban, ngành", "Sở Văn hóa, Thể thao và Du lịch", "Đảng ủy các xã, phường", "Sở KH&CN (chủ trì)"];
        // Cells of 1 to 4 names: provincial agencies and groups, communes of the directory, and one unknown name in fifty.
        _cells = Enumerable.Range(0, Cells).Select(i =>
        {
            var parts = Enumerable.Range(0, 1 + (i % 4)).Select(k =>
            {
                var commune = random.Next(5_000);
                return (k % 2, random.Next(50)) switch
                {
                    (_, 0) => $"Hợp tác xã {Places[random.Next(10)]} {random.Next(100)}",
                    (0, _) => known[random.Next(known.Length)],
                    _ => $"UBND xã {Places[commune % 10]} {Places[commune / 10 % 10]} {commune}",
                };
            });
            return string.Join("; ", parts);
        }).ToArray();
    }

    /// <summary>One operation resolves all 100,000 cells: cells per second = 100,000 / mean time.</summary>
    [Benchmark(OperationsPerInvoke = Cells)]
    public int ResolveOneHundredThousandCells()
    {
        var found = 0;
        foreach (var cell in _cells)
        {
            found += _directory.Resolve(cell).Count;
        }

        return found;
    }
}
