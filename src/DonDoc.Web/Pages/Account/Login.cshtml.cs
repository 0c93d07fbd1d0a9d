using DonDoc.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DonDoc.Web.Pages.Account;

public sealed class LoginModel(SignInManager<DonDocUser> signIn, ILogger<LoginModel> logger) : PageModel
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
        var result = await signIn.PasswordSignInAsync(Email ?? "", Password ?? "", isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("User {Email} signed in", Email);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        logger.LogWarning("Sign-in refused for {Email}: {Reason}", Email, result.IsLockedOut ? "locked out" : "bad credentials");
        Error = result.IsLockedOut
            ? "Tài khoản tạm bị khóa do đăng nhập sai nhiều lần. Hãy thử lại sau 15 phút."
            : "Sai địa chỉ thư hoặc mật khẩu.";
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }
}
