using DonDoc.Core.Calendar;
using DonDoc.Core.Deadlines;
using DonDoc.Core.Tracking;
using DonDoc.Data.Plans;
using DonDoc.Data.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Pages.Plans;

public sealed class DetailsModel(DonDocDbContext db, DeadlineParser parser, TaskStatusEvaluator evaluator, TimeProvider clock) : PageModel
{
    public PlanEntity Plan { get; private set; } = new();

    public IReadOnlyList<TaskRow> Tasks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.AsNoTracking().Include(p => p.Tasks).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }

        Plan = plan;
        var today = VietnamTime.Today(clock);
        Tasks = plan.Tasks.OrderBy(t => t.Position).Select(t =>
        {
            var assessment = evaluator.Evaluate(parser.Parse(t.DeadlineRaw, plan.IssuedOn?.Year), today);
            var section = t.SectionId is null ? t.SectionTitle : $"{t.SectionId}. {t.SectionTitle}";
            return new TaskRow(section, t.Number, t.Content, t.Lead, t.Coordinators, t.DeadlineRaw, assessment.Due, assessment.Status, assessment.Reason);
        }).ToList();
        return Page();
    }

    public sealed record TaskRow(
        string? Section, string? Number, string Content, string? Lead, string? Coordinators, string? DeadlineRaw,
        DateOnly? Due, TrackingStatus Status, string Reason);
}
