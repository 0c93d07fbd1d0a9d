using DonDoc.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DonDoc.Web.Pages.Account;

public sealed class LogoutModel(SignInManager<DonDocUser> signIn, UserManager<DonDocUser> users, UserAccounts accounts) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    /// <summary>Signing out ends every session of the account, here and in any other browser or API client.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await accounts.EndSessionsAsync(user);
        }

        await signIn.SignOutAsync();
        return Redirect("/Account/Login");
    }
}
