using DonDoc.Data.Agencies;
using Microsoft.AspNetCore.Identity;

namespace DonDoc.Data.Accounts;

/// <summary>A DonDoc account: an Identity user with a display name and, for an agency officer, the agency they act for.</summary>
public sealed class DonDocUser : IdentityUser
{
    public string? DisplayName { get; set; }

    public int? AgencyId { get; set; }

    public AgencyEntity? Agency { get; set; }

    /// <summary>The password was set by someone else (the first start, an administrator's reset): it must be changed at the next sign-in.</summary>
    public bool MustChangePassword { get; set; }
}
