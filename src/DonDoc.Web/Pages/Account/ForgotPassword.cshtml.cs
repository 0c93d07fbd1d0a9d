using DonDoc.Tracking.Accounts;
using DonDoc.Web.Common;
using Microsoft.AspNetCore.Mvc;

namespace DonDoc.Web.Pages.Account;

/// <summary>"Quên mật khẩu": asks for a reset link by e-mail when the SMTP server is configured, else says to ask the administrator.</summary>
public sealed class ForgotPasswordModel(ForgottenPasswords forgotten) : DonDocPageModel
{
    public const string Sent = "Nếu địa chỉ này thuộc một tài khoản đang hoạt động, hệ thống đã gửi tới đó một liên kết đặt lại mật khẩu. Hãy kiểm tra hộp thư (cả thư mục thư rác).";

    [BindProperty]
    public string? Email { get; set; }

    public bool Available => forgotten.Available;

    public void OnGet()
    {
    }

    /// <summary>The same answer whether or not the address has an account.</summary>
    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        ChangeAsync(() => forgotten.RequestAsync(Email, cancellationToken), Sent, () => Redirect("/Account/ForgotPassword"), () => Task.FromResult<IActionResult>(Page()));
}
