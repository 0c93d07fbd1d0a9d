using System.CommandLine;
using DonDoc.Core.Access;
using DonDoc.Data.Accounts;
using DonDoc.Data.Storage;
using DonDoc.Tracking.Accounts;
using DonDoc.Tracking.Auditing;
using DonDoc.Tracking.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Cli.Commands;

/// <summary><c>dondoc user add EMAIL --role admin|monitor|leader|agency [--agency NAME] --password P</c>.</summary>
public static class UserCommands
{
    public static Command Build()
    {
        var email = new Argument<string>("email") { Description = "Địa chỉ thư, dùng để đăng nhập (the sign-in email)" };
        var role = new Option<string>("--role") { Description = "Vai trò: admin | monitor | leader | agency", Required = true };
        role.AcceptOnlyFromAmong([.. Roles.All]);
        var agency = new Option<string?>("--agency") { Description = "Cơ quan của cán bộ đơn vị (the officer's agency)" };
        var password = new Option<string>("--password") { Description = "Mật khẩu ban đầu (initial password)", Required = true };
        var name = new Option<string?>("--name") { Description = "Tên hiển thị (display name)" };
        var add = new Command("add", "Thêm tài khoản (add an account)") { email, role, agency, password, name };
        add.SetAction((parse, cancellationToken) => DonDocCommandLine.RunAsync(async () =>
        {
            await using var services = DatabaseCommands.BuildServices(accountServices =>
            {
                UserAccounts.AddDonDocIdentityCore(accountServices);
                accountServices.AddScoped<UserAccounts>();
                accountServices.AddSingleton(TimeProvider.System);
                accountServices.AddScoped<AuditLog>();
                accountServices.AddScoped<AccountAdministration>();
            });
            await DatabaseMigrator.MigrateAsync(services, cancellationToken);
            using var scope = services.CreateScope();
            var accounts = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
            try
            {
                var user = await accounts.CreateAsync(
                    Actor.System("dondoc user add"), parse.GetValue(email)!, parse.GetValue(role)!, parse.GetValue(agency), parse.GetValue(password)!, parse.GetValue(name),
                    mustChangePassword: false, cancellationToken);
                Console.WriteLine($"Đã thêm tài khoản {user.Email} ({Roles.ToVietnamese(parse.GetValue(role)!)})");
                return 0;
            }
            catch (ChangeRefusedException refused)
            {
                throw new CliError(refused.Vietnamese, refused.Message);
            }
            catch (WorkflowException refused)
            {
                throw new CliError(refused.Vietnamese, refused.Message);
            }
        }));

        var user = new Command("user", "Tài khoản người dùng (user accounts)");
        user.Subcommands.Add(add);
        return user;
    }
}
