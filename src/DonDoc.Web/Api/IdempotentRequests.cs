using System.Security.Cryptography;
using System.Text;
using DonDoc.Tracking.Accounts;
using DonDoc.Web.Accounts;

namespace DonDoc.Web.Api;

/// <summary>Marks a POST that creates: a retried request with the same <c>Idempotency-Key</c> gets the first answer.</summary>
public sealed record Idempotent;

/// <summary>
/// Honours <c>Idempotency-Key</c> on the endpoints marked <see cref="Idempotent"/>: the first request is served and
/// its answer (status, Location, body) kept for the account; a retry gets that answer again, with
/// <c>Idempotent-Replayed: true</c>, and creates nothing. Answers of 500 and above are not kept: a retry is served afresh.
/// </summary>
public sealed class IdempotentRequests(RequestDelegate next)
{
    public const string Header = "Idempotency-Key";

    public const string ReplayedHeader = "Idempotent-Replayed";

    public async Task InvokeAsync(HttpContext context, IdempotencyStore store)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<Idempotent>() is null
            || !context.Request.Headers.TryGetValue(Header, out var values)
            || context.User.ToActor() is not { } actor)
        {
            await next(context);
            return;
        }

        var key = values.ToString();
        if (key.Length is 0 or > 200 || key.Any(c => c < 0x21 || c > 0x7e))
        {
            await Problem(context, StatusCodes.Status400BadRequest, "Tiêu đề Idempotency-Key phải có từ 1 đến 200 ký tự ASCII nhìn thấy được (không dấu cách).");
            return;
        }

        var fingerprint = await FingerprintAsync(context.Request, context.RequestAborted);
        switch (await store.BeginAsync(actor.UserId, key, fingerprint, context.RequestAborted))
        {
            case IdempotencyOutcome.Replay replay:
                await WriteAsync(context, replay.Answer);
                return;
            case IdempotencyOutcome.InProgress:
                await Problem(context, StatusCodes.Status409Conflict, "Yêu cầu đầu tiên mang Idempotency-Key này đang được xử lý; hãy thử lại sau giây lát.");
                return;
            case IdempotencyOutcome.Mismatch:
                await Problem(context, StatusCodes.Status422UnprocessableEntity, "Idempotency-Key này đã được dùng cho một yêu cầu khác (khác địa chỉ hoặc nội dung); hãy dùng khóa mới.");
                return;
            case IdempotencyOutcome.Serve serve:
                await ServeAsync(context, store, serve.RecordId);
                return;
        }
    }

    private async Task ServeAsync(HttpContext context, IdempotencyStore store, int recordId)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        catch
        {
            context.Response.Body = original;
            await store.AbandonAsync(recordId, CancellationToken.None);
            throw;
        }

        context.Response.Body = original;
        var status = context.Response.StatusCode;
        if (status >= 500)
        {
            await store.AbandonAsync(recordId, CancellationToken.None);
        }
        else
        {
            await store.CompleteAsync(recordId, new StoredAnswer(status, context.Response.ContentType, context.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null, buffer.ToArray()), CancellationToken.None);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private static async Task WriteAsync(HttpContext context, StoredAnswer answer)
    {
        context.Response.StatusCode = answer.Status;
        context.Response.Headers[ReplayedHeader] = "true";
        if (answer.ContentType is not null)
        {
            context.Response.ContentType = answer.ContentType;
        }

        if (answer.Location is not null)
        {
            context.Response.Headers.Location = answer.Location;
        }

        await context.Response.Body.WriteAsync(answer.Body, context.RequestAborted);
    }

    /// <summary>
    /// SHA-256 of the method, the path and the body (read once and rewound for the endpoint). A multipart body is
    /// hashed part by part (each part's headers and content), not as bytes: a client draws a fresh boundary each
    /// time it builds the request, and the same form must give the same fingerprint.
    /// </summary>
    private static async Task<string> FingerprintAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var boundary = request.HasFormContentType && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            ? Microsoft.Net.Http.Headers.HeaderUtilities.RemoveQuotes(type.Boundary).Value
            : null;
        try
        {
            if (string.IsNullOrEmpty(boundary))
            {
                hash.AppendData(Encoding.UTF8.GetBytes((request.ContentType ?? "") + "\n"));
                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body, cancellationToken);
                hash.AppendData(body.GetBuffer().AsSpan(0, (int)body.Length));
            }
            else
            {
                var reader = new Microsoft.AspNetCore.WebUtilities.MultipartReader(boundary, request.Body);
                while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
                {
                    foreach (var header in section.Headers ?? [])
                    {
                        hash.AppendData(Encoding.UTF8.GetBytes($"{header.Key.ToLowerInvariant()}: {header.Value}\n"));
                    }

                    using var content = new MemoryStream();
                    await section.Body.CopyToAsync(content, cancellationToken);
                    hash.AppendData(Encoding.ASCII.GetBytes($"\n{content.Length}\n"));
                    hash.AppendData(content.GetBuffer().AsSpan(0, (int)content.Length));
                }
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            // A malformed multipart body: the endpoint refuses it itself; the fingerprint keeps what was read.
        }
        finally
        {
            request.Body.Position = 0;
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static Task Problem(HttpContext context, int status, string detail) =>
        Results.Problem(detail, statusCode: status, title: ApiProblems.Title(status)).ExecuteAsync(context);
}
