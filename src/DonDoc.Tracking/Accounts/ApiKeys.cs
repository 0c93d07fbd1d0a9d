using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DonDoc.Core.Access;
using DonDoc.Data.Accounts;
using DonDoc.Data.Storage;
using DonDoc.Tracking.Auditing;
using DonDoc.Tracking.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Tracking.Accounts;

/// <summary>A key as the administrator's list shows it; the key itself is never shown again after it is made.</summary>
public sealed record ApiKeyView(int Id, string Name, string Prefix, ApiKeyScope Scope, int? AgencyId, string? AgencyName, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

/// <summary>A key just made: <see cref="Key"/> is shown once and stored nowhere.</summary>
public sealed record IssuedApiKey(ApiKeyView View, string Key);

/// <summary>The service account a presented key belongs to, as the workflow sees it.</summary>
public sealed record ApiKeyHolder(int Id, string Name, ApiKeyScope Scope, int? AgencyId)
{
    public const string ActorPrefix = "key:";

    public string ActorId => ActorPrefix + Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>A key scoped to read acts as a leader (reads everything, changes nothing); an agency key as that agency's officer.</summary>
    public string Role => Scope == ApiKeyScope.Read ? Roles.Leader : Roles.AgencyOfficer;
}

/// <summary>
/// API keys for machine clients (an e-office system, the province's data-sharing platform): made and revoked by an
/// administrator, each scoped to read or to one agency, stored as a SHA-256 of the key, audited.
/// Keys look like <c>ddk_1a2b3c4d_…</c>: the part after <c>ddk_</c> up to the second underscore finds the row.
/// </summary>
public sealed class ApiKeys(DonDocDbContext db, AuditLog audit, TimeProvider clock)
{
    public const string KeyPrefix = "ddk_";

    /// <summary>How stale the last-used time may get before a request writes it again.</summary>
    private static readonly TimeSpan UseResolution = TimeSpan.FromMinutes(5);

    public async Task<IReadOnlyList<ApiKeyView>> ListAsync(Actor actor, CancellationToken cancellationToken)
    {
        RequireAdministrator(actor);
        var rows = await db.ApiKeys.AsNoTracking().Include(k => k.Agency).OrderBy(k => k.Id).ToListAsync(cancellationToken);
        return rows.Select(View).ToList();
    }

    public async Task<IssuedApiKey> CreateAsync(Actor actor, string? name, ApiKeyScope scope, int? agencyId, CancellationToken cancellationToken)
    {
        RequireAdministrator(actor);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw WorkflowException.Invalid("Hãy đặt tên cho tài khoản máy (ví dụ: Hệ thống văn bản điều hành).", "API key without a name");
        }

        if (scope == ApiKeyScope.Agency)
        {
            if (agencyId is null || !await db.Agencies.AnyAsync(a => a.Id == agencyId, cancellationToken))
            {
                throw WorkflowException.Invalid("Khóa theo cơ quan cần chọn một cơ quan có trong danh mục.", $"API key for unknown agency {agencyId}");
            }
        }
        else
        {
            agencyId = null;
        }

        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var key = $"{KeyPrefix}{prefix}_{secret}";
        var entity = new ApiKeyEntity
        {
            Name = name.Trim(),
            Prefix = prefix,
            SecretHash = Hash(key),
            Scope = scope,
            AgencyId = agencyId,
            CreatedBy = actor.Name,
            CreatedAt = clock.GetUtcNow(),
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        audit.RecordAbout(actor, AuditActions.ApiKeyCreate, Subject(entity.Id), null, new { entity.Name, entity.Prefix, scope = scope.ToString(), agencyId });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await db.Entry(entity).Reference(k => k.Agency).LoadAsync(cancellationToken);
        return new IssuedApiKey(View(entity), key);
    }

    public async Task RevokeAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        RequireAdministrator(actor);
        var entity = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, cancellationToken)
            ?? throw WorkflowException.NotFound($"API key {id}");
        if (entity.RevokedAt is not null)
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        entity.RevokedAt = clock.GetUtcNow();
        audit.RecordAbout(actor, AuditActions.ApiKeyRevoke, Subject(id), null, new { entity.Name, entity.Prefix });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The holder of a presented key; null when the key is malformed, unknown or revoked.</summary>
    public async Task<ApiKeyHolder?> AuthenticateAsync(string? presented, CancellationToken cancellationToken)
    {
        if (presented is null || !presented.StartsWith(KeyPrefix, StringComparison.Ordinal) || presented.Length > 200)
        {
            return null;
        }

        var rest = presented[KeyPrefix.Length..];
        var cut = rest.IndexOf('_', StringComparison.Ordinal);
        if (cut <= 0)
        {
            return null;
        }

        var prefix = rest[..cut];
        var entity = await db.ApiKeys.SingleOrDefaultAsync(k => k.Prefix == prefix, cancellationToken);
        if (entity is null || entity.RevokedAt is not null
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(entity.SecretHash), Encoding.ASCII.GetBytes(Hash(presented))))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (entity.LastUsedAt is not { } used || now - used > UseResolution)
        {
            entity.LastUsedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        return new ApiKeyHolder(entity.Id, entity.Name, entity.Scope, entity.AgencyId);
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Subject(int id) => "apikey:" + id.ToString(CultureInfo.InvariantCulture);

    private static ApiKeyView View(ApiKeyEntity k) =>
        new(k.Id, k.Name, KeyPrefix + k.Prefix, k.Scope, k.AgencyId, k.Agency?.Name, k.CreatedAt, k.CreatedBy, k.LastUsedAt, k.RevokedAt);

    private static void RequireAdministrator(Actor actor)
    {
        if (!actor.IsAdministrator && !actor.IsSystem)
        {
            throw WorkflowException.Forbidden("Chỉ quản trị hệ thống mới quản lý khóa API.", $"user {actor.UserId} is not an administrator");
        }
    }
}
