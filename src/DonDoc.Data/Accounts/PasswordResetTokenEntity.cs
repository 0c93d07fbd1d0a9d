namespace DonDoc.Data.Accounts;

/// <summary>
/// A link sent by e-mail to set a forgotten password. Only the SHA-256 of the token is stored (the token is 32
/// random bytes, so a fast hash is enough); the link works once, until <see cref="ExpiresAt"/>.
/// </summary>
public sealed class PasswordResetTokenEntity
{
    public int Id { get; set; }

    public string UserId { get; set; } = "";

    public DonDocUser? User { get; set; }

    public string TokenHash { get; set; } = "";

    /// <summary>Unix seconds (SQLite compares numbers, not DateTimeOffsets).</summary>
    public long CreatedAt { get; set; }

    public long ExpiresAt { get; set; }

    /// <summary>When the link set a password, or a later one of the same account did; a used link opens nothing.</summary>
    public long? UsedAt { get; set; }
}
