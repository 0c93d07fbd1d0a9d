using DonDoc.Core.Reminders;
using DonDoc.Data.Storage;
using DonDoc.Tracking.Reminders;
using DonDoc.Tracking.Tasks;
using DonDoc.Tracking.Workflow;
using DonDoc.Web.Common;
using DonDoc.Web.Pages.Reminders;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Pages.Admin;

/// <summary>The administrator's reminder rules (for the whole system or one plan), and each agency's focal person and leader.</summary>
public sealed class RemindersModel(ReminderRuleStore rules, TaskCatalog catalog, DonDocDbContext db, Tracking.Auditing.AuditLog audit) : DonDocPageModel
{
    public sealed record AgencyPeople(int Id, string Name, string? Focal, string? Leader, IReadOnlyList<(string Id, string Email)> Accounts);

    public ReminderRules Rules { get; private set; } = ReminderRules.Default;

    public bool Own { get; private set; }

    public int? PlanId { get; private set; }

    public IReadOnlyList<PlanChoice> Plans { get; private set; } = [];

    public IReadOnlyList<AgencyPeople> Agencies { get; private set; } = [];

    public IReadOnlyList<(string Id, string Email)> Leaders { get; private set; } = [];

    public async Task OnGetAsync(int? plan, CancellationToken cancellationToken) => await LoadAsync(plan, cancellationToken);

    public Task<IActionResult> OnPostRulesAsync(
        int? plan, string? beforeDays, bool onTheDay, int overdueEvery, int escalationEvery, int waitingDays, int waitingEvery, string? reportBeforeDays,
        int reportOverdueEvery, bool onAssignment, bool onCompletionDecision, bool onExtensionDecision, CancellationToken cancellationToken) =>
        ChangeAsync(
            () => rules.SaveAsync(Actor, plan, new RuleInput(beforeDays, onTheDay, overdueEvery, escalationEvery, waitingDays, waitingEvery, reportBeforeDays,
                reportOverdueEvery, onAssignment, onCompletionDecision, onExtensionDecision), cancellationToken),
            "Đã lưu quy tắc nhắc việc.", () => Redirect(plan is null ? "/Admin/Reminders" : $"/Admin/Reminders?plan={plan}"), () => Reload(plan, cancellationToken));

    public Task<IActionResult> OnPostResetAsync(int plan, CancellationToken cancellationToken) =>
        ChangeAsync(() => rules.ResetAsync(Actor, plan, cancellationToken), "Kế hoạch dùng lại quy tắc chung.", () => Redirect($"/Admin/Reminders?plan={plan}"), () => Reload(plan, cancellationToken));

    public Task<IActionResult> OnPostPeopleAsync(int agencyId, string? focal, string? leader, CancellationToken cancellationToken) =>
        ChangeAsync(
            async () =>
            {
                var agency = await db.Agencies.FirstOrDefaultAsync(a => a.Id == agencyId, cancellationToken) ?? throw WorkflowException.NotFound($"agency {agencyId}");
                foreach (var id in new[] { focal, leader }.Where(i => !string.IsNullOrEmpty(i)))
                {
                    if (!await db.Users.AnyAsync(u => u.Id == id, cancellationToken))
                    {
                        throw WorkflowException.Invalid("Tài khoản đã chọn không tồn tại.", $"user {id} not found");
                    }
                }

                if (!string.IsNullOrEmpty(focal) && !await db.Users.AnyAsync(u => u.Id == focal && u.AgencyId == agencyId, cancellationToken))
                {
                    throw WorkflowException.Invalid("Đầu mối phải là tài khoản của chính cơ quan đó.", $"focal {focal} not of agency {agencyId}");
                }

                var before = new { focal = agency.FocalUserId, leader = agency.LeaderUserId };
                agency.FocalUserId = string.IsNullOrEmpty(focal) ? null : focal;
                agency.LeaderUserId = string.IsNullOrEmpty(leader) ? null : leader;
                audit.RecordAbout(Actor, "agency.notice_people", Tracking.Auditing.AuditActions.Agency(agency.Id), before, new { agency.Name, focal = agency.FocalUserId, leader = agency.LeaderUserId });
                await db.SaveChangesAsync(cancellationToken);
            },
            "Đã lưu người nhận thông báo của cơ quan.", () => Redirect("/Admin/Reminders#agencies"), () => Reload(null, cancellationToken));

    private async Task<IActionResult> Reload(int? plan, CancellationToken cancellationToken)
    {
        await LoadAsync(plan, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(int? plan, CancellationToken cancellationToken)
    {
        PlanId = plan;
        (Rules, Own) = await rules.GetAsync(plan, cancellationToken);
        Plans = await catalog.PlanChoicesAsync([Data.Plans.PlanState.Published], OverdueModel.PlanChoices, cancellationToken);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).Select(u => new { u.Id, u.Email, u.AgencyId }).ToListAsync(cancellationToken);
        Leaders = users.Select(u => (u.Id, u.Email ?? u.Id)).ToList();
        var withAccounts = users.Where(u => u.AgencyId != null).Select(u => u.AgencyId!.Value).ToHashSet();
        var agencies = await db.Agencies.AsNoTracking().Where(a => withAccounts.Contains(a.Id) || a.FocalUserId != null || a.LeaderUserId != null)
            .OrderBy(a => a.Name).ToListAsync(cancellationToken);
        Agencies = agencies.Select(a => new AgencyPeople(a.Id, a.Name, a.FocalUserId, a.LeaderUserId,
            users.Where(u => u.AgencyId == a.Id).Select(u => (u.Id, u.Email ?? u.Id)).ToList())).ToList();
    }
}
