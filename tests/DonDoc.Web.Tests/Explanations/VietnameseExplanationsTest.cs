using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DonDoc.Web.Tests.Hosting;

namespace DonDoc.Web.Tests.Explanations;

/// <summary>What a page says about a deadline or a skipped line is Vietnamese; English stays in logs and JSON "detail".</summary>
public sealed class VietnameseExplanationsTest
{
    [Fact]
    public async Task The_task_page_explains_event_relative_recurring_and_continuous_deadlines_in_Vietnamese()
    {
        await using var plan = await PlanFixture.StartAsync();
        using var browser = await plan.App.BrowserClientAsync(PlanFixture.Office);

        var afterCongress = await browser.GetStringAsync($"/Tasks/{plan.TaskId("Quán triệt Nghị quyết")}");
        var monthly = await browser.GetStringAsync($"/Tasks/{plan.TaskId("Báo cáo tình hình")}");
        var continuous = await browser.GetStringAsync($"/Tasks/{plan.TaskId("Tuyên truyền")}");
        var dated = await browser.GetStringAsync($"/Tasks/{plan.TaskId("Rà soát thủ tục")}");

        Assert.Contains("15 ngày sau Đại hội Đảng bộ tỉnh", afterCongress, StringComparison.Ordinal);
        Assert.Contains("hằng tháng", monthly, StringComparison.Ordinal);
        Assert.Contains("– thường xuyên", continuous, StringComparison.Ordinal);
        Assert.Contains("hạn ngày 30/06/2026", dated, StringComparison.Ordinal);
        foreach (var page in new[] { afterCongress, monthly, continuous, dated })
        {
            Assert.DoesNotContain("days after", page, StringComparison.Ordinal);
            Assert.DoesNotContain("monthly on day", page, StringComparison.Ordinal);
            Assert.DoesNotContain(">continuous<", page, StringComparison.Ordinal);
            Assert.DoesNotContain("(by 2026", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_review_page_says_in_Vietnamese_why_a_line_was_skipped()
    {
        await using var app = await RunningApp.StartAsync();
        await app.AddUserAsync(PlanFixture.Office, "monitor");
        using var api = await app.ApiClientAsync(PlanFixture.Office);
        const string header = "TT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời hạn\tSản phẩm";
        var text = string.Join('\n',
            "ỦY BAN NHÂN DÂN TỈNH",
            "PHỤ LỤC",
            "Danh mục nhiệm vụ năm 2026",
            "",
            header,
            "1\tRà soát quy chế làm việc của cơ quan\tSở Nội vụ\tSở Tư pháp\t30/6/2026\tQuy chế",
            "2\tKiểm tra công tác văn thư\tSở Nội vụ\t\tQuý III/2026\tBiên bản",
            "2",
            header,
            "3\tBáo cáo kết quả thực hiện\tSở Tư pháp\t\t15/12/2026\tBáo cáo");
        using var content = new MultipartFormDataContent();
        content.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "file", "ke-hoach-hai-trang.txt");
        var response = await api.PostAsync("/api/imports", content);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        using var browser = await app.BrowserClientAsync(PlanFixture.Office);

        var page = await browser.GetStringAsync($"/Imports/Review/{id}");

        Assert.Contains("bị bỏ qua – dòng tiêu đề bảng lặp lại", page, StringComparison.Ordinal);
        Assert.DoesNotContain("repeated table header", page, StringComparison.Ordinal);
        Assert.DoesNotContain("page number", page, StringComparison.Ordinal);
    }
}
