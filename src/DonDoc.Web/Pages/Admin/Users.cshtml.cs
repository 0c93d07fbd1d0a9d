using DonDoc.Data.Accounts;
using DonDoc.Data.Storage;
using DonDoc.Tracking.Formatting;
using DonDoc.Tracking.Workflow;
using DonDoc.Web.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Pages.Admin;

/// <summary>The administrator's page for accounts: create, change role and agency, lock and unlock.</summary>
public sealed class UsersModel(UserAccounts accounts, UserManager<DonDocUser> users, DonDocDbContext db, TimeProvider clock) : DonDocPageModel
{
    public sealed record UserRow(string Id, string? Email, string? DisplayName, string Role, string? Agency, bool LockedOut);

    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    public IReadOnlyList<string> AgencyNames { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostCreateAsync(string email, string? displayName, string role, string? agency, string password, CancellationToken cancellationToken) =>
        ChangeAsync(
            () => accounts.CreateAsync(email, role, agency, password, displayName, cancellationToken),
            $"Đã thêm tài khoản {email}.", () => Redirect("/Admin/Users"), () => Reload(cancellationToken));

    public Task<IActionResult> OnPostUpdateAsync(string userId, string? displayName, string role, string? agency, CancellationToken cancellationToken) =>
        ChangeAsync(
            () => accounts.UpdateAsync(userId, role, agency, displayName, cancellationToken),
            "Đã cập nhật tài khoản.", () => Redirect("/Admin/Users"), () => Reload(cancellationToken));

    public Task<IActionResult> OnPostLockAsync(string userId, bool locked, CancellationToken cancellationToken) =>
        ChangeAsync(
            async () =>
            {
                if (userId == Actor.UserId)
                {
                    throw WorkflowException.Invalid("Không thể tự khóa tài khoản của mình.", "admin tried to lock themselves");
                }

                var user = await users.FindByIdAsync(userId) ?? throw WorkflowException.NotFound($"user {userId}");
                await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
                // A locked account's bearer tokens end with its security stamp.
                await users.UpdateSecurityStampAsync(user);
            },
            locked ? "Đã khóa tài khoản." : "Đã mở khóa tài khoản.", () => Redirect("/Admin/Users"), () => Reload(cancellationToken));

    private async Task<IActionResult> Reload(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var roles = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var list = await db.Users.Include(u => u.Agency).OrderBy(u => u.Email).ToListAsync(cancellationToken);
        Users = list.Select(u => new UserRow(u.Id, u.Email, u.DisplayName, roles.FirstOrDefault(r => r.UserId == u.Id)?.Name ?? "", u.Agency?.Name, u.LockoutEnd > now)).ToList();
        AgencyNames = await db.Agencies.Where(a => !a.Retired).OrderBy(a => a.Name).Select(a => a.Name).ToListAsync(cancellationToken);
    }
}
