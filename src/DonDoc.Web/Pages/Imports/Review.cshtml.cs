using DonDoc.Core.Agencies;
using DonDoc.Core.Deadlines;
using DonDoc.Tracking.Formatting;
using DonDoc.Tracking.Imports;
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

    public Task<IActionResult> OnPostRememberAsync(int id, string? text, string? aliasOf, AgencyKind? kind, CancellationToken cancellationToken) =>
        ChangeAsync(
            () => drafts.RememberAgencyAsync(Actor, text, aliasOf, string.IsNullOrEmpty(aliasOf) ? kind : null, cancellationToken),
            string.IsNullOrEmpty(aliasOf) ? $"Đã thêm cơ quan \"{text}\" vào danh mục." : $"Đã ghi nhớ \"{text}\" là tên gọi khác của {aliasOf}.",
            () => Redirect($"/Imports/Review/{id}"),
            () => Reload(id, cancellationToken));

    public Task<IActionResult> OnPostDiscardAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(() => drafts.DiscardAsync(Actor, id, cancellationToken), "Đã hủy bản nháp.", () => Redirect("/"), () => Reload(id, cancellationToken));

    private Task SaveAsync(int id, CancellationToken cancellationToken) =>
        drafts.SaveAsync(Actor, id, new DraftEdit(Version, Number, Issuer, VietnameseFormat.ParseOptionalDate(IssuedOnText, "Ngày ban hành"), Title, Rows), cancellationToken);

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

    public static string ChoiceText(string choice) =>
        Enum.TryParse<LeadChoice>(choice, out var parsed) ? VietnameseFormat.Capitalized(parsed.ToVietnamese()) : choice;
}
