using DonDoc.Core.Access;
using DonDoc.Data.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Data.Accounts;

/// <summary>Creating and changing DonDoc accounts, shared by <c>dondoc user add</c> and the administrator's page.</summary>
public sealed class UserAccounts(UserManager<DonDocUser> users, RoleManager<IdentityRole> roles, DonDocDbContext db)
{
    /// <summary>The password and lockout policy of every account.</summary>
    public static IdentityBuilder AddDonDocIdentityCore(IServiceCollection services) =>
        services
            .AddIdentityCore<DonDocUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddErrorDescriber<VietnameseIdentityErrorDescriber>()
            .AddEntityFrameworkStores<DonDocDbContext>();

    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    /// <summary>Creates an account with one role; an agency officer must name an agency of the directory.</summary>
    /// <param name="mustChangePassword">The password is someone else's choice: the user changes it at the first sign-in.</param>
    public async Task<DonDocUser> CreateAsync(string email, string role, string? agencyName, string password, string? displayName, CancellationToken cancellationToken, bool mustChangePassword = false)
    {
        if (!Roles.All.Contains(role))
        {
            throw new AccountException($"vai trò \"{role}\" không tồn tại; chọn một trong: {string.Join(", ", Roles.All)}", $"unknown role {role}");
        }

        var agencyId = await ResolveAgencyAsync(role, agencyName, cancellationToken);
        await EnsureRolesAsync();
        await using var transaction = await db.Database.BeginUnlessInOneAsync(cancellationToken);
        var user = new DonDocUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, AgencyId = agencyId, MustChangePassword = mustChangePassword,
        };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, role));
        await transaction.CommitIfOwnAsync(cancellationToken);
        return user;
    }

    /// <summary>Changes an account's role, agency and name. A change of role or agency ends the account's sessions (a new security stamp).</summary>
    /// <returns>The role and agency before the change.</returns>
    public async Task<(string? Role, int? AgencyId)> UpdateAsync(string userId, string role, string? agencyName, string? displayName, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId) ?? throw new AccountException("không tìm thấy tài khoản", $"user {userId} not found");
        if (!Roles.All.Contains(role))
        {
            throw new AccountException($"vai trò \"{role}\" không tồn tại", $"unknown role {role}");
        }

        var agencyId = await ResolveAgencyAsync(role, agencyName, cancellationToken);
        var current = await users.GetRolesAsync(user);
        var before = (current.FirstOrDefault(), user.AgencyId);
        await using var transaction = await db.Database.BeginUnlessInOneAsync(cancellationToken);
        user.AgencyId = agencyId;
        user.DisplayName = displayName;
        Check(await users.UpdateAsync(user));
        if (!current.SequenceEqual([role]))
        {
            Check(await users.RemoveFromRolesAsync(user, current));
            Check(await users.AddToRoleAsync(user, role));
        }

        if (before.Item1 != role || before.AgencyId != agencyId)
        {
            // Bearer tokens and cookies carry the old role and agency: a new stamp ends them at their next request.
            Check(await users.UpdateSecurityStampAsync(user));
        }

        await transaction.CommitIfOwnAsync(cancellationToken);
        return before;
    }

    /// <summary>Locks (until unlocked) or unlocks an account; either way its sessions end.</summary>
    public async Task SetLockedAsync(DonDocUser user, bool locked)
    {
        Check(await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null));
        if (!locked)
        {
            Check(await users.ResetAccessFailedCountAsync(user));
        }

        Check(await users.UpdateSecurityStampAsync(user));
    }

    /// <summary>
    /// Sets a new password in place of the old one; the account's sessions end. An administrator's choice must be
    /// changed at the next sign-in (<paramref name="mustChangePassword"/>); one the user set through a reset link need not.
    /// </summary>
    public async Task ResetPasswordAsync(DonDocUser user, string password, CancellationToken cancellationToken, bool mustChangePassword = true)
    {
        await using var transaction = await db.Database.BeginUnlessInOneAsync(cancellationToken);
        if (await users.HasPasswordAsync(user))
        {
            Check(await users.RemovePasswordAsync(user));
        }

        Check(await users.AddPasswordAsync(user, password));
        user.MustChangePassword = mustChangePassword;
        Check(await users.UpdateAsync(user));
        Check(await users.UpdateSecurityStampAsync(user));
        await transaction.CommitIfOwnAsync(cancellationToken);
    }

    /// <summary>The user changes their own password; every other session of the account ends.</summary>
    public async Task<IdentityResult> ChangePasswordAsync(DonDocUser user, string current, string next)
    {
        var result = await users.ChangePasswordAsync(user, current, next);
        if (result.Succeeded && user.MustChangePassword)
        {
            user.MustChangePassword = false;
            Check(await users.UpdateAsync(user));
        }

        return result;
    }

    /// <summary>Signing out ends every session of the account: its bearer tokens and its cookies in other browsers.</summary>
    public async Task EndSessionsAsync(DonDocUser user) => Check(await users.UpdateSecurityStampAsync(user));

    /// <summary>Administrators who can still sign in, other than the one given.</summary>
    public async Task<int> CountOtherActiveAdministratorsAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var admins = await users.GetUsersInRoleAsync(Roles.Administrator);
        return admins.Count(u => u.Id != userId && !(u.LockoutEnd > now));
    }

    private async Task<int?> ResolveAgencyAsync(string role, string? agencyName, CancellationToken cancellationToken)
    {
        if (role != Roles.AgencyOfficer)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(agencyName))
        {
            throw new AccountException("cán bộ đơn vị phải gắn với một cơ quan (--agency)", "an agency officer needs an agency");
        }

        var store = new Agencies.AgencyDirectoryStore(db);
        await store.SeedDefaultAsync(cancellationToken);
        var binding = await store.FindExactAsync(agencyName, cancellationToken);
        return binding.Id ?? throw new AccountException(
            $"không có cơ quan nào mang đúng tên \"{agencyName}\" trong danh mục (hãy chọn tên trong danh sách gợi ý){binding.CandidatesText}",
            $"\"{agencyName}\" names no single agency of the directory (candidates: {string.Join(", ", binding.Candidates)})");
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new AccountException(
                string.Join("; ", result.Errors.Select(e => e.Description)),
                "identity refused: " + string.Join(", ", result.Errors.Select(e => e.Code)));
        }
    }
}

/// <summary>An account change that was refused; nothing was stored.</summary>
public sealed class AccountException(string vietnamese, string english) : ChangeRefusedException(vietnamese, english);

/// <summary>Identity's messages in Vietnamese, for the people who read them.</summary>
public sealed class VietnameseIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"Mật khẩu phải có ít nhất {length} ký tự." };

    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = "Mật khẩu phải có ít nhất một chữ số." };

    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = "Mật khẩu phải có ít nhất một chữ thường." };

    public override IdentityError PasswordRequiresUpper() => new() { Code = nameof(PasswordRequiresUpper), Description = "Mật khẩu phải có ít nhất một chữ hoa." };

    public override IdentityError PasswordRequiresNonAlphanumeric() => new() { Code = nameof(PasswordRequiresNonAlphanumeric), Description = "Mật khẩu phải có ít nhất một ký tự đặc biệt." };

    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "Mật khẩu hiện tại không đúng." };

    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = $"Địa chỉ thư {email} đã được dùng." };

    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"Tên đăng nhập {userName} đã được dùng." };

    public override IdentityError InvalidEmail(string? email) => new() { Code = nameof(InvalidEmail), Description = $"Địa chỉ thư \"{email}\" không hợp lệ." };

    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = $"Tên đăng nhập \"{userName}\" không hợp lệ." };
}
