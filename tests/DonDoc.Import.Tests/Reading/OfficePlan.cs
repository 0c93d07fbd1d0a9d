namespace DonDoc.Import.Tests.Reading;

/// <summary>The plan of Fixtures/office-plan.json, as the rows of a table, for writing it in each format.</summary>
internal static class OfficePlan
{
    public const string Title = "KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2027";
    public const string Reference = "(Kèm theo Kế hoạch số 31/KH-UBND ngày 20/01/2027 của UBND huyện)";

    public static readonly string[] Header = ["STT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành", "Kinh phí (đồng)"];

    /// <summary>Rows; a row of two cells is a section heading that spans the table.</summary>
    public static readonly string[][] Rows =
    [
        ["I", "CẢI CÁCH THỂ CHẾ"],
        ["1", "Rà soát văn bản quy phạm pháp luật của huyện", "Phòng Tư pháp", "Các phòng chuyên môn", "Quý II/2027", "15.000.000"],
        ["2", "Công bố danh mục thủ tục hành chính", "Văn phòng HĐND và UBND", "", "Trước 30/6/2027", ""],
        ["II", "HIỆN ĐẠI HÓA HÀNH CHÍNH"],
        ["1", "Duy trì hệ thống quản lý chất lượng theo tiêu chuẩn quốc gia", "Văn phòng HĐND và UBND", "Các phòng chuyên môn", "Thường xuyên", ""],
    ];
}
