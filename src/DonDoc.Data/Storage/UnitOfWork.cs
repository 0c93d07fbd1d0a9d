using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace DonDoc.Data.Storage;

/// <summary>Transactions that nest: a step that needs one joins the caller's when there is one.</summary>
public static class UnitOfWork
{
    /// <summary>A new transaction, or null when the caller already holds one (which then commits or rolls back everything).</summary>
    public static async Task<IDbContextTransaction?> BeginUnlessInOneAsync(this DatabaseFacade database, CancellationToken cancellationToken) =>
        database.CurrentTransaction is null ? await database.BeginTransactionAsync(cancellationToken) : null;

    /// <summary>Commits a transaction begun by <see cref="BeginUnlessInOneAsync"/>; nothing when it joined the caller's.</summary>
    public static async Task CommitIfOwnAsync(this IDbContextTransaction? transaction, CancellationToken cancellationToken)
    {
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }
}
