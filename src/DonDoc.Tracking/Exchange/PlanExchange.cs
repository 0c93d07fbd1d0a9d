using DonDoc.Core.Access;
using DonDoc.Core.Deadlines;
using DonDoc.Core.Exchange;
using DonDoc.Core.Tracking;
using DonDoc.Data.Plans;
using DonDoc.Data.Storage;
using DonDoc.Import.Exchange;
using DonDoc.Tracking.Formatting;
using DonDoc.Tracking.Tasks;
using DonDoc.Tracking.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DonDoc.Tracking.Exchange;

/// <summary>
/// Hands a plan on in the exchange format (JSON or Excel): its tasks as the account may read them, each with its
/// deadline as printed and as understood and, once published, its status, due date in force, assignments, completion
/// and a summary of its reports. A published task names its one lead agency and its coordinators by the directory's
/// names, so that a file read back makes the same tasks. Loading such a file goes through <see cref="Imports.ImportDrafts"/>.
/// </summary>
public sealed class PlanExchange(DonDocDbContext db, TaskCatalog catalog, TaskStatusReader statuses, DeadlineParser parser, TimeProvider clock, ILogger<PlanExchange> logger)
{
    public static readonly IReadOnlyList<string> Formats = ["json", "xlsx"];

    public async Task<DownloadFile> ExportAsync(Actor actor, int planId, string? format, CancellationToken cancellationToken)
    {
        format = string.IsNullOrWhiteSpace(format) ? "json" : format.Trim().ToLowerInvariant();
        if (!Formats.Contains(format))
        {
            throw WorkflowException.Invalid($"Không có định dạng xuất \"{format}\"; hãy chọn json hoặc xlsx.", $"unknown export format {format}");
        }

        var exchange = await ReadAsync(actor, planId, cancellationToken);
        var content = format == "xlsx" ? ExchangeWorkbook.Write(exchange) : ExchangeJson.Write(exchange);
        logger.LogInformation("Exported plan {PlanId} as {Format}: {Count} tasks, {Bytes} bytes", planId, format, exchange.Tasks.Count, content.Length);
        return new DownloadFile(
            content,
            format == "xlsx" ? EvidenceStore.ContentTypeOf("xlsx") : "application/json",
            $"dondoc-ke-hoach-{planId}-{statuses.Today:yyyyMMdd}.{format}");
    }

    /// <summary>The plan in the exchange model; a plan the account may not read is not found.</summary>
    public async Task<ExchangePlan> ReadAsync(Actor actor, int planId, CancellationToken cancellationToken)
    {
        var plan = await catalog.GetPlanAsync(actor, planId, cancellationToken);
        var year = plan.IssuedOn?.Year;
        var header = new ExchangeHeader
        {
            Number = plan.Number,
            Issuer = plan.Issuer,
            IssuedOn = plan.IssuedOn,
            Title = plan.Title,
            Document = plan.SourceFile,
            State = plan.State.ToString().ToLowerInvariant(),
            ExportedAt = clock.GetUtcNow(),
        };

        if (plan.State == PlanState.Draft)
        {
            // Rows under review: as the reviewer left them, with nothing tracked yet.
            var rows = await db.Tasks.AsNoTracking().Where(t => t.PlanId == planId).OrderBy(t => t.Position).ToListAsync(cancellationToken);
            return new ExchangePlan(header, rows.Select(r => new ExchangeTask(r.ToTask(parser, year), null)).ToList());
        }

        var tasks = await catalog.Scope(actor, new TaskFilter(PlanId: planId))
            .Include(t => t.Assignments).ThenInclude(a => a.Agency)
            .OrderBy(t => t.Position)
            .ToListAsync(cancellationToken);
        var ids = tasks.Select(t => t.Id).ToHashSet();
        var reports = (await db.Reports.AsNoTracking()
                .Where(r => db.Tasks.Any(t => t.Id == r.TaskId && t.PlanId == planId))
                .Select(r => new { r.TaskId, r.CreatedAt, r.Percent, r.Summary })
                .ToListAsync(cancellationToken))
            .Where(r => ids.Contains(r.TaskId))
            .ToLookup(r => r.TaskId);

        var exchanged = new List<ExchangeTask>(tasks.Count);
        foreach (var task in tasks)
        {
            var assignments = task.Assignments
                .OrderBy(a => a.Role).ThenBy(a => a.Id)
                .Select(a => new ExchangeAssignment(a.Agency?.Name ?? string.Empty, a.Role == AssignmentRole.Lead ? "lead" : "coordinator", a.Note))
                .ToList();
            var lead = assignments.FirstOrDefault(a => a.Role == "lead")?.Agency;
            var coordinators = assignments.Where(a => a.Role == "coordinator").Select(a => a.Agency).ToList();
            var row = task.ToTask(parser, year) with
            {
                Lead = lead ?? task.Lead,
                Coordinators = assignments.Count == 0 ? task.Coordinators : coordinators.Count == 0 ? null : string.Join("; ", coordinators),
            };
            var latest = reports[task.Id].OrderBy(r => r.CreatedAt.UtcDateTime).LastOrDefault();
            exchanged.Add(new ExchangeTask(row, new ExchangeTracking
            {
                Status = statuses.StatusOf(task).ToSchemaName(),
                Due = task.CurrentDue,
                NextReportDue = task.NextReportDue,
                WaitingFor = task.WaitingFor,
                Assignments = assignments,
                PercentDone = task.PercentDone,
                Completion = task.Completion.ToString().ToLowerInvariant(),
                ReportedDoneOn = task.ReportedDoneOn,
                CompletedOn = task.CompletedOn,
                Cancelled = task.Cancelled,
                CancelReason = task.CancelReason,
                Progress = new ExchangeProgress(reports[task.Id].Count(), latest?.CreatedAt, latest?.Percent, latest?.Summary),
            }));
        }

        return new ExchangePlan(header, exchanged);
    }
}
