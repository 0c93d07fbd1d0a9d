using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DonDoc.Web.Api.Documentation;

/// <summary>
/// Makes /openapi/v1.json a document an integrator can generate a client from: the credentials it takes,
/// an operationId, a Vietnamese summary and an English description on every operation, every refusal as
/// application/problem+json with an example, the paging parameters, and a server URL without a trailing slash.
/// </summary>
public static class ApiDocumentTransformers
{
    public const string BearerScheme = "Bearer";

    public const string ApiKeyScheme = "ApiKey";

    public const string ProblemContentType = "application/problem+json";

    private static readonly (string Name, string Description)[] Tags =
    [
        ("auth", "Sign-in and the current account / Đăng nhập và tài khoản đang dùng"),
        ("imports", "Plan files read into drafts, reviewed and published / Nhập kế hoạch, rà soát, ban hành"),
        ("plans", "Published plans / Kế hoạch đã ban hành"),
        ("tasks", "Tasks and their reports / Nhiệm vụ và báo cáo"),
        ("dashboard", "Consolidated figures / Tổng hợp"),
        ("agencies", "The agency directory / Danh mục cơ quan"),
        ("deadlines", "How a deadline text is understood / Cách hiểu thời hạn"),
        ("events", "Events that start conditional deadlines / Sự kiện kích hoạt thời hạn"),
        ("files", "Evidence files / Tệp minh chứng"),
    ];

    public static IServiceCollection AddDonDocOpenApi(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer(DescribeDocumentAsync);
            options.AddOperationTransformer(DescribeOperationAsync);
            options.AddSchemaTransformer(ApiExamples.AddExampleAsync);
            options.AddSchemaTransformer(DescribeSchemaAsync);
        });
        return services;
    }

    private static Task DescribeDocumentAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "DonDoc API",
            Version = "1",
            Summary = "Theo dõi, đôn đốc nhiệm vụ của cơ quan nhà nước",
            Description = """
                The JSON API of DonDoc: import a plan file, review and publish its tasks, report progress and completion
                with evidence files, decide, and read the consolidated figures, under the same rules as the pages.

                **Credentials.** A machine client sends its service account's API key as `X-Api-Key: ddk_…` (an
                administrator makes one on /Admin/ApiKeys). A person signs in with `POST /api/auth/login` (e-mail and
                password), which answers an `accessToken` to send as `Authorization: Bearer …`.

                **Retries.** `POST /api/imports`, `…/progress` and `…/completion` honour `Idempotency-Key`: the same key
                and request again answer the first answer and create nothing.

                **Refusals** are problem details (`application/problem+json`, RFC 9457) whose `detail` is a Vietnamese
                sentence naming what was wrong; a refused request changes nothing.

                **Lists** are keyset-paged: `limit` (1–500, default 50) rows a page; the answer's `next` is the value of
                `after` for the following page, `null` on the last one. `total=true` also counts every row.

                **Dates** are `yyyy-mm-dd` (`dd/mm/yyyy` is accepted on input).
                """,
        };

        var request = context.ApplicationServices.GetService<IHttpContextAccessor>()?.HttpContext?.Request;
        var server = request is null ? "http://localhost:5080" : $"{request.Scheme}://{request.Host}{request.PathBase}".TrimEnd('/');
        document.Servers = [new OpenApiServer { Url = server, Description = "Máy chủ DonDoc trả lời tài liệu này" }];

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The `accessToken` answered by `POST /api/auth/login` (valid 8 hours; ended by sign-out, a password change or a lock).",
        };
        document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "X-Api-Key",
            Description = "A service account's key (`ddk_…`), made by an administrator on /Admin/ApiKeys and shown once. A key scoped to read acts as a leader (reads everything, changes nothing); a key scoped to an agency acts as that agency's officer.",
        };

        document.Security = Credentials(document);
        // The schema of IFormFile stays behind after the import's form took the file part in.
        document.Components.Schemas?.Remove("IFormFile");
        document.Tags = new HashSet<OpenApiTag>(Tags.Select(tag => new OpenApiTag { Name = tag.Name, Description = tag.Description }));
        return Task.CompletedTask;
    }

    /// <summary>
    /// Numbers are numbers (the server also reads "42", but a client should send 42), and a page says how to ask for the next.
    /// </summary>
    private static Task DescribeSchemaAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Type is { } type && (type & JsonSchemaType.String) != 0 && (type & (JsonSchemaType.Integer | JsonSchemaType.Number)) != 0)
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        if (context.JsonPropertyInfo is { } property && property.DeclaringType.IsGenericType && property.DeclaringType.GetGenericTypeDefinition() == typeof(DonDoc.Tracking.Tasks.Page<>))
        {
            schema.Description = property.Name switch
            {
                "next" => "The `after` value that asks for the next page; null on the last page.",
                "total" => "Every row of the list, when asked with `total=true`; null otherwise.",
                _ => "The rows of this page.",
            };
        }
        else if (context.JsonPropertyInfo is null && context.JsonTypeInfo.Type is { IsGenericType: true } shape && shape.GetGenericTypeDefinition() == typeof(DonDoc.Tracking.Tasks.Page<>))
        {
            schema.Description = "One page of a keyset-paged list.";
        }

        return Task.CompletedTask;
    }

    private static Task DescribeOperationAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var path = "/" + (context.Description.RelativePath ?? "");
        if (metadata.OfType<ApiOperation>().LastOrDefault() is { } described)
        {
            operation.OperationId = described.Id;
            operation.Summary = described.Summary;
            operation.Description = $"{described.Description}\n\n**Who may call:** {described.Who}";
        }

        var tag = TagOf(path);
        operation.Tags = new HashSet<OpenApiTagReference> { new(tag, context.Document) };

        var anonymous = metadata.OfType<IAllowAnonymous>().Any() || !metadata.OfType<IAuthorizeData>().Any();
        // An empty list overrides the document's requirement: this operation takes no credentials.
        operation.Security = anonymous ? [] : Credentials(context.Document);

        if (metadata.OfType<Api.Idempotent>().Any())
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = Api.IdempotentRequests.Header,
                In = ParameterLocation.Header,
                Required = false,
                Description = "Any unique string (a UUID): a retry with the same key and the same request gets the first answer again (header `Idempotent-Replayed: true`) and creates nothing; the same key with another request is refused (422). Kept 24 hours per account.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 },
                Example = JsonValue.Create("4b6f8c1e-2d3a-4e5f-9a0b-1c2d3e4f5a6b"),
            });
        }

        DescribeParameters(operation);
        DescribeFileAnswers(operation);
        DescribeProblems(operation);
        if (metadata.OfType<MultipartFiles>().LastOrDefault() is { } files)
        {
            AddFileParts(operation, files);
        }

        return Task.CompletedTask;
    }

    /// <summary>A file answer (evidence, an Excel export) is binary.</summary>
    private static void DescribeFileAnswers(OpenApiOperation operation)
    {
        foreach (var response in (operation.Responses ?? []).Values.OfType<OpenApiResponse>())
        {
            foreach (var (contentType, media) in response.Content ?? new Dictionary<string, OpenApiMediaType>())
            {
                if (media.Schema is null && !contentType.Contains("json", StringComparison.Ordinal))
                {
                    media.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
                }
            }
        }
    }

    /// <summary>Either credential opens every operation that is not anonymous.</summary>
    private static List<OpenApiSecurityRequirement> Credentials(OpenApiDocument? document) =>
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, document)] = [] },
        ];

    private static string TagOf(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var first = segments.Length > 1 && segments[0] == "api" ? segments[1] : segments.FirstOrDefault() ?? "";
        return first switch
        {
            "auth" or "me" => "auth",
            "extensions" => "tasks",
            _ when Tags.Any(t => t.Name == first) => first,
            _ => "tasks",
        };
    }

    private static void DescribeParameters(OpenApiOperation operation)
    {
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            switch (parameter.Name)
            {
                case "after" or "plans_after" or "agencies_after" or "overdue_after" or "upcoming_after":
                    parameter.Description = "Where the page starts: the `next` value of the previous page (opaque; omit for the first page).";
                    parameter.Example = JsonValue.Create("20260930-1234");
                    break;
                case "limit":
                    parameter.Description = "Rows in the page, 1 to 500 (default 50).";
                    if (parameter.Schema is OpenApiSchema limit)
                    {
                        limit.Minimum = "1";
                        limit.Maximum = "500";
                        limit.Default = JsonValue.Create(50);
                    }

                    break;
                case "total":
                    parameter.Description = "Also count every row of the list (`total` in the answer); slower on large lists.";
                    break;
                case "id":
                    parameter.Description ??= "The identifier.";
                    break;
                case "plan":
                    parameter.Description = "Only the tasks of this plan (its id).";
                    break;
                case "agency":
                    parameter.Description = "Only the tasks of this agency: its id or a name the directory knows.";
                    break;
                case "status":
                    parameter.Description = "Only tasks in this status (its schema name, e.g. `in_progress`, `overdue`, `done_on_time`).";
                    break;
                case "due_before":
                    parameter.Description = "Only tasks due before this date (yyyy-mm-dd or dd/mm/yyyy).";
                    break;
                case "q":
                    parameter.Description = "Words the task's content contains (accents optional).";
                    break;
                case "role":
                    parameter.Description = "`lead` or `coordinator`: the agency filter's role in the task.";
                    break;
                case "text":
                    parameter.Description ??= "The text to read.";
                    break;
                case "format" when operation.OperationId == "getConsolidatedReport":
                    parameter.Description = "The file written: `docx` (the default, a Word document) or `xlsx` (an Excel workbook of the same tables).";
                    if (parameter.Schema is OpenApiSchema report)
                    {
                        report.Enum = [JsonValue.Create("docx"), JsonValue.Create("xlsx")];
                        report.Default = JsonValue.Create("docx");
                    }

                    break;
                case "period":
                    parameter.Description = "The reporting period: a month `2026-11`, a quarter `2026-Q4`, a half-year `2026-H1` or `2026-H2`, or a year `2026`.";
                    parameter.Example = JsonValue.Create("2026-11");
                    if (parameter.Schema is OpenApiSchema period)
                    {
                        period.Pattern = "^\\d{4}(-(\\d{2}|[Qq][1-4]|[Hh][12]))?$";
                    }

                    break;
                case "format":
                    parameter.Description = "The file written: `json` (the default) or `xlsx` (an Excel workbook holding the same fields).";
                    if (parameter.Schema is OpenApiSchema format)
                    {
                        format.Enum = [JsonValue.Create("json"), JsonValue.Create("xlsx")];
                        format.Default = JsonValue.Create("json");
                    }

                    break;
            }
        }
    }

    private static void DescribeProblems(OpenApiOperation operation)
    {
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response is not OpenApiResponse problem || problem.Content is null || !problem.Content.TryGetValue(ProblemContentType, out var media))
            {
                continue;
            }

            var code = int.Parse(status, System.Globalization.CultureInfo.InvariantCulture);
            problem.Description = ProblemDescription(code);
            media.Example = new JsonObject
            {
                ["type"] = $"https://tools.ietf.org/html/rfc9110#section-15.{(code >= 500 ? "6" : "5")}.{(code >= 500 ? code - 499 : code - 399)}",
                ["title"] = ApiProblems.Title(code),
                ["status"] = code,
                ["detail"] = ExampleDetail(code),
            };
        }
    }

    private static string ProblemDescription(int status) => status switch
    {
        400 => "The request is refused: a field, a parameter or the file is not valid (`detail` names it). Nothing was changed.",
        401 => "No valid credentials: sign in with POST /api/auth/login and send the token.",
        403 => "The account may not do this (its role, its agency or the key's scope).",
        404 => "Not found, or not visible to this account.",
        409 => "The data changed since it was read (`version` is stale, or the state no longer allows this); `current` holds the current version when known.",
        413 => "The request body is too large.",
        415 => "The body is neither JSON nor a multipart form.",
        422 => "The Idempotency-Key was already used for another request.",
        503 => "DonDoc is busy reading other plan files; try again shortly.",
        _ => "DonDoc failed to answer; nothing was changed.",
    };

    private static string ExampleDetail(int status) => status switch
    {
        400 => "Trường \"percent\": giá trị phải từ 0 đến 100.",
        409 => "Nhiệm vụ đã được người khác cập nhật; hãy tải lại và thử lại.",
        422 => "Idempotency-Key này đã được dùng cho một yêu cầu khác (khác địa chỉ hoặc nội dung); hãy dùng khóa mới.",
        503 => "Hệ thống đang bận đọc các tệp khác; vui lòng thử lại sau ít phút.",
        _ => ApiProblems.DetailOf(status),
    };

    /// <summary>A multipart form also carries evidence files: a <c>files</c> array of binary parts beside the fields.</summary>
    private static void AddFileParts(OpenApiOperation operation, MultipartFiles files)
    {
        if (operation.RequestBody is null)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType> { ["multipart/form-data"] = new() },
            };
        }

        if (operation.RequestBody is not OpenApiRequestBody body || body.Content is null)
        {
            return;
        }

        foreach (var (contentType, media) in body.Content)
        {
            if (!contentType.StartsWith("multipart/form-data", StringComparison.Ordinal))
            {
                continue;
            }

            var form = new OpenApiSchema { Type = JsonSchemaType.Object, Properties = new Dictionary<string, IOpenApiSchema>() };
            if (media.Schema is OpenApiSchemaReference reference && reference.Properties is { } fields)
            {
                foreach (var (name, field) in fields)
                {
                    form.Properties[name] = field;
                }
            }
            else if (media.Schema is OpenApiSchema inline && inline.Properties is { } own)
            {
                foreach (var (name, field) in own)
                {
                    form.Properties[name] = field;
                }
            }

            var binary = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "A file (PDF, Word, Excel, JPG, PNG; checked by its content)." };
            // One binary part, repeated for more files: generators (Kiota) then offer a multipart body with file parts,
            // which an array of binary parts does not get.
            form.Properties[files.Field] = files.Field == "file"
                ? binary
                : new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "An evidence file (PDF, Word, Excel, JPG, PNG; checked by its content), up to Storage:MaxEvidenceBytes; repeat the part for more files." };
            if (files.Required)
            {
                form.Required = new HashSet<string> { files.Field };
            }

            media.Schema = form;
            media.Encoding = null;
        }
    }
}
