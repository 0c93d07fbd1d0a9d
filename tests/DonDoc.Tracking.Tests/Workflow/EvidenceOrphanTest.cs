using DonDoc.Data.Agencies;
using DonDoc.Data.Storage;
using DonDoc.Data.Tests.Storage;
using DonDoc.Data.Tracking;
using DonDoc.Tracking.Imports;
using DonDoc.Tracking.Tasks;
using DonDoc.Tracking.Tests.Hosting;
using DonDoc.Tracking.Workflow;
using DonDoc.Web.Tests.Tracking;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DonDoc.Tracking.Tests.Workflow;

/// <summary>An upload whose report is not stored (it lost a race at the last moment) leaves no file behind.</summary>
public sealed class EvidenceOrphanTest
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static readonly DateTimeOffset May2026 = new(2026, 5, 4, 2, 0, 0, TimeSpan.Zero); // 09:00 in Vietnam

    /// <summary>Loses every save that stores an evidence file, as a request does when another one changed the task first.</summary>
    private sealed class LosingTheRace : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (eventData.Context!.ChangeTracker.Entries<EvidenceFileEntity>().Any(e => e.State == EntityState.Added))
            {
                throw new DbUpdateConcurrencyException("another request changed the task first");
            }

            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_report_refused_at_saving_leaves_no_evidence_file(DatabaseProvider provider)
    {
        var interceptor = new LosingTheRace();
        await using var app = await TrackingServices.CreateAsync(provider, May2026, more: services =>
        {
            services.ConfigureDbContext<SqliteDonDocDbContext>(o => o.AddInterceptors(interceptor));
            services.ConfigureDbContext<PostgresDonDocDbContext>(o => o.AddInterceptors(interceptor));
        });
        var ct = CancellationToken.None;
        var content = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "ke-hoach-chuyen-doi-so.txt"), ct);
        var planId = await app.InScopeAsync(async s =>
        {
            var drafts = s.GetRequiredService<ImportDrafts>();
            var draft = await drafts.CreateAsync(TrackingServices.Office, "kh.txt", content, ct);
            await drafts.PublishAsync(TrackingServices.Office, draft, ct);
            return draft;
        });
        var noiVu = (await app.InScopeAsync(s => s.GetRequiredService<AgencyDirectoryStore>().FindAgencyIdAsync("Sở Nội vụ", ct)))!.Value;
        var officer = TrackingServices.Officer(noiVu);
        var task = (await app.InScopeAsync(s => s.GetRequiredService<TaskCatalog>().ListAsync(officer, new TaskFilter(PlanId: planId), new PageRequest(), ct))).Items.First(t => t.Number == "1");

        var refusal = await Assert.ThrowsAsync<WorkflowException>(() => app.InScopeAsync(s => s.GetRequiredService<TaskWorkflow>().PostProgressAsync(
            officer, task.Id, new ProgressInput(30, "Báo cáo thua cuộc đua"), [new UploadedFile("thua.pdf", Evidence.Pdf("thua cuoc"))], ct)));

        Assert.Equal(409, refusal.StatusCode);
        var left = Directory.Exists(app.EvidenceDirectory) ? Directory.EnumerateFiles(app.EvidenceDirectory, "*", SearchOption.AllDirectories).ToList() : [];
        Assert.Empty(left);
    }
}
