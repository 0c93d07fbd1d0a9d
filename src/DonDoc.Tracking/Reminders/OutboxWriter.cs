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
/// </summary>
public sealed class OutboxWriter(DonDocDbContext db, TimeProvider clock)
{
    /// <summary>Rows per statement: 15 parameters each, under SQLite's and PostgreSQL's limits.</summary>
    public const int BatchSize = 500;

    private const string Columns =
        "\"Rule\", \"Subject\", \"Occasion\", \"OnDate\", \"RecipientId\", \"Channel\", \"TaskId\", \"PlanId\", \"DueOn\", \"WorkingDaysLeft\", \"Message\", \"SenderName\", \"Digest\", \"State\", \"Attempts\", \"CreatedAt\"";

    /// <summary>Inserts what is new; returns how many rows were added.</summary>
    public async Task<int> AddNewAsync(IReadOnlyList<PlannedNotice> notices, CancellationToken cancellationToken)
    {
        var added = 0;
        for (var start = 0; start < notices.Count; start += BatchSize)
        {
            var batch = notices.Skip(start).Take(BatchSize).ToList();
            var sql = new StringBuilder("INSERT INTO notifications (").Append(Columns).Append(") VALUES ");
            var parameters = new List<object?>(batch.Count * 14);
            var now = clock.GetUtcNow().ToUniversalTime();
            for (var i = 0; i < batch.Count; i++)
            {
                var n = batch[i];
                var first = parameters.Count;
                sql.Append(i == 0 ? "(" : ", (");
                for (var k = 0; k < 14; k++)
                {
                    sql.Append(k == 0 ? "" : ", ").Append("@p").Append(first + k);
                }

                sql.Append(", 0, @p").Append(first + 14).Append(')');
                parameters.AddRange([
                    n.Kind.ToSchemaName(), n.Subject, n.Occasion, n.OnDate, n.Recipient.UserId, n.Channel,
                    n.TaskId, n.PlanId, n.DueOn, n.WorkingDaysLeft, n.Message, n.SenderName,
                    HeldForDigest(n), DeliveryState.Queued.ToString(), now,
                ]);
            }

            sql.Append(" ON CONFLICT (\"Rule\", \"Subject\", \"Occasion\", \"OnDate\", \"RecipientId\", \"Channel\") DO NOTHING");
            using var factory = db.Database.GetDbConnection().CreateCommand();
            var values = parameters.Select((value, index) =>
            {
                var parameter = factory.CreateParameter();
                parameter.ParameterName = "@p" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
                parameter.Value = value ?? DBNull.Value;
                return (object)parameter;
            }).ToArray();
            added += await db.Database.ExecuteSqlRawAsync(sql.ToString(), values, cancellationToken);
        }

        return added;
    }

    /// <summary>Mail and Telegram wait for the person's 07:30 digest unless they chose immediate sending; the office's own "Đôn đốc" goes at once.</summary>
    public static bool HeldForDigest(PlannedNotice notice) =>
        notice.Channel != NotificationChannels.InApp && !notice.Recipient.Immediate && notice.Kind != ReminderKind.Manual;
}
