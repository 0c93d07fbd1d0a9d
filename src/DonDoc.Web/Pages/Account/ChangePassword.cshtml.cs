using DonDoc.Data.Accounts;
using DonDoc.Tracking.Accounts;
using DonDoc.Web.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace DonDoc.Web.Pages.Account;

/// <summary>A user changes their password; every other session of the account ends, this one goes on.</summary>
public sealed class ChangePasswordModel(UserManager<DonDocUser> users, SignInManager<DonDocUser> signIn, AccountAdministration administration) : DonDocPageModel
{
    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    /// <summary>The password in use is a one-time password that must be changed before anything else.</summary>
    public bool Required => DonDoc.Web.Accounts.ActorClaims.MustChangePassword(User);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var result = await administration.ChangeOwnPasswordAsync(user, CurrentPassword, NewPassword, cancellationToken);
        if (!result.Succeeded)
        {
            Error = string.Join(" ", result.Errors.Select(e => e.Description));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        // The new stamp ends the other sessions; this browser gets a cookie with it.
        await signIn.RefreshSignInAsync(user);
        TempData["Message"] = "Đã đổi mật khẩu.";
        return Redirect("/");
    }
}
