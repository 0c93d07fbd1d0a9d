using System.Security.Claims;
using DonDoc.Data.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace DonDoc.Web.Accounts;

/// <summary>
/// A session (a browser cookie or a bearer token) lasts only while its account is as it was at sign-in:
/// every request compares the session's security stamp with the stored one, so that a change of role or
/// agency, a lock, a password change or signing out ends every session of the account at its next request.
/// A cookie also ends <see cref="AbsoluteLifetime"/> after sign-in, however often use renewed it.
/// </summary>
public static class SessionCheck
{
    /// <summary>The longest a browser session lasts, renewed by use or not: a working day.</summary>
    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromHours(12);

    /// <summary>Whether the session still stands for the account as it is stored now.</summary>
    public static async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, UserManager<DonDocUser> users, bool isCookie, TimeProvider clock)
    {
        if (isCookie && (principal.SignedInAt() is not { } signedIn || clock.GetUtcNow() - signedIn > AbsoluteLifetime))
        {
            return false;
        }

        var user = await users.GetUserAsync(principal);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return false;
        }

        var stamp = principal.FindFirstValue(users.Options.ClaimsIdentity.SecurityStampClaimType);
        return !users.SupportsUserSecurityStamp || string.Equals(stamp, await users.GetSecurityStampAsync(user), StringComparison.Ordinal);
    }

    /// <summary>The cookie's check, in place of Identity's interval-based one: on every request.</summary>
    public static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        if (context.Principal is null
            || !await IsCurrentAsync(context.Principal, services.GetRequiredService<UserManager<DonDocUser>>(), isCookie: true, services.GetRequiredService<TimeProvider>()))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    /// <summary>The bearer token's check, which the bearer handler does not offer: a middleware after authentication.</summary>
    public sealed class BearerTokens(RequestDelegate next)
    {
        public async Task InvokeAsync(HttpContext context, UserManager<DonDocUser> users, TimeProvider clock)
        {
            if (context.User.Identity is { IsAuthenticated: true }
                && Hosting.DonDocWebApplication.IsBearer(context.Request)
                && !await IsCurrentAsync(context.User, users, isCookie: false, clock))
            {
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
            }

            await next(context);
        }
    }
}
