using DonDoc.Data.Plans;
using DonDoc.Data.Storage;
using DonDoc.Data.Tests.Storage;
using DonDoc.Tracking.Imports;
using DonDoc.Tracking.Tests.Hosting;
using DonDoc.Tracking.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace DonDoc.Tracking.Tests.Imports;

/// <summary>
/// The import's time budget covers storing the plan as well as reading it: a plan whose rows take the
/// database past the budget is refused with the reason, and nothing of it is kept.
/// </summary>
public sealed class ImportBudgetTest
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static readonly DateTimeOffset March2026 = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero); // 09:00 in Vietnam

    /// <summary>A database that takes ten seconds of the app's clock to store a new plan.</summary>
    private sealed class SlowStorage : SaveChangesInterceptor
    {
        public FakeTimeProvider? Clock { get; set; }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (eventData.Context!.ChangeTracker.Entries<PlanEntity>().Any(e => e.State == EntityState.Added))
            {
                Clock!.Advance(TimeSpan.FromSeconds(10));
            }

            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_plan_whose_storing_runs_past_the_budget_is_refused_and_nothing_is_stored(DatabaseProvider provider)
    {
        var slow = new SlowStorage();
        await using var app = await TrackingServices.CreateAsync(provider, March2026, new Dictionary<string, string?> { ["Import:TimeBudgetSeconds"] = "8" }, services =>
        {
            services.ConfigureDbContext<SqliteDonDocDbContext>(o => o.AddInterceptors(slow));
            services.ConfigureDbContext<PostgresDonDocDbContext>(o => o.AddInterceptors(slow));
        });
        slow.Clock = app.Clock;
        var ct = CancellationToken.None;
        var content = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "ke-hoach-chuyen-doi-so.txt"), ct);

        var refusal = await Assert.ThrowsAsync<WorkflowException>(() => app.InScopeAsync(s => s.GetRequiredService<ImportDrafts>().CreateAsync(TrackingServices.Office, "kh.txt", content, ct)));

        Assert.Equal(400, refusal.StatusCode);
        Assert.Contains("quá nhiều thời gian để đọc và lưu (quá 8 giây)", refusal.Vietnamese, StringComparison.Ordinal);
        var stored = await app.InScopeAsync(async s => (await s.GetRequiredService<DonDocDbContext>().Plans.CountAsync(ct), await s.GetRequiredService<DonDocDbContext>().Tasks.CountAsync(ct)));
        Assert.Equal((0, 0), stored);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_plan_stored_within_the_budget_is_kept(DatabaseProvider provider)
    {
        await using var app = await TrackingServices.CreateAsync(provider, March2026);
        var ct = CancellationToken.None;
        var content = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "ke-hoach-chuyen-doi-so.txt"), ct);

        var draft = await app.InScopeAsync(s => s.GetRequiredService<ImportDrafts>().CreateAsync(TrackingServices.Office, "kh.txt", content, ct));

        Assert.True(await app.InScopeAsync(s => s.GetRequiredService<DonDocDbContext>().Tasks.AnyAsync(t => t.PlanId == draft, ct)));
    }
}
