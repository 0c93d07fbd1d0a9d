using DonDoc.Core.Access;
using DonDoc.Core.Agencies;
using DonDoc.Data.Agencies;
using DonDoc.Data.Storage;
using DonDoc.Tracking.Auditing;
using DonDoc.Tracking.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Tracking.Agencies;

/// <summary>The administrator's edits of the agency directory, each recorded in the audit trail with the change it made.</summary>
public sealed class DirectoryAdministration(DonDocDbContext db, AgencyDirectoryStore store, AuditLog audit)
{
    public async Task CreateAgencyAsync(Actor actor, string? name, AgencyKind kind, IReadOnlyList<string> aliases, CancellationToken cancellationToken)
    {
        RequireAdministrator(actor);
        var clean = AgencyDirectoryStore.CleanName(name ?? "");
        if (clean.Length == 0)
        {
            throw WorkflowException.Invalid("Tên cơ quan không được để trống.", "agency without a name");
        }

        if (await db.Agencies.AnyAsync(a => a.Name == clean, cancellationToken))
        {
            throw new DirectoryConflictException($"đã có cơ quan tên \"{clean}\"", $"agency {clean} exists");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await store.UpsertAsync([new Agency(clean, kind) { Aliases = aliases }], cancellationToken);
        var id = await db.Agencies.Where(a => a.Name == clean).Select(a => a.Id).FirstAsync(cancellationToken);
        audit.RecordAbout(actor, AuditActions.AgencyCreate, AuditActions.Agency(id), null, new { name = clean, kind = kind.ToString(), aliases });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task UpdateAgencyAsync(Actor actor, int id, string? name, AgencyKind kind, IReadOnlyList<string> aliases, int? parentId, bool retired, CancellationToken cancellationToken)
    {
        RequireAdministrator(actor);
        var before = await db.Agencies.AsNoTracking().Include(a => a.Aliases).FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw WorkflowException.NotFound($"agency {id}");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await store.UpdateAsync(id, name ?? "", kind, aliases, parentId, retired, cancellationToken);
        audit.RecordAbout(actor, AuditActions.AgencyUpdate, AuditActions.Agency(id),
            new { name = before.Name, kind = before.Kind.ToString(), aliases = before.Aliases.Select(a => a.Alias).ToList(), parentId = before.ParentId, retired = before.Retired },
            new { name = AgencyDirectoryStore.CleanName(name ?? ""), kind = kind.ToString(), aliases, parentId, retired });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task SaveGroupAsync(Actor actor, AgencyGroup group, CancellationToken cancellationToken)
    {
        RequireAdministrator(actor);
        var name = AgencyDirectoryStore.CleanName(group.Name);
        var before = await db.AgencyGroups.AsNoTracking().FirstOrDefaultAsync(g => g.Name == name, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await store.SaveGroupAsync(group, cancellationToken);
        audit.RecordAbout(actor, AuditActions.AgencyGroup, AuditActions.Group(name),
            before is null ? null : new { aliases = before.Aliases, kinds = before.MemberKinds, members = before.MemberNames },
            new { aliases = group.Aliases, kinds = group.MemberKinds.Select(k => k.ToString()).ToList(), members = group.MemberNames });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static void RequireAdministrator(Actor actor)
    {
        if (!actor.IsAdministrator)
        {
            throw WorkflowException.Forbidden("Chỉ quản trị hệ thống mới sửa được danh mục cơ quan.", $"user {actor.UserId} is not an administrator");
        }
    }
}
