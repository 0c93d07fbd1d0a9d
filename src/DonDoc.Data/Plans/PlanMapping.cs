using DonDoc.Core.Deadlines;
using DonDoc.Core.Plans;

namespace DonDoc.Data.Plans;

/// <summary>Between Core's <see cref="Plan"/> and the stored form.</summary>
public static class PlanMapping
{
    public static PlanEntity ToEntity(this Plan plan, DateTimeOffset createdAt) => new()
    {
        Number = plan.Number,
        Issuer = plan.Issuer,
        IssuedOn = plan.IssuedOn,
        Title = plan.Title,
        SourceFile = plan.SourceFile,
        CreatedAt = createdAt,
        Tasks = plan.Tasks.Select((task, position) => new PlanTaskEntity
        {
            Position = position,
            SectionId = task.Section?.Id,
            SectionTitle = task.Section?.Title,
            Number = task.Number,
            Content = task.Content,
            Lead = task.Lead,
            Coordinators = task.Coordinators,
            DeadlineRaw = task.Deadline.Raw,
            DeadlineKind = task.Deadline.Kind.ToSchemaName(),
            DeadlineDue = task.Deadline.Due,
            DeadlineDetail = task.Deadline.Detail,
            Product = task.Product,
            Evidence = task.Evidence,
            BudgetVnd = task.BudgetVnd,
            Note = task.Note,
            RawText = task.RawText,
        }).ToList(),
    };

    /// <summary>The plan back in Core's form; deadlines are interpreted again from their raw text.</summary>
    public static Plan ToPlan(this PlanEntity entity, DeadlineParser parser) => new()
    {
        Number = entity.Number,
        Issuer = entity.Issuer,
        IssuedOn = entity.IssuedOn,
        Title = entity.Title,
        SourceFile = entity.SourceFile,
        Tasks = entity.Tasks.OrderBy(t => t.Position).Select(t => t.ToTask(parser, entity.IssuedOn?.Year)).ToList(),
    };

    public static PlanTask ToTask(this PlanTaskEntity task, DeadlineParser parser, int? planYear) => new()
    {
        Section = task.SectionId is null && task.SectionTitle is null ? null : new Section(task.SectionId, task.SectionTitle),
        Number = task.Number,
        Content = task.Content,
        Lead = task.Lead,
        Coordinators = task.Coordinators,
        Deadline = parser.Parse(task.DeadlineRaw, planYear),
        Product = task.Product,
        Evidence = task.Evidence,
        BudgetVnd = task.BudgetVnd,
        Note = task.Note,
        RawText = task.RawText,
    };
}
