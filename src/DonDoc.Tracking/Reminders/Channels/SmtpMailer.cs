using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace DonDoc.Tracking.Reminders.Channels;

/// <summary>One conversation with the configured SMTP server (<see cref="SmtpOptions"/>) per message: reminders and password-reset links go out through it.</summary>
public sealed class SmtpMailer(SmtpOptions options)
{
    public bool Enabled => options.Enabled;

    /// <summary>The sender every DonDoc mail carries (<c>Smtp:From</c>).</summary>
    public MailboxAddress From => MailboxAddress.Parse(options.From);

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync(options.Host ?? throw new InvalidOperationException("Smtp:Host is not set"), options.Port, Security(options.Security), cancellationToken);
        if (!string.IsNullOrEmpty(options.User))
        {
            await client.AuthenticateAsync(options.User, options.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }

    private static SecureSocketOptions Security(string value) => value.Trim().ToLowerInvariant() switch
    {
        "none" => SecureSocketOptions.None,
        "starttls" => SecureSocketOptions.StartTls,
        "ssl" or "sslonconnect" or "tls" => SecureSocketOptions.SslOnConnect,
        "starttlswhenavailable" => SecureSocketOptions.StartTlsWhenAvailable,
        _ => SecureSocketOptions.Auto,
    };
}
