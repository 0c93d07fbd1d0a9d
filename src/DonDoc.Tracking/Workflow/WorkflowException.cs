namespace DonDoc.Tracking.Workflow;

public enum WorkflowFailure
{
    /// <summary>Does not exist, or the user may not read it: answered 404 alike.</summary>
    NotFound,

    /// <summary>May read but not do this: 403.</summary>
    Forbidden,

    /// <summary>The request is wrong (a bad file, a wrong date, a missing reason): 400.</summary>
    Invalid,

    /// <summary>Someone else changed it first: 409, with the current values.</summary>
    Conflict,

    /// <summary>The server is doing as much of this as it allows itself (imports): 503, try again later.</summary>
    Busy,
}

/// <summary>A refused request: a Vietnamese message for the user, an English one for the log; nothing was changed.</summary>
public sealed class WorkflowException(WorkflowFailure failure, string vietnamese, string english) : Exception(english)
{
    public WorkflowFailure Failure { get; } = failure;

    public string Vietnamese { get; } = vietnamese;

    /// <summary>The HTTP status that answers this refusal, for pages and API alike.</summary>
    public int StatusCode => Failure switch
    {
        WorkflowFailure.NotFound => 404,
        WorkflowFailure.Forbidden => 403,
        WorkflowFailure.Conflict => 409,
        WorkflowFailure.Busy => 503,
        _ => 400,
    };

    /// <summary>For a conflict: the current state, so the user sees what won.</summary>
    public object? Current { get; init; }

    public static WorkflowException NotFound(string what) =>
        new(WorkflowFailure.NotFound, "Không tìm thấy hoặc bạn không có quyền xem.", $"{what} not found or not readable");

    public static WorkflowException Forbidden(string vietnamese, string english) => new(WorkflowFailure.Forbidden, vietnamese, english);

    public static WorkflowException Invalid(string vietnamese, string english) => new(WorkflowFailure.Invalid, vietnamese, english);

    public static WorkflowException Stale(object current) => new(
        WorkflowFailure.Conflict,
        "Nhiệm vụ vừa được người khác cập nhật. Dữ liệu hiện tại được hiển thị; hãy xem lại rồi gửi lại.",
        "stale version") { Current = current };
}
