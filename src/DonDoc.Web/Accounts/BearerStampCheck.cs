using DonDoc.Data.Accounts;
using Microsoft.AspNetCore.Identity;

namespace DonDoc.Web.Accounts;

/// <summary>
/// A bearer token stays valid only while its user's security stamp is unchanged: signing out through
/// the API, changing the password or being locked out by an administrator ends every token issued before.
/// </summary>
public sealed class BearerStampCheck(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, SignInManager<DonDocUser> signIn)
    {
        if (context.User.Identity is { IsAuthenticated: true }
            && Hosting.DonDocWebApplication.IsBearer(context.Request)
            && await signIn.ValidateSecurityStampAsync(context.User) is null)
        {
            context.User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());
        }

        await next(context);
    }
}
