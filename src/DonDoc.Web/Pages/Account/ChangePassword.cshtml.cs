using DonDoc.Data.Accounts;
using DonDoc.Tracking.Formatting;
using DonDoc.Tracking.Workflow;
using DonDoc.Web.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace DonDoc.Web.Pages.Account;

public sealed class ChangePasswordModel(UserManager<DonDocUser> users, SignInManager<DonDocUser> signIn) : DonDocPageModel
{
    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var result = await users.ChangePasswordAsync(user, CurrentPassword ?? "", NewPassword ?? "");
        if (!result.Succeeded)
        {
            Error = string.Join(" ", result.Errors.Select(e => e.Description));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await signIn.RefreshSignInAsync(user);
        TempData["Message"] = "Đã đổi mật khẩu.";
        return Redirect("/");
    }
}
