using DonDoc.Core.Reminders;
using DonDoc.Data.Reminders;
using MimeKit;

namespace DonDoc.Tracking.Reminders.Channels;

/// <summary>Mail over SMTP (MailKit): a Vietnamese subject, a plain-text and an HTML body, an unsubscribe link per kind of notice.</summary>
public sealed class EmailChannel(SmtpMailer mailer, AppLinks links) : INotificationChannel
{
    public string Name => NotificationChannels.Email;

    public bool Enabled => mailer.Enabled;

    public async Task SendAsync(Recipient person, IReadOnlyList<NoticeContent> notices, DateOnly day, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(person.Email))
        {
            throw new UndeliverableException("tài khoản không có địa chỉ thư");
        }

        string? Unsubscribe(ReminderKind kind) => person.UnsubscribeToken is { } token ? links.Unsubscribe(token, kind.ToSchemaName()) : null;
        var message = new MimeMessage();
        message.From.Add(mailer.From);
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

        await mailer.SendAsync(message, cancellationToken);
    }
}
