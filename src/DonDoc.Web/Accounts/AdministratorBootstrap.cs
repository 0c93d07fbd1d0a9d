using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Accounts;

/// <summary>
/// On the first start with no users, creates the administrator. The password comes from
/// <c>Admin:Password</c>, or is generated and printed once to the console; there is no built-in default.
/// </summary>
public sealed class AdministratorBootstrap(
    UserManager<IdentityUser> users,
    RoleManager<IdentityRole> roles,
    IConfiguration configuration,
    ILogger<AdministratorBootstrap> logger)
{
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        if (await users.Users.AnyAsync(cancellationToken))
        {
            return;
        }

        var email = configuration["Admin:Email"] is { Length: > 0 } configured ? configured : "admin@dondoc.local";
        var configuredPassword = configuration["Admin:Password"];
        var password = string.IsNullOrEmpty(configuredPassword) ? GeneratePassword() : configuredPassword;
        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("Could not create the administrator: " + string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(user, Roles.Administrator);
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

    /// <summary>A random password that meets the policy: letters of both cases, digits and a symbol.</summary>
    private static string GeneratePassword()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        var chars = RandomNumberGenerator.GetItems<char>(alphabet, 16);
        return new string(chars) + "-Aa9";
    }
}
