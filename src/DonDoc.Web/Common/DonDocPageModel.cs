using DonDoc.Core.Access;
using DonDoc.Data.Storage;
using DonDoc.Tracking.Formatting;
using DonDoc.Tracking.Workflow;
using DonDoc.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
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

    /// <summary>A form posted to a handler the page does not have is not found, instead of a page rendered without its data.</summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerMethod is null && (!HttpMethods.IsGet(Request.Method) || Request.Query.ContainsKey("handler")))
        {
            context.Result = NotFound();
            return;
        }

        await next();
    }

    /// <summary>Runs a change; a refusal becomes the page's message (or a 404), success a redirect with a message.</summary>
    protected async Task<IActionResult> ChangeAsync(Func<Task> change, string done, Func<IActionResult> success, Func<Task<IActionResult>> again)
    {
        try
        {
            RefuseUnreadableFields();
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

    /// <summary>A field the form sent that could not be read (a number that is not one) is refused, never dropped.</summary>
    private void RefuseUnreadableFields()
    {
        var unreadable = ModelState
            .Where(field => field.Value is { ValidationState: ModelValidationState.Invalid } && !string.IsNullOrEmpty(field.Value.AttemptedValue))
            .Select(field => (Name: field.Key, Value: field.Value!.AttemptedValue!))
            .ToList();
        if (unreadable.Count > 0)
        {
            throw WorkflowException.Invalid(
                string.Join(" ", unreadable.Select(f => $"Giá trị \"{f.Value}\" của ô {FormFieldNames.Describe(f.Name)} không hợp lệ.")),
                "unreadable form fields: " + string.Join(", ", unreadable.Select(f => f.Name)));
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

/// <summary>The names forms give their fields, as the person filling them in reads them.</summary>
public static class FormFieldNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["percent"] = "\"Tiến độ (%)\"",
        ["version"] = "\"phiên bản\" (hãy tải lại trang)",
        ["doneOn"] = "\"Ngày hoàn thành\"",
        ["newDue"] = "\"Thời hạn mới\"",
        ["itemId"] = "\"sản phẩm\"",
        ["extensionId"] = "\"đề nghị gia hạn\"",
        ["planId"] = "\"kế hoạch\"",
        ["parentId"] = "\"trực thuộc\"",
        ["kind"] = "\"loại cơ quan\"",
        ["kinds"] = "\"loại cơ quan\"",
        ["done"] = "\"đã xong\"",
        ["locked"] = "\"khóa\"",
        ["retired"] = "\"ngừng hoạt động\"",
        ["isCondition"] = "\"là điều kiện\"",
    };

    public static string Describe(string field) =>
        Names.TryGetValue(field, out var name) ? name : Names.TryGetValue(field[(field.LastIndexOf('.') + 1)..], out var last) ? last : $"\"{field}\"";
}
