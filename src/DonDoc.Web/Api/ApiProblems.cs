using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using DonDoc.Data.Storage;
using DonDoc.Tracking.Formatting;
using DonDoc.Tracking.Workflow;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace DonDoc.Web.Api;

/// <summary>
/// Every answer of the API that is not a success: problem details (application/problem+json) with a
/// Vietnamese <c>detail</c> that names what was wrong — a field of the body, a query parameter, the content
/// type — whether the refusal came from DonDoc, from reading the request, or from an error nobody foresaw.
/// </summary>
public static partial class ApiProblems
{
    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    public static string Title(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => "Chưa đăng nhập",
        StatusCodes.Status403Forbidden => "Không có quyền",
        StatusCodes.Status404NotFound => "Không tìm thấy",
        StatusCodes.Status405MethodNotAllowed => "Phương thức không được hỗ trợ",
        StatusCodes.Status409Conflict => "Dữ liệu đã thay đổi",
        StatusCodes.Status413PayloadTooLarge => "Dữ liệu quá lớn",
        StatusCodes.Status415UnsupportedMediaType => "Định dạng dữ liệu không được hỗ trợ",
        StatusCodes.Status422UnprocessableEntity => "Khóa Idempotency-Key đã dùng cho yêu cầu khác",
        >= 500 => "Lỗi hệ thống",
        _ => "Yêu cầu không hợp lệ",
    };

    /// <summary>The Vietnamese sentence for a status that came without one (an unknown route, a challenge, a method not allowed).</summary>
    public static string DetailOf(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => "Bạn cần đăng nhập: gửi kèm mã truy cập (Authorization: Bearer …) lấy từ POST /api/auth/login, hoặc khóa API còn hiệu lực (X-Api-Key).",
        StatusCodes.Status403Forbidden => "Tài khoản của bạn không được phép thực hiện thao tác này.",
        StatusCodes.Status404NotFound => "Không tìm thấy địa chỉ hoặc dữ liệu này, hoặc bạn không có quyền xem.",
        StatusCodes.Status405MethodNotAllowed => "Địa chỉ này không nhận phương thức HTTP đã gửi.",
        StatusCodes.Status413PayloadTooLarge => "Dữ liệu gửi lên quá lớn.",
        StatusCodes.Status415UnsupportedMediaType => "Hãy gửi dữ liệu dạng JSON (Content-Type: application/json) hoặc biểu mẫu multipart/form-data.",
        >= 500 => "Hệ thống gặp sự cố khi xử lý yêu cầu. Vui lòng thử lại sau hoặc liên hệ quản trị viên.",
        _ => "Yêu cầu không hợp lệ.",
    };

    /// <summary>The answer to an exception met while serving an API request.</summary>
    public static (int Status, string Detail, string Reason) From(Exception exception) => exception switch
    {
        WorkflowException refused => (refused.StatusCode, refused.Vietnamese, refused.Message),
        ChangeRefusedException refused => (StatusCodes.Status400BadRequest, VietnameseFormat.Sentence(refused.Vietnamese), refused.Message),
        BadHttpRequestException { InnerException: JsonException json } => (StatusCodes.Status400BadRequest, FromJson(json), json.Message),
        BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } bad => (bad.StatusCode, DetailOf(bad.StatusCode), bad.Message),
        BadHttpRequestException bad => (bad.StatusCode, FromBinding(bad), bad.Message),
        JsonException json => (StatusCodes.Status400BadRequest, FromJson(json), json.Message),
        InvalidDataException invalid => (StatusCodes.Status400BadRequest, "Dữ liệu gửi lên không đọc được (sai định dạng hoặc quá lớn).", invalid.Message),
        OperationCanceledException => (StatusCodes.Status400BadRequest, "Yêu cầu đã bị hủy trước khi xử lý xong.", exception.Message),
        _ => (StatusCodes.Status500InternalServerError, DetailOf(StatusCodes.Status500InternalServerError), exception.GetType().Name),
    };

    /// <summary>"Trường \"newDue\": ngày \"31/02/2027\" không hợp lệ …", from where the reader stopped.</summary>
    public static string FromJson(JsonException json)
    {
        var field = FieldOf(json.Path);
        if (json.Data[VietnameseDateJsonConverter.MessageKey] is string vietnamese)
        {
            return field is null ? VietnameseFormat.Sentence(vietnamese) : $"Trường \"{field}\": {vietnamese}.";
        }

        return field is null
            ? "Dữ liệu gửi lên không phải JSON hợp lệ."
            : $"Dữ liệu JSON không đọc được ở trường \"{field}\" (sai kiểu, sai định dạng hoặc bị cắt dở).";
    }

    /// <summary>"$.rows[2].number" → "rows[2].number"; null for the whole body.</summary>
    private static string? FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? null : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private static string FromBinding(BadHttpRequestException bad)
    {
        var message = bad.Message;
        if (BindFailure().Match(message) is { Success: true } failed)
        {
            return $"Tham số \"{failed.Groups["name"].Value}\" không hợp lệ: \"{failed.Groups["value"].Value}\".";
        }

        if (Missing().Match(message) is { Success: true } missing)
        {
            return $"Thiếu tham số \"{missing.Groups["name"].Value}\".";
        }

        if (message.Contains("body", StringComparison.OrdinalIgnoreCase))
        {
            return "Thiếu dữ liệu JSON trong thân yêu cầu.";
        }

        return bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? DetailOf(bad.StatusCode) : "Yêu cầu không đọc được (sai định dạng hoặc quá lớn).";
    }

    // ASP.NET Core's words for a query or route value it could not convert, and for one that is missing.
    [GeneratedRegex("parameter \"(?:[^\" ]+ )?(?<name>[^\" ]+)\" from \"(?<value>[^\"]*)\"")]
    private static partial Regex BindFailure();

    [GeneratedRegex("Required parameter \"(?:[^\" ]+ )?(?<name>[^\" ]+)\" was not provided")]
    private static partial Regex Missing();

    /// <summary>Writes the problem for an exception that reached the API's exception handler.</summary>
    public static async Task WriteExceptionAsync(HttpContext context)
    {
        var exception = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var (status, detail, reason) = exception is null ? (500, DetailOf(500), "unknown") : From(exception);
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("DonDoc.Api");
        if (status >= 500)
        {
            logger.LogError(exception, "API request {Method} {Path} failed", context.Request.Method, context.Request.Path);
        }
        else
        {
            logger.LogInformation("API request {Method} {Path} refused ({Status}): {Reason}", context.Request.Method, context.Request.Path, status, reason);
        }

        context.Response.StatusCode = status;
        await WriteAsync(context, status, detail);
    }

    /// <summary>Gives a bodiless error status (a challenge, an unknown route, 405) its problem details.</summary>
    public static Task WriteStatusAsync(StatusCodeContext context) =>
        WriteAsync(context.HttpContext, context.HttpContext.Response.StatusCode, DetailOf(context.HttpContext.Response.StatusCode));

    private static async Task WriteAsync(HttpContext context, int status, string detail)
    {
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = Title(status), Detail = detail },
        });
    }
}

/// <summary>
/// Dates in JSON as the API's users write them: yyyy-MM-dd, or dd/MM/yyyy as on every Vietnamese form.
/// A date that is neither (31/02/2027) is refused with a Vietnamese sentence that the problem details repeat.
/// </summary>
public sealed class VietnameseDateJsonConverter : JsonConverter<DateOnly>
{
    public const string MessageKey = "dondoc:vi";

    public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        if (VietnameseFormat.TryParseDate(text, out var date))
        {
            return date;
        }

        var vietnamese = text is null ? "ngày phải là một chuỗi dd/mm/yyyy hoặc yyyy-mm-dd" : $"ngày \"{text}\" không hợp lệ (dd/mm/yyyy hoặc yyyy-mm-dd)";
        var refused = new JsonException($"not a date: {text}");
        refused.Data[MessageKey] = vietnamese;
        throw refused;
    }

    public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}
