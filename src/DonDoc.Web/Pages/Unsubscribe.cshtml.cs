using DonDoc.Core.Reminders;
using DonDoc.Tracking.Reminders;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DonDoc.Web.Pages;

/// <summary>The unsubscribe link of a mail: asks, then stops mail of that kind (a GET changes nothing, so that a mail scanner following links unsubscribes no one).</summary>
public sealed class UnsubscribeModel(NotificationProfiles profiles) : PageModel
{
    public string KindText { get; private set; } = "";

    public string? Done { get; private set; }

    public IActionResult OnGet(string token, string rule)
    {
        if (ReminderKinds.FromSchemaName(rule) is not { } kind)
        {
            return NotFound();
        }

        KindText = kind.ToVietnamese();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, string rule, CancellationToken cancellationToken)
    {
        if (ReminderKinds.FromSchemaName(rule) is not { } kind || await profiles.UnsubscribeAsync(token, rule, cancellationToken) is not { } name)
        {
            return NotFound();
        }

        KindText = kind.ToVietnamese();
        Done = name;
        return Page();
    }
}
