using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using DonDoc.Core.Access;
using DonDoc.Data.Accounts;
using DonDoc.Data.Storage;
using DonDoc.Tracking.Auditing;
using DonDoc.Tracking.Reminders;
using DonDoc.Tracking.Reminders.Channels;
using DonDoc.Tracking.Workflow;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace DonDoc.Tracking.Accounts;

/// <summary>
/// A forgotten password, set again through a link sent by e-mail — only when the SMTP server is configured; without it
/// the administrator resets the password. The link works once and for <see cref="LinkLifetime"/>; only its SHA-256 is
/// stored. Asking answers the same whether or not an account has the address, and an account gets at most
/// <see cref="LinksPerHour"/> links an hour. Setting the password ends every session of the account and every other link.
/// </summary>
public sealed class ForgottenPasswords(
    DonDocDbContext db,
    UserManager<DonDocUser> users,
    UserAccounts accounts,
    SmtpMailer mailer,
    PasswordResetMailQueue queue,
    AppLinks links,
    AuditLog audit,
    TimeProvider clock,
    ILogger<ForgottenPasswords> logger)
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromMinutes(30);

    public const int LinksPerHour = 3;

    /// <summary>The one answer to a link that is unknown, used, expired or of a locked account.</summary>
    public const string LinkRefusal = "Liên kết đặt lại mật khẩu không còn dùng được (đã dùng, đã quá 30 phút hoặc không đúng). Hãy yêu cầu một liên kết mới.";

    /// <summary>Whether a password can be reset by e-mail here: the SMTP server is configured.</summary>
    public bool Available => mailer.Enabled;

    /// <summary>Queues a reset link for the account with this address, if there is one that may sign in; says nothing either way.</summary>
    public async Task RequestAsync(string? email, CancellationToken cancellationToken)
    {
        if (!mailer.Enabled)
        {
            throw WorkflowException.Invalid(
                "Hệ thống chưa cấu hình gửi thư điện tử: hãy liên hệ quản trị hệ thống để được đặt lại mật khẩu.", "password reset by e-mail without Smtp:Host");
        }

        email = email?.Trim() ?? "";
        var user = email.Length is 0 or > 256 ? null : await users.FindByEmailAsync(email);
        if (user is null)
        {
            logger.LogWarning("Password reset link asked for {Email}: no such account", email);
            return;
        }

        if (await users.IsLockedOutAsync(user))
        {
            logger.LogWarning("Password reset link asked for {Email}: the account is locked", email);
            return;
        }

        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var hourAgo = now - (long)TimeSpan.FromHours(1).TotalSeconds;
        if (await db.PasswordResetTokens.CountAsync(t => t.UserId == user.Id && t.CreatedAt > hourAgo, cancellationToken) >= LinksPerHour)
        {
            logger.LogWarning("Password reset link asked for {Email}: {Count} links already sent this hour", email, LinksPerHour);
            return;
        }

        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.PasswordResetTokens.Add(new PasswordResetTokenEntity
            {
                UserId = user.Id, TokenHash = Hash(token), CreatedAt = now, ExpiresAt = now + (long)LinkLifetime.TotalSeconds,
            });
            audit.RecordAbout(Self(user), AuditActions.AccountPasswordResetLink, AuditActions.User(user.Id), null, new { sent = true });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        // Mailed by PasswordResetMailSender, so that this answer takes no longer than one for an unknown address.
        if (queue.Enqueue(Message(user, links.PasswordReset(token))))
        {
            logger.LogInformation("Password reset link for {Email} queued for mailing", email);
        }
        else
        {
            logger.LogError("Password reset link for {Email} dropped: {Capacity} links are already waiting to be mailed", email, PasswordResetMailQueue.Capacity);
        }
    }

    /// <summary>Whether the link still sets a password: known, unused, not expired, its account not locked.</summary>
    public async Task<bool> IsUsableAsync(string? token, CancellationToken cancellationToken) =>
        await FindUsableAsync(token, cancellationToken) is not null;

    /// <summary>
    /// Sets the new password through the link; the link and every other link of the account stop working, and every
    /// session of the account ends. A password the policy refuses leaves the link usable.
    /// </summary>
    public async Task ResetAsync(string? token, string? newPassword, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (row, user) = await FindUsableAsync(token, cancellationToken) ?? throw WorkflowException.Invalid(LinkRefusal, "unknown, used or expired password reset link");
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        // Claimed by a conditional update, so that two requests with the same link cannot both set a password.
        var claimed = await db.PasswordResetTokens
            .Where(t => t.Id == row.Id && t.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), cancellationToken);
        if (claimed != 1)
        {
            throw WorkflowException.Invalid(LinkRefusal, $"password reset link {row.Id} was used meanwhile");
        }

        await accounts.ResetPasswordAsync(user, newPassword ?? "", cancellationToken, mustChangePassword: false);
        await db.PasswordResetTokens
            .Where(t => t.UserId == user.Id && t.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), cancellationToken);
        audit.RecordAbout(Self(user), AuditActions.AccountPasswordResetByEmail, AuditActions.User(user.Id), null, new { changed = true });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Password of {UserId} set through a reset link", user.Id);
    }

    private async Task<(PasswordResetTokenEntity Row, DonDocUser User)?> FindUsableAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var hash = Hash(token);
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var row = await db.PasswordResetTokens.AsNoTracking()
            .SingleOrDefaultAsync(t => t.TokenHash == hash && t.UsedAt == null && t.ExpiresAt > now, cancellationToken);
        if (row is null || await users.FindByIdAsync(row.UserId) is not { } user || await users.IsLockedOutAsync(user))
        {
            return null;
        }

        return (row, user);
    }

    private MimeMessage Message(DonDocUser user, string link)
    {
        var name = user.DisplayName ?? user.Email ?? "";
        var minutes = (int)LinkLifetime.TotalMinutes;
        var message = new MimeMessage();
        message.From.Add(mailer.From);
        message.To.Add(new MailboxAddress(name, user.Email ?? ""));
        message.Subject = "DonDoc – Đặt lại mật khẩu";
        var text = new StringBuilder()
            .AppendLine($"Kính gửi {name},")
            .AppendLine()
            .AppendLine($"Có yêu cầu đặt lại mật khẩu cho tài khoản {user.Email} trên DonDoc. Mở liên kết sau để đặt mật khẩu mới (dùng được một lần, trong {minutes} phút):")
            .AppendLine(link)
            .AppendLine()
            .AppendLine("Nếu bạn không yêu cầu, hãy bỏ qua thư này: mật khẩu hiện tại vẫn giữ nguyên.")
            .ToString();
        var html = $"<p>Kính gửi {Escape(name)},</p><p>Có yêu cầu đặt lại mật khẩu cho tài khoản {Escape(user.Email ?? "")} trên DonDoc. "
            + $"Mở liên kết sau để đặt mật khẩu mới (dùng được một lần, trong {minutes} phút):</p><p><a href=\"{Escape(link)}\">Đặt mật khẩu mới</a></p>"
            + "<p>Nếu bạn không yêu cầu, hãy bỏ qua thư này: mật khẩu hiện tại vẫn giữ nguyên.</p>";
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        return message;
    }

    private static string Escape(string value) => System.Net.WebUtility.HtmlEncode(value);

    private static Actor Self(DonDocUser user) => new(user.Id, user.DisplayName ?? user.Email ?? user.Id, new HashSet<string>(), user.AgencyId);

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
