using System.Diagnostics;
using System.Globalization;
using DonDoc.Core.Agencies;
using DonDoc.Core.Calendar;
using DonDoc.Core.Deadlines;
using DonDoc.Core.Tracking;
using DonDoc.Data.Agencies;
using DonDoc.Data.Plans;
using DonDoc.Data.Storage;
using DonDoc.Data.Tracking;
using DonDoc.Tracking.Tasks;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Tracking.Seeding;

/// <param name="Tasks">How many tasks in all.</param>
/// <param name="Agencies">How many agencies the directory holds afterwards (the default directory's, then 33 more provinces' worth).</param>
/// <param name="Plans">How many plans; by default one per 275 tasks (plans of 50–500).</param>
/// <param name="Seed">The random seed: the same numbers give the same data.</param>
public sealed record SeedRequest(int Tasks, int Agencies, int? Plans = null, int Seed = 2026);

public sealed record SeedOutcome(int AgenciesAdded, int Plans, int Tasks, int Assignments, int Extensions, int Reports, TimeSpan Elapsed);

/// <summary>
/// Fills the configured database with published plans that look like a country's: agencies of 34 provinces (the
/// default directory's own among them, "Sở Nội vụ" included), each leading about as many tasks as the others;
/// plans of 50–500 tasks; deadlines of every kind (past and future dates, quarters, months, recurring, "thường
/// xuyên", events and conditions, some recorded); progress, completions on time and late, extensions,
/// cancellations. Every task gets its stored state from the same writer publishing uses. Rows go in by bulk
/// (<see cref="BulkWriter"/>: COPY on PostgreSQL), a few thousand tasks at a time. For benchmarks.
/// </summary>
public sealed class PlanSeeder(
    DonDocDbContext db,
    DatabaseOptions options,
    AgencyDirectoryStore directory,
    TaskStateWriter states,
    TaskStatusEvaluator evaluator,
    DeadlineParser parser,
    TimeProvider clock)
{
    private const int Batch = 5_000;

    private static readonly RecordedEvent[] Events =
    [
        new("Đại hội Đảng bộ tỉnh", new DateOnly(2025, 10, 15)),
        new("hướng dẫn của Trung ương", new DateOnly(2026, 3, 2), new DateOnly(2026, 6, 30)),
    ];

    public async Task<SeedOutcome> SeedAsync(SeedRequest request, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        if (request.Tasks < 1 || request.Agencies < 1 || request.Plans is < 1)
        {
            throw new ArgumentException("tasks, agencies and plans must be at least 1");
        }

        var watch = Stopwatch.StartNew();
        await directory.SeedDefaultAsync(cancellationToken);
        await RecordEventsAsync(cancellationToken);
        var random = new Random(request.Seed);
        var today = VietnamTime.Today(clock);
        var now = clock.GetUtcNow().ToUniversalTime();

        await using var writer = await BulkWriter.OpenAsync(db, options, cancellationToken);
        var (provinces, names, added) = await AgenciesAsync(writer, request.Agencies, random, cancellationToken);
        progress?.Report($"{added} agencies added ({names.Count} in all, {provinces.Count} provinces)");

        var sizes = Sizes(request.Tasks, request.Plans, random);
        var weights = provinces.Select(p => p.Agencies.Count).ToArray();
        var given = new long[provinces.Count];
        var cursors = new int[provinces.Count];
        var ids = new Ids(
            await writer.MaxIdAsync<PlanEntity>(cancellationToken), await writer.MaxIdAsync<PlanTaskEntity>(cancellationToken),
            await writer.MaxIdAsync<TaskAssignmentEntity>(cancellationToken), await writer.MaxIdAsync<ExtensionRequestEntity>(cancellationToken),
            await writer.MaxIdAsync<ProgressReportEntity>(cancellationToken));
        var batch = new SeedBatch();
        var totals = new SeedBatch();
        foreach (var size in sizes)
        {
            var province = Pick(weights, given, size);
            SeedPlan(batch, provinces[province], ref cursors[province], size, names, ids, random, today, now);
            if (batch.Tasks.Count >= Batch)
            {
                await FlushAsync(writer, batch, totals, cancellationToken);
                progress?.Report($"{totals.TaskCount:N0} / {request.Tasks:N0} tasks ({watch.Elapsed.TotalSeconds:0} s)");
            }
        }

        await FlushAsync(writer, batch, totals, cancellationToken);
        await writer.CompleteAsync([typeof(AgencyEntity), typeof(PlanEntity), typeof(PlanTaskEntity), typeof(TaskAssignmentEntity), typeof(ExtensionRequestEntity), typeof(ProgressReportEntity)], cancellationToken);
        return new SeedOutcome(added, totals.PlanCount, totals.TaskCount, totals.AssignmentCount, totals.ExtensionCount, totals.ReportCount, watch.Elapsed);
    }

    private async Task RecordEventsAsync(CancellationToken cancellationToken)
    {
        foreach (var recorded in Events)
        {
            if (!await db.Events.AnyAsync(e => e.Name == recorded.Name, cancellationToken))
            {
                db.Events.Add(new RecordedEventEntity
                {
                    Name = recorded.Name,
                    IsCondition = recorded.Due is not null,
                    OccurredOn = recorded.Date,
                    DueOn = recorded.Due,
                    RecordedBy = "dondoc seed",
                    RecordedAt = clock.GetUtcNow().ToUniversalTime(),
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private sealed record Province(string Name, List<int> Agencies, List<int> Departments);

    private async Task<(List<Province> Provinces, Dictionary<int, string> Names, int Added)> AgenciesAsync(BulkWriter writer, int wanted, Random random, CancellationToken cancellationToken)
    {
        var existing = await db.Agencies.AsNoTracking().Where(a => !a.Retired).Select(a => new { a.Id, a.Name, a.Kind }).ToListAsync(cancellationToken);
        var names = existing.ToDictionary(a => a.Id, a => a.Name);
        var taken = existing.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        var home = new Province("tỉnh", existing.Select(a => a.Id).ToList(), existing.Where(a => a.Kind == AgencyKind.Department).Select(a => a.Id).ToList());
        var provinces = new List<Province> { home };
        var toAdd = Math.Max(0, wanted - existing.Count);
        var others = SeedVocabulary.Provinces.Length - 1;
        var nextId = await writer.MaxIdAsync<AgencyEntity>(cancellationToken);
        var rows = new List<AgencyEntity>();
        for (var p = 1; p <= others && toAdd > 0; p++)
        {
            var provinceName = SeedVocabulary.Provinces[p];
            var count = (toAdd / others) + (p <= toAdd % others ? 1 : 0);
            var province = new Province(provinceName, [], []);
            var made = new List<(string Name, AgencyKind Kind)> { ($"Ủy ban nhân dân {provinceName}", AgencyKind.Other) };
            made.AddRange(SeedVocabulary.Departments.Select(d => ($"{d} {provinceName}", AgencyKind.Department)));
            for (var i = 0; made.Count < count; i++)
            {
                var first = SeedVocabulary.CommuneSyllables[i % SeedVocabulary.CommuneSyllables.Length];
                var second = SeedVocabulary.CommuneSyllables[(i / SeedVocabulary.CommuneSyllables.Length + i + 1) % SeedVocabulary.CommuneSyllables.Length];
                var round = i / (SeedVocabulary.CommuneSyllables.Length * SeedVocabulary.CommuneSyllables.Length);
                var unit = i % 4 == 0 ? "phường" : "xã";
                made.Add(($"Ủy ban nhân dân {unit} {first} {second}{(round > 0 ? " " + (round + 1).ToString(CultureInfo.InvariantCulture) : "")}, {provinceName}", AgencyKind.CommunePeopleCommittee));
            }

            foreach (var (name, kind) in made.Take(count))
            {
                if (!taken.Add(name))
                {
                    continue;
                }

                var id = ++nextId;
                rows.Add(new AgencyEntity { Id = id, Name = name, Kind = kind });
                names[id] = name;
                province.Agencies.Add(id);
                if (kind == AgencyKind.Department)
                {
                    province.Departments.Add(id);
                }
            }

            provinces.Add(province);
        }

        await writer.WriteAsync(rows, cancellationToken);
        foreach (var province in provinces)
        {
            Shuffle(province.Agencies, random);
        }

        return (provinces, names, rows.Count);
    }

    /// <summary>Plan sizes that add up to the tasks asked for: 50–500 each by default, about tasks / plans when the number of plans is given.</summary>
    private static List<int> Sizes(int tasks, int? plans, Random random)
    {
        var sizes = new List<int>();
        if (plans is { } count)
        {
            var mean = (double)tasks / count;
            for (var i = 0; i < count; i++)
            {
                sizes.Add(Math.Max(1, (int)Math.Round(mean * (0.6 + (0.8 * random.NextDouble())))));
            }
        }
        else
        {
            var left = tasks;
            while (left > 0)
            {
                var size = Math.Min(left, random.Next(50, 501));
                sizes.Add(size);
                left -= size;
            }

            return sizes;
        }

        // Make the given number of plans add up exactly.
        var difference = tasks - sizes.Sum();
        for (var i = 0; difference != 0; i = (i + 1) % sizes.Count)
        {
            var step = Math.Sign(difference);
            if (sizes[i] + step >= 1)
            {
                sizes[i] += step;
                difference -= step;
            }
        }

        return sizes;
    }

    private sealed class Ids(int plan, int task, int assignment, int extension, int report)
    {
        public int Plan { get; set; } = plan;

        public int Task { get; set; } = task;

        public int Assignment { get; set; } = assignment;

        public int Extension { get; set; } = extension;

        public int Report { get; set; } = report;
    }

    private sealed class SeedBatch
    {
        public List<PlanEntity> Plans { get; } = [];

        public List<PlanTaskEntity> Tasks { get; } = [];

        public List<TaskAssignmentEntity> Assignments { get; } = [];

        public List<ExtensionRequestEntity> Extensions { get; } = [];

        public List<ProgressReportEntity> Reports { get; } = [];

        public int PlanCount { get; set; }

        public int TaskCount { get; set; }

        public int AssignmentCount { get; set; }

        public int ExtensionCount { get; set; }

        public int ReportCount { get; set; }
    }

    private static async Task FlushAsync(BulkWriter writer, SeedBatch batch, SeedBatch totals, CancellationToken cancellationToken)
    {
        await writer.WriteAsync(batch.Plans, cancellationToken);
        await writer.WriteAsync(batch.Tasks, cancellationToken);
        await writer.WriteAsync(batch.Assignments, cancellationToken);
        await writer.WriteAsync(batch.Extensions, cancellationToken);
        await writer.WriteAsync(batch.Reports, cancellationToken);
        totals.PlanCount += batch.Plans.Count;
        totals.TaskCount += batch.Tasks.Count;
        totals.AssignmentCount += batch.Assignments.Count;
        totals.ExtensionCount += batch.Extensions.Count;
        totals.ReportCount += batch.Reports.Count;
        batch.Plans.Clear();
        batch.Tasks.Clear();
        batch.Assignments.Clear();
        batch.Extensions.Clear();
        batch.Reports.Clear();
    }

    private void SeedPlan(SeedBatch batch, Province province, ref int cursor, int size, IReadOnlyDictionary<int, string> names, Ids ids, Random random, DateOnly today, DateTimeOffset now)
    {
        var issuedOn = today.AddDays(-random.Next(0, 700));
        var topic = SeedVocabulary.PlanTopics[random.Next(SeedVocabulary.PlanTopics.Length)];
        var state = random.NextDouble() switch { < 0.01 => PlanState.Cancelled, < 0.05 => PlanState.Archived, _ => PlanState.Published };
        var plan = new PlanEntity
        {
            Id = ++ids.Plan,
            Number = $"{random.Next(1, 400)}/KH-UBND",
            Issuer = $"Ủy ban nhân dân {province.Name}",
            IssuedOn = issuedOn,
            Title = $"Kế hoạch {topic} năm {issuedOn.Year}",
            SourceFile = "dondoc-seed.txt",
            State = state,
            StateReason = state == PlanState.Published ? null : "Dữ liệu mẫu",
            CreatedAt = now,
            PublishedAt = now,
            Version = 1,
        };
        batch.Plans.Add(plan);
        var sections = random.Next(1, SeedVocabulary.Sections.Length + 1);
        var (current, number) = (-1, 0);
        for (var position = 0; position < size; position++)
        {
            var section = position * sections / size;
            (current, number) = section == current ? (current, number + 1) : (section, 1);
            var leadId = province.Agencies[cursor++ % province.Agencies.Count];
            var task = new PlanTaskEntity
            {
                Id = ++ids.Task,
                PlanId = plan.Id,
                Position = position,
                SectionId = SeedVocabulary.Roman[section],
                SectionTitle = SeedVocabulary.Sections[section],
                Number = number.ToString(CultureInfo.InvariantCulture),
                Content = $"{SeedVocabulary.Verbs[random.Next(SeedVocabulary.Verbs.Length)]} {SeedVocabulary.Objects[random.Next(SeedVocabulary.Objects.Length)]} {SeedVocabulary.Places[random.Next(SeedVocabulary.Places.Length)]}".TrimEnd(),
                Lead = names[leadId],
                DeadlineRaw = DeadlineText(random, today),
                Product = SeedVocabulary.Products[random.Next(SeedVocabulary.Products.Length)],
                Version = 1,
                LeadAgencyId = leadId,
            };
            var coordinators = Coordinators(province, leadId, random, out var coordinatorText);
            task.Coordinators = coordinatorText ?? (coordinators.Count == 0 ? null : string.Join("; ", coordinators.Select(c => names[c])));
            task.RawText = string.Join('\t', task.Number, task.Content, task.Lead, task.Coordinators, task.DeadlineRaw, task.Product);
            states.Interpret(task, issuedOn.Year);
            batch.Assignments.Add(new TaskAssignmentEntity { Id = ++ids.Assignment, TaskId = task.Id, AgencyId = leadId, Role = AssignmentRole.Lead });
            foreach (var coordinator in coordinators)
            {
                batch.Assignments.Add(new TaskAssignmentEntity { Id = ++ids.Assignment, TaskId = task.Id, AgencyId = coordinator, Role = AssignmentRole.Coordinator });
            }

            Happen(batch, task, ids, random, today, now, issuedOn.Year);
            states.Refresh(task, state, issuedOn.Year, today);
            TaskStateWriter.WriteSearch(task, plan.Number, plan.Title, names[leadId], coordinators.Select(c => names[c]));
            batch.Tasks.Add(task);
        }
    }

    /// <summary>What happened to a task since it was published: triggered by a recorded event, worked on, completed, extended, cancelled.</summary>
    private void Happen(SeedBatch batch, PlanTaskEntity task, Ids ids, Random random, DateOnly today, DateTimeOffset now, int planYear)
    {
        if (task.DeadlineKind is "event_relative" or "conditional")
        {
            task.CurrentDue = evaluator.Evaluate(parser.Parse(task.DeadlineRaw, planYear), today, events: Events).Due;
        }

        var roll = random.NextDouble();
        if (roll < 0.02)
        {
            task.Cancelled = true;
            task.CancelReason = "Nhiệm vụ được điều chỉnh sang kế hoạch khác";
            return;
        }

        var completed = false;
        if (task.CurrentDue is { } due && task.DeadlineKind != "done")
        {
            if (due < today && roll < 0.55)
            {
                var late = random.NextDouble() < 0.3;
                var doneOn = late ? due.AddDays(random.Next(1, Math.Max(2, Math.Min(60, today.DayNumber - due.DayNumber)))) : due.AddDays(-random.Next(0, 16));
                Accept(task, doneOn <= today ? doneOn : today, now);
                completed = true;
            }
            else if (due < today && roll < 0.60)
            {
                task.Completion = CompletionState.Reported;
                task.ReportedDoneOn = today.AddDays(-random.Next(0, 10));
                task.PercentDone = 100;
                task.LastProgressAt = now.AddDays(-random.Next(0, 10));
                completed = true;
            }
            else if (due >= today && roll < 0.10)
            {
                Accept(task, today.AddDays(-random.Next(0, 21)), now);
                completed = true;
            }
            else if (random.NextDouble() < 0.05)
            {
                var requested = (due > today ? due : today).AddDays(random.Next(15, 121));
                var approved = random.NextDouble() < 0.8;
                batch.Extensions.Add(new ExtensionRequestEntity
                {
                    Id = ++ids.Extension,
                    TaskId = task.Id,
                    PreviousDue = due,
                    RequestedDue = requested,
                    Reason = "Chờ bố trí kinh phí",
                    State = approved ? ExtensionState.Approved : ExtensionState.Pending,
                    RequestedBy = "Cán bộ " + task.Lead,
                    RequestedAt = now.AddDays(-random.Next(1, 30)),
                    DecidedBy = approved ? "Văn phòng theo dõi" : null,
                    DecidedAt = approved ? now.AddDays(-random.Next(0, 1)) : null,
                });
                if (approved)
                {
                    task.CurrentDue = requested;
                }
            }
        }

        if (!completed && random.NextDouble() < 0.45)
        {
            task.PercentDone = TaskStatusReader.IsPeriodic(task) ? 0 : random.Next(5, 96);
            task.LastProgressAt = now.AddDays(-random.Next(0, 90));
            if (random.NextDouble() < 0.5)
            {
                batch.Reports.Add(new ProgressReportEntity
                {
                    Id = ++ids.Report,
                    TaskId = task.Id,
                    AgencyId = task.LeadAgencyId!.Value,
                    AuthorId = "dondoc-seed",
                    AuthorName = Truncate("Cán bộ " + task.Lead, 256),
                    Kind = ReportKind.Progress,
                    Percent = task.PercentDone,
                    Summary = $"Đã triển khai khoảng {task.PercentDone}% khối lượng công việc.",
                    Period = TaskStatusReader.IsPeriodic(task) ? $"Tháng {today.Month:00}/{today.Year}" : null,
                    CreatedAt = task.LastProgressAt.Value,
                });
            }
        }
    }

    private static void Accept(PlanTaskEntity task, DateOnly doneOn, DateTimeOffset now)
    {
        task.Completion = CompletionState.Accepted;
        task.ReportedDoneOn = doneOn;
        task.CompletedOn = doneOn;
        task.PercentDone = 100;
        task.LastProgressAt = now;
    }

    private static List<int> Coordinators(Province province, int lead, Random random, out string? text)
    {
        text = null;
        var roll = random.NextDouble();
        if (roll < 0.15 && province.Departments.Count > 3)
        {
            // A group as plans print it, assigned to some of the province's departments.
            text = "Các sở, ban, ngành" + (province.Name == "tỉnh" ? "" : " " + province.Name);
            return Enumerable.Range(0, 4).Select(_ => province.Departments[random.Next(province.Departments.Count)]).Where(id => id != lead).Distinct().ToList();
        }

        var count = roll switch { < 0.45 => 0, < 0.75 => 1, < 0.92 => 2, _ => 3 };
        return Enumerable.Range(0, count).Select(_ => province.Agencies[random.Next(province.Agencies.Count)]).Where(id => id != lead).Distinct().ToList();
    }

    /// <summary>A deadline as plans print them, around today: dates, periods, recurring, continuous, events and conditions, done, not understood.</summary>
    private static string DeadlineText(Random random, DateOnly today)
    {
        var roll = random.NextDouble();
        if (roll < 0.34)
        {
            var date = today.AddDays(random.Next(-420, 421));
            var text = date.ToString("d/M/yyyy", CultureInfo.InvariantCulture);
            return random.Next(3) switch { 0 => text, 1 => "Trước ngày " + text, _ => "Chậm nhất ngày " + text };
        }

        var year = today.Year + random.Next(-1, 2);
        if (roll < 0.52)
        {
            return random.Next(4) switch
            {
                0 => $"Quý {SeedVocabulary.Roman[random.Next(4)]}/{year}",
                1 => $"Tháng {random.Next(1, 13)}/{year}",
                2 => $"6 tháng đầu năm {year}",
                _ => $"Năm {year}",
            };
        }

        if (roll < 0.62)
        {
            return SeedVocabulary.Recurring[random.Next(SeedVocabulary.Recurring.Length)];
        }

        if (roll < 0.80)
        {
            return "Thường xuyên";
        }

        if (roll < 0.88)
        {
            return SeedVocabulary.Waiting[random.Next(SeedVocabulary.Waiting.Length)];
        }

        if (roll < 0.92)
        {
            return SeedVocabulary.Other[random.Next(SeedVocabulary.Other.Length)];
        }

        var from = random.Next(1, 10);
        return $"Từ tháng {from} đến tháng {from + random.Next(1, 4)}/{year}";
    }

    /// <summary>The province furthest behind its share of tasks (its share of the agencies): every agency then leads about as many tasks.</summary>
    private static int Pick(int[] weights, long[] given, int size)
    {
        var total = (double)weights.Sum();
        var after = given.Sum() + size;
        var best = 0;
        var bestDeficit = double.MinValue;
        for (var i = 0; i < weights.Length; i++)
        {
            var deficit = (weights[i] / total * after) - given[i];
            if (deficit > bestDeficit)
            {
                (best, bestDeficit) = (i, deficit);
            }
        }

        given[best] += size;
        return best;
    }

    private static void Shuffle(List<int> items, Random random)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
