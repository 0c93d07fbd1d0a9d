using System.Globalization;
using DonDoc.Core.Agencies;
using DonDoc.Core.Deadlines;
using DonDoc.Data.Accounts;
using DonDoc.Data.Agencies;
using DonDoc.Tracking.Agencies;
using DonDoc.Data.Storage;
using DonDoc.Tracking.Dashboard;
using DonDoc.Tracking.Formatting;
using DonDoc.Tracking.Imports;
using DonDoc.Tracking.Tasks;
using DonDoc.Tracking.Workflow;
using DonDoc.Web.Accounts;
using DonDoc.Web.Common;
using DonDoc.Web.Dashboard;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace DonDoc.Web.Api;

public sealed record LoginRequest(string? Email, string? Password);

/// <summary>A plan with one page of its tasks (<c>tasks.next</c> asks for the next).</summary>
public sealed record PlanDetails(PlanSummary Plan, string? StateReason, int Version, Page<TaskSummary> Tasks);

public sealed record ClosePlanInput(string? Reason, bool Cancel = false, int? Version = null);

public sealed record RememberAgencyInput(string? Text, string? AliasOf, string? Kind);

public sealed record DeadlineInterpretation(string? Text, string Kind, DateOnly? Due, string Detail, string Explanation);

/// <summary>
/// The JSON API: everything the pages do, under the same rules, for clients holding a bearer token from
/// <c>POST /api/auth/login</c>. Refusals come back as problem details with a Vietnamese <c>detail</c>.
/// </summary>
public static class ApiEndpoints
{
    public const string BearerPolicy = "api";

    public static void MapDonDocApi(this WebApplication app)
    {
        // Evidence downloads for the pages (cookie) and API clients alike; reading only.
        app.MapGet("/files/{id:int}", async (int id, TaskWorkflow workflow, HttpContext http, CancellationToken ct) =>
        {
            var (file, content) = await workflow.OpenEvidenceAsync(http.User.RequireActor(), id, ct);
            return TypedResults.Stream(content, file.ContentType, file.FileName);
        }).AddEndpointFilter(ProblemFilter).RequireAuthorization();

        var api = app.MapGroup("/api").AddEndpointFilter(ProblemFilter).DisableAntiforgery();
        MapAuth(api);

        var secured = api.MapGroup("").RequireAuthorization(BearerPolicy);
        MapPlans(secured);
        MapTasks(secured);
        MapImports(secured);
        MapTracking(secured);

        secured.MapGet("/dashboard", async (
            int? plan, [FromQuery(Name = "plans_after")] string? plansAfter, [FromQuery(Name = "agencies_after")] string? agenciesAfter,
            [FromQuery(Name = "overdue_after")] string? overdueAfter, [FromQuery(Name = "upcoming_after")] string? upcomingAfter, int? limit,
            DashboardBuilder dashboard, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await dashboard.BuildAsync(http.User.RequireActor(), plan, new DashboardPages(plansAfter, agenciesAfter, overdueAfter, upcomingAfter, limit), ct)));
        secured.MapGet("/dashboard/export/{table}", async (string table, int? plan, DashboardBuilder dashboard, HttpContext http, CancellationToken ct) =>
        {
            var rows = await dashboard.TableAsync(http.User.RequireActor(), plan, table, DashboardExport.MaxRows, ct);
            var bytes = await DashboardExport.ToExcelAsync(rows, table, ct);
            return TypedResults.File(bytes, EvidenceStore.ContentTypeOf("xlsx"), $"dondoc-{table}-{rows.Today:yyyyMMdd}.xlsx");
        });
        secured.MapGet("/agencies", async (string? after, int? limit, AgencyList agencies, CancellationToken ct) =>
            TypedResults.Ok(await agencies.ListAsync(new PageRequest(after, limit), ct)));
        secured.MapGet("/agencies/match", async (string text, string? issuer, AgencyDirectoryStore store, CancellationToken ct) =>
            TypedResults.Ok((await store.LoadAsync(ct)).InPlanOf(issuer).Resolve(text)));
        secured.MapPost("/agencies/aliases", async (RememberAgencyInput input, ImportDrafts drafts, HttpContext http, CancellationToken ct) =>
        {
            var kind = Enum.TryParse<AgencyKind>(input.Kind, ignoreCase: true, out var parsed) ? parsed : (AgencyKind?)null;
            await drafts.RememberAgencyAsync(http.User.RequireActor(), input.Text, input.AliasOf, kind, ct);
            return TypedResults.NoContent();
        });
        secured.MapGet("/deadlines/interpret", (string? text, int? year, DeadlineParser parser) =>
        {
            var deadline = parser.Parse(text, year);
            return TypedResults.Ok(new DeadlineInterpretation(text, deadline.Kind.ToSchemaName(), deadline.Due, deadline.Detail, DeadlineExplanation.Describe(deadline)));
        });
    }

    private static void MapAuth(RouteGroupBuilder api)
    {
        api.MapPost("/auth/login", async Task<Results<EmptyHttpResult, ProblemHttpResult>> (LoginRequest request, PasswordSignIn signIn) =>
        {
            switch (await signIn.SignInAsync(IdentityConstants.BearerScheme, request.Email, request.Password))
            {
                case SignInOutcome.SignedIn:
                    // The bearer handler has written {"tokenType","accessToken","expiresIn","refreshToken"}.
                    return TypedResults.Empty;
                case SignInOutcome.MustChangePasswordFirst or SignInOutcome.SignedInMustChangePassword:
                    return TypedResults.Problem(PasswordSignIn.ChangePasswordFirst, statusCode: StatusCodes.Status403Forbidden, title: "Cần đổi mật khẩu");
                default:
                    return TypedResults.Problem(PasswordSignIn.Refusal, statusCode: StatusCodes.Status401Unauthorized, title: "Đăng nhập không thành công");
            }
        }).AllowAnonymous();
        api.MapPost("/auth/logout", async (HttpContext http, UserManager<DonDocUser> users, UserAccounts accounts) =>
        {
            // Sessions are checked against the security stamp on every request: a new stamp ends them all.
            if (await users.GetUserAsync(http.User) is { } user)
            {
                await accounts.EndSessionsAsync(user);
            }

            return TypedResults.NoContent();
        }).RequireAuthorization(BearerPolicy);
        api.MapGet("/me", (HttpContext http) =>
        {
            var actor = http.User.RequireActor();
            return TypedResults.Ok(new { id = actor.UserId, name = actor.Name, roles = actor.Roles, agencyId = actor.AgencyId });
        }).RequireAuthorization(BearerPolicy);
    }

    private static void MapPlans(RouteGroupBuilder api)
    {
        api.MapGet("/plans", async (string? after, int? limit, bool? total, TaskCatalog catalog, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await catalog.ListPlansAsync(http.User.RequireActor(), new PageRequest(after, limit, total ?? false), ct)));
        api.MapGet("/plans/{id:int}", async (int id, string? after, int? limit, TaskCatalog catalog, HttpContext http, CancellationToken ct) =>
        {
            var actor = http.User.RequireActor();
            var plan = await catalog.GetPlanAsync(actor, id, ct);
            var summary = await catalog.SummarizePlanAsync(actor, plan, ct);
            var tasks = plan.State == Data.Plans.PlanState.Draft
                ? Page<TaskSummary>.Empty
                : await catalog.ListAsync(actor, new TaskFilter(PlanId: id), new PageRequest(after, limit), ct) with { Total = summary.TaskCount };
            return TypedResults.Ok(new PlanDetails(summary, plan.StateReason, plan.Version, tasks));
        });
        api.MapPost("/plans/{id:int}/close", async (int id, ClosePlanInput input, TaskWorkflow workflow, HttpContext http, CancellationToken ct) =>
        {
            await workflow.ClosePlanAsync(http.User.RequireActor(), id, input.Cancel, input.Reason, input.Version, ct);
            return TypedResults.NoContent();
        });
    }

    private static void MapTasks(RouteGroupBuilder api)
    {
        api.MapGet("/tasks", async (
            int? plan, string? agency, string? status, string? q, [FromQuery(Name = "due_before")] string? dueBefore, string? section,
            string? role, string? after, int? limit, bool? total,
            TaskCatalog catalog, AgencyDirectoryStore store, HttpContext http, CancellationToken ct) =>
        {
            DateOnly? before = null;
            if (!string.IsNullOrEmpty(dueBefore))
            {
                before = VietnameseFormat.TryParseDate(dueBefore, out var parsed)
                    ? parsed
                    : throw WorkflowException.Invalid($"Ngày \"{dueBefore}\" không hợp lệ (dd/mm/yyyy hoặc yyyy-mm-dd).", $"bad due_before {dueBefore}");
            }

            if (status is not null && TaskStatusText.ParseStatus(status) is null)
            {
                throw WorkflowException.Invalid($"Trạng thái \"{status}\" không tồn tại.", $"unknown status {status}");
            }

            Data.Plans.AssignmentRole? asRole = role?.ToLowerInvariant() switch
            {
                null or "" => null,
                "lead" => Data.Plans.AssignmentRole.Lead,
                "coordinator" => Data.Plans.AssignmentRole.Coordinator,
                _ => throw WorkflowException.Invalid($"Vai trò \"{role}\" không tồn tại (lead hoặc coordinator).", $"unknown role {role}"),
            };
            var agencyId = await AgencyIdAsync(agency, store, ct);
            var page = await catalog.ListAsync(http.User.RequireActor(), new TaskFilter(plan, agencyId, status, q, before, section, asRole), new PageRequest(after, limit, total ?? false), ct);
            return TypedResults.Ok(page);
        });
        api.MapGet("/tasks/{id:int}", async (int id, TaskCatalog catalog, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await catalog.GetAsync(http.User.RequireActor(), id, ct)));
        api.MapGet("/files/{id:int}", async (int id, TaskWorkflow workflow, HttpContext http, CancellationToken ct) =>
        {
            var (file, content) = await workflow.OpenEvidenceAsync(http.User.RequireActor(), id, ct);
            return TypedResults.Stream(content, file.ContentType, file.FileName);
        });
    }

    private static void MapTracking(RouteGroupBuilder api)
    {
        api.MapPost("/tasks/{id:int}/progress", async (int id, HttpRequest request, TaskWorkflow workflow, EvidenceStore evidence, CancellationToken ct) =>
        {
            var (input, files) = await ApiForms.ReadAsync(request, evidence, form => new ProgressInput(
                ApiForms.Int(form, "percent"), form["summary"], form["difficulties"], form["proposals"], form["period"], ApiForms.Int(form, "version")), ct);
            var reportId = await workflow.PostProgressAsync(request.HttpContext.User.RequireActor(), id, input, files, ct);
            return TypedResults.Created($"/api/tasks/{id}", new { id = reportId });
        }).Accepts<ProgressInput>("application/json", "multipart/form-data");
        api.MapPost("/tasks/{id:int}/checklist/{itemId:int}", async (int id, int itemId, HttpRequest request, TaskWorkflow workflow, EvidenceStore evidence, CancellationToken ct) =>
        {
            var (input, files) = await ApiForms.ReadAsync(request, evidence, form => new ChecklistInput(
                form["done"].ToString() is "true" or "on" or "1", ApiForms.Int(form, "version")), ct);
            await workflow.TickChecklistAsync(request.HttpContext.User.RequireActor(), id, itemId, input, files, ct);
            return TypedResults.NoContent();
        }).Accepts<ChecklistInput>("application/json", "multipart/form-data");
        api.MapPost("/tasks/{id:int}/completion", async (int id, HttpRequest request, TaskWorkflow workflow, EvidenceStore evidence, CancellationToken ct) =>
        {
            var (input, files) = await ApiForms.ReadAsync(request, evidence, form => new CompletionInput(
                form["summary"], ApiForms.Date(form, "doneOn"), ApiForms.Int(form, "version")), ct);
            await workflow.ReportCompletionAsync(request.HttpContext.User.RequireActor(), id, input, files, ct);
            return TypedResults.NoContent();
        }).Accepts<CompletionInput>("application/json", "multipart/form-data");
        api.MapPost("/tasks/{id:int}/review", async (int id, ReviewInput input, TaskWorkflow workflow, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(new { status = await workflow.ReviewAsync(http.User.RequireActor(), id, input, ct) }));
        api.MapPost("/tasks/{id:int}/extensions", async (int id, ExtensionInput input, TaskWorkflow workflow, HttpContext http, CancellationToken ct) =>
        {
            var extensionId = await workflow.RequestExtensionAsync(http.User.RequireActor(), id, input, ct);
            return TypedResults.Created($"/api/tasks/{id}", new { id = extensionId });
        });
        api.MapPost("/extensions/{id:int}/decision", async (int id, ExtensionDecisionInput input, TaskWorkflow workflow, HttpContext http, CancellationToken ct) =>
        {
            await workflow.DecideExtensionAsync(http.User.RequireActor(), id, input, ct);
            return TypedResults.NoContent();
        });
        api.MapPost("/tasks/{id:int}/cancel", async (int id, CancelInput input, TaskWorkflow workflow, HttpContext http, CancellationToken ct) =>
        {
            await workflow.CancelAsync(http.User.RequireActor(), id, input, ct);
            return TypedResults.NoContent();
        });
        api.MapPost("/events", async (EventInput input, EventTriggers triggers, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await triggers.RecordAsync(http.User.RequireActor(), input, ct)));
        api.MapGet("/events", async (string? after, int? limit, EventTriggers triggers, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await triggers.ListAsync(http.User.RequireActor(), new PageRequest(after, limit), ct)));
    }

    private static void MapImports(RouteGroupBuilder api)
    {
        api.MapPost("/imports", async (HttpRequest request, ImportDrafts drafts, CancellationToken ct) =>
        {
            var actor = request.HttpContext.User.RequireActor();
            if (!request.HasFormContentType || (await request.ReadFormAsync(ct)).Files.GetFile("file") is not { } file)
            {
                throw WorkflowException.Invalid("Hãy gửi tệp kế hoạch trong trường \"file\" (multipart/form-data).", "no file field in the request");
            }

            if (file.Length > Import.Importing.PlanImporter.MaxFileBytes)
            {
                throw WorkflowException.Invalid("Tệp quá lớn; tối đa 20 MB.", $"plan file too large: {file.Length} bytes");
            }

            var id = await drafts.CreateAsync(actor, file.FileName, await ApiForms.BytesAsync(file, ct), ct);
            return TypedResults.Created($"/api/imports/{id}", await drafts.GetAsync(actor, id, ct));
        }).Accepts<IFormFile>("multipart/form-data");
        api.MapGet("/imports/{id:int}", async (int id, ImportDrafts drafts, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await drafts.GetAsync(http.User.RequireActor(), id, ct)));
        api.MapPut("/imports/{id:int}", async (int id, DraftEdit edit, ImportDrafts drafts, HttpContext http, CancellationToken ct) =>
        {
            var actor = http.User.RequireActor();
            await drafts.SaveAsync(actor, id, edit, ct);
            return TypedResults.Ok(await drafts.GetAsync(actor, id, ct));
        });
        api.MapPost("/imports/{id:int}/publish", async (int id, ImportDrafts drafts, HttpContext http, CancellationToken ct) =>
        {
            var count = await drafts.PublishAsync(http.User.RequireActor(), id, ct);
            return TypedResults.Ok(new { id, planId = id, tasks = count });
        });
        api.MapDelete("/imports/{id:int}", async (int id, ImportDrafts drafts, HttpContext http, CancellationToken ct) =>
        {
            await drafts.DiscardAsync(http.User.RequireActor(), id, ct);
            return TypedResults.NoContent();
        });
    }

    /// <summary>An agency filter given as an id or as a name the directory knows.</summary>
    private static async Task<int?> AgencyIdAsync(string? agency, AgencyDirectoryStore store, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(agency))
        {
            return null;
        }

        if (int.TryParse(agency, CultureInfo.InvariantCulture, out var id))
        {
            return id;
        }

        return await store.FindAgencyIdAsync(agency, ct) ?? throw WorkflowException.Invalid($"Không tìm thấy cơ quan \"{agency}\" trong danh mục.", $"no agency matches {agency}");
    }

    private static async ValueTask<object?> ProblemFilter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception refused) when (refused is WorkflowException or ChangeRefusedException or BadHttpRequestException or InvalidDataException or System.Text.Json.JsonException)
        {
            var (status, detail, reason) = ApiProblems.From(refused);
            var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("DonDoc.Api");
            logger.LogInformation("API request {Method} {Path} refused ({Status}): {Reason}", context.HttpContext.Request.Method, context.HttpContext.Request.Path, status, reason);
            var extensions = refused is WorkflowException { Current: { } current } ? new Dictionary<string, object?> { ["current"] = current } : null;
            var title = refused is WorkflowException workflow ? Title(workflow.Failure) : ApiProblems.Title(status);
            return TypedResults.Problem(detail, statusCode: status, title: title, extensions: extensions);
        }
    }

    private static string Title(WorkflowFailure failure) => failure switch
    {
        WorkflowFailure.NotFound => "Không tìm thấy",
        WorkflowFailure.Forbidden => "Không có quyền",
        WorkflowFailure.Conflict => "Dữ liệu đã thay đổi",
        WorkflowFailure.Busy => "Hệ thống đang bận",
        _ => "Yêu cầu không hợp lệ",
    };
}

/// <summary>Reads a request that is either JSON or a multipart form with files.</summary>
public static class ApiForms
{
    public static async Task<(T Input, IReadOnlyList<UploadedFile> Files)> ReadAsync<T>(HttpRequest request, EvidenceStore evidence, Func<IFormCollection, T> fromForm, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            if (!request.HasJsonContentType())
            {
                throw new BadHttpRequestException("expected JSON or a multipart form", StatusCodes.Status415UnsupportedMediaType);
            }

            var input = await request.ReadFromJsonAsync<T>(ct);
            return (input ?? throw WorkflowException.Invalid("Thiếu dữ liệu.", "empty body"), []);
        }

        var form = await request.ReadFormAsync(ct);
        return (fromForm(form), await evidence.ReadAsync(form.Files.AsIncoming(), ct));
    }

    public static async Task<byte[]> BytesAsync(IFormFile file, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    /// <summary>A whole number, or null when the field is absent or empty; anything else is refused, never dropped.</summary>
    public static int? Int(IFormCollection form, string name)
    {
        var text = form[name].ToString();
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw WorkflowException.Invalid($"Giá trị \"{text}\" của trường \"{name}\" không phải là số nguyên.", $"form field {name} is not an integer: {text}");
    }

    /// <summary>A date (dd/mm/yyyy or yyyy-mm-dd), or null when the field is absent or empty; anything else is refused.</summary>
    public static DateOnly? Date(IFormCollection form, string name) => VietnameseFormat.ParseOptionalDate(form[name], $"Trường \"{name}\"");
}
