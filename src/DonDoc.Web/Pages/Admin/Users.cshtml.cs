using DonDoc.Data.Storage;
using DonDoc.Tracking.Accounts;
using DonDoc.Web.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Pages.Admin;

/// <summary>The administrator's page for accounts: create, change role and agency, lock and unlock, reset a password.</summary>
public sealed class UsersModel(AccountAdministration accounts, DonDocDbContext db, TimeProvider clock) : DonDocPageModel
{
    public sealed record UserRow(string Id, string? Email, string? DisplayName, string Role, string? Agency, bool LockedOut, bool MustChangePassword);

    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    public IReadOnlyList<string> AgencyNames { get; private set; } = [];

    /// <summary>The reset just made, when its password was generated: shown once.</summary>
    public PasswordResetByAdministrator? Reset { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>The initial password is the administrator's choice: the new user changes it at the first sign-in.</summary>
    public Task<IActionResult> OnPostCreateAsync(string? email, string? displayName, string? role, string? agency, string? password, CancellationToken cancellationToken) =>
        ChangeAsync(
            () => accounts.CreateAsync(Actor, email, role, agency, password, displayName, mustChangePassword: true, cancellationToken),
            $"Đã thêm tài khoản {email}.", () => Redirect("/Admin/Users"), () => Reload(cancellationToken));

    public Task<IActionResult> OnPostUpdateAsync(string? userId, string? displayName, string? role, string? agency, CancellationToken cancellationToken) =>
        ChangeAsync(
            () => accounts.UpdateAsync(Actor, userId ?? "", role, agency, displayName, cancellationToken),
            "Đã cập nhật tài khoản.", () => Redirect("/Admin/Users"), () => Reload(cancellationToken));

    public Task<IActionResult> OnPostLockAsync(string? userId, bool locked, CancellationToken cancellationToken) =>
        ChangeAsync(
            () => accounts.SetLockedAsync(Actor, userId ?? "", locked, cancellationToken),
            locked ? "Đã khóa tài khoản." : "Đã mở khóa tài khoản.", () => Redirect("/Admin/Users"), () => Reload(cancellationToken));

    /// <summary>The password typed, or with none a generated one shown on this answer only (never stored in a cookie, never cached).</summary>
    public async Task<IActionResult> OnPostResetPasswordAsync(string? userId, string? password, CancellationToken cancellationToken)
    {
        PasswordResetByAdministrator? reset = null;
        var result = await ChangeAsync(
            async () => reset = await accounts.ResetPasswordAsync(Actor, userId ?? "", password, cancellationToken),
            "Đã đặt mật khẩu tạm thời; mọi phiên đăng nhập của tài khoản đã kết thúc, người dùng phải đổi mật khẩu khi đăng nhập.",
            () => Redirect("/Admin/Users"), () => Reload(cancellationToken));
        if (reset?.GeneratedPassword is null)
        {
            return result;
        }

        Reset = reset;
        Response.Headers.CacheControl = "no-store";
        return await Reload(cancellationToken);
    }

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
        Users = list.Select(u => new UserRow(u.Id, u.Email, u.DisplayName, roles.FirstOrDefault(r => r.UserId == u.Id)?.Name ?? "", u.Agency?.Name, u.LockoutEnd > now, u.MustChangePassword)).ToList();
        AgencyNames = await db.Agencies.Where(a => !a.Retired).OrderBy(a => a.Name).Select(a => a.Name).ToListAsync(cancellationToken);
    }
}
