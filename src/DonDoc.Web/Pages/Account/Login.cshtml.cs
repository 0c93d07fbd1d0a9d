using DonDoc.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DonDoc.Web.Pages.Account;

public sealed class LoginModel(PasswordSignIn signIn) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        switch (await signIn.SignInAsync(IdentityConstants.ApplicationScheme, Email, Password))
        {
            case SignInOutcome.SignedIn:
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
            case SignInOutcome.SignedInMustChangePassword:
                return LocalRedirect(PasswordChangeRequirement.ChangePasswordPath);
            default:
                Error = PasswordSignIn.Refusal;
                Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Page();
        }
    }
}
