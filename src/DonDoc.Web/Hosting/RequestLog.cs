using System.Security.Claims;

namespace DonDoc.Web.Hosting;

/// <summary>
/// One log entry per request, at Information, under <c>DonDoc.Requests</c>: who (user id and e-mail), what
/// (the method, the endpoint's route and the path), the status and how long it took. With the JSON console
/// formatter each entry is one line, ready for a log collector.
/// </summary>
public sealed class RequestLog(RequestDelegate next, ILoggerFactory logs, TimeProvider clock)
{
    public const string Category = "DonDoc.Requests";

    private readonly ILogger _logger = logs.CreateLogger(Category);

    public async Task InvokeAsync(HttpContext context)
    {
        var started = clock.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var elapsed = clock.GetElapsedTime(started);
            var endpoint = context.GetEndpoint();
            var action = (endpoint as RouteEndpoint)?.RoutePattern.RawText ?? endpoint?.DisplayName ?? "(none)";
            var user = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
            var email = context.User.FindFirstValue(ClaimTypes.Email) ?? context.User.Identity?.Name;
            _logger.LogInformation(
                "{Method} {Path} ({Action}) answered {Status} in {ElapsedMs} ms for {UserId} {UserName}",
                context.Request.Method, context.Request.Path.Value, action, context.Response.StatusCode, Math.Round(elapsed.TotalMilliseconds, 1),
                user ?? "anonymous", email ?? "");
        }
    }
}
