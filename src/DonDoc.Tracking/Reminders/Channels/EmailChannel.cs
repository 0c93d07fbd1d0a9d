using DonDoc.Core.Reminders;
using DonDoc.Data.Reminders;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace DonDoc.Tracking.Reminders.Channels;

/// <summary>Mail over SMTP (MailKit): a Vietnamese subject, a plain-text and an HTML body, an unsubscribe link per kind of notice.</summary>
public sealed class EmailChannel(SmtpOptions options, AppLinks links) : INotificationChannel
{
    public string Name => NotificationChannels.Email;

    public bool Enabled => options.Enabled;

    public async Task SendAsync(Recipient person, IReadOnlyList<NoticeContent> notices, DateOnly day, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(person.Email))
        {
            throw new UndeliverableException("tài khoản không có địa chỉ thư");
        }

        string? Unsubscribe(ReminderKind kind) => person.UnsubscribeToken is { } token ? links.Unsubscribe(token, kind.ToSchemaName()) : null;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(new MailboxAddress(person.Name, person.Email));
        message.Subject = NoticeText.Subject(notices, day);
        if (notices.Count > 0 && Unsubscribe(notices[0].Kind) is { } first)
        {
            message.Headers.Add("List-Unsubscribe", $"<{first}>");
        }

        message.Body = new BodyBuilder
        {
            TextBody = NoticeText.Plain(notices, links, Unsubscribe),
            HtmlBody = NoticeText.Html(notices, links, Unsubscribe),
        }.ToMessageBody();

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
