using System.Text;
using DonDoc.Tracking.Imports;
using DonDoc.Tracking.Tasks;

namespace DonDoc.Tracking.Tests.Hosting;

/// <summary>A row of a plan a test writes: what, who leads, who coordinates, by when.</summary>
public sealed record PlanLine(string Content, string Lead, string? Coordinators, string? Deadline);

/// <summary>Writes a tab-separated plan of the test's own rows, imports it and publishes it through the services, as the office does.</summary>
public static class PlanRows
{
    /// <returns>The plan's id and the id of each row's task, in row order (every row has one lead).</returns>
    public static async Task<(int PlanId, IReadOnlyList<int> TaskIds)> PublishAsync(TrackingServices app, string title, IReadOnlyList<PlanLine> rows)
    {
        var text = new StringBuilder();
        text.Append(title).Append("\n\n");
        text.Append("STT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\tSản phẩm\n");
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            text.Append(i + 1).Append('\t').Append(row.Content).Append('\t').Append(row.Lead).Append('\t')
                .Append(row.Coordinators).Append('\t').Append(row.Deadline).Append("\tBáo cáo\n");
        }

        var ct = CancellationToken.None;
        var planId = await app.InScopeAsync(async s =>
        {
            var drafts = s.GetRequiredService<ImportDrafts>();
            var draft = await drafts.CreateAsync(TrackingServices.Office, "ke-hoach.txt", Encoding.UTF8.GetBytes(text.ToString()), ct);
            Assert.Equal(rows.Count, await drafts.PublishAsync(TrackingServices.Office, draft, ct));
            return draft;
        });
        var ids = new Dictionary<string, int>();
        string? after = null;
        do
        {
            var page = await app.InScopeAsync(s => s.GetRequiredService<TaskCatalog>().ListAsync(TrackingServices.Office, new TaskFilter(PlanId: planId), new PageRequest(after, 500), ct));
            foreach (var task in page.Items)
            {
                ids[task.Number!] = task.Id;
            }

            after = page.Next;
        }
        while (after is not null);
        return (planId, Enumerable.Range(1, rows.Count).Select(n => ids[n.ToString(System.Globalization.CultureInfo.InvariantCulture)]).ToList());
    }
}
