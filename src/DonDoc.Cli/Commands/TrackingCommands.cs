using System.CommandLine;
using DonDoc.Tracking.Seeding;
using DonDoc.Tracking.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Cli.Commands;

/// <summary>
/// <c>dondoc refresh</c>: the daily refresh of task states, as the web app runs it each night;
/// <c>dondoc seed --tasks N --agencies M [--plans P]</c>: realistic published plans for benchmarks.
/// </summary>
public static class TrackingCommands
{
    public static Command BuildSeed()
    {
        var tasks = new Option<int>("--tasks") { Description = "Số nhiệm vụ (how many tasks)", Required = true };
        var agencies = new Option<int>("--agencies") { Description = "Số cơ quan trong danh mục sau khi tạo (agencies in the directory afterwards)", Required = true };
        var plans = new Option<int?>("--plans") { Description = "Số kế hoạch; mặc định mỗi kế hoạch 50–500 nhiệm vụ (how many plans)" };
        var seed = new Option<int>("--seed") { Description = "Hạt giống ngẫu nhiên (random seed)", DefaultValueFactory = _ => 2026 };
        var command = new Command("seed", "Tạo dữ liệu mẫu: kế hoạch đã ban hành với nhiệm vụ, cơ quan, tiến độ (fill the configured database with realistic published plans, for benchmarks)")
        {
            tasks, agencies, plans, seed,
        };
        command.SetAction((parse, cancellationToken) => DonDocCommandLine.RunAsync(async () =>
        {
            var request = new SeedRequest(parse.GetValue(tasks), parse.GetValue(agencies), parse.GetValue(plans), parse.GetValue(seed));
            if (request.Tasks < 1 || request.Agencies < 1 || request.Plans is < 1)
            {
                throw new CliError("--tasks, --agencies và --plans phải từ 1 trở lên", "--tasks, --agencies and --plans must be at least 1");
            }

            await using var services = DatabaseCommands.BuildServices(tracking: true);
            await DatabaseCommands.PrepareTrackingAsync(services, cancellationToken);
            await using var scope = services.CreateAsyncScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<PlanSeeder>().SeedAsync(
                request, new Progress<string>(line => Console.Error.WriteLine(line)), cancellationToken);
            Console.WriteLine($"Đã tạo {outcome.Plans:N0} kế hoạch, {outcome.Tasks:N0} nhiệm vụ, {outcome.Assignments:N0} phân công, {outcome.AgenciesAdded:N0} cơ quan mới trong {outcome.Elapsed.TotalSeconds:0.0} giây.");
            Console.WriteLine($"Seeded {outcome.Plans} plans, {outcome.Tasks} tasks, {outcome.Assignments} assignments, {outcome.Extensions} extensions, {outcome.Reports} reports, {outcome.AgenciesAdded} new agencies in {outcome.Elapsed.TotalSeconds:0.0} s.");
            return 0;
        }));
        return command;
    }

    public static Command BuildRefresh()
    {
        var command = new Command("refresh", "Cập nhật trạng thái phụ thuộc ngày: kỳ báo cáo tiếp theo của nhiệm vụ định kỳ (refresh what depends on the date)");
        command.SetAction((_, cancellationToken) => DonDocCommandLine.RunAsync(async () =>
        {
            await using var services = DatabaseCommands.BuildServices(tracking: true);
            await DatabaseCommands.PrepareTrackingAsync(services, cancellationToken);
            await using var scope = services.CreateAsyncScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<TaskStatusRefresh>().RunAsync(cancellationToken);
            Console.WriteLine($"Đã cập nhật: {outcome.Backfilled} nhiệm vụ được bổ sung trạng thái, {outcome.Periodic} nhiệm vụ định kỳ sang kỳ báo cáo mới.");
            Console.WriteLine($"Refreshed: {outcome.Backfilled} tasks filled, {outcome.Periodic} recurring tasks moved to their next report date.");
            return 0;
        }));
        return command;
    }
}
