using DonDoc.Core.Tracking;
using DonDoc.Tracking.Formatting;
using DonDoc.Tracking.Reminders;
using DonDoc.Tracking.Tasks;
using DonDoc.Tracking.Workflow;
using DonDoc.Web.Common;
using Microsoft.AspNetCore.Mvc;

namespace DonDoc.Web.Pages.Tasks;

public sealed class DetailsModel(TaskCatalog catalog, TaskWorkflow workflow, TaskStatusReader statuses, EvidenceStore evidence, Inbox inbox, EventNotices notices, Tracking.Agencies.AgencyList agencies) : DonDocPageModel
{
    /// <summary>For the office's edit form: the directory's agency names to pick the lead and coordinators from.</summary>
    public IReadOnlyList<string> AgencyNames { get; private set; } = [];

    public TaskDetails? Details { get; private set; }

    /// <summary>The notices about this task and how each was delivered (the office sees every recipient, others their own).</summary>
    public IReadOnlyList<NoticeRow> Deliveries { get; private set; } = [];

    public bool CanUrge => Core.Access.TaskAccess.CanImport(Actor);

    public DateOnly Today => statuses.Today;

    public Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => ReadAsync(() => LoadAsync(id, cancellationToken));

    public Task<IActionResult> OnPostProgressAsync(int id, int? percent, string? summary, string? difficulties, string? proposals, string? period, int? version, List<IFormFile> files, CancellationToken cancellationToken) =>
        Change(id, async () => await workflow.PostProgressAsync(Actor, id, new ProgressInput(percent, summary, difficulties, proposals, period, version), await ReadFilesAsync(files, cancellationToken), cancellationToken), "Đã gửi báo cáo.", cancellationToken);

    public Task<IActionResult> OnPostChecklistAsync(int id, int itemId, bool done, int? version, List<IFormFile> files, CancellationToken cancellationToken) =>
        Change(id, async () => await workflow.TickChecklistAsync(Actor, id, itemId, new ChecklistInput(done, version), await ReadFilesAsync(files, cancellationToken), cancellationToken), "Đã cập nhật danh mục sản phẩm.", cancellationToken);

    public Task<IActionResult> OnPostCompletionAsync(int id, string? summary, string? doneOn, int? version, List<IFormFile> files, CancellationToken cancellationToken) =>
        Change(
            id,
            async () => await workflow.ReportCompletionAsync(
                Actor, id, new CompletionInput(summary, VietnameseFormat.ParseOptionalDate(doneOn, "Ngày hoàn thành"), version), await ReadFilesAsync(files, cancellationToken), cancellationToken),
            "Đã báo cáo hoàn thành; chờ văn phòng xác nhận.",
            cancellationToken);

    public Task<IActionResult> OnPostReviewAsync(int id, string? decision, string? reason, int? version, CancellationToken cancellationToken) =>
        Change(id, () => workflow.ReviewAsync(Actor, id, new ReviewInput(decision, reason, version), cancellationToken),
            decision == "accept" ? "Đã xác nhận hoàn thành." : "Đã trả lại nhiệm vụ.", cancellationToken);

    public Task<IActionResult> OnPostExtensionAsync(int id, string? newDue, string? reason, int? version, CancellationToken cancellationToken) =>
        Change(
            id,
            () => workflow.RequestExtensionAsync(Actor, id, new ExtensionInput(VietnameseFormat.ParseOptionalDate(newDue, "Thời hạn mới"), reason, version), cancellationToken),
            "Đã gửi đề nghị gia hạn.",
            cancellationToken);

    public Task<IActionResult> OnPostDecideAsync(int id, int extensionId, string? decision, string? note, CancellationToken cancellationToken) =>
        Change(id, () => workflow.DecideExtensionAsync(Actor, extensionId, new ExtensionDecisionInput(decision, note), cancellationToken), "Đã xử lý đề nghị gia hạn.", cancellationToken);

    public Task<IActionResult> OnPostRemindAsync(int id, string? message, bool coordinators, CancellationToken cancellationToken) =>
        Change(id, () => notices.SendManualAsync(Actor, [id], message, coordinators, cancellationToken), "Đã gửi đôn đốc.", cancellationToken);

    public Task<IActionResult> OnPostCancelAsync(int id, string? reason, int? version, CancellationToken cancellationToken) =>
        Change(id, () => workflow.CancelAsync(Actor, id, new CancelInput(reason, version), cancellationToken), "Đã hủy nhiệm vụ.", cancellationToken);

    /// <param name="coordinators">One agency a line (or separated by ";"); empty removes them.</param>
    public Task<IActionResult> OnPostEditAsync(int id, string? content, string? lead, string? coordinators, string? deadline, string? product, string? reason, int? version, CancellationToken cancellationToken) =>
        Change(
            id,
            () => workflow.EditAsync(Actor, id, new TaskEditInput(reason, content, lead, SplitAgencies(coordinators), deadline, product, version), cancellationToken),
            "Đã sửa nhiệm vụ; các cơ quan liên quan đã được thông báo.",
            cancellationToken);

    private static IReadOnlyList<string> SplitAgencies(string? text) =>
        (text ?? "").Split(['\n', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private Task<IActionResult> Change(int id, Func<Task> change, string done, CancellationToken cancellationToken) =>
        ChangeAsync(change, done, () => Redirect($"/Tasks/{id}"), async () =>
        {
            await LoadAsync(id, cancellationToken);
            return Page();
        });

    private async Task LoadAsync(int id, CancellationToken cancellationToken)
    {
        Details = await catalog.GetAsync(Actor, id, cancellationToken);
        Deliveries = await inbox.OfTaskAsync(Actor, id, cancellationToken);
        if (Details.Can.Manage && !Details.Task.Cancelled)
        {
            AgencyNames = await agencies.NamesAsync(cancellationToken);
        }
    }

    /// <summary>The files the form carries; a browser sends an empty part for a file input left empty.</summary>
    private Task<IReadOnlyList<UploadedFile>> ReadFilesAsync(List<IFormFile> files, CancellationToken cancellationToken) =>
        evidence.ReadAsync(files.Where(f => f.Length > 0).AsIncoming(), cancellationToken);

    private static readonly Dictionary<string, string> FieldNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["percent"] = "Tiến độ (%)", ["completion"] = "Hoàn thành", ["ReportedDoneOn"] = "Ngày báo cáo hoàn thành",
        ["CompletedOn"] = "Ngày hoàn thành", ["Summary"] = "Nội dung", ["Period"] = "Kỳ báo cáo", ["files"] = "Tệp",
        ["due"] = "Hạn", ["requested"] = "Hạn đề nghị", ["state"] = "Tình trạng", ["reason"] = "Lý do", ["note"] = "Ý kiến",
        ["cancelled"] = "Đã hủy", ["status"] = "Trạng thái", ["Text"] = "Sản phẩm", ["Done"] = "Đã xong",
        ["message"] = "Nội dung", ["recipients"] = "Người nhận", ["notices"] = "Số thông báo",
        ["content"] = "Nội dung nhiệm vụ", ["lead"] = "Cơ quan chủ trì", ["coordinators"] = "Cơ quan phối hợp",
        ["deadline"] = "Thời hạn (theo kế hoạch)", ["product"] = "Sản phẩm",
    };

    /// <summary>An audit entry as lines a person reads: "Tiến độ (%): 0 → 50".</summary>
    public static IReadOnlyList<string> Changes(AuditView entry)
    {
        var before = Fields(entry.Before);
        var after = Fields(entry.After);
        return after.Keys.Union(before.Keys)
            .Select(key =>
            {
                var name = FieldNames.GetValueOrDefault(key, key);
                var was = before.GetValueOrDefault(key);
                if (!after.TryGetValue(key, out var now))
                {
                    // Recorded as context, not changed: an extension request keeps the deadline it asks to move.
                    return $"{name}: {was ?? "—"}";
                }

                return was is null || was == now ? $"{name}: {now ?? "—"}" : $"{name}: {was} → {now ?? "—"}";
            })
            .ToList();
    }

    private static Dictionary<string, string?> Fields(string? json)
    {
        var fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrEmpty(json))
        {
            return fields;
        }

        using var document = System.Text.Json.JsonDocument.Parse(json);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            fields[property.Name] = property.Value.ValueKind switch
            {
                System.Text.Json.JsonValueKind.Null => null,
                System.Text.Json.JsonValueKind.True => "có",
                System.Text.Json.JsonValueKind.False => "không",
                System.Text.Json.JsonValueKind.Array => string.Join(", ", property.Value.EnumerateArray().Select(e => e.ToString())),
                System.Text.Json.JsonValueKind.String when VietnameseFormat.TryParseDate(property.Value.GetString(), out var date) => VietnameseFormat.Date(date),
                System.Text.Json.JsonValueKind.String => CompletionOrState(property.Value.GetString()!),
                _ => property.Value.ToString(),
            };
        }

        return fields;
    }

    private static string CompletionOrState(string value) => value switch
    {
        "None" => "chưa báo cáo",
        "Reported" => "đã báo cáo, chờ xác nhận",
        "Accepted" => "đã xác nhận",
        "Returned" => "bị trả lại",
        "Pending" => "chờ xử lý",
        "Approved" => "đồng ý",
        "Rejected" => "không đồng ý",
        _ => TaskStatusText.ParseStatus(value)?.ToVietnamese() ?? value,
    };

    public static string ActionText(string action) => action switch
    {
        "progress" => "Báo cáo tiến độ",
        "contribution" => "Báo cáo phối hợp",
        "checklist" => "Cập nhật sản phẩm",
        "completion.report" => "Báo cáo hoàn thành",
        "completion.accept" => "Xác nhận hoàn thành",
        "completion.return" => "Trả lại",
        "extension.request" => "Đề nghị gia hạn",
        "extension.approve" => "Đồng ý gia hạn",
        "extension.reject" => "Không đồng ý gia hạn",
        "task.cancel" => "Hủy nhiệm vụ",
        "task.edit" => "Sửa nhiệm vụ",
        "deadline.trigger" => "Xác định thời hạn theo sự kiện",
        "reminder.manual" => "Đôn đốc",
        _ => action,
    };
}
