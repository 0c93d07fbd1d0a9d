using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using DonDoc.Tracking.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace DonDoc.Web.Accounts;

/// <summary>
/// Signs in a machine client by the API key in its <c>X-Api-Key</c> header (API only): the principal is the key's
/// service account, with the role its scope gives (read: leader; agency: that agency's officer).
/// </summary>
public sealed class ApiKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    public const string Header = "X-Api-Key";

    public static bool Carries(HttpRequest request) => request.Headers.ContainsKey(Header) && request.Path.StartsWithSegments("/api");

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var presented))
        {
            return AuthenticateResult.NoResult();
        }

        var keys = Context.RequestServices.GetRequiredService<ApiKeys>();
        if (await keys.AuthenticateAsync(presented.ToString(), Context.RequestAborted) is not { } holder)
        {
            return AuthenticateResult.Fail("unknown or revoked API key");
        }

        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, holder.ActorId),
            new(ClaimTypes.Name, holder.Name),
            new(ActorClaimsFactory.DisplayNameClaim, holder.Name),
            new(ClaimTypes.Role, holder.Role),
        ];
        if (holder.AgencyId is { } agency)
        {
            claims.Add(new Claim(ActorClaimsFactory.AgencyClaim, agency.ToString(CultureInfo.InvariantCulture)));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
