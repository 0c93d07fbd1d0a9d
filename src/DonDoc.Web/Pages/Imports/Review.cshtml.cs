using DonDoc.Core.Agencies;
using DonDoc.Core.Deadlines;
using DonDoc.Tracking.Formatting;
using DonDoc.Tracking.Imports;
using DonDoc.Tracking.Periods;
using DonDoc.Tracking.Workflow;
using DonDoc.Web.Common;
using Microsoft.AspNetCore.Mvc;

namespace DonDoc.Web.Pages.Imports;

/// <summary>The review page: the extracted table, editable, beside the importer's warnings; then publish or discard.</summary>
public sealed class ReviewModel(ImportDrafts drafts, DeadlineParser parser) : DonDocPageModel
{
    public DraftView? Draft { get; private set; }

    public IReadOnlyList<AgencyCell> Unknown { get; private set; } = [];

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Number { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Issuer { get; set; }

    /// <summary>The issue date as typed, dd/mm/yyyy.</summary>
    [BindProperty]
    public string? IssuedOnText { get; set; }

    [BindProperty]
    public List<DraftRowEdit> Rows { get; set; } = [];

    /// <summary>The reporting cycle's length by name; empty for none.</summary>
    [BindProperty]
    public string? CycleLength { get; set; }

    [BindProperty]
    public int? AgencyDueDay { get; set; }

    [BindProperty]
    public int? OfficeDueDay { get; set; }

    [BindProperty]
    public bool DueAfterPeriod { get; set; }

    /// <summary>The plan's words the proposed cycle was read from.</summary>
    [BindProperty]
    public string? CycleSource { get; set; }

    /// <summary>Where to split a row's content: the caret position in its text box, set by the page's script.</summary>
    [BindProperty]
    public int? At { get; set; }

    /// <summary>The draft; a plan published since (the back button after publishing) is shown as the plan it became.</summary>
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await drafts.IsPublishedAsync(id, cancellationToken) ? Redirect($"/Plans/{id}") : await ReadAsync(() => LoadAsync(id, cancellationToken));

    /// <summary>The live interpretation of a deadline as it is typed.</summary>
    public IActionResult OnGetDeadline(string? text, int? year)
    {
        var deadline = parser.Parse(text, year);
        return new JsonResult(new { kind = deadline.Kind.ToSchemaName(), due = deadline.Due, explanation = DeadlineExplanation.Describe(deadline) });
    }

    public Task<IActionResult> OnPostSaveAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(() => SaveAsync(id, cancellationToken), "Đã lưu bản nháp.", () => Redirect($"/Imports/Review/{id}"), () => Reload(id, cancellationToken));

    public async Task<IActionResult> OnPostPublishAsync(int id, CancellationToken cancellationToken)
    {
        var count = 0;
        return await ChangeAsync(
            async () =>
            {
                await SaveAsync(id, cancellationToken);
                count = await drafts.PublishAsync(Actor, id, cancellationToken);
            },
            "Đã ban hành kế hoạch.",
            () =>
            {
                TempData["Message"] = $"Đã ban hành kế hoạch: {VietnameseFormat.Number(count)} nhiệm vụ đã được giao cho cơ quan chủ trì.";
                return Redirect($"/Plans/{id}");
            },
            () => Reload(id, cancellationToken));
    }

    /// <summary>A blank row below <paramref name="row"/> (at the end without one), after saving the form's corrections.</summary>
    public Task<IActionResult> OnPostAddRowAsync(int id, int? row, CancellationToken cancellationToken)
    {
        var added = 0;
        return ChangeAsync(
            async () => added = await drafts.AddRowAsync(Actor, id, await SaveAsync(id, cancellationToken), row, new DraftRowInput(), cancellationToken),
            "Đã thêm một dòng nhiệm vụ; hãy ghi nội dung, cơ quan chủ trì và thời hạn rồi lưu.",
            () => Redirect($"/Imports/Review/{id}#row-{added}"),
            () => Reload(id, cancellationToken));
    }

    /// <summary>A line the importer dropped becomes a row: its text is the content and the raw text.</summary>
    public Task<IActionResult> OnPostAddDroppedAsync(int id, int line, CancellationToken cancellationToken)
    {
        var added = 0;
        return ChangeAsync(
            async () =>
            {
                var version = await SaveAsync(id, cancellationToken);
                var dropped = (await drafts.GetAsync(Actor, id, cancellationToken)).DroppedLines.FirstOrDefault(d => d.Line == line && d.Text is not null)
                    ?? throw WorkflowException.Invalid($"Không còn dòng {line} trong danh sách dòng bị bỏ qua.", $"no dropped line {line}");
                added = await drafts.AddRowAsync(Actor, id, version, null, new DraftRowInput(Content: dropped.Text, RawText: dropped.Text), cancellationToken);
            },
            $"Đã thêm dòng {line} thành nhiệm vụ ở cuối bảng; hãy kiểm tra và bổ sung các ô.",
            () => Redirect($"/Imports/Review/{id}#row-{added}"),
            () => Reload(id, cancellationToken));
    }

    public Task<IActionResult> OnPostDeleteRowAsync(int id, int row, CancellationToken cancellationToken) =>
        ChangeAsync(
            async () => await drafts.DeleteRowAsync(Actor, id, await SaveAsync(id, cancellationToken), row, cancellationToken),
            "Đã xóa dòng; nguyên văn của dòng được lưu trong nhật ký.",
            () => Redirect($"/Imports/Review/{id}"),
            () => Reload(id, cancellationToken));

    public Task<IActionResult> OnPostSplitRowAsync(int id, int row, CancellationToken cancellationToken)
    {
        var added = 0;
        return ChangeAsync(
            async () =>
            {
                if (At is not { } at)
                {
                    throw WorkflowException.Invalid("Hãy đặt con trỏ vào chỗ cần tách trong ô nội dung rồi bấm \"Tách\".", "split without a caret position");
                }

                added = await drafts.SplitRowAsync(Actor, id, await SaveAsync(id, cancellationToken), row, at, cancellationToken);
            },
            "Đã tách thành hai dòng nhiệm vụ.",
            () => Redirect($"/Imports/Review/{id}#row-{added}"),
            () => Reload(id, cancellationToken));
    }

    public Task<IActionResult> OnPostMergeRowAsync(int id, int row, CancellationToken cancellationToken) =>
        ChangeAsync(
            async () => await drafts.MergeRowAsync(Actor, id, await SaveAsync(id, cancellationToken), row, cancellationToken),
            "Đã gộp với dòng bên dưới; hãy kiểm tra các ô đã ghép.",
            () => Redirect($"/Imports/Review/{id}#row-{row}"),
            () => Reload(id, cancellationToken));

    public Task<IActionResult> OnPostRememberAsync(int id, string? text, string? aliasOf, AgencyKind? kind, CancellationToken cancellationToken) =>
        ChangeAsync(
            () => drafts.RememberAgencyAsync(Actor, text, aliasOf, string.IsNullOrEmpty(aliasOf) ? kind : null, cancellationToken),
            string.IsNullOrEmpty(aliasOf) ? $"Đã thêm cơ quan \"{text}\" vào danh mục." : $"Đã ghi nhớ \"{text}\" là tên gọi khác của {aliasOf}.",
            () => Redirect($"/Imports/Review/{id}"),
            () => Reload(id, cancellationToken));

    public Task<IActionResult> OnPostDiscardAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(() => drafts.DiscardAsync(Actor, id, cancellationToken), "Đã hủy bản nháp.", () => Redirect("/"), () => Reload(id, cancellationToken));

    private Task<int> SaveAsync(int id, CancellationToken cancellationToken) =>
        drafts.SaveAsync(Actor, id, new DraftEdit(Version, Number, Issuer, VietnameseFormat.ParseOptionalDate(IssuedOnText, "Ngày ban hành"), Title, Rows,
            new CycleInput(CycleLength, AgencyDueDay, OfficeDueDay, DueAfterPeriod, Source: CycleSource)), cancellationToken);

    private async Task<IActionResult> Reload(int id, CancellationToken cancellationToken)
    {
        try
        {
            await LoadAsync(id, cancellationToken);
        }
        catch (WorkflowException)
        {
            return Redirect("/");
        }

        return Page();
    }

    private async Task LoadAsync(int id, CancellationToken cancellationToken)
    {
        Draft = await drafts.GetAsync(Actor, id, cancellationToken);
        Unknown = Draft.Rows.SelectMany(r => r.LeadAgencies.Concat(r.CoordinatorAgencies))
            .Where(a => a.Kind == "unknown")
            .DistinctBy(a => a.Text)
            .ToList();
    }

    /// <summary>How the page names a row: section and number as printed, else its place in the table.</summary>
    public static string Label(DraftRow row) =>
        string.Join(".", new[] { row.SectionId, row.Number }.Where(p => !string.IsNullOrEmpty(p))) is { Length: > 0 } label
            ? label
            : $"ở dòng {row.Position + 1}";

    public static string ChoiceText(string choice) =>
        Enum.TryParse<LeadChoice>(choice, out var parsed) ? VietnameseFormat.Capitalized(parsed.ToVietnamese()) : choice;
}
