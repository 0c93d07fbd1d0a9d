namespace DonDoc.Web.Api.Documentation;

/// <summary>
/// What the OpenAPI document says about one endpoint: its operationId, a Vietnamese summary, an English
/// description, who may call it, and the refusals it can answer (each one application/problem+json).
/// </summary>
public sealed record ApiOperation(string Id, string Summary, string Description, string Who, IReadOnlyList<int> Refusals)
{
    /// <summary>Any signed-in account (bearer token or API key); what each sees is limited by its role and agency.</summary>
    public const string AnyAccount = "Any signed-in account (bearer token or API key); an agency officer or an agency-scoped key sees only its agency's tasks.";

    public const string ReadsEverything = "Roles `monitor`, `leader` or `admin`; an agency officer or an agency-scoped key is refused.";

    public const string MonitorOrAdmin = "Roles `monitor` or `admin` (an API key scoped to read is refused).";

    public const string LeadAgency = "The lead agency's officer (role `agency`) or an API key scoped to that agency; `monitor` and `admin` too.";

    public const string Anonymous = "Anyone: no credentials needed.";
}

/// <summary>An operation that takes files in a multipart form: the form's schema gains a <c>files</c> array of binary parts.</summary>
public sealed record MultipartFiles(string Field = "files", bool Required = false);

public static class ApiOperationExtensions
{
    /// <summary>Names and describes the endpoint for the OpenAPI document (<see cref="ApiDocumentTransformers"/> writes it).</summary>
    public static RouteHandlerBuilder Documented(this RouteHandlerBuilder builder, string id, string summary, string description, string who, params int[] refusals)
    {
        builder.WithMetadata(new ApiOperation(id, summary, description, who, refusals));
        foreach (var status in refusals.Append(StatusCodes.Status500InternalServerError))
        {
            builder.ProducesProblem(status);
        }

        return builder;
    }
}
