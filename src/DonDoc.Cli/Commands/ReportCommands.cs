using System.CommandLine;
using DonDoc.Core.Access;
using DonDoc.Core.Reports;
using DonDoc.Data.Plans;
using DonDoc.Data.Storage;
using DonDoc.Tracking.Reports;
using DonDoc.Tracking.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Cli.Commands;

/// <summary><c>dondoc report PLAN --period 2026-11 --format docx|xlsx --out FILE</c>: the consolidated report of a period (shared/DESIGN.md "Contracts").</summary>
public static class ReportCommands
{
    public static Command Build()
    {
        var plan = new Argument<string>("PLAN") { Description = "Mã hoặc số kế hoạch, ví dụ 12 hoặc 35/KH-UBND (the plan's id or number)" };
        var period = new Option<string>("--period") { Description = "Kỳ báo cáo: YYYY-MM, YYYY-Qn, YYYY-H1, YYYY-H2 hoặc YYYY (the period)", Required = true };
        var format = new Option<string>("--format") { Description = "docx hoặc xlsx", DefaultValueFactory = _ => "docx" };
        var output = new Option<FileInfo>("--out") { Description = "Tệp ghi ra (the file to write)", Required = true };
        var command = new Command("report", "Báo cáo tổng hợp kết quả thực hiện kế hoạch theo kỳ (the consolidated report of a period, Word or Excel)")
        {
            plan, period, format, output,
        };
        command.SetAction((parse, cancellationToken) => DonDocCommandLine.RunAsync(async () =>
        {
            var parsed = ReportPeriod.Parse(parse.GetValue(period));
            if (parsed.Period is not { } reportPeriod)
            {
                throw new CliError(parsed.Error!, "bad --period");
            }

            var kind = parse.GetValue(format)?.Trim().ToLowerInvariant();
            if (kind is not ("docx" or "xlsx"))
            {
                throw new CliError($"định dạng \"{kind}\" không hỗ trợ; dùng docx hoặc xlsx", "--format must be docx or xlsx");
            }

            var file = parse.GetValue(output)!;
            await using var services = DatabaseCommands.BuildServices(tracking: true);
            await DatabaseCommands.PrepareTrackingAsync(services, cancellationToken);
            await using var scope = services.CreateAsyncScope();
            var planId = await FindPlanAsync(scope.ServiceProvider.GetRequiredService<DonDocDbContext>(), parse.GetValue(plan)!, cancellationToken);
            var actor = new Actor(Actor.SystemId, "dondoc report", new HashSet<string> { Roles.Administrator }, null);
            ConsolidatedReport report;
            try
            {
                report = await scope.ServiceProvider.GetRequiredService<ConsolidatedReportBuilder>().BuildAsync(actor, planId, reportPeriod, cancellationToken);
            }
            catch (WorkflowException ex)
            {
                throw new CliError(ex.Vietnamese, ex.Message);
            }

            var bytes = kind == "docx" ? ReportDocx.ToDocx(report) : ReportXlsx.ToXlsx(report);
            // Written beside the target and moved over it: a failed run leaves no half-written file.
            var partial = file.FullName + ".partial";
            await File.WriteAllBytesAsync(partial, bytes, cancellationToken);
            File.Move(partial, file.FullName, overwrite: true);
            Console.WriteLine($"Đã ghi {file.FullName}: {report.Heading.Summary}, {report.Figures.Total} nhiệm vụ, số liệu đến ngày {report.Heading.AsOf:dd/MM/yyyy}.");
            return 0;
        }));
        return command;
    }

    private static async Task<int> FindPlanAsync(DonDocDbContext db, string text, CancellationToken cancellationToken)
    {
        var key = text.Trim();
        var plans = db.Plans.AsNoTracking().Where(p => p.State != PlanState.Draft);
        if (int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            && await plans.AnyAsync(p => p.Id == id, cancellationToken))
        {
            return id;
        }

        var byNumber = await plans.Where(p => p.Number == key).Select(p => p.Id).Take(2).ToListAsync(cancellationToken);
        return byNumber.Count switch
        {
            1 => byNumber[0],
            0 => throw new CliError($"không có kế hoạch đã ban hành \"{key}\"", $"no published plan {key}"),
            _ => throw new CliError($"có nhiều kế hoạch số \"{key}\"; dùng mã kế hoạch", $"several plans numbered {key}"),
        };
    }
}
