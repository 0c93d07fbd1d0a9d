using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DonDoc.Web.Pages;

/// <summary>The page for every error: a Vietnamese sentence, never a stack trace.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Đã xảy ra lỗi";

    public string Text { get; private set; } = "Hệ thống gặp sự cố khi xử lý yêu cầu. Vui lòng thử lại sau hoặc liên hệ quản trị viên.";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        switch (code)
        {
            case 404:
                Title = "Không tìm thấy";
                Text = "Trang hoặc nhiệm vụ này không tồn tại, hoặc bạn không có quyền xem.";
                break;
            case 403:
                Title = "Không có quyền truy cập";
                Text = "Tài khoản của bạn không được phép thực hiện thao tác này.";
                break;
            case 400:
                Title = "Yêu cầu không hợp lệ";
                Text = "Dữ liệu gửi lên không hợp lệ hoặc phiên làm việc đã hết hạn. Hãy tải lại trang và thử lại.";
                break;
        }
    }
}
