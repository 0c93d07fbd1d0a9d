using DonDoc.Core.Deadlines;
using DonDoc.Core.Plans;
using DonDoc.Data.Plans;
using DonDoc.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Data.Tests.Storage;

public sealed class DonDocDbContextTest
{
    private static readonly DeadlineParser Parser = new();

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrations_apply_to_an_empty_database_and_leave_nothing_pending(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();

        var applied = await DatabaseMigrator.MigrateAsync(services, CancellationToken.None);

        Assert.NotEmpty(applied);
        using var scope = services.CreateScope();
        var context = scope.ServiceProvider.GetRequiredService<DonDocDbContext>();
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await context.Plans.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrating_twice_applies_nothing_the_second_time(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var first = database.BuildServices())
        {
            await DatabaseMigrator.MigrateAsync(first, CancellationToken.None);
        }

        await using var second = database.BuildServices();
        Assert.Empty(await DatabaseMigrator.MigrateAsync(second, CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_saved_plan_reads_back_equal_after_a_restart(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var plan = SamplePlan();
        int id;
        await using (var services = database.BuildServices())
        {
            await DatabaseMigrator.MigrateAsync(services, CancellationToken.None);
            using var scope = services.CreateScope();
            var context = scope.ServiceProvider.GetRequiredService<DonDocDbContext>();
            var entity = plan.ToEntity(new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero));
            context.Plans.Add(entity);
            await context.SaveChangesAsync();
            id = entity.Id;
        }

        await using (var restarted = database.BuildServices())
        {
            using var scope = restarted.CreateScope();
            var context = scope.ServiceProvider.GetRequiredService<DonDocDbContext>();
            var stored = await context.Plans.Include(p => p.Tasks).SingleAsync(p => p.Id == id);
            var readBack = stored.ToPlan(Parser);

            Assert.Equal(plan with { Tasks = [] }, readBack with { Tasks = [] });
            Assert.Equal(plan.Tasks, readBack.Tasks);
            Assert.Equal("period_end", stored.Tasks.Single(t => t.Number == "2").DeadlineKind);
            Assert.Equal(new DateOnly(2026, 9, 30), stored.Tasks.Single(t => t.Number == "2").DeadlineDue);
        }
    }

    private static Plan SamplePlan() => new()
    {
        Number = "15-KH/ĐU",
        Issuer = "Đảng ủy Khối các cơ quan tỉnh",
        IssuedOn = new DateOnly(2026, 3, 2),
        Title = "Kế hoạch triển khai chuyển đổi số năm 2026",
        SourceFile = "ke-hoach-15.docx",
        Tasks =
        [
            new PlanTask
            {
                Section = new Section("I", "CÔNG TÁC TUYÊN TRUYỀN"),
                Number = "1",
                Content = "Xây dựng chuyên mục về chuyển đổi số trên cổng thông tin điện tử",
                Lead = "Văn phòng Đảng ủy",
                Coordinators = "Các chi bộ trực thuộc; Sở Khoa học và Công nghệ",
                Deadline = Parser.Parse("Chậm nhất ngày 15/4/2026", 2026),
                Product = "Chuyên mục được đăng tải",
                Evidence = "Đường dẫn chuyên mục",
                BudgetVnd = 25_000_000,
                Note = "Ưu tiên",
                RawText = "1\tXây dựng chuyên mục…\tVăn phòng Đảng ủy",
            },
            new PlanTask
            {
                Section = new Section("I", "CÔNG TÁC TUYÊN TRUYỀN"),
                Number = "2",
                Content = "Tập huấn kỹ năng số cho cán bộ",
                Lead = "Ban Tuyên giáo",
                Deadline = Parser.Parse("Quý III/2026", 2026),
            },
            new PlanTask
            {
                Section = new Section("II", "KIỂM TRA, GIÁM SÁT"),
                Number = null,
                Content = "Báo cáo định kỳ kết quả thực hiện",
                Lead = "Các chi bộ",
                Deadline = Parser.Parse("Ngày 20 hằng tháng", 2026),
            },
        ],
    };
}
