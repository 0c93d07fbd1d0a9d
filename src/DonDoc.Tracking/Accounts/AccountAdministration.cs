using DonDoc.Core.Access;
using DonDoc.Data.Accounts;
using DonDoc.Data.Storage;
using DonDoc.Tracking.Auditing;
using DonDoc.Tracking.Workflow;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Tracking.Accounts;

/// <summary>
/// What an administrator does to accounts — create, change role or agency, lock, unlock, reset a
/// password — each in one transaction with its audit entry. A change that takes rights away ends the
/// account's sessions at once (its security stamp changes), and the last administrator who can still sign
/// in cannot be demoted or locked.
/// </summary>
public sealed class AccountAdministration(DonDocDbContext db, UserAccounts accounts, UserManager<DonDocUser> users, AuditLog audit, TimeProvider clock)
{
    /// <param name="mustChangePassword">The password is the administrator's choice: the user changes it at the first sign-in.</param>
    public async Task<DonDocUser> CreateAsync(Actor actor, string? email, string? role, string? agency, string? password, string? displayName, bool mustChangePassword, CancellationToken cancellationToken)
    {
        RequireAdministrator(actor);
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password) || string.IsNullOrEmpty(role))
        {
            throw WorkflowException.Invalid("Hãy nhập địa chỉ thư, vai trò và mật khẩu ban đầu.", "account without e-mail, role or password");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await accounts.CreateAsync(email.Trim(), role, agency, password, displayName, cancellationToken, mustChangePassword);
        audit.RecordAbout(actor, AuditActions.AccountCreate, AuditActions.User(user.Id), null,
            new { user.Email, role, agencyId = user.AgencyId, user.DisplayName, mustChangePassword });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return user;
    }

    public async Task UpdateAsync(Actor actor, string userId, string? role, string? agency, string? displayName, CancellationToken cancellationToken)
    {
        RequireAdministrator(actor);
        var user = await FindAsync(userId);
        if (string.IsNullOrEmpty(role))
        {
            throw WorkflowException.Invalid("Hãy chọn vai trò.", "update without a role");
        }

        var wasAdministrator = await users.IsInRoleAsync(user, Roles.Administrator);
        if (wasAdministrator && role != Roles.Administrator)
        {
            await RefuseLosingTheLastAdministratorAsync(user, "hạ vai trò", cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var before = new { role = (await users.GetRolesAsync(user)).FirstOrDefault(), agencyId = user.AgencyId, user.DisplayName };
        await accounts.UpdateAsync(userId, role, agency, displayName, cancellationToken);
        audit.RecordAbout(actor, AuditActions.AccountUpdate, AuditActions.User(userId), before, new { role, agencyId = user.AgencyId, user.DisplayName });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task SetLockedAsync(Actor actor, string userId, bool locked, CancellationToken cancellationToken)
    {
        RequireAdministrator(actor);
        if (locked && userId == actor.UserId)
        {
            throw WorkflowException.Invalid("Không thể tự khóa tài khoản của mình.", "admin tried to lock themselves");
        }

        var user = await FindAsync(userId);
        if (locked && await users.IsInRoleAsync(user, Roles.Administrator))
        {
            await RefuseLosingTheLastAdministratorAsync(user, "khóa", cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await accounts.SetLockedAsync(user, locked);
        audit.RecordAbout(actor, locked ? AuditActions.AccountLock : AuditActions.AccountUnlock, AuditActions.User(userId), new { locked = !locked }, new { locked });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Sets a temporary password that the user must change at the next sign-in; every session of the account ends.
    /// With no password typed, one is generated and returned, for the administrator to see once and pass on.
    /// </summary>
    public async Task<PasswordResetByAdministrator> ResetPasswordAsync(Actor actor, string userId, string? password, CancellationToken cancellationToken)
    {
        RequireAdministrator(actor);
        var user = await FindAsync(userId);
        var generated = string.IsNullOrEmpty(password);
        var temporary = generated ? TemporaryPasswords.Generate() : password!;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await accounts.ResetPasswordAsync(user, temporary, cancellationToken);
        audit.RecordAbout(actor, AuditActions.AccountPasswordReset, AuditActions.User(userId), null, new { mustChangePassword = true, generated });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new PasswordResetByAdministrator(user.Email ?? user.UserName ?? userId, generated ? temporary : null);
    }

    /// <summary>The user changes their own password; the audit entry holds no password, only that it changed.</summary>
    public async Task<IdentityResult> ChangeOwnPasswordAsync(DonDocUser user, string? current, string? next, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await accounts.ChangePasswordAsync(user, current ?? "", next ?? "");
        if (!result.Succeeded)
        {
            return result;
        }

        audit.RecordAbout(new Actor(user.Id, user.DisplayName ?? user.Email ?? user.Id, new HashSet<string>(), user.AgencyId), AuditActions.AccountPasswordChange, AuditActions.User(user.Id), null, new { changed = true });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    private async Task<DonDocUser> FindAsync(string userId) =>
        await users.FindByIdAsync(userId) ?? throw WorkflowException.NotFound($"user {userId}");

    private async Task RefuseLosingTheLastAdministratorAsync(DonDocUser user, string act, CancellationToken cancellationToken)
    {
        if (await accounts.CountOtherActiveAdministratorsAsync(user.Id, clock.GetUtcNow(), cancellationToken) == 0)
        {
            throw WorkflowException.Invalid(
                $"Không thể {act} tài khoản quản trị cuối cùng; hãy thêm một quản trị khác trước.",
                $"user {user.Id} is the last active administrator");
        }
    }

    private static void RequireAdministrator(Actor actor)
    {
        if (!actor.IsAdministrator && !actor.IsSystem)
        {
            throw WorkflowException.Forbidden("Chỉ quản trị hệ thống mới quản lý tài khoản.", $"user {actor.UserId} is not an administrator");
        }
    }
}

/// <summary>An administrator's reset: whose password, and the generated one when the administrator typed none (shown once, stored nowhere but as its hash).</summary>
public sealed record PasswordResetByAdministrator(string Email, string? GeneratedPassword);
