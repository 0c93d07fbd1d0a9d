using DonDoc.Data.Storage;
using DonDoc.Tracking.Tests.Hosting;
using DonDoc.Tracking.Workflow;

namespace DonDoc.Tracking.Tests.Workflow;

/// <summary>The events page lists what tasks wait for, to pick from, and names the tasks an event dated (issue #17 item 10).</summary>
public sealed class AwaitedEventsTest
{
    private static readonly DateTimeOffset Start = new(2026, 5, 4, 2, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Waiting_tasks_are_grouped_by_the_event_they_wait_for_and_recording_the_picked_one_dates_exactly_those()
    {
        await using var app = await TrackingServices.CreateAsync(DatabaseProvider.Sqlite, Start);
        var (_, ids) = await PlanRows.PublishAsync(app, "Kế hoạch triển khai nghị quyết",
        [
            new("Quán triệt nghị quyết đại hội", "Sở Nội vụ", null, "Sau Đại hội Đảng bộ tỉnh 07 ngày"),
            new("Xây dựng chương trình hành động", "Sở Tư pháp", null, "Sau Đại hội Đảng bộ tỉnh 15 ngày"),
            new("Sửa đổi quy chế làm việc", "Sở Nội vụ", null, "Sau khi có hướng dẫn của Bộ Nội vụ"),
            new("Tổng kết công tác quý II", "Sở Nội vụ", null, "30/06/2026"),
        ]);

        var awaited = await app.InScopeAsync(s => s.GetRequiredService<EventTriggers>().AwaitedAsync(TrackingServices.Office, Ct));
        var refused = await Assert.ThrowsAsync<WorkflowException>(() => app.InScopeAsync(s => s.GetRequiredService<EventTriggers>().AwaitedAsync(TrackingServices.Officer(1), Ct)));

        Assert.Equal(WorkflowFailure.Forbidden, refused.Failure);
        Assert.Equal(2, awaited.Count);
        var congress = awaited[0];
        Assert.Contains("Đại hội Đảng bộ tỉnh", congress.Name, StringComparison.OrdinalIgnoreCase);
        Assert.False(congress.IsCondition);
        Assert.Equal(2, congress.TaskCount);
        Assert.Equal([ids[0], ids[1]], congress.Tasks.Select(t => t.Id));
        Assert.Equal("Sau Đại hội Đảng bộ tỉnh 15 ngày", congress.Tasks[1].DeadlineRaw);
        var guidance = awaited[1];
        Assert.Contains("hướng dẫn của Bộ Nội vụ", guidance.Name, StringComparison.OrdinalIgnoreCase);
        Assert.True(guidance.IsCondition);
        Assert.Equal([ids[2]], guidance.Tasks.Select(t => t.Id));

        var outcome = await app.InScopeAsync(s => s.GetRequiredService<EventTriggers>().RecordAsync(TrackingServices.Office, new EventInput(congress.Name, new DateOnly(2026, 4, 28)), Ct));
        var dated = await app.InScopeAsync(s => s.GetRequiredService<EventTriggers>().DatedAsync(TrackingServices.Office, outcome.TriggeredTaskIds, Ct));
        var after = await app.InScopeAsync(s => s.GetRequiredService<EventTriggers>().AwaitedAsync(TrackingServices.Office, Ct));

        Assert.Equal([ids[0], ids[1]], outcome.TriggeredTaskIds.Order());
        Assert.Equal(["Quán triệt nghị quyết đại hội", "Xây dựng chương trình hành động"], dated.Select(t => t.Content));
        Assert.Equal(["1", "2"], dated.Select(t => t.Number));
        Assert.True(dated[0].Due > new DateOnly(2026, 4, 28) && dated[0].Due < dated[1].Due, $"{dated[0].Due} then {dated[1].Due}");
        Assert.Equal([guidance.Name], after.Select(e => e.Name));
    }
}
