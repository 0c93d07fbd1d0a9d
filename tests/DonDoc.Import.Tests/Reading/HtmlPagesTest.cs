using System.Text;
using DonDoc.Import.Reading;

namespace DonDoc.Import.Tests.Reading;

/// <summary>HTML as portals serve it: the document inside the site's chrome.</summary>
public sealed class HtmlPagesTest
{
    private static string PlanBody()
    {
        var html = new StringBuilder($"<p>PHỤ LỤC</p><p><b>{OfficePlan.Title}</b></p><p><i>{OfficePlan.Reference}</i></p><table border=\"1\"><tr>");
        html.Append(string.Concat(OfficePlan.Header.Select(h => $"<td><p><b>{h}</b></p></td>"))).Append("</tr>");
        foreach (var row in OfficePlan.Rows)
        {
            html.Append("<tr>").Append(row.Length == 2
                ? $"<td><b>{row[0]}</b></td><td colspan=\"5\"><b>{row[1]}</b></td>"
                : string.Concat(row.Select(c => $"<td><p>{c}</p></td>"))).Append("</tr>");
        }

        return html.Append("</table><p>Nơi nhận: như trên.</p>").ToString();
    }

    /// <summary>A national legal database page: menus, search, breadcrumb, a layout table with a side panel of related documents, tabs, footer.</summary>
    private static string PortalPage() => $$"""
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>Kế hoạch 31/KH-UBND</title>
        <script>var _gaq = []; function toggle() { document.getElementById('x').style.display = 'none'; }</script>
        <style>.menu { float: left }</style></head>
        <body><form id="aspnetForm" method="post">
        <div id="header"><div class="logo">CƠ SỞ DỮ LIỆU QUỐC GIA VỀ VĂN BẢN PHÁP LUẬT</div>
          <ul class="menu"><li><a href="/">Trang chủ</a></li><li><a href="/tw">Trung ương</a></li><li><a href="/dp">Địa phương</a></li><li><a href="/hd">Hướng dẫn</a></li></ul>
          <input type="text" name="q" value="Tìm kiếm văn bản"><select><option>Tất cả</option><option>Kế hoạch</option></select><button>Tìm</button></div>
        <div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/vb">Văn bản pháp luật</a> » <a href="/kh">Kế hoạch</a></div>
        <table class="layout" width="100%"><tr>
          <td class="left" valign="top"><div class="box"><ul><li><a href="/1">Quyết định 12/QĐ-UBND về cải cách hành chính</a></li>
            <li><a href="/2">Kế hoạch 08/KH-UBND về chuyển đổi số</a></li><li><a href="/3">Chỉ thị 05/CT-UBND về kỷ luật hành chính</a></li></ul></div></td>
          <td class="main" valign="top">
            <div class="tabs"><a href="#tv">Toàn văn</a> <a href="#tt">Thuộc tính</a> <a href="#ld">Lược đồ</a> <a href="#tai">Tải về</a></div>
            <div class="fulltext"><div id="toanvancontent">{{PlanBody()}}</div></div>
            <div id="x" style="display:none">Văn bản này đã được thay thế bởi văn bản khác</div>
          </td></tr></table>
        <div id="footer">Cơ quan chủ quản: Bộ Tư pháp.</div>
        </form></body></html>
        """;

    [Fact]
    public void A_legal_database_page_reads_as_its_document_without_the_sites_chrome() =>
        OfficePlanGolden.AssertMatches("ke-hoach.html", Encoding.UTF8.GetBytes(PortalPage()));

    [Fact]
    public void The_document_body_is_found_and_the_menus_and_side_panels_are_left_out()
    {
        var lines = new HtmlReader().Read("ke-hoach.html", Encoding.UTF8.GetBytes(PortalPage())).Document!.Lines;
        var text = string.Join("\n", lines.Select(l => l.Raw));

        Assert.Equal("PHỤ LỤC", lines[0].Raw);
        Assert.DoesNotContain("Trang chủ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Chỉ thị 05/CT-UBND", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Toàn văn", text, StringComparison.Ordinal);
        Assert.DoesNotContain("thay thế", text, StringComparison.Ordinal);
        Assert.DoesNotContain("_gaq", text, StringComparison.Ordinal);
        Assert.Equal(1 + OfficePlan.Rows.Length, lines.Count(l => l.IsTableRow));
    }

    [Fact]
    public void A_page_in_Windows_1258_that_declares_it_reads_as_its_golden_file()
    {
        var page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1258\"></head><body>" + PlanBody() + "</body></html>";
        var bytes = Windows1258.Encode(page);

        OfficePlanGolden.AssertMatches("ke-hoach.htm", bytes);
    }
}
