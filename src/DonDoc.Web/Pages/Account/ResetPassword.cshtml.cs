using DonDoc.Tracking.Accounts;
using DonDoc.Web.Common;
using Microsoft.AspNetCore.Mvc;

namespace DonDoc.Web.Pages.Account;

/// <summary>The page a reset link opens: the new password, once; afterwards every session of the account has ended.</summary>
public sealed class ResetPasswordModel(ForgottenPasswords forgotten) : DonDocPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    /// <summary>The link still sets a password; else the page says so and offers a new link.</summary>
    public bool Usable { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        Usable = await forgotten.IsUsableAsync(Token, cancellationToken);
        if (!Usable)
        {
            Error = ForgottenPasswords.LinkRefusal;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        ChangeAsync(
            () => forgotten.ResetAsync(Token, NewPassword, cancellationToken),
            "Đã đặt mật khẩu mới; mọi phiên đăng nhập cũ của tài khoản đã kết thúc. Hãy đăng nhập bằng mật khẩu mới.",
            () => Redirect("/Account/Login"),
            async () =>
            {
                Usable = await forgotten.IsUsableAsync(Token, cancellationToken);
                return Page();
            });
}
