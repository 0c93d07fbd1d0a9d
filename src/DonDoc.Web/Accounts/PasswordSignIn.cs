using DonDoc.Data.Accounts;
using Microsoft.AspNetCore.Identity;

namespace DonDoc.Web.Accounts;

public enum SignInOutcome
{
    SignedIn,

    /// <summary>Signed in, with a password someone else chose: the user must change it first.</summary>
    SignedInMustChangePassword,

    /// <summary>The password is right but was someone else's choice; the API issues no token until it is changed on the sign-in page.</summary>
    MustChangePasswordFirst,

    /// <summary>Wrong e-mail, wrong password or a locked account: answered alike, so that nobody learns which accounts exist.</summary>
    Refused,
}

/// <summary>
/// Signing in with an e-mail and a password, for the sign-in page (a cookie) and the API (a bearer token).
/// An unknown account, a wrong password and a locked account get the same answer after the same work (the
/// password is hashed either way), and failures count towards the lockout of an existing account.
/// </summary>
public sealed class PasswordSignIn(SignInManager<DonDocUser> signIn, UserManager<DonDocUser> users, IPasswordHasher<DonDocUser> hasher, ILogger<PasswordSignIn> logger)
{
    /// <summary>The one answer to every refused sign-in.</summary>
    public const string Refusal = "Sai địa chỉ thư hoặc mật khẩu, hoặc tài khoản đang tạm khóa (sau 5 lần nhập sai, hãy thử lại sau 15 phút).";

    public const string ChangePasswordFirst = "Mật khẩu này là mật khẩu dùng một lần: hãy đăng nhập trên trang web và đổi mật khẩu trước khi dùng API.";

    /// <summary>A hash of a random password, verified for unknown accounts so that they take as long as known ones.</summary>
    private static readonly string UnknownAccountHash = new PasswordHasher<DonDocUser>().HashPassword(new DonDocUser(), Guid.NewGuid().ToString("N"));

    public async Task<SignInOutcome> SignInAsync(string scheme, string? email, string? password)
    {
        email = email?.Trim() ?? "";
        password ??= "";
        var user = email.Length == 0 ? null : await users.FindByEmailAsync(email) ?? await users.FindByNameAsync(email);
        if (user is null)
        {
            hasher.VerifyHashedPassword(new DonDocUser(), UnknownAccountHash, password);
            logger.LogWarning("Sign-in refused for {Email}: no such account", email);
            return SignInOutcome.Refused;
        }

        var check = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (!check.Succeeded)
        {
            logger.LogWarning("Sign-in refused for {Email}: {Reason}", email, check.IsLockedOut ? "locked out" : check.IsNotAllowed ? "not allowed" : "bad password");
            return SignInOutcome.Refused;
        }

        if (user.MustChangePassword && scheme == IdentityConstants.BearerScheme)
        {
            logger.LogInformation("API sign-in of {Email} refused until the one-time password is changed", email);
            return SignInOutcome.MustChangePasswordFirst;
        }

        signIn.AuthenticationScheme = scheme;
        await signIn.SignInAsync(user, isPersistent: false);
        logger.LogInformation("User {Email} signed in", email);
        return user.MustChangePassword ? SignInOutcome.SignedInMustChangePassword : SignInOutcome.SignedIn;
    }
}

/// <summary>A user who signed in with a one-time password reaches only the page where they change it.</summary>
public sealed class PasswordChangeRequirement(RequestDelegate next)
{
    public const string ChangePasswordPath = "/Account/ChangePassword";

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (context.User.Identity is { IsAuthenticated: true } && context.User.MustChangePassword()
            && !path.StartsWithSegments(ChangePasswordPath) && !path.StartsWithSegments("/Account/Logout") && !path.StartsWithSegments("/Error")
            && !path.StartsWithSegments("/css") && !path.StartsWithSegments("/js"))
        {
            if (path.StartsWithSegments("/api"))
            {
                await Results.Problem(PasswordSignIn.ChangePasswordFirst, statusCode: StatusCodes.Status403Forbidden, title: "Cần đổi mật khẩu").ExecuteAsync(context);
                return;
            }

            context.Response.Redirect(ChangePasswordPath);
            return;
        }

        await next(context);
    }
}
