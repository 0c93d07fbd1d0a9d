using DonDoc.Core.Access;
using DonDoc.Core.Reminders;
using DonDoc.Data.Reminders;
using DonDoc.Data.Storage;
using DonDoc.Tracking.Auditing;
using DonDoc.Tracking.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Tracking.Reminders;

/// <summary>The rules in force: the system's (the defaults until an administrator changes them), and each plan's own where one is set.</summary>
public sealed record RuleBook(ReminderRules System, IReadOnlyDictionary<int, ReminderRules> Plans)
{
    public ReminderRules For(int planId) => Plans.TryGetValue(planId, out var rules) ? rules : System;

    /// <summary>The furthest any rule looks ahead.</summary>
    public int Horizon => Plans.Values.Append(System).Max(r => r.Horizon);
}

/// <summary>A rule set as a form edits it.</summary>
public sealed record RuleInput(
    string? BeforeDays, bool OnTheDay, int OverdueEvery, int EscalationEvery, int WaitingDays, int WaitingEvery,
    string? ReportBeforeDays, int ReportOverdueEvery, bool OnAssignment, bool OnCompletionDecision, bool OnExtensionDecision);

/// <summary>Reads and changes the reminder rules kept in the database.</summary>
public sealed class ReminderRuleStore(DonDocDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<RuleBook> LoadAsync(CancellationToken cancellationToken)
    {
        var rows = await db.ReminderRules.AsNoTracking().ToListAsync(cancellationToken);
        var system = rows.FirstOrDefault(r => r.Scope == ReminderRuleSetEntity.SystemScope) is { } stored ? ToRules(stored) : ReminderRules.Default;
        var plans = rows.Where(r => r.PlanId is not null).ToDictionary(r => r.PlanId!.Value, ToRules);
        return new RuleBook(system, plans);
    }

    /// <summary>The system's rules (plan null) or a plan's, and whether the plan has its own.</summary>
    public async Task<(ReminderRules Rules, bool Own)> GetAsync(int? planId, CancellationToken cancellationToken)
    {
        var book = await LoadAsync(cancellationToken);
        return planId is { } id ? (book.For(id), book.Plans.ContainsKey(id)) : (book.System, true);
    }

    public async Task SaveAsync(Actor actor, int? planId, RuleInput input, CancellationToken cancellationToken)
    {
        if (!(actor.IsAdministrator || (planId is not null && actor.IsMonitoringOffice)))
        {
            throw WorkflowException.Forbidden("Chỉ quản trị hệ thống (hoặc văn phòng, cho kế hoạch) mới sửa được quy tắc nhắc việc.", "rule change refused");
        }

        if (planId is { } id && !await db.Plans.AnyAsync(p => p.Id == id, cancellationToken))
        {
            throw WorkflowException.NotFound($"plan {id}");
        }

        var before = ReminderRules.ParseDays(input.BeforeDays, out var problem)
            ?? throw WorkflowException.Invalid($"Số ngày nhắc trước hạn: {problem}.", $"bad before days {input.BeforeDays}");
        var reportBefore = ReminderRules.ParseDays(input.ReportBeforeDays, out problem)
            ?? throw WorkflowException.Invalid($"Số ngày nhắc trước hạn báo cáo: {problem}.", $"bad report days {input.ReportBeforeDays}");
        foreach (var (value, name) in new[]
        {
            (input.OverdueEvery, "Nhắc lại khi quá hạn"), (input.EscalationEvery, "Báo lãnh đạo"), (input.WaitingDays, "Chờ sự kiện"),
            (input.WaitingEvery, "Nhắc lại khi chờ sự kiện"), (input.ReportOverdueEvery, "Nhắc lại khi chậm báo cáo"),
        })
        {
            if (value is < 0 or > 365)
            {
                throw WorkflowException.Invalid($"{name}: số ngày phải từ 0 đến 365.", $"{name} out of range: {value}");
            }
        }

        var scope = planId is { } plan ? ReminderRuleSetEntity.PlanScope(plan) : ReminderRuleSetEntity.SystemScope;
        var row = await db.ReminderRules.FirstOrDefaultAsync(r => r.Scope == scope, cancellationToken);
        var previous = row is null ? null : ToRules(row);
        if (row is null)
        {
            row = new ReminderRuleSetEntity { Scope = scope, PlanId = planId };
            db.ReminderRules.Add(row);
        }

        row.BeforeDays = ReminderRules.FormatDays(before);
        row.OnTheDay = input.OnTheDay;
        row.OverdueEvery = input.OverdueEvery;
        row.EscalationEvery = input.EscalationEvery;
        row.WaitingDays = input.WaitingDays;
        row.WaitingEvery = input.WaitingEvery;
        row.ReportBeforeDays = ReminderRules.FormatDays(reportBefore);
        row.ReportOverdueEvery = input.ReportOverdueEvery;
        row.OnAssignment = input.OnAssignment;
        row.OnCompletionDecision = input.OnCompletionDecision;
        row.OnExtensionDecision = input.OnExtensionDecision;
        row.UpdatedBy = actor.Name;
        row.UpdatedAt = clock.GetUtcNow();
        audit.Record(actor, "reminders.rules", planId, null, previous is null ? null : Describe(previous), Describe(ToRules(row)));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A plan goes back to the system's rules.</summary>
    public async Task ResetAsync(Actor actor, int planId, CancellationToken cancellationToken)
    {
        if (!(actor.IsAdministrator || actor.IsMonitoringOffice))
        {
            throw WorkflowException.Forbidden("Bạn không có quyền sửa quy tắc nhắc việc.", "rule reset refused");
        }

        var scope = ReminderRuleSetEntity.PlanScope(planId);
        if (await db.ReminderRules.FirstOrDefaultAsync(r => r.Scope == scope, cancellationToken) is { } row)
        {
            db.ReminderRules.Remove(row);
            audit.Record(actor, "reminders.rules", planId, null, Describe(ToRules(row)), new { own = false });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static object Describe(ReminderRules r) => new
    {
        before = ReminderRules.FormatDays(r.BeforeDays), r.OnTheDay, r.OverdueEvery, r.EscalationEvery, r.WaitingDays, r.WaitingEvery,
        reportBefore = ReminderRules.FormatDays(r.ReportBeforeDays), r.ReportOverdueEvery, r.OnAssignment, r.OnCompletionDecision, r.OnExtensionDecision,
    };

    private static ReminderRules ToRules(ReminderRuleSetEntity row) => new(
        ReminderRules.ParseDays(row.BeforeDays, out _) ?? ReminderRules.Default.BeforeDays,
        row.OnTheDay, row.OverdueEvery, row.EscalationEvery, row.WaitingDays, row.WaitingEvery,
        ReminderRules.ParseDays(row.ReportBeforeDays, out _) ?? ReminderRules.Default.ReportBeforeDays,
        row.ReportOverdueEvery, row.OnAssignment, row.OnCompletionDecision, row.OnExtensionDecision);
}
