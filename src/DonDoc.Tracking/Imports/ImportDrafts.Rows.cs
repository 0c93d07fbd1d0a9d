using DonDoc.Core.Access;
using DonDoc.Data.Plans;
using DonDoc.Tracking.Auditing;
using DonDoc.Tracking.Workflow;

namespace DonDoc.Tracking.Imports;

/// <summary>
/// The reviewer reshapes the extracted table so that no task is lost to the extractor: add a row (blank, or from a
/// line the importer dropped), delete one, split one in two, merge one with the row below. Each change checks the
/// draft's version, is one transaction, keeps the raw text of every row it touches (a deleted row's whole text goes
/// to the audit trail) and is audited.
/// </summary>
public sealed partial class ImportDrafts
{
    /// <summary>Adds a row after <paramref name="afterRowId"/> (at the end when null), in that row's section. Returns the new row's id.</summary>
    public async Task<int> AddRowAsync(Actor actor, int id, int version, int? afterRowId, DraftRowInput input, CancellationToken cancellationToken)
    {
        var plan = await LoadDraftAsync(actor, id, tracked: true, cancellationToken);
        await RequireVersionAsync(actor, plan, version, cancellationToken);
        var ordered = plan.Tasks.OrderBy(t => t.Position).ToList();
        var after = afterRowId is { } afterId ? FindRow(plan, afterId) : ordered.LastOrDefault();
        var row = new PlanTaskEntity
        {
            PlanId = plan.Id,
            SectionId = after?.SectionId,
            SectionTitle = after?.SectionTitle,
            Number = Clean(input.Number),
            Content = input.Content?.Trim() ?? string.Empty,
            Lead = Clean(input.Lead),
            Coordinators = Clean(input.Coordinators),
            DeadlineRaw = Clean(input.DeadlineRaw),
            Product = Clean(input.Product),
            Note = Clean(input.Note),
            RawText = string.IsNullOrWhiteSpace(input.RawText) ? null : input.RawText,
        };
        states.Interpret(row, plan.IssuedOn?.Year);
        ordered.Insert(after is null ? ordered.Count : ordered.IndexOf(after) + 1, row);
        plan.Tasks.Add(row);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await RenumberAsync(ordered, actor, id, cancellationToken);
        plan.Version++;
        audit.Record(actor, AuditActions.DraftRowAdd, plan.Id, null, null, new { row = row.Id, afterRow = after?.Id, position = row.Position, row.Content, row.RawText, plan.Version });
        await SaveOrConflictAsync(actor, id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return row.Id;
    }

    /// <summary>Deletes a row; the audit trail keeps everything it held, raw text included.</summary>
    public async Task DeleteRowAsync(Actor actor, int id, int version, int rowId, CancellationToken cancellationToken)
    {
        var plan = await LoadDraftAsync(actor, id, tracked: true, cancellationToken);
        await RequireVersionAsync(actor, plan, version, cancellationToken);
        var row = FindRow(plan, rowId);
        var ordered = plan.Tasks.OrderBy(t => t.Position).Where(t => t != row).ToList();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        plan.Tasks.Remove(row);
        db.Tasks.Remove(row);
        await SaveOrConflictAsync(actor, id, cancellationToken);
        await RenumberAsync(ordered, actor, id, cancellationToken);
        plan.Version++;
        audit.Record(actor, AuditActions.DraftRowDelete, plan.Id, null, Snapshot(row), new { plan.Version });
        await SaveOrConflictAsync(actor, id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Splits a row's content at character <paramref name="at"/>: the first part stays, the second becomes a new row
    /// below with the same number, section, agencies, deadline, product and note, and the same raw text. Returns the new row's id.
    /// </summary>
    public async Task<int> SplitRowAsync(Actor actor, int id, int version, int rowId, int at, CancellationToken cancellationToken)
    {
        var plan = await LoadDraftAsync(actor, id, tracked: true, cancellationToken);
        await RequireVersionAsync(actor, plan, version, cancellationToken);
        var row = FindRow(plan, rowId);
        var first = at > 0 && at < row.Content.Length ? row.Content[..at].Trim() : string.Empty;
        var second = at > 0 && at < row.Content.Length ? row.Content[at..].Trim() : string.Empty;
        if (first.Length == 0 || second.Length == 0)
        {
            throw WorkflowException.Invalid(
                $"Không tách được nhiệm vụ {Label(row)}: hãy đặt con trỏ vào chỗ cần tách bên trong ô nội dung (cả hai phần đều phải có chữ) rồi bấm \"Tách\".",
                $"split point {at} of row {rowId} leaves an empty part (content length {row.Content.Length})");
        }

        var before = Snapshot(row);
        var part = Copy(row);
        part.Content = second;
        part.BudgetVnd = null;
        row.Content = first;
        states.Interpret(part, plan.IssuedOn?.Year);
        var ordered = plan.Tasks.OrderBy(t => t.Position).ToList();
        ordered.Insert(ordered.IndexOf(row) + 1, part);
        plan.Tasks.Add(part);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await RenumberAsync(ordered, actor, id, cancellationToken);
        plan.Version++;
        audit.Record(actor, AuditActions.DraftRowSplit, plan.Id, null, before,
            new { rows = new[] { row.Id, part.Id }, contents = new[] { row.Content, part.Content }, plan.Version });
        await SaveOrConflictAsync(actor, id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return part.Id;
    }

    /// <summary>
    /// Merges a row with the row below it into one: contents joined, raw texts kept one after the other, each other field
    /// kept when the two agree or is empty in one of them, else both values joined with "; " (for the reviewer to settle).
    /// </summary>
    public async Task MergeRowAsync(Actor actor, int id, int version, int rowId, CancellationToken cancellationToken)
    {
        var plan = await LoadDraftAsync(actor, id, tracked: true, cancellationToken);
        await RequireVersionAsync(actor, plan, version, cancellationToken);
        var row = FindRow(plan, rowId);
        var ordered = plan.Tasks.OrderBy(t => t.Position).ToList();
        var index = ordered.IndexOf(row);
        if (index + 1 >= ordered.Count)
        {
            throw WorkflowException.Invalid(
                $"Nhiệm vụ {Label(row)} là dòng cuối cùng: không có dòng bên dưới để gộp.", $"row {rowId} is the last row of draft {id}");
        }

        var next = ordered[index + 1];
        var before = new[] { Snapshot(row), Snapshot(next) };
        var leadBefore = row.Lead;
        row.Content = string.Join(" ", new[] { row.Content.Trim(), next.Content.Trim() }.Where(c => c.Length > 0));
        row.Number = Joined(row.Number, next.Number, keepFirst: true);
        row.Lead = Joined(row.Lead, next.Lead);
        row.Coordinators = Joined(row.Coordinators, next.Coordinators);
        row.DeadlineRaw = Joined(row.DeadlineRaw, next.DeadlineRaw);
        row.Product = Joined(row.Product, next.Product);
        row.Evidence = Joined(row.Evidence, next.Evidence);
        row.Note = Joined(row.Note, next.Note);
        row.BudgetVnd = row.BudgetVnd is null && next.BudgetVnd is null ? null : (row.BudgetVnd ?? 0) + (next.BudgetVnd ?? 0);
        row.RawText = string.Join("\n", new[] { row.RawText, next.RawText }.Where(r => !string.IsNullOrEmpty(r))) is { Length: > 0 } raw ? raw : null;
        if (row.Lead != leadBefore)
        {
            row.LeadChoice = null;
        }

        states.Interpret(row, plan.IssuedOn?.Year);
        ordered.Remove(next);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        plan.Tasks.Remove(next);
        db.Tasks.Remove(next);
        await SaveOrConflictAsync(actor, id, cancellationToken);
        await RenumberAsync(ordered, actor, id, cancellationToken);
        plan.Version++;
        audit.Record(actor, AuditActions.DraftRowMerge, plan.Id, null, before, new { merged = Snapshot(row), plan.Version });
        await SaveOrConflictAsync(actor, id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task RequireVersionAsync(Actor actor, PlanEntity plan, int version, CancellationToken cancellationToken)
    {
        if (plan.Version != version)
        {
            db.ChangeTracker.Clear();
            throw WorkflowException.Stale(await GetAsync(actor, plan.Id, cancellationToken));
        }
    }

    private static PlanTaskEntity FindRow(PlanEntity plan, int rowId) =>
        plan.Tasks.FirstOrDefault(t => t.Id == rowId)
        ?? throw WorkflowException.Invalid($"Dòng {rowId} không thuộc bản nháp này (có thể đã bị xóa hoặc gộp); hãy tải lại trang.", $"row {rowId} is not in draft {plan.Id}");

    /// <summary>Positions are unique per plan: the rows move out of the way first, then take 0, 1, 2… in their new order.</summary>
    private async Task RenumberAsync(IReadOnlyList<PlanTaskEntity> ordered, Actor actor, int id, CancellationToken cancellationToken)
    {
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Position = -1 - i;
        }

        await SaveOrConflictAsync(actor, id, cancellationToken);
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Position = i;
        }

        await SaveOrConflictAsync(actor, id, cancellationToken);
    }

    private static string? Joined(string? first, string? second, bool keepFirst = false)
    {
        first = Clean(first);
        second = Clean(second);
        if (first is null || second is null)
        {
            return first ?? second;
        }

        return keepFirst || string.Equals(first, second, StringComparison.OrdinalIgnoreCase) ? first : first + "; " + second;
    }

    private static RowSnapshot Snapshot(PlanTaskEntity row) => new(
        row.Id, row.Position, row.SectionId, row.Number, row.Content, row.Lead, row.Coordinators, row.DeadlineRaw,
        row.Product, row.Evidence, row.BudgetVnd, row.Note, row.RawText);

    private sealed record RowSnapshot(
        int Row, int Position, string? SectionId, string? Number, string Content, string? Lead, string? Coordinators, string? DeadlineRaw,
        string? Product, string? Evidence, long? BudgetVnd, string? Note, string? RawText);
}
