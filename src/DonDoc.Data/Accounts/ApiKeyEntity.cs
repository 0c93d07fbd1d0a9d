using DonDoc.Data.Agencies;

namespace DonDoc.Data.Accounts;

/// <summary>What a service account's key may do: read everything (as a leader does), or act for one agency (as its officer does).</summary>
public enum ApiKeyScope
{
    Read = 0,
    Agency = 1,
}

/// <summary>
/// A machine client's API key. Only the key's SHA-256 is stored (the key is 32 random bytes, so a fast hash is
/// enough); the administrator sees the key once, when it is made. <see cref="Prefix"/> finds the row and is shown in lists.
/// </summary>
public sealed class ApiKeyEntity
{
    public int Id { get; set; }

    /// <summary>The service account's name ("Hệ thống văn bản điều hành"), written in the audit trail as the actor.</summary>
    public string Name { get; set; } = "";

    public string Prefix { get; set; } = "";

    public string SecretHash { get; set; } = "";

    public ApiKeyScope Scope { get; set; }

    public int? AgencyId { get; set; }

    public AgencyEntity? Agency { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }
}

/// <summary>
/// The first answer to a request that carried an <c>Idempotency-Key</c>, kept per account until it expires, so
/// that a retried request gets that answer again instead of creating twice. <see cref="Status"/> 0: still being served.
/// </summary>
public sealed class IdempotencyRecordEntity
{
    public int Id { get; set; }

    /// <summary>Who sent it: a user id, or "key:{id}" for an API key.</summary>
    public string Account { get; set; } = "";

    public string Key { get; set; } = "";

    /// <summary>SHA-256 of the method, the path and the body: the same key with another request is refused.</summary>
    public string Fingerprint { get; set; } = "";

    public int Status { get; set; }

    public string? ContentType { get; set; }

    public string? Location { get; set; }

    public byte[]? Body { get; set; }

    /// <summary>Unix seconds (SQLite compares numbers, not DateTimeOffsets).</summary>
    public long CreatedAt { get; set; }

    public long ExpiresAt { get; set; }
}
