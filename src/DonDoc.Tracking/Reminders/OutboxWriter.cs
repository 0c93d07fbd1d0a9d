using System.Text;
using DonDoc.Core.Reminders;
using DonDoc.Data.Reminders;
using DonDoc.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Tracking.Reminders;

/// <summary>A notice computed for one person on one channel, before it is an outbox row.</summary>
public sealed record PlannedNotice(
    ReminderKind Kind,
    string Subject,
    string Occasion,
    DateOnly OnDate,
    Recipient Recipient,
    string Channel,
    int? TaskId,
    int? PlanId,
    DateOnly? DueOn,
    int? WorkingDaysLeft,
    string? Message = null,
    string? SenderName = null);

/// <summary>
/// Adds notices to the outbox in batches, skipping those already there: the database's unique key on
/// (rule, subject, occasion, day, recipient, channel) decides, so two runs or two instances add each once.
/// On PostgreSQL a batch is one statement over arrays (<c>INSERT … SELECT FROM unnest(…)</c>: 13 parameters
/// for 5,000 rows); on SQLite, multi-row VALUES of 500 rows (15 parameters each, under its limit).
/// </summary>
public sealed class OutboxWriter(DonDocDbContext db, DatabaseOptions database, TimeProvider clock)
{
    /// <summary>Rows per SQLite statement: 15 parameters each, under SQLite's limit.</summary>
    public const int BatchSize = 500;

    /// <summary>How many computed notices the planner hands over at a time (one PostgreSQL statement).</summary>
    public const int FlushSize = 5000;

    private const string Columns =
        "\"Rule\", \"Subject\", \"Occasion\", \"OnDate\", \"RecipientId\", \"Channel\", \"TaskId\", \"PlanId\", \"DueOn\", \"WorkingDaysLeft\", \"Message\", \"SenderName\", \"Digest\", \"State\", \"Attempts\", \"CreatedAt\"";

    private const string OnConflict = " ON CONFLICT (\"Rule\", \"Subject\", \"Occasion\", \"OnDate\", \"RecipientId\", \"Channel\") DO NOTHING";

    /// <summary>Inserts what is new; returns how many rows were added.</summary>
    public Task<int> AddNewAsync(IReadOnlyList<PlannedNotice> notices, CancellationToken cancellationToken) =>
        database.Provider == DatabaseProvider.Postgres ? AddOverArraysAsync(notices, cancellationToken) : AddAsValuesAsync(notices, cancellationToken);

    private async Task<int> AddOverArraysAsync(IReadOnlyList<PlannedNotice> notices, CancellationToken cancellationToken)
    {
        var added = 0;
        var now = clock.GetUtcNow().ToUniversalTime();
        const string sql = "INSERT INTO notifications (" + Columns + ") "
            + "SELECT u.r, u.s, u.o, u.d, u.rc, u.ch, u.t, u.p, u.du, u.w, u.m, u.sn, u.dg, @p13, 0, @p14 "
            + "FROM unnest(@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12) AS u(r, s, o, d, rc, ch, t, p, du, w, m, sn, dg)"
            + OnConflict;
        foreach (var batch in notices.Chunk(FlushSize))
        {
            object?[] values =
            [
                batch.Select(n => n.Kind.ToSchemaName()).ToArray(),
                batch.Select(n => n.Subject).ToArray(),
                batch.Select(n => n.Occasion).ToArray(),
                batch.Select(n => n.OnDate).ToArray(),
                batch.Select(n => n.Recipient.UserId).ToArray(),
                batch.Select(n => n.Channel).ToArray(),
                batch.Select(n => n.TaskId).ToArray(),
                batch.Select(n => n.PlanId).ToArray(),
                batch.Select(n => n.DueOn).ToArray(),
                batch.Select(n => n.WorkingDaysLeft).ToArray(),
                batch.Select(n => n.Message).ToArray(),
                batch.Select(n => n.SenderName).ToArray(),
                batch.Select(HeldForDigest).ToArray(),
                DeliveryState.Queued.ToString(),
                now,
            ];
            added += await db.Database.ExecuteSqlRawAsync(sql, Parameters(values), cancellationToken);
        }

        return added;
    }

    private async Task<int> AddAsValuesAsync(IReadOnlyList<PlannedNotice> notices, CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var batch in notices.Chunk(BatchSize))
        {
            var sql = new StringBuilder("INSERT INTO notifications (").Append(Columns).Append(") VALUES ");
            var values = new List<object?>(batch.Length * 15);
            var now = clock.GetUtcNow().ToUniversalTime();
            for (var i = 0; i < batch.Length; i++)
            {
                var n = batch[i];
                var first = values.Count;
                sql.Append(i == 0 ? "(" : ", (");
                for (var k = 0; k < 14; k++)
                {
                    sql.Append(k == 0 ? "" : ", ").Append("@p").Append(first + k);
                }

                sql.Append(", 0, @p").Append(first + 14).Append(')');
                values.AddRange([
                    n.Kind.ToSchemaName(), n.Subject, n.Occasion, n.OnDate, n.Recipient.UserId, n.Channel,
                    n.TaskId, n.PlanId, n.DueOn, n.WorkingDaysLeft, n.Message, n.SenderName,
                    HeldForDigest(n), DeliveryState.Queued.ToString(), now,
                ]);
            }

            sql.Append(OnConflict);
            added += await db.Database.ExecuteSqlRawAsync(sql.ToString(), Parameters(values), cancellationToken);
        }

        return added;
    }

    /// <summary>Positional values as the provider's parameters <c>@p0</c>, <c>@p1</c>, … (null as DBNull).</summary>
    private object[] Parameters(IReadOnlyList<object?> values)
    {
        using var factory = db.Database.GetDbConnection().CreateCommand();
        return values.Select((value, index) =>
        {
            var parameter = factory.CreateParameter();
            parameter.ParameterName = "@p" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            parameter.Value = value ?? DBNull.Value;
            return (object)parameter;
        }).ToArray();
    }

    /// <summary>Mail and Telegram wait for the person's 07:30 digest unless they chose immediate sending; the office's own "Đôn đốc" goes at once.</summary>
    public static bool HeldForDigest(PlannedNotice notice) =>
        notice.Channel != NotificationChannels.InApp && !notice.Recipient.Immediate && notice.Kind != ReminderKind.Manual;
}
