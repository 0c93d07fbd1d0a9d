using DonDoc.Core.Access;
using DonDoc.Core.Deadlines;
using DonDoc.Core.Tracking;
using DonDoc.Data.Agencies;
using DonDoc.Data.Plans;
using DonDoc.Data.Storage;
using DonDoc.Data.Tests.Storage;
using DonDoc.Tracking.Dashboard;
using DonDoc.Tracking.Tasks;
using DonDoc.Tracking.Tests.Hosting;
using DonDoc.Tracking.Workflow;

namespace DonDoc.Tracking.Tests.Tasks;

/// <summary>
/// The statuses the database evaluates from the stored columns (lists, status filters, counts, the dashboard)
/// and the one the task page shows equal what <see cref="TaskStatusEvaluator"/> judges from the printed deadline,
/// on a table of cases: every kind of deadline, before, on and after its due date, done on time and late,
/// cancelled (the task or its plan), extended, waiting for an event or condition and triggered by one; then
/// again on later days, after the daily refresh.
/// </summary>
public sealed class StoredStatusTest
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    /// <summary>Monday 4 May 2026, 09:00 in Hà Nội.</summary>
    private static readonly DateTimeOffset Start = new(2026, 5, 4, 9, 0, 0, TimeSpan.FromHours(7));

    private static readonly DateOnly Today = new(2026, 5, 4);

    private enum Treatment
    {
        None,
        DoneOnTime,
        DoneLate,
        Cancelled,
        Extended,
    }

    private sealed record Case(string? Deadline, Treatment Treatment);

    private static readonly Case[] Cases =
    [
        // A date: after, on, within the due-soon week (its last day and the day after), far ahead.
        new("30/04/2026", Treatment.None),
        new("30/04/2026", Treatment.DoneOnTime),
        new("30/04/2026", Treatment.DoneLate),
        new("30/04/2026", Treatment.Cancelled),
        new("30/04/2026", Treatment.Extended),
        new("04/05/2026", Treatment.None),
        new("04/05/2026", Treatment.DoneOnTime),
        new("04/05/2026", Treatment.Cancelled),
        new("08/05/2026", Treatment.None),
        new("11/05/2026", Treatment.None),
        new("12/05/2026", Treatment.None),
        new("Chậm nhất ngày 31/12/2026", Treatment.None),
        new("Chậm nhất ngày 31/12/2026", Treatment.DoneOnTime),
        new("Chậm nhất ngày 31/12/2026", Treatment.Extended),
        // The end of a period.
        new("Quý I/2026", Treatment.None),
        new("Quý I/2026", Treatment.DoneLate),
        new("Tháng 5/2026", Treatment.None),
        new("Quý III/2026", Treatment.None),
        new("Quý III/2026", Treatment.Cancelled),
        // Recurring, continuous.
        new("Ngày 10 hằng tháng", Treatment.None),
        new("Ngày 25 hằng tháng", Treatment.None),
        new("Hằng quý", Treatment.None),
        new("Ngày 10 hằng tháng", Treatment.Cancelled),
        new("Ngày 10 hằng tháng", Treatment.Extended),
        new("Thường xuyên", Treatment.None),
        new("Thường xuyên", Treatment.Cancelled),
        // Waiting for an event or a condition; two of them are recorded below.
        new("Sau Đại hội Đảng bộ tỉnh 07 ngày", Treatment.None),
        new("Sau Đại hội Đảng bộ tỉnh 07 ngày", Treatment.DoneOnTime),
        new("Sau kỳ họp Hội đồng nhân dân tỉnh 10 ngày làm việc", Treatment.None),
        new("Sau khi có hướng dẫn của Trung ương", Treatment.None),
        new("Sau khi có hướng dẫn của Bộ Nội vụ", Treatment.None),
        new("Sau khi có hướng dẫn của Bộ Nội vụ", Treatment.DoneOnTime),
        new("Sau khi có hướng dẫn của Bộ Nội vụ", Treatment.Cancelled),
        // Done by the plan, none, not understood.
        new("Đã hoàn thành", Treatment.None),
        new("Đã hoàn thành", Treatment.Cancelled),
        new(null, Treatment.None),
        new("Theo lộ trình chung của tỉnh", Treatment.None),
    ];

    private static readonly RecordedEvent[] Events =
    [
        new("Đại hội Đảng bộ tỉnh", new DateOnly(2026, 4, 28)),
        new("hướng dẫn của Trung ương", new DateOnly(2026, 4, 20), new DateOnly(2026, 5, 6)),
    ];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Statuses_from_the_database_equal_the_evaluator_s_on_every_kind_of_deadline_and_day(DatabaseProvider provider)
    {
        await using var app = await TrackingServices.CreateAsync(provider, Start);
        var ct = CancellationToken.None;
        var (planId, ids) = await PlanRows.PublishAsync(app, "Kế hoạch kiểm tra trạng thái", Cases.Select((c, i) => new PlanLine($"Nhiệm vụ số {i + 1}", "Sở Nội vụ", null, c.Deadline)).ToList());
        var (cancelledPlanId, cancelledIds) = await PlanRows.PublishAsync(app, "Kế hoạch bị hủy", [new("Việc của kế hoạch hủy", "Sở Nội vụ", null, "08/05/2026"), new("Việc định kỳ của kế hoạch hủy", "Sở Nội vụ", null, "Ngày 10 hằng tháng")]);
        var noiVu = await app.InScopeAsync(s => s.GetRequiredService<AgencyDirectoryStore>().FindAgencyIdAsync("Sở Nội vụ", ct));
        var officer = TrackingServices.Officer(noiVu!.Value);

        var expected = new Dictionary<int, Func<DateOnly, StatusAssessment>>();
        var parser = new DeadlineParser();
        var evaluator = app.Services.GetRequiredService<TaskStatusEvaluator>();
        for (var i = 0; i < Cases.Length; i++)
        {
            var (text, treatment) = Cases[i];
            var id = ids[i];
            var printed = parser.Parse(text);
            DateOnly? completedOn = null;
            var inForce = printed;
            switch (treatment)
            {
                case Treatment.DoneOnTime or Treatment.DoneLate:
                    completedOn = treatment == Treatment.DoneLate || printed.Due is not { } due || due >= Today ? Today : due.AddDays(-1);
                    await app.InScopeAsync(s => Complete(s, officer, id, completedOn.Value));
                    break;
                case Treatment.Cancelled:
                    await app.InScopeAsync(async s => { await s.GetRequiredService<TaskWorkflow>().CancelAsync(TrackingServices.Office, id, new CancelInput("Không còn phù hợp"), ct); return 0; });
                    break;
                case Treatment.Extended:
                    var extendedTo = new DateOnly(2027, 3, 31);
                    await app.InScopeAsync(async s =>
                    {
                        var workflow = s.GetRequiredService<TaskWorkflow>();
                        var request = await workflow.RequestExtensionAsync(officer, id, new ExtensionInput(extendedTo, "Chờ kinh phí"), ct);
                        await workflow.DecideExtensionAsync(TrackingServices.Office, request, new ExtensionDecisionInput("approve"), ct);
                        return 0;
                    });
                    inForce = new Deadline(text, [new DateTerm(extendedTo, null)]);
                    break;
            }

            var (deadline, done, cancelled) = (inForce, completedOn, treatment == Treatment.Cancelled);
            expected[id] = day => evaluator.Evaluate(deadline, day, done, cancelled, Events);
        }

        foreach (var id in cancelledIds)
        {
            var printed = parser.Parse(id == cancelledIds[0] ? "08/05/2026" : "Ngày 10 hằng tháng");
            expected[id] = day => evaluator.Evaluate(printed, day, cancelled: true);
        }

        await app.InScopeAsync(async s =>
        {
            var triggers = s.GetRequiredService<EventTriggers>();
            await triggers.RecordAsync(TrackingServices.Office, new EventInput(Events[0].Name, Events[0].Date), ct);
            await triggers.RecordAsync(TrackingServices.Office, new EventInput(Events[1].Name, Events[1].Date, IsCondition: true, DueOn: Events[1].Due), ct);
            await s.GetRequiredService<TaskWorkflow>().ClosePlanAsync(TrackingServices.Office, cancelledPlanId, cancel: true, "Kế hoạch được thay thế", null, ct);
            return 0;
        });

        var seen = new HashSet<TrackingStatus>();
        foreach (var day in new[] { Today, new DateOnly(2026, 5, 11), new DateOnly(2026, 5, 26), new DateOnly(2027, 1, 15) })
        {
            app.Clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(7)).ToUniversalTime());
            await app.InScopeAsync(s => s.GetRequiredService<TaskStatusRefresh>().RunAsync(ct));
            var wanted = expected.ToDictionary(e => e.Key, e => e.Value(day));
            seen.UnionWith(wanted.Values.Select(w => w.Status));
            await AssertDatabaseAgreesAsync(app, [planId, cancelledPlanId], wanted, day);
        }

        Assert.Equal(Enum.GetValues<TrackingStatus>().Order(), seen.Order());
    }

    private static async Task<int> Complete(IServiceProvider services, Actor officer, int id, DateOnly doneOn)
    {
        var workflow = services.GetRequiredService<TaskWorkflow>();
        await workflow.ReportCompletionAsync(officer, id, new CompletionInput("Đã xong", doneOn), [], CancellationToken.None);
        await workflow.ReviewAsync(TrackingServices.Office, id, new ReviewInput("accept"), CancellationToken.None);
        return 0;
    }

    private static async Task AssertDatabaseAgreesAsync(TrackingServices app, int[] planIds, Dictionary<int, StatusAssessment> wanted, DateOnly day)
    {
        var ct = CancellationToken.None;
        // Lists: the status and reason of every row, read a few rows a page.
        var listed = new List<TaskSummary>();
        foreach (var planId in planIds)
        {
            string? after = null;
            do
            {
                var page = await app.InScopeAsync(s => s.GetRequiredService<TaskCatalog>().ListAsync(TrackingServices.Office, new TaskFilter(PlanId: planId), new PageRequest(after, 7), ct));
                listed.AddRange(page.Items);
                after = page.Next;
            }
            while (after is not null);
        }

        Assert.Equal(wanted.Keys.Order(), listed.Select(t => t.Id).Order());
        foreach (var task in listed)
        {
            var expected = wanted[task.Id];
            Assert.True(expected.Status.ToSchemaName() == task.Status, $"{day}: task {task.Number} \"{task.DeadlineRaw}\" is {task.Status}, the evaluator says {expected.Status.ToSchemaName()} ({expected.Reason})");
            Assert.Equal(expected.Reason, task.StatusReason);
            Assert.Equal(expected.Due, task.Due);
        }

        // The task page, one task at a time.
        foreach (var (id, expected) in wanted)
        {
            var details = await app.InScopeAsync(s => s.GetRequiredService<TaskCatalog>().GetAsync(TrackingServices.Office, id, ct));
            Assert.Equal(expected.Status.ToSchemaName(), details.Task.Status);
        }

        // Each status as a filter, and the counts.
        foreach (var status in Enum.GetValues<TrackingStatus>())
        {
            var found = new List<int>();
            foreach (var planId in planIds)
            {
                var page = await app.InScopeAsync(s => s.GetRequiredService<TaskCatalog>().ListAsync(TrackingServices.Office, new TaskFilter(PlanId: planId, Status: status.ToSchemaName()), new PageRequest(null, 500), ct));
                found.AddRange(page.Items.Select(t => t.Id));
            }

            Assert.True(wanted.Where(w => w.Value.Status == status).Select(w => w.Key).Order().SequenceEqual(found.Order()), $"{day}: the filter {status} lists [{string.Join(", ", found.Order())}]");
        }

        // Each colour as a filter (the dashboard's figures link to these lists) lists the rows of that colour.
        foreach (var colour in Enum.GetValues<StatusColour>())
        {
            var found = new List<int>();
            foreach (var planId in planIds)
            {
                var page = await app.InScopeAsync(s => s.GetRequiredService<TaskCatalog>().ListAsync(TrackingServices.Office, new TaskFilter(PlanId: planId, Colours: [colour]), new PageRequest(null, 500), ct));
                found.AddRange(page.Items.Select(t => t.Id));
            }

            var name = colour.ToString().ToLowerInvariant();
            Assert.True(listed.Where(t => t.Colour == name).Select(t => t.Id).Order().SequenceEqual(found.Order()), $"{day}: the colour {name} lists [{string.Join(", ", found.Order())}]");
        }

        // What needs the lead's action (overdue, due soon, a report due; not a completion the office is deciding) and the rest split the led tasks.
        var lead = listed[0].LeadAgencyId;
        foreach (var needsAction in new[] { true, false })
        {
            var found = new List<int>();
            foreach (var planId in planIds)
            {
                var page = await app.InScopeAsync(s => s.GetRequiredService<TaskCatalog>().ListAsync(TrackingServices.Office, new TaskFilter(PlanId: planId, AgencyId: lead, Role: AssignmentRole.Lead, NeedsAction: needsAction), new PageRequest(null, 500), ct));
                found.AddRange(page.Items.Select(t => t.Id));
            }

            var waiting = listed.Where(t => ((t.Status is "overdue" or "due_soon") && t.Completion != "Reported") || t.Completion == "Returned").Select(t => t.Id).ToHashSet();
            Assert.True(listed.Where(t => waiting.Contains(t.Id) == needsAction).Select(t => t.Id).Order().SequenceEqual(found.Order()), $"{day}: needing action = {needsAction} lists [{string.Join(", ", found.Order())}]");
        }

        var counts = await app.InScopeAsync(s => s.GetRequiredService<TaskCatalog>().CountByStatusAsync(TrackingServices.Office, new TaskFilter(PlanId: planIds[0]), ct));
        var inFirstPlan = wanted.Where(w => listed.Single(t => t.Id == w.Key).PlanId == planIds[0]).GroupBy(w => w.Value.Status).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(inFirstPlan.OrderBy(c => c.Key), counts.OrderBy(c => c.Key));

        // The dashboard over every plan counts what the lists show, cancelled tasks left out.
        var dashboard = await app.InScopeAsync(s => s.GetRequiredService<DashboardBuilder>().BuildAsync(TrackingServices.Office, null, new DashboardPages(Limit: 500), ct));
        var open = wanted.Values.Where(w => w.Status != TrackingStatus.Cancelled).ToList();
        Assert.Equal(open.Count, dashboard.Total);
        Assert.Equal(open.Count(w => w.Status == TrackingStatus.Overdue), dashboard.Buckets.Overdue);
        Assert.Equal(open.Count(w => w.Status is TrackingStatus.DoneOnTime or TrackingStatus.DoneLate), dashboard.Buckets.Done);
        Assert.Equal(wanted.Where(w => w.Value.Status == TrackingStatus.Overdue).Select(w => w.Key).Order(), dashboard.Overdue.Items.Select(t => t.Id).Order());
    }
}
