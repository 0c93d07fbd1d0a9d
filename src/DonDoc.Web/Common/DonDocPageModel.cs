using DonDoc.Core.Access;
using DonDoc.Data.Storage;
using DonDoc.Tracking.Formatting;
using DonDoc.Tracking.Workflow;
using DonDoc.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DonDoc.Web.Common;

/// <summary>What every DonDoc page needs: who is asking, and a Vietnamese answer when a request is refused.</summary>
public abstract class DonDocPageModel : PageModel
{
    public Actor Actor => User.ToActor() ?? throw new InvalidOperationException("Pages other than sign-in require a signed-in user.");

    /// <summary>The refusal to show on the page, in Vietnamese.</summary>
    public string? Error { get; protected set; }

    /// <summary>For a conflict: the current values, shown beside the message.</summary>
    public object? Current { get; protected set; }

    /// <summary>Runs a change; a refusal becomes the page's message (or a 404), success a redirect with a message.</summary>
    protected async Task<IActionResult> ChangeAsync(Func<Task> change, string done, Func<IActionResult> success, Func<Task<IActionResult>> again)
    {
        try
        {
            await change();
            TempData["Message"] = done;
            return success();
        }
        catch (WorkflowException refused) when (refused.Failure == WorkflowFailure.NotFound)
        {
            return NotFound();
        }
        catch (WorkflowException refused)
        {
            return await RefusedAsync(refused, again);
        }
        catch (ChangeRefusedException refused)
        {
            return await RefusedAsync(WorkflowException.Invalid(VietnameseFormat.Sentence(refused.Vietnamese), refused.Message), again);
        }
    }

    private async Task<IActionResult> RefusedAsync(WorkflowException refused, Func<Task<IActionResult>> again)
    {
        HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(GetType())
            .LogInformation("Page request refused ({Failure}): {Reason}", refused.Failure, refused.Message);
        Error = refused.Vietnamese;
        Current = refused.Current;
        Response.StatusCode = refused.StatusCode;
        return await again();
    }

    /// <summary>Reads a page; "not found or not yours" is a 404.</summary>
    protected async Task<IActionResult> ReadAsync(Func<Task> read)
    {
        try
        {
            await read();
            return Page();
        }
        catch (WorkflowException refused) when (refused.Failure == WorkflowFailure.NotFound)
        {
            return NotFound();
        }
        catch (WorkflowException refused)
        {
            Error = refused.Vietnamese;
            Response.StatusCode = refused.StatusCode;
            return Page();
        }
    }
}
