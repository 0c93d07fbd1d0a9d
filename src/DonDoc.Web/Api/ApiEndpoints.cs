using System.Globalization;
using DonDoc.Core.Agencies;
using DonDoc.Core.Deadlines;
using DonDoc.Data.Accounts;
using DonDoc.Data.Agencies;
using DonDoc.Tracking.Agencies;
using DonDoc.Data.Storage;
using DonDoc.Tracking.Dashboard;
using DonDoc.Tracking.Exchange;
using DonDoc.Tracking.Formatting;
using DonDoc.Tracking.Imports;
using DonDoc.Tracking.Periods;
using DonDoc.Tracking.Reports;
using DonDoc.Tracking.Tasks;
using DonDoc.Tracking.Workflow;
using DonDoc.Web.Accounts;
using DonDoc.Web.Api.Documentation;
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

/// <summary>The id of what a request created.</summary>
public sealed record CreatedId(int Id);

/// <summary>Where a period report stands after the office decided (`Accepted` or `Returned`).</summary>
public sealed record PeriodDecisionOutcome(string State);

/// <summary>A published draft: the plan keeps the draft's id.</summary>
public sealed record PublishedPlan(int Id, int PlanId, int Tasks);

/// <summary>The task's status after the office's decision on its completion.</summary>
public sealed record ReviewOutcome(string Status);

/// <summary>The account the credentials belong to.</summary>
public sealed record CurrentAccount(string Id, string Name, IReadOnlyList<string> Roles, int? AgencyId);

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
        }).AddEndpointFilter(ProblemFilter).RequireAuthorization().ExcludeFromDescription();

        var api = app.MapGroup("/api").AddEndpointFilter(ProblemFilter).DisableAntiforgery();
        MapAuth(api);

        var secured = api.MapGroup("").RequireAuthorization(BearerPolicy);
        MapPlans(secured);
        MapTasks(secured);
        MapImports(secured);
        MapTracking(secured);
        MapPeriods(secured);

        secured.MapGet("/dashboard", async (
            int? plan, [FromQuery(Name = "plans_after")] string? plansAfter, [FromQuery(Name = "agencies_after")] string? agenciesAfter,
            [FromQuery(Name = "overdue_after")] string? overdueAfter, [FromQuery(Name = "upcoming_after")] string? upcomingAfter, int? limit,
            DashboardBuilder dashboard, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await dashboard.BuildAsync(http.User.RequireActor(), plan, new DashboardPages(plansAfter, agenciesAfter, overdueAfter, upcomingAfter, limit), ct)))
            .Documented("getDashboard", "Số liệu tổng hợp", "The consolidated figures (QĐ 42/2014/QĐ-TTg groups, agencies ranked, overdue and upcoming tasks), each list keyset-paged by its own *_after parameter.", ApiOperation.AnyAccount, 400, 401, 404);
        secured.MapGet("/dashboard/export/{table}", async (string table, int? plan, DashboardBuilder dashboard, HttpContext http, CancellationToken ct) =>
        {
            var rows = await dashboard.TableAsync(http.User.RequireActor(), plan, table, DashboardExport.MaxRows, ct);
            var bytes = DashboardExport.ToXlsx(rows, table);
            return TypedResults.File(bytes, EvidenceStore.ContentTypeOf("xlsx"), $"dondoc-{table}-{rows.Today:yyyyMMdd}.xlsx");
        })
            .Produces(StatusCodes.Status200OK, contentType: EvidenceStore.ContentTypeOf("xlsx"))
            .Documented("exportDashboardTable", "Xuất bảng tổng hợp ra Excel", "One table of the dashboard (`agencies`, `overdue`, `upcoming`, `plans`) as an Excel workbook.", ApiOperation.AnyAccount, 400, 401, 404);
        secured.MapGet("/agencies", async (string? after, int? limit, AgencyList agencies, CancellationToken ct) =>
            TypedResults.Ok(await agencies.ListAsync(new PageRequest(after, limit), ct)))
            .Documented("listAgencies", "Danh mục cơ quan", "The agency directory, keyset-paged.", ApiOperation.AnyAccount, 400, 401);
        secured.MapGet("/agencies/match", async (string text, string? issuer, AgencyDirectoryStore store, CancellationToken ct) =>
            TypedResults.Ok((await store.LoadAsync(ct)).InPlanOf(issuer).Resolve(text)))
            .Documented("matchAgencies", "Nhận diện tên cơ quan", "Resolves the agencies named in a text (a cell of a plan), read in the plan of the issuer when given.", ApiOperation.AnyAccount, 400, 401);
        secured.MapPost("/agencies/aliases", async (RememberAgencyInput input, ImportDrafts drafts, HttpContext http, CancellationToken ct) =>
        {
            var kind = Enum.TryParse<AgencyKind>(input.Kind, ignoreCase: true, out var parsed) ? parsed : (AgencyKind?)null;
            await drafts.RememberAgencyAsync(http.User.RequireActor(), input.Text, input.AliasOf, kind, ct);
            return TypedResults.NoContent();
        })
            .Documented("rememberAgencyAlias", "Ghi nhớ tên gọi cơ quan", "Remembers a name as an alias of a known agency, or as a new agency of a kind.", ApiOperation.MonitorOrAdmin, 400, 401, 403, 404);
        secured.MapGet("/deadlines/interpret", (string? text, int? year, DeadlineParser parser) =>
        {
            var deadline = parser.Parse(text, year);
            return TypedResults.Ok(new DeadlineInterpretation(text, deadline.Kind.ToSchemaName(), deadline.Due, deadline.Detail, DeadlineExplanation.Describe(deadline)));
        })
            .Documented("interpretDeadline", "Cách hiểu một thời hạn", "How DonDoc reads a deadline text (a date, a quarter, `thường xuyên`, a condition), and the due date it gives.", ApiOperation.AnyAccount, 400, 401);
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
        }).AllowAnonymous()
            .Produces<Microsoft.AspNetCore.Authentication.BearerToken.AccessTokenResponse>()
            .Documented("signIn", "Đăng nhập, nhận mã truy cập", "Signs in with an account's e-mail and password; answers the bearer `accessToken` (and `expiresIn`, `refreshToken`). An account whose password was set by someone else must change it on the sign-in page first (403).", ApiOperation.Anonymous, 400, 401, 403);
        api.MapPost("/auth/logout", async (HttpContext http, UserManager<DonDocUser> users, UserAccounts accounts) =>
        {
            // Sessions are checked against the security stamp on every request: a new stamp ends them all.
            if (await users.GetUserAsync(http.User) is { } user)
            {
                await accounts.EndSessionsAsync(user);
            }

            return TypedResults.NoContent();
        }).RequireAuthorization(BearerPolicy)
            .Documented("signOut", "Đăng xuất", "Ends every session of the account (every browser and every token).", ApiOperation.AnyAccount, 401);
        api.MapGet("/me", (HttpContext http) =>
        {
            var actor = http.User.RequireActor();
            return TypedResults.Ok(new CurrentAccount(actor.UserId, actor.Name, actor.Roles.Order().ToList(), actor.AgencyId));
        }).RequireAuthorization(BearerPolicy)
            .Documented("getCurrentAccount", "Tài khoản đang dùng", "The account the credentials belong to: its id, name, roles and agency.", ApiOperation.AnyAccount, 401);
    }

    private static void MapPlans(RouteGroupBuilder api)
    {
        api.MapGet("/plans", async (string? after, int? limit, bool? total, TaskCatalog catalog, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await catalog.ListPlansAsync(http.User.RequireActor(), new PageRequest(after, limit, total ?? false), ct)))
            .Documented("listPlans", "Danh sách kế hoạch", "The plans the account may see (drafts included for the monitoring office), newest first, keyset-paged.", ApiOperation.AnyAccount, 400, 401);
        api.MapGet("/plans/{id:int}", async (int id, string? after, int? limit, TaskCatalog catalog, HttpContext http, CancellationToken ct) =>
        {
            var actor = http.User.RequireActor();
            var plan = await catalog.GetPlanAsync(actor, id, ct);
            var summary = await catalog.SummarizePlanAsync(actor, plan, ct);
            var tasks = plan.State == Data.Plans.PlanState.Draft
                ? Page<TaskSummary>.Empty
                : await catalog.ListAsync(actor, new TaskFilter(PlanId: id), new PageRequest(after, limit), ct) with { Total = summary.TaskCount };
            return TypedResults.Ok(new PlanDetails(summary, plan.StateReason, plan.Version, tasks));
        })
            .Documented("getPlan", "Chi tiết kế hoạch", "A plan with its figures and one page of its tasks (`tasks.next` asks for the next page).", ApiOperation.AnyAccount, 400, 401, 404);
        api.MapGet("/plans/{id:int}/export", async (int id, string? format, PlanExchange exchange, HttpContext http, CancellationToken ct) =>
        {
            var file = await exchange.ExportAsync(http.User.RequireActor(), id, format, ct);
            return TypedResults.File(file.Content, file.ContentType, file.FileName);
        })
            .Produces(StatusCodes.Status200OK, responseType: null, contentType: "application/json", EvidenceStore.ContentTypeOf("xlsx"))
            .Documented("exportPlan", "Xuất kế hoạch theo định dạng trao đổi",
                "The plan in DonDoc's exchange format, `format=json` (the default) or `format=xlsx`: shared/SCHEMA.md's `plan` and `tasks` (section, number, content, lead, coordinators, deadline as printed and as understood, product, evidence, budget, note, raw text) with `format: \"dondoc-exchange\"`, `format_version`, `state` and, for each task of a published plan, `tracking` (status, due date in force, assignments with agency and role, percent done, completion and its dates, a summary of the reports). A published task names its one lead and its coordinators by the directory's names. The same file, uploaded to `POST /api/imports`, becomes a draft with the same tasks, deadlines, leads and coordinators; an agency officer's export holds only the tasks it may read.",
                ApiOperation.AnyAccount, 400, 401, 404);
        api.MapGet("/plans/{id:int}/reports/{period}", async (int id, string period, string? format, ConsolidatedReportBuilder reports, HttpContext http, CancellationToken ct) =>
        {
            var file = await reports.FileAsync(http.User.RequireActor(), id, period, format, ct);
            return TypedResults.File(file.Content, file.ContentType, file.FileName);
        })
            .Produces(StatusCodes.Status200OK, responseType: null, contentType: EvidenceStore.ContentTypeOf("docx"), EvidenceStore.ContentTypeOf("xlsx"))
            .Documented("getConsolidatedReport", "Tải báo cáo tổng hợp theo kỳ",
                "The consolidated report of a published plan for a period (`2026-11`, `2026-Q4`, `2026-H1`, `2026-H2` or `2026`), counted from the stored statuses on the period's last day (or today, when the period has not ended): `format=docx` (the default), a Word document in the layout of Nghị định 30/2020/NĐ-CP (issuer and national motto, number, place and date, the three QĐ 42/2014/QĐ-TTg groups, counts by section and by lead agency, the overdue tasks with their days late, the narrative sections, recipients, signature, and a landscape appendix of every task); or `format=xlsx`, the same tables as an Excel workbook, one titled sheet each, dates as date cells.",
                ApiOperation.ReadsEverything, 400, 401, 403, 404);
        api.MapPost("/plans/{id:int}/close", async (int id, ClosePlanInput input, TaskWorkflow workflow, HttpContext http, CancellationToken ct) =>
        {
            await workflow.ClosePlanAsync(http.User.RequireActor(), id, input.Cancel, input.Reason, input.Version, ct);
            return TypedResults.NoContent();
        })
            .Documented("closePlan", "Lưu trữ hoặc hủy kế hoạch", "Archives a plan (or cancels it with `cancel: true` and a reason); its open tasks close with it.", ApiOperation.MonitorOrAdmin, 400, 401, 403, 404, 409);
    }

    private static void MapPeriods(RouteGroupBuilder api)
    {
        api.MapGet("/plans/{id:int}/report-cycle", async (int id, PeriodReports periods, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await periods.CycleAsync(http.User.RequireActor(), id, ct) ?? throw WorkflowException.NotFound($"report cycle of plan {id}")))
            .Documented("getReportCycle", "Chu kỳ báo cáo của kế hoạch",
                "The plan's reporting cycle: period length (`Month`, `Quarter`, `HalfYear`, `Year`), the day by which each agency reports and the day by which the office reports, in the period's last month (or the month after, `dueAfterPeriod`), moved to the working day before when it falls on a day off. 404 while none is set.",
                ApiOperation.AnyAccount, 401, 404);
        api.MapPut("/plans/{id:int}/report-cycle", async (int id, CycleInput input, PeriodReports periods, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await periods.SetCycleAsync(http.User.RequireActor(), id, input, ct)))
            .Documented("setReportCycle", "Đặt chu kỳ báo cáo",
                "Sets or changes the plan's reporting cycle (`firstPeriod` defaults to the period of publication); its continuous and recurring tasks are then judged by their lead's periods: overdue once a period's date passes without its report.",
                ApiOperation.MonitorOrAdmin, 400, 401, 403, 404, 409);
        api.MapGet("/plans/{id:int}/periods/{period}", async (int id, string period, PeriodReports periods, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await periods.OverviewAsync(http.User.RequireActor(), id, period, ct)))
            .Documented("getPeriod", "Tình hình nộp báo cáo của một kỳ",
                "A period of the plan (`2026-11`, `2026-Q4`, `2026-H1`, `2026`): its due dates and, for every agency that leads tasks in the plan, where its report stands (`NotSubmitted`, `Late`, `SubmittedOnTime`, `SubmittedLate`, `Returned`, `Accepted`). An agency officer sees only its own agency.",
                ApiOperation.AnyAccount, 400, 401, 404);
        api.MapGet("/plans/{id:int}/periods/{period}/agencies/{agencyId:int}", async (int id, string period, int agencyId, PeriodReports periods, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await periods.ReportAsync(http.User.RequireActor(), id, period, agencyId, ct)))
            .Documented("getPeriodReport", "Báo cáo định kỳ của một cơ quan",
                "An agency's report for a period: the one submitted, or the form prefilled from the progress recorded on its tasks (a line per task it leads, with the evidence recorded in the period) and the four narrative parts.",
                ApiOperation.AnyAccount, 400, 401, 403, 404);
        api.MapPost("/plans/{id:int}/periods/{period}/report", async (int id, string period, SubmissionInput input, PeriodReports periods, HttpContext http, CancellationToken ct) =>
        {
            var actor = http.User.RequireActor();
            var reportId = await periods.SubmitAsync(actor, id, period, input, ct);
            return TypedResults.Created($"/api/plans/{id}/periods/{period}/agencies/{actor.AgencyId}", new CreatedId(reportId));
        }).WithMetadata(new Idempotent())
            .Documented("submitPeriodReport", "Nộp báo cáo định kỳ",
                "The agency officer submits the agency's report for the period (again, after it was returned): a line per task it leads (percent, progress, result), each recorded on the task as its progress for the period, and the narrative (results, shortcomings, next tasks, proposals). Judged on time or late against the agency's due date; delivers `period_report.submitted` to webhooks.",
                ApiOperation.LeadAgency, 400, 401, 403, 404, 409, 422);
        api.MapPost("/plans/{id:int}/periods/{period}/agencies/{agencyId:int}/decision", async (int id, string period, int agencyId, PeriodDecisionInput input, PeriodReports periods, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(new PeriodDecisionOutcome((await periods.DecideAsync(http.User.RequireActor(), id, period, agencyId, input, ct)).ToString())))
            .Documented("decidePeriodReport", "Tiếp nhận hoặc trả lại báo cáo định kỳ",
                "The office that owns the plan accepts a submitted report (`decision: accept`) or returns it with a reason (`decision: return`); a returned period counts as not reported until the agency submits again.",
                ApiOperation.MonitorOrAdmin, 400, 401, 403, 404);
        api.MapGet("/plans/{id:int}/periods/{period}/rating", async (int id, string period, PeriodReports periods, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await periods.RatingAsync(http.User.RequireActor(), id, period, ct)))
            .Documented("getPeriodRating", "Xếp hạng thi đua của một kỳ",
                "The emulation rating of the period: for each agency that leads tasks in the plan, its tasks done on time, done late, overdue and within their deadline on the period's last day (or today), its report for the period (on time, late, missing), the score by the plan's formula (`ratingFormula` of the cycle), its rank within its group (sở, ban, ngành; xã, phường; internal units; others) and its classification.",
                ApiOperation.ReadsEverything, 400, 401, 403, 404);
        api.MapPut("/plans/{id:int}/periods/{period}/narrative", async (int id, string period, NarrativeInput input, PeriodReports periods, HttpContext http, CancellationToken ct) =>
        {
            await periods.SaveNarrativeAsync(http.User.RequireActor(), id, period, input, ct);
            return TypedResults.NoContent();
        })
            .Documented("savePeriodNarrative", "Sửa phần nhận định của báo cáo tổng hợp",
                "The office's text of the consolidated report's narrative sections for the period, used by `GET /api/plans/{id}/reports/{period}` instead of the agencies' words joined.",
                ApiOperation.MonitorOrAdmin, 400, 401, 403, 404);
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
        })
            .Documented("listTasks", "Danh sách nhiệm vụ", "The tasks the account may see, filtered, sorted by deadline, keyset-paged.", ApiOperation.AnyAccount, 400, 401);
        api.MapGet("/tasks/{id:int}", async (int id, TaskCatalog catalog, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await catalog.GetAsync(http.User.RequireActor(), id, ct)))
            .Documented("getTask", "Chi tiết nhiệm vụ", "A task with its assignments, deadline, status, reports, evidence files, extensions and history; `version` is what the next change must send.", ApiOperation.AnyAccount, 401, 404);
        api.MapGet("/files/{id:int}", async (int id, TaskWorkflow workflow, HttpContext http, CancellationToken ct) =>
        {
            var (file, content) = await workflow.OpenEvidenceAsync(http.User.RequireActor(), id, ct);
            return TypedResults.Stream(content, file.ContentType, file.FileName);
        })
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .Documented("downloadEvidence", "Tải tệp minh chứng", "The content of an evidence file attached to a report the account may see.", ApiOperation.AnyAccount, 401, 404);
    }

    private static void MapTracking(RouteGroupBuilder api)
    {
        api.MapPost("/tasks/{id:int}/progress", async (int id, HttpRequest request, TaskWorkflow workflow, EvidenceStore evidence, CancellationToken ct) =>
        {
            var (input, files) = await ApiForms.ReadAsync(request, evidence, form => new ProgressInput(
                ApiForms.Int(form, "percent"), form["summary"], form["difficulties"], form["proposals"], form["period"], ApiForms.Int(form, "version")), ct);
            var reportId = await workflow.PostProgressAsync(request.HttpContext.User.RequireActor(), id, input, files, ct);
            return TypedResults.Created($"/api/tasks/{id}", new CreatedId(reportId));
        }).Accepts<ProgressInput>("multipart/form-data", "application/json").WithMetadata(new MultipartFiles(), new Idempotent())
            .Documented("reportProgress", "Báo cáo tiến độ", "Reports progress on a task (percent, summary, difficulties, proposals, period), as JSON or as a multipart form with evidence files.", ApiOperation.LeadAgency, 400, 401, 403, 404, 409, 413, 415, 422);
        api.MapPost("/tasks/{id:int}/checklist/{itemId:int}", async (int id, int itemId, HttpRequest request, TaskWorkflow workflow, EvidenceStore evidence, CancellationToken ct) =>
        {
            var (input, files) = await ApiForms.ReadAsync(request, evidence, form => new ChecklistInput(
                form["done"].ToString() is "true" or "on" or "1", ApiForms.Int(form, "version")), ct);
            await workflow.TickChecklistAsync(request.HttpContext.User.RequireActor(), id, itemId, input, files, ct);
            return TypedResults.NoContent();
        }).Accepts<ChecklistInput>("multipart/form-data", "application/json").WithMetadata(new MultipartFiles())
            .Documented("tickChecklistItem", "Đánh dấu mục sản phẩm", "Marks one product of the task's checklist done (or not), with evidence files in a multipart form.", ApiOperation.LeadAgency, 400, 401, 403, 404, 409, 415);
        api.MapPost("/tasks/{id:int}/completion", async (int id, HttpRequest request, TaskWorkflow workflow, EvidenceStore evidence, CancellationToken ct) =>
        {
            var (input, files) = await ApiForms.ReadAsync(request, evidence, form => new CompletionInput(
                form["summary"], ApiForms.Date(form, "doneOn"), ApiForms.Int(form, "version")), ct);
            await workflow.ReportCompletionAsync(request.HttpContext.User.RequireActor(), id, input, files, ct);
            return TypedResults.NoContent();
        }).Accepts<CompletionInput>("multipart/form-data", "application/json").WithMetadata(new MultipartFiles(), new Idempotent())
            .Documented("reportCompletion", "Báo cáo hoàn thành", "Reports the task done (summary, date done) with evidence files; the monitoring office then accepts or returns it.", ApiOperation.LeadAgency, 400, 401, 403, 404, 409, 413, 415, 422);
        api.MapPost("/tasks/{id:int}/review", async (int id, ReviewInput input, TaskWorkflow workflow, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(new ReviewOutcome(await workflow.ReviewAsync(http.User.RequireActor(), id, input, ct))))
            .Documented("reviewCompletion", "Xác nhận hoặc trả lại kết quả", "Accepts a reported completion (`decision: accept`; done on time or late by the deadline) or returns it with a reason (`decision: return`).", ApiOperation.MonitorOrAdmin, 400, 401, 403, 404, 409);
        api.MapPost("/tasks/{id:int}/extensions", async (int id, ExtensionInput input, TaskWorkflow workflow, HttpContext http, CancellationToken ct) =>
        {
            var extensionId = await workflow.RequestExtensionAsync(http.User.RequireActor(), id, input, ct);
            return TypedResults.Created($"/api/tasks/{id}", new CreatedId(extensionId));
        })
            .Documented("requestExtension", "Đề nghị gia hạn", "Asks for a later deadline, with a reason.", ApiOperation.LeadAgency, 400, 401, 403, 404, 409);
        api.MapPost("/extensions/{id:int}/decision", async (int id, ExtensionDecisionInput input, TaskWorkflow workflow, HttpContext http, CancellationToken ct) =>
        {
            await workflow.DecideExtensionAsync(http.User.RequireActor(), id, input, ct);
            return TypedResults.NoContent();
        })
            .Documented("decideExtension", "Duyệt đề nghị gia hạn", "Approves (the task's deadline moves) or rejects an extension request.", ApiOperation.MonitorOrAdmin, 400, 401, 403, 404, 409);
        api.MapPost("/tasks/{id:int}/cancel", async (int id, CancelInput input, TaskWorkflow workflow, HttpContext http, CancellationToken ct) =>
        {
            await workflow.CancelAsync(http.User.RequireActor(), id, input, ct);
            return TypedResults.NoContent();
        })
            .Documented("cancelTask", "Hủy nhiệm vụ", "Cancels a task, with a reason.", ApiOperation.MonitorOrAdmin, 400, 401, 403, 404, 409);
        api.MapPut("/tasks/{id:int}", async (int id, TaskEditInput input, TaskWorkflow workflow, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await workflow.EditAsync(http.User.RequireActor(), id, input, ct)))
            .Documented("editTask", "Sửa nhiệm vụ", "Changes a published task's content, lead, coordinators, deadline or product, with a reason (required); a field left out keeps its value, `coordinators: []` removes them. Agencies must be named exactly as the directory names them (a refusal lists the closest names); the deadline is read again and the status follows it; the change is audited and told to the agencies of before and after. Answers the status after the change.", ApiOperation.MonitorOrAdmin, 400, 401, 403, 404, 409);
        api.MapPost("/events", async (EventInput input, EventTriggers triggers, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await triggers.RecordAsync(http.User.RequireActor(), input, ct)))
            .Documented("recordEvent", "Ghi nhận sự kiện", "Records an event (a congress, a document issued) that conditional deadlines wait for; answers the tasks whose deadline it set.", ApiOperation.MonitorOrAdmin, 400, 401, 403, 404);
        api.MapGet("/events", async (string? after, int? limit, EventTriggers triggers, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await triggers.ListAsync(http.User.RequireActor(), new PageRequest(after, limit), ct)))
            .Documented("listEvents", "Danh sách sự kiện", "The recorded events the account may read, keyset-paged.", ApiOperation.AnyAccount, 400, 401);
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
        }).WithMetadata(new MultipartFiles("file", Required: true), new Idempotent())
            .Documented("importPlan", "Nhập tệp kế hoạch", "Reads a plan file (.docx, .xlsx, .pdf, .txt, .md, .html, or an exchange-format .json/.xlsx as `GET /api/plans/{id}/export` writes it; up to 20 MB) in the multipart field `file` into a draft to review; nothing is published yet. An exchange file is known by its content, not its name; malformed JSON is refused (400) and nothing is stored.", ApiOperation.MonitorOrAdmin, 400, 401, 403, 409, 413, 415, 422, 503);
        api.MapGet("/imports/{id:int}", async (int id, ImportDrafts drafts, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await drafts.GetAsync(http.User.RequireActor(), id, ct)))
            .Documented("getImport", "Bản nháp kế hoạch", "A draft: the plan's header, every row read with its raw text, how each deadline and agency was understood, and warnings; `cycleProposal` is the reporting cycle the plan's own words state (\"… trước ngày 23 hằng tháng\"), `cycle` the one saved for publication.", ApiOperation.MonitorOrAdmin, 401, 403, 404);
        api.MapPut("/imports/{id:int}", async (int id, DraftEdit edit, ImportDrafts drafts, HttpContext http, CancellationToken ct) =>
        {
            var actor = http.User.RequireActor();
            await drafts.SaveAsync(actor, id, edit, ct);
            return TypedResults.Ok(await drafts.GetAsync(actor, id, ct));
        })
            .Documented("editImport", "Sửa bản nháp", "Saves the reviewed header and rows of a draft (send the `version` read) and, with `cycle`, the reporting cycle the plan gets when it is published (`length`: Month, Quarter, HalfYear or Year; an empty length sets none; left out, it stays as it is). Published, the cycle starts with the period of publication.", ApiOperation.MonitorOrAdmin, 400, 401, 403, 404, 409);
        api.MapPost("/imports/{id:int}/rows", async (int id, DraftRowAddition addition, ImportDrafts drafts, HttpContext http, CancellationToken ct) =>
        {
            var actor = http.User.RequireActor();
            var row = await drafts.AddRowAsync(actor, id, addition.Version, addition.AfterRowId, addition.Row ?? new DraftRowInput(), ct);
            return TypedResults.Created($"/api/imports/{id}#row-{row}", await drafts.GetAsync(actor, id, ct));
        })
            .Documented("addImportRow", "Thêm dòng vào bản nháp", "Adds a row after `afterRowId` (at the end when null), in that row's section; empty content is allowed and shown as a blocking issue until filled in. Answers the draft.", ApiOperation.MonitorOrAdmin, 400, 401, 403, 404, 409);
        api.MapDelete("/imports/{id:int}/rows/{rowId:int}", async (int id, int rowId, int version, ImportDrafts drafts, HttpContext http, CancellationToken ct) =>
        {
            var actor = http.User.RequireActor();
            await drafts.DeleteRowAsync(actor, id, version, rowId, ct);
            return TypedResults.Ok(await drafts.GetAsync(actor, id, ct));
        })
            .Documented("deleteImportRow", "Xóa dòng của bản nháp", "Deletes a draft row (query `version`: the draft's version read); the audit trail keeps the whole row with its raw text. Answers the draft.", ApiOperation.MonitorOrAdmin, 400, 401, 403, 404, 409);
        api.MapPost("/imports/{id:int}/rows/{rowId:int}/split", async (int id, int rowId, DraftRowSplit split, ImportDrafts drafts, HttpContext http, CancellationToken ct) =>
        {
            var actor = http.User.RequireActor();
            await drafts.SplitRowAsync(actor, id, split.Version, rowId, split.At, ct);
            return TypedResults.Ok(await drafts.GetAsync(actor, id, ct));
        })
            .Documented("splitImportRow", "Tách dòng của bản nháp", "Splits a row's content at character `at`: the second part becomes a new row below with the same fields and raw text. Answers the draft.", ApiOperation.MonitorOrAdmin, 400, 401, 403, 404, 409);
        api.MapPost("/imports/{id:int}/rows/{rowId:int}/merge", async (int id, int rowId, DraftVersion change, ImportDrafts drafts, HttpContext http, CancellationToken ct) =>
        {
            var actor = http.User.RequireActor();
            await drafts.MergeRowAsync(actor, id, change.Version, rowId, ct);
            return TypedResults.Ok(await drafts.GetAsync(actor, id, ct));
        })
            .Documented("mergeImportRow", "Gộp dòng với dòng bên dưới", "Merges a row with the row below it: contents joined, both raw texts kept, differing fields joined with \"; \" for the reviewer to settle. Answers the draft.", ApiOperation.MonitorOrAdmin, 400, 401, 403, 404, 409);
        api.MapPost("/imports/{id:int}/publish", async (int id, ImportDrafts drafts, HttpContext http, CancellationToken ct) =>
        {
            var count = await drafts.PublishAsync(http.User.RequireActor(), id, ct);
            return TypedResults.Ok(new PublishedPlan(id, id, count));
        })
            .Documented("publishImport", "Ban hành kế hoạch", "Publishes a reviewed draft: each row becomes a task with exactly one lead agency.", ApiOperation.MonitorOrAdmin, 400, 401, 403, 404, 409);
        api.MapDelete("/imports/{id:int}", async (int id, ImportDrafts drafts, HttpContext http, CancellationToken ct) =>
        {
            await drafts.DiscardAsync(http.User.RequireActor(), id, ct);
            return TypedResults.NoContent();
        })
            .Documented("discardImport", "Hủy bản nháp", "Discards a draft that was not published.", ApiOperation.MonitorOrAdmin, 401, 403, 404, 409);
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

        var binding = await store.FindExactAsync(agency, ct);
        return binding.Id ?? throw WorkflowException.Invalid(
            $"Không có cơ quan nào mang đúng tên \"{agency}\" trong danh mục{binding.CandidatesText}.",
            $"{agency} names no single agency (candidates: {string.Join(", ", binding.Candidates)})");
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
