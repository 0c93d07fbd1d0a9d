using System.Globalization;
using DonDoc.Data.Storage;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Pages;

public sealed class IndexModel(DonDocDbContext db) : PageModel
{
    public IReadOnlyList<PlanRow> Plans { get; private set; } = [];

    public CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("vi-VN");

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Plans = await db.Plans
            .OrderByDescending(p => p.Id)
            .Select(p => new PlanRow(p.Id, p.Number, p.Title, p.Issuer, p.IssuedOn, p.Tasks.Count))
            .ToListAsync(cancellationToken);
    }

    public sealed record PlanRow(int Id, string? Number, string? Title, string? Issuer, DateOnly? IssuedOn, int TaskCount);
}
