using DonDoc.Core.Access;
using DonDoc.Data.Agencies;
using DonDoc.Data.Storage;
using DonDoc.Data.Tests.Storage;
using DonDoc.Tracking.Tasks;
using DonDoc.Tracking.Tests.Hosting;

namespace DonDoc.Tracking.Tests.Tasks;

/// <summary>Search on the database's full-text index: folded, ranked (content and plan before coordinator lists), phrases, field filters, status words, access.</summary>
public sealed class SearchRankingTest
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static readonly DateTimeOffset Start = new(2026, 5, 4, 9, 0, 0, TimeSpan.FromHours(7));

    private static readonly PlanLine[] Digital =
    [
        new("Số hóa hồ sơ lưu trữ của cơ quan", "Sở Nội vụ", null, "30/04/2026"),
        new("Tổ chức lễ hội văn hóa truyền thống", "Sở Văn hóa, Thể thao và Du lịch", "Sở Nội vụ", "31/12/2026"),
        new("Kiểm tra công tác văn thư", "Sở Nội vụ", "Sở Văn hóa, Thể thao và Du lịch; Sở Tư pháp", "30/04/2026"),
        new("Hoàn thiện cơ sở dữ liệu, số hóa thủ tục hành chính", "Sở Tư pháp", null, "31/12/2026"),
        new("Hóa đơn điện tử và số liệu báo cáo thuế", "Sở Tài chính", null, "31/12/2026"),
        new("Bồi dưỡng kỹ năng cho công chức", "Sở Nội vụ", null, "31/12/2026"),
    ];

    private static readonly PlanLine[] Other =
    [
        new("Số hóa tài liệu của kho lưu trữ lịch sử", "Sở Nội vụ", null, "31/12/2026"),
    ];

    public static TheoryData<DatabaseProvider, string, int[]> Queries()
    {
        // Row numbers of the first plan (1-6) and of the second (11); the order is the expected order, best first.
        var queries = new (string Query, int[] Rows)[]
        {
            // "số hóa" as a phrase in the content first (newest first), then both words in the content or the plan's title, then in the agencies.
            ("so hoa", [11, 4, 1, 5, 2, 3]),
            ("SỐ HÓA", [11, 4, 1, 5, 2, 3]),
            ("so\u0302\u0301 ho\u0301a", [11, 4, 1, 5, 2, 3]),
            ("số\u200B hóa", [11, 4, 1, 5, 2, 3]),
            ("\"số hóa\"", [11, 4, 1]),
            ("so hoa lead:\"so noi vu\"", [11, 1, 3]),
            ("lead:\"Sở Tư pháp\"", [4]),
            ("so hoa plan:\"chuyen doi so\"", [4, 1, 5, 2, 3]),
            ("so hoa quá hạn", [1, 3]),
            ("van thu", [3]),
            ("cong chuc", [6]),
            ("hoa don", [5]),
        };
        var data = new TheoryData<DatabaseProvider, string, int[]>();
        foreach (var provider in TestDatabase.Providers)
        {
            foreach (var (query, rows) in queries)
            {
                data.Add(provider, query, rows);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task A_search_finds_and_ranks_as_a_reader_expects(DatabaseProvider provider, string query, int[] rows)
    {
        await using var app = await TrackingServices.CreateAsync(provider, Start);
        var ids = await PublishAsync(app);

        var found = await SearchAsync(app, TrackingServices.Office, query, 2);

        Assert.Equal(rows.Select(r => ids[r]).ToList(), found);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_officer_finds_only_the_tasks_of_the_agency(DatabaseProvider provider)
    {
        await using var app = await TrackingServices.CreateAsync(provider, Start);
        var ids = await PublishAsync(app);
        var tuPhap = await app.InScopeAsync(s => s.GetRequiredService<AgencyDirectoryStore>().FindAgencyIdAsync("Sở Tư pháp", CancellationToken.None));

        var found = await SearchAsync(app, TrackingServices.Officer(tuPhap!.Value), "so hoa", 50);

        Assert.Equal([ids[4], ids[3]], found);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_search_counts_what_it_finds(DatabaseProvider provider)
    {
        await using var app = await TrackingServices.CreateAsync(provider, Start);
        await PublishAsync(app);

        var page = await app.InScopeAsync(s => s.GetRequiredService<TaskCatalog>().ListAsync(TrackingServices.Office, new TaskFilter(Query: "so hoa"), new PageRequest(null, 2, WithTotal: true), CancellationToken.None));

        Assert.Equal(6, page.Total);
        Assert.Equal(2, page.Items.Count);
        Assert.NotNull(page.Next);
    }

    private static async Task<Dictionary<int, int>> PublishAsync(TrackingServices app)
    {
        var (_, digital) = await PlanRows.PublishAsync(app, "Kế hoạch chuyển đổi số năm 2026", Digital);
        var (_, other) = await PlanRows.PublishAsync(app, "Kế hoạch công tác lưu trữ", Other);
        var ids = digital.Select((id, i) => (Row: i + 1, id)).ToDictionary(x => x.Row, x => x.id);
        ids[11] = other[0];
        return ids;
    }

    /// <summary>Every result, read <paramref name="pageSize"/> at a time, in order.</summary>
    private static async Task<List<int>> SearchAsync(TrackingServices app, Actor actor, string query, int pageSize)
    {
        var found = new List<int>();
        string? after = null;
        do
        {
            var page = await app.InScopeAsync(s => s.GetRequiredService<TaskCatalog>().ListAsync(actor, new TaskFilter(Query: query), new PageRequest(after, pageSize), CancellationToken.None));
            found.AddRange(page.Items.Select(t => t.Id));
            after = page.Next;
        }
        while (after is not null);
        return found;
    }
}
