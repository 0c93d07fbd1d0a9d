using DonDoc.Data.Agencies;
using DonDoc.Data.Plans;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Data.Storage;

/// <summary>
/// DonDoc's one DbContext. Each database provider has a subclass that owns its migrations
/// (<see cref="SqliteDonDocDbContext"/>, <see cref="PostgresDonDocDbContext"/>).
/// </summary>
public abstract class DonDocDbContext(DbContextOptions options) : IdentityDbContext<IdentityUser>(options)
{
    public DbSet<PlanEntity> Plans => Set<PlanEntity>();

    public DbSet<PlanTaskEntity> Tasks => Set<PlanTaskEntity>();

    public DbSet<AgencyEntity> Agencies => Set<AgencyEntity>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<PlanEntity>(plan =>
        {
            plan.ToTable("plans");
            plan.Property(p => p.Number).HasMaxLength(100);
            plan.Property(p => p.Issuer).HasMaxLength(500);
            plan.Property(p => p.Title).HasMaxLength(2000);
            plan.Property(p => p.SourceFile).HasMaxLength(500);
            plan.Property(p => p.State).HasConversion<string>().HasMaxLength(20);
            plan.HasMany(p => p.Tasks).WithOne(t => t.Plan).HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Cascade);
            plan.HasIndex(p => p.State);
        });

        builder.Entity<PlanTaskEntity>(task =>
        {
            task.ToTable("plan_tasks");
            task.Property(t => t.SectionId).HasMaxLength(50);
            task.Property(t => t.Number).HasMaxLength(50);
            task.Property(t => t.DeadlineKind).HasMaxLength(20);
            task.HasIndex(t => new { t.PlanId, t.Position }).IsUnique();
            task.HasIndex(t => t.DeadlineDue);
        });

        builder.Entity<AgencyEntity>(agency =>
        {
            agency.ToTable("agencies");
            agency.Property(a => a.Name).HasMaxLength(300);
            agency.Property(a => a.Kind).HasConversion<string>().HasMaxLength(40);
            agency.HasIndex(a => a.Name).IsUnique();
            agency.HasOne(a => a.Parent).WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}

/// <summary>The SQLite flavour: the embedded default.</summary>
public sealed class SqliteDonDocDbContext(DbContextOptions<SqliteDonDocDbContext> options) : DonDocDbContext(options);

/// <summary>The PostgreSQL flavour.</summary>
public sealed class PostgresDonDocDbContext(DbContextOptions<PostgresDonDocDbContext> options) : DonDocDbContext(options);
