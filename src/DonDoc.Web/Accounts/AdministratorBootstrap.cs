using DonDoc.Core.Access;
using DonDoc.Data.Accounts;
using DonDoc.Tracking.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Accounts;

/// <summary>
/// On the first start with no users, creates the administrator. The password comes from
/// <c>Admin:Password</c>, or is generated and printed once to the console, and must then be changed at the
/// first sign-in; there is no built-in default.
/// </summary>
public sealed class AdministratorBootstrap(
    UserManager<DonDocUser> users,
    UserAccounts accounts,
    AccountAdministration administration,
    IConfiguration configuration,
    ILogger<AdministratorBootstrap> logger)
{
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        await accounts.EnsureRolesAsync();

        if (await users.Users.AnyAsync(cancellationToken))
        {
            return;
        }

        var email = configuration["Admin:Email"] is { Length: > 0 } configured ? configured : "admin@dondoc.local";
        var configuredPassword = configuration["Admin:Password"];
        var password = string.IsNullOrEmpty(configuredPassword) ? TemporaryPasswords.Generate() : configuredPassword;
        // A generated password is shown once on the console: it is one-time, changed at the first sign-in.
        await administration.CreateAsync(
            Actor.System("Khởi tạo hệ thống"), email, Roles.Administrator, null, password, "Quản trị hệ thống",
            mustChangePassword: string.IsNullOrEmpty(configuredPassword), cancellationToken);
        logger.LogInformation("Created the administrator account {Email}", email);
        if (string.IsNullOrEmpty(configuredPassword))
        {
            Console.WriteLine();
            Console.WriteLine("================================================================");
            Console.WriteLine($" Tài khoản quản trị: {email}");
            Console.WriteLine($" Mật khẩu dùng một lần: {password}");
            Console.WriteLine(" Hãy đăng nhập và đổi mật khẩu. Mật khẩu này chỉ hiển thị một lần.");
            Console.WriteLine($" Administrator: {email} / one-time password: {password}");
            Console.WriteLine("================================================================");
            Console.WriteLine();
        }
    }
}
