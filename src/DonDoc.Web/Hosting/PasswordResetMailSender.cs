using System.Net.Sockets;
using DonDoc.Tracking.Accounts;
using DonDoc.Tracking.Reminders.Channels;

namespace DonDoc.Web.Hosting;

/// <summary>Mails the reset links <see cref="ForgottenPasswords"/> queued, one SMTP conversation each; a failure is logged and the person asks again.</summary>
public sealed class PasswordResetMailSender(PasswordResetMailQueue queue, SmtpMailer mailer, ILogger<PasswordResetMailSender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var message in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                await mailer.SendAsync(message, stoppingToken);
                logger.LogInformation("Password reset link mailed");
            }
            catch (Exception failure) when (failure is MailKit.ProtocolException or MailKit.CommandException or SocketException or IOException)
            {
                logger.LogError(failure, "A password reset link could not be mailed");
            }
        }
    }
}
