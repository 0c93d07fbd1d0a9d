using System.Globalization;
using System.Security.Claims;
using DonDoc.Core.Access;
using DonDoc.Data.Accounts;
using DonDoc.Tracking.Workflow;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DonDoc.Web.Accounts;

/// <summary>
/// The claims DonDoc adds to Identity's: the agency an officer acts for, their display name, when they
/// signed in (for the absolute lifetime of a session) and whether they must first change their password.
/// </summary>
public sealed class ActorClaimsFactory(UserManager<DonDocUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, TimeProvider clock)
    : UserClaimsPrincipalFactory<DonDocUser, IdentityRole>(users, roles, options)
{
    public const string AgencyClaim = "dondoc:agency";
    public const string DisplayNameClaim = "dondoc:name";
    public const string SignedInClaim = "dondoc:signed-in";
    public const string MustChangePasswordClaim = "dondoc:must-change-password";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(DonDocUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.AgencyId is { } agency)
        {
            identity.AddClaim(new Claim(AgencyClaim, agency.ToString(CultureInfo.InvariantCulture)));
        }

        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName ?? user.Email ?? user.UserName ?? ""));
        identity.AddClaim(new Claim(SignedInClaim, clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(MustChangePasswordClaim, "true"));
        }

        return identity;
    }
}

public static class ActorClaims
{
    /// <summary>The signed-in user as the workflow sees them; null when nobody is signed in.</summary>
    public static Actor? ToActor(this ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id)
        {
            return null;
        }

        var agency = int.TryParse(principal.FindFirstValue(ActorClaimsFactory.AgencyClaim), CultureInfo.InvariantCulture, out var value) ? value : (int?)null;
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var name = principal.FindFirstValue(ActorClaimsFactory.DisplayNameClaim) ?? principal.Identity.Name ?? id;
        return new Actor(id, name, roles, agency);
    }

    public static Actor RequireActor(this ClaimsPrincipal principal) =>
        principal.ToActor() ?? throw new WorkflowException(WorkflowFailure.Forbidden, "Bạn cần đăng nhập.", "not signed in");

    /// <summary>When the session began, from its claim; null for a principal made before sessions carried it.</summary>
    public static DateTimeOffset? SignedInAt(this ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(ActorClaimsFactory.SignedInClaim), CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    public static bool MustChangePassword(this ClaimsPrincipal principal) => principal.HasClaim(ActorClaimsFactory.MustChangePasswordClaim, "true");
}
