using System.CommandLine;
using System.Globalization;
using DonDoc.Core.Reminders;
using DonDoc.Tracking.Formatting;
using DonDoc.Tracking.Reminders;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Cli.Commands;

/// <summary><c>dondoc reminders run [--as-of YYYY-MM-DD] [--dry-run]</c>: the day's reminder job, once, as the scheduler runs it.</summary>
public static class ReminderCommands
{
    public static Command Build()
    {
        var asOf = new Option<string?>("--as-of") { Description = "Ngày tính nhắc việc, YYYY-MM-DD; mặc định hôm nay (the day to compute, default today)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Chỉ tính và in ra, không ghi, không gửi (compute and print only)" };
        var run = new Command("run", "Chạy việc nhắc hằng ngày một lần: tính, xếp hàng và gửi thông báo (run the day's reminder job once)") { asOf, dryRun };
        run.SetAction((parse, cancellationToken) => DonDocCommandLine.RunAsync(async () =>
        {
            DateOnly? day = null;
            if (parse.GetValue(asOf) is { } text)
            {
                day = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) || VietnameseFormat.TryParseDate(text, out parsed)
                    ? parsed
                    : throw new CliError($"ngày \"{text}\" không hợp lệ (YYYY-MM-DD)", $"bad --as-of date {text}");
            }

            await using var services = DatabaseCommands.BuildServices(tracking: true);
            // The days off an administrator announced on /Admin/Calendar count as they do in the app.
            await DatabaseCommands.PrepareTrackingAsync(services, cancellationToken);
            using var scope = services.CreateScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<ReminderRun>().RunAsync(day, parse.GetValue(dryRun), cancellationToken);
            Print(outcome, parse.GetValue(dryRun));
            return 0;
        }));

        var reminders = new Command("reminders", "Nhắc việc, đôn đốc (reminders)");
        reminders.Subcommands.Add(run);
        return reminders;
    }

    private static void Print(RunOutcome outcome, bool dryRun)
    {
        var plan = outcome.Plan;
        var day = $"{VietnameseFormat.Date(plan.Day)} ({plan.Day:yyyy-MM-dd})";
        if (!plan.WorkingDay)
        {
            Console.WriteLine($"Ngày {day} là ngày nghỉ: không nhắc việc (a day off: nothing is due).");
        }
        else
        {
            Console.WriteLine(dryRun
                ? $"Ngày {day}: {plan.Computed} thông báo đến hạn; chạy thử, không ghi (dry run: {plan.Computed} computed, nothing written)."
                : $"Ngày {day}: {plan.Computed} thông báo đến hạn, {plan.Queued} mới vào hàng đợi ({plan.Computed} computed, {plan.Queued} queued).");
            foreach (var (rule, count) in plan.ByRule.OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                Console.WriteLine($"  {rule}\t{count}\t{(ReminderKinds.FromSchemaName(rule) ?? ReminderKind.Manual).ToVietnamese()}");
            }

            foreach (var notice in plan.First)
            {
                var due = notice.DueOn is { } d ? $" · hạn {VietnameseFormat.Date(d)}" : "";
                var days = NoticeContent.Days(notice.OnDate, notice.DueOn, notice.WorkingDaysLeft) is { } text ? $" · {text}" : "";
                Console.WriteLine($"  - {notice.Kind.ToSchemaName()} {notice.Channel} → {notice.Recipient.Email ?? notice.Recipient.Name} · {notice.Subject}{due}{days}");
            }

            if (plan.Computed > plan.First.Count)
            {
                Console.WriteLine($"  … và {plan.Computed - plan.First.Count} thông báo khác (and {plan.Computed - plan.First.Count} more)");
            }
        }

        if (outcome.Dispatch is { } sent)
        {
            var channels = string.Join(", ", sent.SentByChannel.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}"));
            Console.WriteLine($"Đã gửi {sent.Sent}{(channels.Length > 0 ? $" ({channels})" : "")}; chờ gửi lại {sent.Retrying}; lỗi {sent.Failed} (sent {sent.Sent}, retrying {sent.Retrying}, failed {sent.Failed}).");
            foreach (var error in sent.Errors.Take(20))
            {
                Console.WriteLine($"  ! {error}");
            }
        }

        if (outcome.Webhooks is { } hooks)
        {
            Console.WriteLine($"Webhook: {outcome.OverdueWebhooks} sự kiện quá hạn mới; đã gửi {hooks.Sent}, chờ gửi lại {hooks.Retrying}, lỗi {hooks.Failed} (webhooks: {outcome.OverdueWebhooks} overdue queued, sent {hooks.Sent}, retrying {hooks.Retrying}, failed {hooks.Failed}).");
        }

        var seconds = (TimeSpan t) => t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        Console.WriteLine(outcome.Dispatch is null
            ? $"Thời gian tính: {seconds(outcome.Planning).Replace('.', ',')} giây (computed in {seconds(outcome.Planning)} s)."
            : $"Thời gian: tính {seconds(outcome.Planning).Replace('.', ',')} giây, gửi {seconds(outcome.Sending).Replace('.', ',')} giây (computed in {seconds(outcome.Planning)} s, sent in {seconds(outcome.Sending)} s).");
    }
}
