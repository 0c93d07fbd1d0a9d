using System.Text.Json.Nodes;
using DonDoc.Tracking.Imports;
using DonDoc.Tracking.Periods;
using DonDoc.Tracking.Workflow;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DonDoc.Web.Api.Documentation;

/// <summary>An example for each request body of the API, and for the answers an integrator reads first.</summary>
public static class ApiExamples
{
    private static readonly Dictionary<Type, Func<JsonNode>> Examples = new()
    {
        [typeof(LoginRequest)] = () => new JsonObject { ["email"] = "vanphong@tinh.gov.vn", ["password"] = "Mat-khau-2026" },
        [typeof(ProgressInput)] = () => new JsonObject
        {
            ["percent"] = 60,
            ["summary"] = "Đã rà soát 12/20 thủ tục hành chính.",
            ["difficulties"] = "Thiếu nhân lực trong tháng 11.",
            ["proposals"] = null,
            ["period"] = "Tháng 11/2026",
            ["version"] = 3,
        },
        [typeof(CompletionInput)] = () => new JsonObject { ["summary"] = "Đã ban hành Quyết định số 15/QĐ-SNV.", ["doneOn"] = "2026-11-20", ["version"] = 4 },
        [typeof(ReviewInput)] = () => new JsonObject { ["decision"] = "accept", ["reason"] = null, ["version"] = 5 },
        [typeof(ExtensionInput)] = () => new JsonObject { ["newDue"] = "2026-12-31", ["reason"] = "Chờ ý kiến của Bộ Nội vụ.", ["version"] = 3 },
        [typeof(ExtensionDecisionInput)] = () => new JsonObject { ["decision"] = "approve", ["note"] = "Đồng ý gia hạn đến 31/12/2026." },
        [typeof(CancelInput)] = () => new JsonObject { ["reason"] = "Nhiệm vụ không còn phù hợp.", ["version"] = 2 },
        [typeof(ChecklistInput)] = () => new JsonObject { ["done"] = true, ["version"] = 2 },
        [typeof(ClosePlanInput)] = () => new JsonObject { ["reason"] = "Kế hoạch đã hoàn thành.", ["cancel"] = false, ["version"] = 1 },
        [typeof(RememberAgencyInput)] = () => new JsonObject { ["text"] = "Sở NV", ["aliasOf"] = "Sở Nội vụ", ["kind"] = null },
        [typeof(EventInput)] = () => new JsonObject { ["name"] = "Đại hội Đảng bộ tỉnh", ["occurredOn"] = "2026-10-15" },
        [typeof(CycleInput)] = () => new JsonObject
        {
            ["length"] = "Month", ["agencyDueDay"] = 23, ["officeDueDay"] = 25, ["dueAfterPeriod"] = false, ["firstPeriod"] = "2026-11",
            ["source"] = "Các cơ quan báo cáo vào ngày 23 hằng tháng.", ["version"] = null, ["ratingFormula"] = "tasks=100;late=5;missing=10",
        },
        [typeof(SubmissionInput)] = () => new JsonObject
        {
            ["items"] = new JsonArray(new JsonObject { ["taskId"] = 118, ["percent"] = 80, ["progress"] = "Đã kiểm tra 7 trên 8 huyện.", ["result"] = "Biên bản kiểm tra." }),
            ["results"] = "Hoàn thành kiểm tra 7 huyện.", ["shortcomings"] = "Một huyện chưa bố trí lịch.",
            ["nextTasks"] = "Kiểm tra huyện còn lại.", ["proposals"] = null, ["version"] = null,
        },
        [typeof(PeriodDecisionInput)] = () => new JsonObject { ["decision"] = "return", ["reason"] = "Thiếu số liệu của 2 đơn vị.", ["accepted"] = null },
        [typeof(NarrativeInput)] = () => new JsonObject
        {
            ["results"] = "Các sở đã triển khai đúng kế hoạch.", ["shortcomings"] = "Còn chậm báo cáo.", ["nextTasks"] = "Đôn đốc các đơn vị.", ["proposals"] = "Không.",
        },
        [typeof(CreatedId)] = () => new JsonObject { ["id"] = 42 },
        [typeof(DraftRowAddition)] = () => new JsonObject
        {
            ["version"] = 3, ["afterRowId"] = 118,
            ["row"] = new JsonObject { ["content"] = "Tổng kết công tác cải cách hành chính năm 2026", ["lead"] = "Sở Nội vụ", ["deadlineRaw"] = "Quý IV/2026" },
        },
        [typeof(DraftRowSplit)] = () => new JsonObject { ["version"] = 4, ["at"] = 26 },
        [typeof(DraftVersion)] = () => new JsonObject { ["version"] = 5 },
        [typeof(PublishedPlan)] = () => new JsonObject { ["id"] = 7, ["planId"] = 7, ["tasks"] = 24 },
        [typeof(ReviewOutcome)] = () => new JsonObject { ["status"] = "done_on_time" },
        [typeof(CurrentAccount)] = () => new JsonObject { ["id"] = "4f0c…", ["name"] = "Văn phòng UBND tỉnh", ["roles"] = new JsonArray("monitor"), ["agencyId"] = null },
    };

    public static Task AddExampleAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is null && Examples.TryGetValue(context.JsonTypeInfo.Type, out var example))
        {
            schema.Examples = [example()];
        }

        return Task.CompletedTask;
    }
}
