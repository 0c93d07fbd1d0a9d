using DonDoc.Core.Agencies;
using DonDoc.Data.Agencies;
using DonDoc.Data.Auditing;
using DonDoc.Data.Storage;
using DonDoc.Data.Tests.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Data.Tests.Agencies;

public sealed class AgencyDirectoryStoreTest
{
    /// <summary>A migrated test database, its services and one context; disposed together.</summary>
    private sealed class Migrated : IAsyncDisposable
    {
        private readonly TestDatabase _database;
        private readonly IServiceScope _scope;

        private Migrated(TestDatabase database, ServiceProvider services)
        {
            _database = database;
            Services = services;
            _scope = services.CreateScope();
        }

        public ServiceProvider Services { get; }

        public DonDocDbContext Db => _scope.ServiceProvider.GetRequiredService<DonDocDbContext>();

        public static async Task<Migrated> CreateAsync(DatabaseProvider provider)
        {
            var database = await TestDatabase.CreateAsync(provider);
            var services = database.BuildServices();
            await DatabaseMigrator.MigrateAsync(services, CancellationToken.None);
            return new Migrated(database, services);
        }

        public async ValueTask DisposeAsync()
        {
            _scope.Dispose();
            await Services.DisposeAsync();
            await _database.DisposeAsync();
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_default_directory_is_copied_in_once_with_its_groups(DatabaseProvider provider)
    {
        await using var migrated = await Migrated.CreateAsync(provider);
        var db = migrated.Db;
        var store = new AgencyDirectoryStore(db);

        var first = await store.SeedDefaultAsync(CancellationToken.None);
        var second = await store.SeedDefaultAsync(CancellationToken.None);

        Assert.Equal(AgencyDirectory.Default.Agencies.Count + AgencyDirectory.Default.Groups.Count, first);
        Assert.Equal(0, second);
        Assert.Equal(AgencyDirectory.Default.Groups.Count, await db.AgencyGroups.CountAsync());
        var directory = await store.LoadAsync(CancellationToken.None);
        Assert.Contains(directory.Members("Các sở, ban, ngành"), a => a.Name == "Sở Nội vụ");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_alias_names_one_agency_only_whatever_its_case_and_diacritics(DatabaseProvider provider)
    {
        await using var migrated = await Migrated.CreateAsync(provider);
        await new AgencyDirectoryStore(migrated.Db).UpsertAsync([new Agency("Trung tâm Phục vụ hành chính công", AgencyKind.PublicServiceUnit) { Aliases = ["TT PVHCC"] }], CancellationToken.None);

        // A second context, as a second request would have.
        using var second = migrated.Services.CreateScope();
        var db = second.ServiceProvider.GetRequiredService<DonDocDbContext>();
        var conflict = await Assert.ThrowsAsync<DirectoryConflictException>(() =>
            new AgencyDirectoryStore(db).UpsertAsync([new Agency("Sở Nội vụ", AgencyKind.Department) { Aliases = ["tt pvhcc"] }], CancellationToken.None));
        // The database refuses it too, not only the store.
        db.ChangeTracker.Clear();
        var agency = await db.Agencies.FirstAsync(a => a.Name == "Trung tâm Phục vụ hành chính công");
        db.AgencyAliases.Add(new AgencyAliasEntity { AgencyId = agency.Id, Alias = "TT PVHCC (2)", Key = AgencyDirectoryStore.AliasKey("TT PVHCC") });
        var duplicate = await Record.ExceptionAsync(() => db.SaveChangesAsync());

        Assert.Contains("Trung tâm Phục vụ hành chính công", conflict.Vietnamese, StringComparison.Ordinal);
        Assert.IsType<DbUpdateException>(duplicate);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_administrators_edit_replaces_the_aliases_and_a_group_is_stored(DatabaseProvider provider)
    {
        await using var migrated = await Migrated.CreateAsync(provider);
        var db = migrated.Db;
        var store = new AgencyDirectoryStore(db);
        await store.UpsertAsync([new Agency("Ban Quản lý dự án tỉnh", AgencyKind.PublicServiceUnit) { Aliases = ["BQLDA", "Ban QLDA"] }], CancellationToken.None);
        var id = await db.Agencies.Where(a => a.Name == "Ban Quản lý dự án tỉnh").Select(a => a.Id).SingleAsync();

        await store.UpdateAsync(id, "Ban Quản lý dự án đầu tư xây dựng tỉnh", AgencyKind.PublicServiceUnit, ["Ban QLDA", "BQL dự án"], null, false, CancellationToken.None);
        await store.SaveGroupAsync(new AgencyGroup("Các ban quản lý dự án") { MemberNames = ["Ban Quản lý dự án đầu tư xây dựng tỉnh"] }, CancellationToken.None);
        var directory = await store.LoadAsync(CancellationToken.None);

        Assert.Equal("Ban Quản lý dự án đầu tư xây dựng tỉnh", directory.Resolve("BQL dự án").Single().Name);
        Assert.Equal(AgencyMatchKind.Unknown, directory.Resolve("BQLDA").Single().Kind);
        Assert.Equal("Ban Quản lý dự án đầu tư xây dựng tỉnh", directory.Members("Các ban quản lý dự án").Single().Name);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_retired_agency_no_longer_resolves_even_when_the_default_directory_has_it(DatabaseProvider provider)
    {
        await using var migrated = await Migrated.CreateAsync(provider);
        var db = migrated.Db;
        var store = new AgencyDirectoryStore(db);
        await store.SeedDefaultAsync(CancellationToken.None);
        var id = await db.Agencies.Where(a => a.Name == "Sở Ngoại vụ").Select(a => a.Id).SingleAsync();

        await store.UpdateAsync(id, "Sở Ngoại vụ", AgencyKind.Department, [], null, retired: true, CancellationToken.None);
        var directory = await store.LoadAsync(CancellationToken.None);

        Assert.Equal(AgencyMatchKind.Unknown, directory.Resolve("Sở Ngoại vụ").Single().Kind);
        Assert.DoesNotContain(directory.Members("Các sở, ban, ngành"), a => a.Name == "Sở Ngoại vụ");
        Assert.Equal(AgencyMatchKind.Agency, directory.Resolve("Sở Nội vụ").Single().Kind);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_province_import_takes_over_the_default_bodies_and_adds_its_communes(DatabaseProvider provider)
    {
        await using var migrated = await Migrated.CreateAsync(provider);
        var db = migrated.Db;
        var store = new AgencyDirectoryStore(db);
        await store.SeedDefaultAsync(CancellationToken.None);
        var homeAffairs = await db.Agencies.Where(a => a.Name == "Sở Nội vụ").Select(a => a.Id).SingleAsync();
        var dongThap = AdministrativeUnits.Default.Find("Đồng Tháp")!;

        var first = await store.ImportProvinceAsync(dongThap, CancellationToken.None);
        var again = await store.ImportProvinceAsync(dongThap, CancellationToken.None);
        var seededAfter = await store.SeedDefaultAsync(CancellationToken.None);
        var directory = await store.LoadAsync(CancellationToken.None);

        Assert.Equal((AgencyDirectory.DefaultProvincialBodies.Count, 2 * 102, 102), (first.Adopted, first.Created, first.Communes));
        Assert.Equal((0, 0), (again.Adopted, again.Created));
        Assert.Equal(0, seededAfter);
        Assert.Equal(homeAffairs, await db.Agencies.Where(a => a.Name == "Sở Nội vụ tỉnh Đồng Tháp").Select(a => a.Id).SingleAsync());
        Assert.False(await db.Agencies.AnyAsync(a => a.Name == "Sở Nội vụ"));
        // The only province of the directory reads every plan; its communes are the members of "UBND các xã, phường".
        Assert.Equal("Sở Nội vụ tỉnh Đồng Tháp", directory.Resolve("SNV").Single().Name);
        Assert.Equal(102, directory.Members("Ủy ban nhân dân các xã, phường").Count);
        Assert.Equal("Ủy ban nhân dân tỉnh Đồng Tháp", directory.FindAgency("Ủy ban nhân dân phường Cao Lãnh, tỉnh Đồng Tháp")!.Parent);
        Assert.Equal("Bộ Tài chính", directory.Resolve("Bộ Kế hoạch và Đầu tư").Single().Name);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_provinces_keep_their_own_local_names_and_plans_read_them_in_their_issuers_province(DatabaseProvider provider)
    {
        await using var migrated = await Migrated.CreateAsync(provider);
        var store = new AgencyDirectoryStore(migrated.Db);
        await store.SeedDefaultAsync(CancellationToken.None);
        await store.ImportProvinceAsync(AdministrativeUnits.Default.Find("Đồng Tháp")!, CancellationToken.None);

        var city = await store.ImportProvinceAsync(AdministrativeUnits.Default.Find("TP HCM")!, CancellationToken.None);
        // The same local name in another province is another alias; in the same province it is refused.
        using var second = migrated.Services.CreateScope();
        var other = new AgencyDirectoryStore(second.ServiceProvider.GetRequiredService<DonDocDbContext>());
        var conflict = await Assert.ThrowsAsync<DirectoryConflictException>(() =>
            other.UpsertAsync([new Agency("Sở Tư pháp tỉnh Đồng Tháp", AgencyKind.Department) { Province = "Đồng Tháp", Aliases = ["SNV"] }], CancellationToken.None));
        var directory = await store.LoadAsync(CancellationToken.None);

        Assert.Equal((0, AgencyDirectory.DefaultProvincialBodies.Count + 2 * 168), (city.Adopted, city.Created));
        Assert.Contains("Sở Nội vụ tỉnh Đồng Tháp", conflict.Vietnamese, StringComparison.Ordinal);
        Assert.Equal("Sở Nội vụ Thành phố Hồ Chí Minh", directory.InPlanOf("ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH").Resolve("Sở Nội vụ").Single().Name);
        Assert.Equal("Sở Nội vụ tỉnh Đồng Tháp", directory.InPlanOf("UBND TỈNH ĐỒNG THÁP").Resolve("Sở Nội vụ").Single().Name);
        Assert.Equal(168, directory.InPlanOf("UBND TP. HCM").Members("Ủy ban nhân dân các xã, phường").Count);
        Assert.Equal(AgencyMatchKind.Unknown, directory.InPlanOf("Văn phòng Chính phủ").Resolve("Sở Nội vụ").Single().Kind);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_database_refuses_to_change_or_delete_an_audit_entry(DatabaseProvider provider)
    {
        await using var migrated = await Migrated.CreateAsync(provider);
        var db = migrated.Db;
        db.AuditEntries.Add(new AuditEntryEntity { At = DateTimeOffset.UtcNow, UserId = "u", UserName = "Người dùng", Action = "progress", After = "{}" });
        await db.SaveChangesAsync();

        var update = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET \"Action\" = 'x'"));
        var delete = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries"));

        Assert.Contains("append-only", update!.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete!.Message, StringComparison.Ordinal);
        Assert.Equal("progress", (await db.AuditEntries.AsNoTracking().SingleAsync()).Action);
    }

    [Fact]
    public async Task PostgreSQL_refuses_to_truncate_the_audit_log()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable)))
        {
            return; // TRUNCATE is PostgreSQL's; SQLite has only DELETE, refused above.
        }

        await using var migrated = await Migrated.CreateAsync(DatabaseProvider.Postgres);
        var db = migrated.Db;
        db.AuditEntries.Add(new AuditEntryEntity { At = DateTimeOffset.UtcNow, UserId = "u", UserName = "Người dùng", Action = "progress", After = "{}" });
        await db.SaveChangesAsync();

        var truncate = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync("TRUNCATE audit_entries"));

        Assert.Contains("append-only", truncate?.Message ?? "TRUNCATE went through", StringComparison.Ordinal);
        Assert.Equal(1, await db.AuditEntries.AsNoTracking().CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Aliases_stored_before_the_alias_table_existed_are_carried_over_and_folded(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        DataServiceCollectionExtensions.EnsureSqliteDirectory(services.GetRequiredService<DatabaseOptions>());
        using (var scope = services.CreateScope())
        {
            // A database as the first release left it: aliases one per line in agencies."Aliases".
            var db = scope.ServiceProvider.GetRequiredService<DonDocDbContext>();
            await db.Database.MigrateAsync(db.Database.GetMigrations().First());
            var sql = provider == DatabaseProvider.Postgres
                ? "INSERT INTO agencies (\"Name\", \"Kind\", \"Aliases\") VALUES ('Hợp tác xã Hoa Mai', 'Other', 'HTX Hoa Mai' || chr(10) || 'Hoà Mai HTX'), ('Hợp tác xã Hòa Mai 2', 'Other', 'htx hoa mai')"
                : "INSERT INTO agencies (Name, Kind, Aliases) VALUES ('Hợp tác xã Hoa Mai', 'Other', 'HTX Hoa Mai' || char(10) || 'Hoà Mai HTX'), ('Hợp tác xã Hòa Mai 2', 'Other', 'htx hoa mai')";
            await db.Database.ExecuteSqlRawAsync(sql);
        }

        await DatabaseMigrator.MigrateAsync(services, CancellationToken.None);
        using var after = services.CreateScope();
        var context = after.ServiceProvider.GetRequiredService<DonDocDbContext>();
        var store = new AgencyDirectoryStore(context);
        await store.SeedDefaultAsync(CancellationToken.None);
        var directory = await store.LoadAsync(CancellationToken.None);
        var ids = await context.Agencies.Where(a => a.Name.StartsWith("Hợp tác xã")).Select(a => a.Id).ToListAsync();
        var keys = await context.AgencyAliases.Where(a => ids.Contains(a.AgencyId)).Select(a => a.Key).OrderBy(k => k).ToListAsync();

        // The second agency's "htx hoa mai" repeats the first's alias once folded: it is dropped, not guessed.
        Assert.Equal(["hoa mai htx", "htx hoa mai"], keys);
        Assert.Equal("Hợp tác xã Hoa Mai", directory.Resolve("HTX Hoà Mai").Single().Name);
        Assert.Equal("Hợp tác xã Hoa Mai", directory.Resolve("Hòa Mai HTX").Single().Name);
    }
}
