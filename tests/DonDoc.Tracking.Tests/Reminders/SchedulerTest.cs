using System.Collections.Concurrent;
using DonDoc.Data.Storage;
using DonDoc.Data.Tests.Storage;
using DonDoc.Tracking.Hosting;
using DonDoc.Tracking.Reminders;
using DonDoc.Tracking.Reminders.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using Quartz;
using Quartz.Extensibility;

namespace DonDoc.Tracking.Tests.Reminders;

/// <summary>Quartz.NET over DonDoc's own migrated database: its tables pass Quartz's schema check, and a cluster runs a firing once.</summary>
public sealed class SchedulerTest
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_scheduler_starts_on_the_migrated_tables_with_the_daily_job_at_07_30_Vietnam_time(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var instance = await SchedulerInstance.StartAsync(database, new ConcurrentBag<string>());

        var trigger = await instance.Scheduler.GetTrigger(new TriggerKey(SchedulerHeartbeat.DailyJob));
        var next = trigger!.NextFireTimeUtc!.Value.ToOffset(TimeSpan.FromHours(7));

        Assert.Equal(new TimeOnly(7, 30), TimeOnly.FromTimeSpan(next.TimeOfDay));
        Assert.NotNull(await instance.Scheduler.GetJobDetail(new JobKey(SchedulerHeartbeat.DispatchJob)));
        var metadata = await instance.Scheduler.GetMetadata();
        Assert.True(metadata.JobStorePersistent);
        Assert.Equal(provider == DatabaseProvider.Postgres, metadata.JobStoreClustered);
    }

    [Fact]
    public async Task Two_instances_clustered_on_PostgreSQL_run_a_firing_of_the_daily_job_exactly_once()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable)))
        {
            return; // needs DONDOC_TEST_POSTGRES, which CI sets
        }

        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var ran = new ConcurrentBag<string>();
        await using var first = await SchedulerInstance.StartAsync(database, ran);
        await using var second = await SchedulerInstance.StartAsync(database, ran);

        await first.Scheduler.TriggerJob(new JobKey(SchedulerHeartbeat.DailyJob));

        // Wait (without a deadline that a busy machine could miss) until the firing is done and no trigger of it is left to fire.
        while (ran.IsEmpty || await first.OneShotTriggersLeftAsync() > 0)
        {
            await Task.Delay(200);
        }

        Assert.Single(ran);
        Assert.NotEqual(await first.Scheduler.GetSchedulerInstanceId(), await second.Scheduler.GetSchedulerInstanceId());
        using var scope = first.Services.CreateScope();
        Assert.NotNull(await SchedulerHeartbeat.LastInClusterAsync(scope.ServiceProvider.GetRequiredService<DonDocDbContext>(), SchedulerHeartbeat.DailyJob, CancellationToken.None));
    }

    /// <summary>One app instance's services with its scheduler started, recording the jobs it ran.</summary>
    private sealed class SchedulerInstance : IAsyncDisposable
    {
        private SchedulerInstance(ServiceProvider services, IScheduler scheduler)
        {
            Services = services;
            Scheduler = scheduler;
        }

        public ServiceProvider Services { get; }

        public IScheduler Scheduler { get; }

        public static async Task<SchedulerInstance> StartAsync(TestDatabase database, ConcurrentBag<string> ran)
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = database.Provider.ToString(),
                ["ConnectionStrings:Default"] = database.ConnectionString,
            }).Build();
            var services = new ServiceCollection();
            services.AddLogging();
            // 10:00 in Vietnam, Quartz's clock too: the 07:30 run of the day is past, so only the firing by hand runs.
            services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 6, 25, 3, 0, 0, TimeSpan.Zero)));
            services.AddDonDocTracking(configuration);
            services.AddDonDocScheduler(configuration, quartz => quartz.AddJobListener(new RunRecorder(ran)));
            var provider = services.BuildServiceProvider();
            await DatabaseMigrator.MigrateAsync(provider, CancellationToken.None);
            var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler();
            await scheduler.Start();
            return new SchedulerInstance(provider, scheduler);
        }

        /// <summary>Triggers fired by hand (TriggerJob) that are still stored or firing.</summary>
        public async Task<int> OneShotTriggersLeftAsync()
        {
            using var scope = Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<DonDocDbContext>();
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT (SELECT COUNT(*) FROM qrtz_triggers WHERE job_name = '{SchedulerHeartbeat.DailyJob}' AND trigger_name <> '{SchedulerHeartbeat.DailyJob}') + (SELECT COUNT(*) FROM qrtz_fired_triggers)";
            return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        public async ValueTask DisposeAsync()
        {
            await Scheduler.Shutdown(true);
            await Services.DisposeAsync();
        }
    }

    private sealed class RunRecorder(ConcurrentBag<string> ran) : IJobListener
    {
        public string Name => nameof(RunRecorder);

        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobProgressChanged(IJobExecutionContext context, FireInstanceProgress progress, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
        {
            if (context.JobDetail.Key.Name == SchedulerHeartbeat.DailyJob)
            {
                ran.Add(context.Scheduler.SchedulerInstanceId + (jobException is null ? "" : " failed: " + jobException.Message));
            }

            return ValueTask.CompletedTask;
        }
    }
}
