using DonDoc.Data.Accounts;
using DonDoc.Data.Agencies;
using DonDoc.Data.Auditing;
using DonDoc.Data.Calendar;
using DonDoc.Data.Plans;
using DonDoc.Data.Reminders;
using DonDoc.Data.Tracking;
using DonDoc.Data.Webhooks;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Data.Storage;

/// <summary>
/// DonDoc's one DbContext. Each database provider has a subclass that owns its migrations
/// (<see cref="SqliteDonDocDbContext"/>, <see cref="PostgresDonDocDbContext"/>).
/// </summary>
public abstract class DonDocDbContext(DbContextOptions options) : IdentityDbContext<DonDocUser>(options)
{
    public DbSet<PlanEntity> Plans => Set<PlanEntity>();

    public DbSet<PlanTaskEntity> Tasks => Set<PlanTaskEntity>();

    public DbSet<TaskAssignmentEntity> Assignments => Set<TaskAssignmentEntity>();

    public DbSet<AgencyEntity> Agencies => Set<AgencyEntity>();

    public DbSet<AgencyAliasEntity> AgencyAliases => Set<AgencyAliasEntity>();

    public DbSet<AgencyGroupEntity> AgencyGroups => Set<AgencyGroupEntity>();

    public DbSet<ProgressReportEntity> Reports => Set<ProgressReportEntity>();

    public DbSet<EvidenceFileEntity> EvidenceFiles => Set<EvidenceFileEntity>();

    public DbSet<ChecklistItemEntity> ChecklistItems => Set<ChecklistItemEntity>();

    public DbSet<ExtensionRequestEntity> Extensions => Set<ExtensionRequestEntity>();

    public DbSet<RecordedEventEntity> Events => Set<RecordedEventEntity>();

    public DbSet<AuditEntryEntity> AuditEntries => Set<AuditEntryEntity>();

    public DbSet<AnnouncedDayEntity> AnnouncedDays => Set<AnnouncedDayEntity>();

    public DbSet<NotificationEntity> Notifications => Set<NotificationEntity>();

    public DbSet<ReminderRuleSetEntity> ReminderRules => Set<ReminderRuleSetEntity>();

    public DbSet<NotificationProfileEntity> NotificationProfiles => Set<NotificationProfileEntity>();

    public DbSet<NotificationOptOutEntity> NotificationOptOuts => Set<NotificationOptOutEntity>();

    public DbSet<SchedulerValueEntity> SchedulerValues => Set<SchedulerValueEntity>();

    public DbSet<ApiKeyEntity> ApiKeys => Set<ApiKeyEntity>();

    public DbSet<IdempotencyRecordEntity> IdempotencyRecords => Set<IdempotencyRecordEntity>();

    public DbSet<PasswordResetTokenEntity> PasswordResetTokens => Set<PasswordResetTokenEntity>();

    public DbSet<WebhookSubscriptionEntity> WebhookSubscriptions => Set<WebhookSubscriptionEntity>();

    public DbSet<WebhookDeliveryEntity> WebhookDeliveries => Set<WebhookDeliveryEntity>();

    public DbSet<ReportCycleEntity> ReportCycles => Set<ReportCycleEntity>();

    public DbSet<PeriodReportEntity> PeriodReports => Set<PeriodReportEntity>();

    public DbSet<PeriodReportItemEntity> PeriodReportItems => Set<PeriodReportItemEntity>();

    public DbSet<PeriodNarrativeEntity> PeriodNarratives => Set<PeriodNarrativeEntity>();

    /// <summary>
    /// The audit log is append-only: a change or removal of an entry is refused before it reaches the database.
    /// Every plan whose tasks changed has its <see cref="PlanEntity.TaskRevision"/> raised by the same save
    /// (in the caller's transaction when there is one, and never before the change itself).
    /// Every text is checked against its column (<see cref="StoredTextRules"/>) the same way on every database.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseAuditChanges();
        StoredTextRules.Apply(ChangeTracker);
        var plans = PlansWithChangedTasks();
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await TouchPlansAsync(plans, cancellationToken);
        return saved;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseAuditChanges();
        StoredTextRules.Apply(ChangeTracker);
        var plans = PlansWithChangedTasks();
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        if (plans.Count > 0)
        {
            Plans.Where(p => plans.Contains(p.Id)).ExecuteUpdate(s => s.SetProperty(p => p.TaskRevision, p => p.TaskRevision + 1));
        }

        return saved;
    }

    /// <summary>Raises the task revision of plans whose tasks were changed without the change tracker (bulk updates).</summary>
    public async Task TouchPlansAsync(IReadOnlyCollection<int> planIds, CancellationToken cancellationToken)
    {
        if (planIds.Count > 0)
        {
            await Plans.Where(p => planIds.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.TaskRevision, p => p.TaskRevision + 1), cancellationToken);
        }
    }

    private List<int> PlansWithChangedTasks() => ChangeTracker.Entries<PlanTaskEntity>()
        .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
        .Select(e => e.Entity.PlanId)
        .Where(id => id > 0)
        .Distinct()
        .ToList();

    private void RefuseAuditChanges()
    {
        if (ChangeTracker.Entries<AuditEntryEntity>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The audit log is append-only: entries cannot be changed or deleted.");
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<DonDocUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(200);
            user.HasOne(u => u.Agency).WithMany().HasForeignKey(u => u.AgencyId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<AnnouncedDayEntity>(day =>
        {
            day.ToTable("announced_days");
            day.Property(d => d.Kind).HasConversion<string>().HasMaxLength(10);
            day.Property(d => d.Name).HasMaxLength(300);
            day.Property(d => d.Source).HasMaxLength(500);
            day.Property(d => d.CreatedBy).HasMaxLength(450);
            day.HasIndex(d => d.From);
        });

        builder.Entity<WebhookSubscriptionEntity>(hook =>
        {
            hook.ToTable("webhook_subscriptions");
            hook.Property(h => h.Name).HasMaxLength(200);
            hook.Property(h => h.Url).HasMaxLength(2000);
            hook.Property(h => h.Events).HasMaxLength(500);
            hook.Property(h => h.Secret).HasMaxLength(100);
            hook.Property(h => h.CreatedBy).HasMaxLength(200);
        });

        builder.Entity<WebhookDeliveryEntity>(delivery =>
        {
            delivery.ToTable("webhook_deliveries");
            delivery.Property(d => d.DeliveryId).HasMaxLength(40);
            delivery.Property(d => d.Event).HasMaxLength(60);
            delivery.Property(d => d.DedupeKey).HasMaxLength(120);
            delivery.Property(d => d.LastError).HasMaxLength(2000);
            delivery.Property(d => d.LeaseOwner).HasMaxLength(100);
            delivery.Property(d => d.State).HasConversion<string>().HasMaxLength(20);
            delivery.HasOne(d => d.Subscription).WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
            // An event is delivered once to each subscription, however often it is computed.
            delivery.HasIndex(d => new { d.SubscriptionId, d.DedupeKey }).IsUnique();
            delivery.HasIndex(d => d.DeliveryId).IsUnique();
            delivery.HasIndex(d => new { d.State, d.NextAttemptAt });
            delivery.HasIndex(d => new { d.SubscriptionId, d.TaskId });
        });

        builder.Entity<ApiKeyEntity>(key =>
        {
            key.ToTable("api_keys");
            key.Property(k => k.Name).HasMaxLength(200);
            key.Property(k => k.Prefix).HasMaxLength(16);
            key.Property(k => k.SecretHash).HasMaxLength(64);
            key.Property(k => k.CreatedBy).HasMaxLength(200);
            key.HasIndex(k => k.Prefix).IsUnique();
            key.HasOne(k => k.Agency).WithMany().HasForeignKey(k => k.AgencyId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<PasswordResetTokenEntity>(token =>
        {
            token.ToTable("password_reset_tokens");
            token.Property(t => t.UserId).HasMaxLength(450);
            token.Property(t => t.TokenHash).HasMaxLength(64);
            token.HasIndex(t => t.TokenHash).IsUnique();
            token.HasIndex(t => new { t.UserId, t.CreatedAt });
            token.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<IdempotencyRecordEntity>(record =>
        {
            record.ToTable("idempotency_records");
            record.Property(r => r.Account).HasMaxLength(100);
            record.Property(r => r.Key).HasMaxLength(200);
            record.Property(r => r.Fingerprint).HasMaxLength(64);
            record.Property(r => r.ContentType).HasMaxLength(200);
            record.Property(r => r.Location).HasMaxLength(500);
            record.HasIndex(r => new { r.Account, r.Key }).IsUnique();
            record.HasIndex(r => r.ExpiresAt);
        });

        builder.Entity<PlanEntity>(plan =>
        {
            plan.ToTable("plans");
            plan.Property(p => p.Number).HasMaxLength(100);
            plan.Property(p => p.Issuer).HasMaxLength(500);
            plan.Property(p => p.Title).HasMaxLength(2000);
            plan.Property(p => p.SourceFile).HasMaxLength(500);
            plan.Property(p => p.SourceSha256).HasMaxLength(64);
            plan.Property(p => p.OwnerId).HasMaxLength(450);
            plan.Property(p => p.State).HasConversion<string>().HasMaxLength(20);
            plan.Property(p => p.Version).IsConcurrencyToken();
            plan.HasMany(p => p.Tasks).WithOne(t => t.Plan).HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Cascade);
            plan.HasIndex(p => p.State);
        });

        builder.Entity<PlanTaskEntity>(task =>
        {
            task.ToTable("plan_tasks");
            task.Property(t => t.SectionId).HasMaxLength(50);
            task.Property(t => t.Number).HasMaxLength(50);
            task.Property(t => t.DeadlineKind).HasMaxLength(20);
            task.Property(t => t.LeadChoice).HasMaxLength(40);
            task.Property(t => t.Completion).HasConversion<string>().HasMaxLength(20);
            task.Property(t => t.Version).IsConcurrencyToken();
            task.Property(t => t.WaitingFor).HasMaxLength(500);
            task.Property(t => t.DueKey).HasDefaultValue(DateOnly.MaxValue);
            task.HasIndex(t => new { t.PlanId, t.Position }).IsUnique();
            // Every list is keyset-paged by (DueKey, Id): one index per way in (all, by plan, by lead agency, by status).
            task.HasIndex(t => new { t.DueKey, t.Id });
            task.HasIndex(t => new { t.PlanId, t.DueKey, t.Id });
            task.HasIndex(t => new { t.LeadAgencyId, t.DueKey, t.Id });
            task.HasIndex(t => new { t.Phase, t.DueKey, t.Id });
            task.HasMany(t => t.Assignments).WithOne(a => a.Task).HasForeignKey(a => a.TaskId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<TaskAssignmentEntity>(assignment =>
        {
            assignment.ToTable("task_assignments");
            assignment.Property(a => a.Role).HasConversion<string>().HasMaxLength(20);
            assignment.Property(a => a.Note).HasMaxLength(1000);
            assignment.HasOne(a => a.Agency).WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);
            assignment.HasIndex(a => new { a.TaskId, a.AgencyId }).IsUnique();
            assignment.HasIndex(a => new { a.AgencyId, a.Role });
        });

        builder.Entity<AgencyEntity>(agency =>
        {
            agency.ToTable("agencies");
            agency.Property(a => a.Name).HasMaxLength(300);
            agency.Property(a => a.Kind).HasConversion<string>().HasMaxLength(40);
            agency.HasIndex(a => a.Name).IsUnique();
            agency.Property(a => a.Province).HasMaxLength(100);
            agency.HasIndex(a => a.Province);
            agency.HasOne(a => a.Parent).WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
            agency.HasMany(a => a.Aliases).WithOne().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Cascade);
            agency.Property(a => a.FocalUserId).HasMaxLength(450);
            agency.Property(a => a.LeaderUserId).HasMaxLength(450);
        });

        builder.Entity<AgencyAliasEntity>(alias =>
        {
            alias.ToTable("agency_aliases");
            alias.Property(a => a.Alias).HasMaxLength(300);
            alias.Property(a => a.Key).HasMaxLength(300);
            alias.Property(a => a.Scope).HasMaxLength(100);
            alias.HasIndex(a => new { a.Scope, a.Key }).IsUnique();
        });

        builder.Entity<AgencyGroupEntity>(group =>
        {
            group.ToTable("agency_groups");
            group.Property(g => g.Name).HasMaxLength(300);
            group.HasIndex(g => g.Name).IsUnique();
        });

        builder.Entity<ProgressReportEntity>(report =>
        {
            report.ToTable("progress_reports");
            report.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
            report.Property(r => r.AuthorId).HasMaxLength(450);
            report.Property(r => r.AuthorName).HasMaxLength(256);
            report.Property(r => r.Period).HasMaxLength(100);
            report.HasIndex(r => new { r.TaskId, r.CreatedAt });
            report.HasMany(r => r.Files).WithOne().HasForeignKey(f => f.ReportId).OnDelete(DeleteBehavior.Restrict);
            report.HasOne<PlanTaskEntity>().WithMany().HasForeignKey(r => r.TaskId).OnDelete(DeleteBehavior.Cascade);
            report.HasOne<AgencyEntity>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<EvidenceFileEntity>(file =>
        {
            file.ToTable("evidence_files");
            file.Property(f => f.FileName).HasMaxLength(260);
            file.Property(f => f.FileType).HasMaxLength(10);
            file.Property(f => f.ContentType).HasMaxLength(100);
            file.Property(f => f.Sha256).HasMaxLength(64);
            file.Property(f => f.UploadedBy).HasMaxLength(256);
            file.HasIndex(f => f.TaskId);
            file.HasIndex(f => f.Sha256);
            file.HasOne<PlanTaskEntity>().WithMany().HasForeignKey(f => f.TaskId).OnDelete(DeleteBehavior.Cascade);
            file.HasOne<ChecklistItemEntity>().WithMany().HasForeignKey(f => f.ChecklistItemId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<ChecklistItemEntity>(item =>
        {
            item.ToTable("checklist_items");
            item.Property(i => i.DoneBy).HasMaxLength(256);
            item.HasIndex(i => new { i.TaskId, i.Position }).IsUnique();
            item.HasOne<PlanTaskEntity>().WithMany().HasForeignKey(i => i.TaskId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ReportCycleEntity>(cycle =>
        {
            cycle.ToTable("report_cycles");
            cycle.Property(c => c.Length).HasMaxLength(20);
            cycle.Property(c => c.FirstPeriod).HasMaxLength(10);
            cycle.Property(c => c.Source).HasMaxLength(500);
            cycle.Property(c => c.RatingFormula).HasMaxLength(200);
            cycle.Property(c => c.UpdatedBy).HasMaxLength(256);
            cycle.Property(c => c.Version).IsConcurrencyToken();
            cycle.HasIndex(c => c.PlanId).IsUnique();
            cycle.HasOne<PlanEntity>().WithMany().HasForeignKey(c => c.PlanId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<PeriodReportEntity>(report =>
        {
            report.ToTable("period_reports");
            report.Property(r => r.Period).HasMaxLength(10);
            report.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
            report.Property(r => r.SubmittedById).HasMaxLength(450);
            report.Property(r => r.SubmittedBy).HasMaxLength(256);
            report.Property(r => r.Results).HasMaxLength(20000);
            report.Property(r => r.Shortcomings).HasMaxLength(20000);
            report.Property(r => r.NextTasks).HasMaxLength(20000);
            report.Property(r => r.Proposals).HasMaxLength(20000);
            report.Property(r => r.ReturnReason).HasMaxLength(2000);
            report.Property(r => r.DecidedBy).HasMaxLength(256);
            report.Property(r => r.Version).IsConcurrencyToken();
            // One report per agency and period of a plan.
            report.HasIndex(r => new { r.PlanId, r.Period, r.AgencyId }).IsUnique();
            report.HasIndex(r => new { r.AgencyId, r.Period });
            report.HasOne<PlanEntity>().WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Cascade);
            report.HasOne<AgencyEntity>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
            report.HasMany(r => r.Items).WithOne().HasForeignKey(i => i.ReportId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<PeriodReportItemEntity>(item =>
        {
            item.ToTable("period_report_items");
            item.HasIndex(i => new { i.ReportId, i.TaskId });
            item.HasIndex(i => i.TaskId);
            item.HasOne<PlanTaskEntity>().WithMany().HasForeignKey(i => i.TaskId).OnDelete(DeleteBehavior.Cascade);
            item.HasOne<ProgressReportEntity>().WithMany().HasForeignKey(i => i.ProgressReportId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<PeriodNarrativeEntity>(narrative =>
        {
            narrative.ToTable("period_narratives");
            narrative.Property(n => n.Period).HasMaxLength(10);
            narrative.Property(n => n.Results).HasMaxLength(40000);
            narrative.Property(n => n.Shortcomings).HasMaxLength(40000);
            narrative.Property(n => n.NextTasks).HasMaxLength(40000);
            narrative.Property(n => n.Proposals).HasMaxLength(40000);
            narrative.Property(n => n.UpdatedBy).HasMaxLength(256);
            narrative.HasIndex(n => new { n.PlanId, n.Period }).IsUnique();
            narrative.HasOne<PlanEntity>().WithMany().HasForeignKey(n => n.PlanId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ExtensionRequestEntity>(extension =>
        {
            extension.ToTable("extension_requests");
            extension.Property(e => e.State).HasConversion<string>().HasMaxLength(20);
            extension.Property(e => e.RequestedBy).HasMaxLength(256);
            extension.Property(e => e.DecidedBy).HasMaxLength(256);
            extension.HasIndex(e => new { e.TaskId, e.State });
            extension.HasOne<PlanTaskEntity>().WithMany().HasForeignKey(e => e.TaskId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<RecordedEventEntity>(recorded =>
        {
            recorded.ToTable("recorded_events");
            recorded.Property(e => e.Name).HasMaxLength(500);
            recorded.Property(e => e.DocumentNumber).HasMaxLength(100);
            recorded.Property(e => e.RecordedBy).HasMaxLength(256);
            recorded.HasOne<PlanEntity>().WithMany().HasForeignKey(e => e.PlanId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<AuditEntryEntity>(entry =>
        {
            entry.ToTable("audit_entries");
            entry.Property(e => e.UserId).HasMaxLength(450);
            entry.Property(e => e.UserName).HasMaxLength(256);
            entry.Property(e => e.Action).HasMaxLength(50);
            entry.Property(e => e.Subject).HasMaxLength(200);
            entry.HasIndex(e => e.Subject);
            entry.HasIndex(e => e.TaskId);
            entry.HasIndex(e => e.PlanId);
        });

        builder.Entity<NotificationEntity>(notice =>
        {
            notice.ToTable("notifications");
            notice.Property(n => n.Rule).HasMaxLength(40);
            notice.Property(n => n.Subject).HasMaxLength(120);
            notice.Property(n => n.Occasion).HasMaxLength(60);
            notice.Property(n => n.RecipientId).HasMaxLength(450);
            notice.Property(n => n.Channel).HasMaxLength(20);
            notice.Property(n => n.Message).HasMaxLength(4000);
            notice.Property(n => n.SenderName).HasMaxLength(256);
            notice.Property(n => n.LastError).HasMaxLength(2000);
            notice.Property(n => n.LeaseOwner).HasMaxLength(100);
            notice.Property(n => n.State).HasConversion<string>().HasMaxLength(20);
            // The outbox key: a notice exists once, whoever computes it and however often.
            notice.HasIndex(n => new { n.Rule, n.Subject, n.Occasion, n.OnDate, n.RecipientId, n.Channel }).IsUnique();
            notice.HasIndex(n => new { n.Channel, n.State, n.NextAttemptAt });
            notice.HasIndex(n => new { n.RecipientId, n.Channel, n.ReadAt });
            notice.HasIndex(n => n.TaskId);
        });

        builder.Entity<ReminderRuleSetEntity>(rules =>
        {
            rules.ToTable("reminder_rules");
            rules.Property(r => r.Scope).HasMaxLength(40);
            rules.Property(r => r.BeforeDays).HasMaxLength(100);
            rules.Property(r => r.ReportBeforeDays).HasMaxLength(100);
            rules.Property(r => r.UpdatedBy).HasMaxLength(256);
            rules.HasIndex(r => r.Scope).IsUnique();
            rules.HasOne<PlanEntity>().WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<NotificationProfileEntity>(profile =>
        {
            profile.ToTable("notification_profiles");
            profile.HasKey(p => p.UserId);
            profile.Property(p => p.UserId).HasMaxLength(450);
            profile.Property(p => p.TelegramUser).HasMaxLength(200);
            profile.Property(p => p.TelegramCode).HasMaxLength(20);
            profile.Property(p => p.CalendarToken).HasMaxLength(64);
            profile.Property(p => p.UnsubscribeToken).HasMaxLength(64);
            profile.HasIndex(p => p.CalendarToken).IsUnique();
            profile.HasIndex(p => p.UnsubscribeToken).IsUnique();
            profile.HasIndex(p => p.TelegramCode);
            profile.HasOne<DonDocUser>().WithOne().HasForeignKey<NotificationProfileEntity>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<NotificationOptOutEntity>(optOut =>
        {
            optOut.ToTable("notification_opt_outs");
            optOut.HasKey(o => new { o.UserId, o.Rule, o.Channel });
            optOut.Property(o => o.UserId).HasMaxLength(450);
            optOut.Property(o => o.Rule).HasMaxLength(40);
            optOut.Property(o => o.Channel).HasMaxLength(20);
            optOut.HasOne<DonDocUser>().WithMany().HasForeignKey(o => o.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<SchedulerValueEntity>(value =>
        {
            value.ToTable("scheduler_values");
            value.HasKey(v => v.Key);
            value.Property(v => v.Key).HasMaxLength(100);
            value.Property(v => v.Value).HasMaxLength(2000);
        });
    }
}

/// <summary>The SQLite flavour: the embedded default.</summary>
public sealed class SqliteDonDocDbContext(DbContextOptions<SqliteDonDocDbContext> options) : DonDocDbContext(options);

/// <summary>The PostgreSQL flavour.</summary>
public sealed class PostgresDonDocDbContext(DbContextOptions<PostgresDonDocDbContext> options) : DonDocDbContext(options);
