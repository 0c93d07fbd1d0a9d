using DonDoc.Data.Accounts;
using DonDoc.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Tracking.Accounts;

/// <summary>The answer stored for a request that carried an Idempotency-Key.</summary>
public sealed record StoredAnswer(int Status, string? ContentType, string? Location, byte[] Body);

/// <summary>What to do with a request that carries an Idempotency-Key.</summary>
public abstract record IdempotencyOutcome
{
    /// <summary>First time: serve it, then <see cref="IdempotencyStore.CompleteAsync"/> or <see cref="IdempotencyStore.AbandonAsync"/>.</summary>
    public sealed record Serve(int RecordId) : IdempotencyOutcome;

    /// <summary>Served before: answer this again.</summary>
    public sealed record Replay(StoredAnswer Answer) : IdempotencyOutcome;

    /// <summary>The first request with this key is still being served.</summary>
    public sealed record InProgress : IdempotencyOutcome;

    /// <summary>The key was used for another request (another path or body).</summary>
    public sealed record Mismatch : IdempotencyOutcome;
}

/// <summary>
/// Keys of retried requests, per account, expiring after <see cref="Lifetime"/>: the first request with a key is
/// served and its answer kept; the same request again gets that answer and creates nothing; the same key with
/// another request is refused. A row is written before the request is served, so two at once cannot both create.
/// Every read and write here goes through a database context of its own (a fresh scope), never the request's:
/// the request's work may run in a transaction that is rolled back or leave unsaved changes behind, and the
/// stored answer must neither ride on it nor carry them along.
/// </summary>
public sealed class IdempotencyStore(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public async Task<IdempotencyOutcome> BeginAsync(string account, string key, string fingerprint, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DonDocDbContext>();
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        await db.IdempotencyRecords.Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        if (await FindAsync(db, account, key, cancellationToken) is { } existing)
        {
            return Judge(existing, fingerprint);
        }

        var record = new IdempotencyRecordEntity
        {
            Account = account,
            Key = key,
            Fingerprint = fingerprint,
            CreatedAt = now,
            ExpiresAt = now + (long)Lifetime.TotalSeconds,
        };
        db.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new IdempotencyOutcome.Serve(record.Id);
        }
        catch (DbUpdateException)
        {
            // Another request with the same key was stored first (the unique index on account and key).
            db.Entry(record).State = EntityState.Detached;
            return await FindAsync(db, account, key, cancellationToken) is { } first ? Judge(first, fingerprint) : new IdempotencyOutcome.InProgress();
        }
    }

    public async Task CompleteAsync(int recordId, StoredAnswer answer, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DonDocDbContext>().IdempotencyRecords.Where(r => r.Id == recordId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, answer.Status)
            .SetProperty(r => r.ContentType, answer.ContentType)
            .SetProperty(r => r.Location, answer.Location)
            .SetProperty(r => r.Body, answer.Body), cancellationToken);
    }

    /// <summary>The request failed on DonDoc's side: a retry with the key is served afresh.</summary>
    public async Task AbandonAsync(int recordId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DonDocDbContext>().IdempotencyRecords.Where(r => r.Id == recordId).ExecuteDeleteAsync(cancellationToken);
    }

    private static Task<IdempotencyRecordEntity?> FindAsync(DonDocDbContext db, string account, string key, CancellationToken cancellationToken) =>
        db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Account == account && r.Key == key, cancellationToken);

    private static IdempotencyOutcome Judge(IdempotencyRecordEntity record, string fingerprint) =>
        record.Fingerprint != fingerprint ? new IdempotencyOutcome.Mismatch()
        : record.Status == 0 ? new IdempotencyOutcome.InProgress()
        : new IdempotencyOutcome.Replay(new StoredAnswer(record.Status, record.ContentType, record.Location, record.Body ?? []));
}
