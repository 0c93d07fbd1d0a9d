using DonDoc.Data.Storage;
using DonDoc.Data.Tests.Storage;
using DonDoc.Tracking.Tasks;
using DonDoc.Tracking.Tests.Hosting;

namespace DonDoc.Tracking.Tests.Tasks;

/// <summary>Lists are paged by position, not by offset: tasks published while someone pages through a list never make a row appear twice or not at all.</summary>
public sealed class KeysetPagingTest
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static readonly DateTimeOffset Start = new(2026, 5, 4, 9, 0, 0, TimeSpan.FromHours(7));

    private static readonly string[] Deadlines = ["30/04/2026", "15/05/2026", "Quý III/2026", "Thường xuyên", "Ngày 10 hằng tháng", "31/12/2026", "Đã hoàn thành"];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Paging_through_the_tasks_while_plans_are_published_neither_skips_nor_repeats_a_row(DatabaseProvider provider)
    {
        await using var app = await TrackingServices.CreateAsync(provider, Start);
        var ct = CancellationToken.None;
        var before = new HashSet<int>();
        for (var plan = 0; plan < 3; plan++)
        {
            var (_, ids) = await PlanRows.PublishAsync(app, $"Kế hoạch có sẵn số {plan + 1}", Rows(plan, 30));
            before.UnionWith(ids);
        }

        // Plans are published all along, by another unit of work, with deadlines that sort before and after any position.
        using var stop = new CancellationTokenSource();
        var published = 0;
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await PlanRows.PublishAsync(app, $"Kế hoạch mới số {published + 1}", Rows(published + 10, 5));
                published++;
            }
        }, ct);

        var seen = new List<int>();
        string? after = null;
        var pages = 0;
        do
        {
            var page = await app.InScopeAsync(s => s.GetRequiredService<TaskCatalog>().ListAsync(TrackingServices.Office, new TaskFilter(), new PageRequest(after, 4), ct));
            seen.AddRange(page.Items.Select(t => t.Id));
            after = page.Next;
            pages++;
            if (pages % 3 == 0)
            {
                // And at least one plan lands between some pages, whatever the scheduler does.
                await PlanRows.PublishAsync(app, $"Kế hoạch chen giữa số {pages}", Rows(pages + 100, 3));
            }
        }
        while (after is not null);
        stop.Cancel();
        await writer;

        Assert.True(published + (pages / 3) > 0);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Empty(before.Except(seen));
    }

    private static List<PlanLine> Rows(int seed, int count) =>
        Enumerable.Range(0, count).Select(i => new PlanLine($"Nhiệm vụ {seed}.{i}", "Sở Nội vụ", null, Deadlines[(seed + i) % Deadlines.Length])).ToList();
}
