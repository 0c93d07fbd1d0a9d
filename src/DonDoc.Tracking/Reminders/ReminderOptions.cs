using Microsoft.Extensions.Configuration;

namespace DonDoc.Tracking.Reminders;

/// <summary>Where links in notices point: <c>App:PublicUrl</c>.</summary>
public sealed record AppLinks(string PublicUrl)
{
    public const string DefaultPublicUrl = "http://localhost:5080";

    public string Task(int taskId) => $"{PublicUrl}/Tasks/{taskId}";

    public string Notifications => $"{PublicUrl}/Notifications";

    public string Profile => $"{PublicUrl}/HoSo";

    public string Calendar(string token) => $"{PublicUrl}/lich/{token}.ics";

    /// <summary>The page where a forgotten password is set again; the token is the only key to it.</summary>
    public string PasswordReset(string token) => $"{PublicUrl}/Account/ResetPassword?token={token}";

    public string Unsubscribe(string token, string rule) => $"{PublicUrl}/huy-nhan-thu/{token}/{rule}";

    public static AppLinks Read(IConfiguration configuration) =>
        new((configuration["App:PublicUrl"] is { Length: > 0 } url ? url : DefaultPublicUrl).TrimEnd('/'));
}

/// <summary>The SMTP server mails go through: <c>Smtp:Host</c>, <c>Port</c>, <c>Security</c>, <c>User</c>, <c>Password</c>, <c>From</c>. No host: no e-mail channel.</summary>
public sealed record SmtpOptions(string? Host, int Port, string Security, string? User, string? Password, string From)
{
    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    public static SmtpOptions Read(IConfiguration configuration) => new(
        configuration["Smtp:Host"],
        configuration.GetValue("Smtp:Port", 25),
        configuration["Smtp:Security"] is { Length: > 0 } security ? security : "Auto",
        configuration["Smtp:User"],
        configuration["Smtp:Password"],
        configuration["Smtp:From"] is { Length: > 0 } from ? from : "DonDoc <dondoc@localhost>");
}

/// <summary>The Telegram bot: <c>Telegram:BotToken</c>, <c>Telegram:ApiBaseUrl</c> (a self-hosted Bot API server), <c>Telegram:BotName</c>. No token: no Telegram channel.</summary>
public sealed record TelegramOptions(string? BotToken, string? ApiBaseUrl, string? BotName)
{
    public bool Enabled => !string.IsNullOrWhiteSpace(BotToken);

    public static TelegramOptions Read(IConfiguration configuration) => new(
        configuration["Telegram:BotToken"],
        configuration["Telegram:ApiBaseUrl"] is { Length: > 0 } url ? url : null,
        configuration["Telegram:BotName"]);
}

/// <summary>The daily job: <c>Reminders:DigestAt</c> (07:30, Asia/Ho_Chi_Minh) and <c>Reminders:Scheduler</c> (run the scheduler in this process).</summary>
public sealed record ReminderOptions(TimeOnly DigestAt, bool Scheduler, int MaxAttempts)
{
    public static ReminderOptions Read(IConfiguration configuration) => new(
        TimeOnly.TryParse(configuration["Reminders:DigestAt"], System.Globalization.CultureInfo.InvariantCulture, out var at) ? at : new TimeOnly(7, 30),
        configuration.GetValue("Reminders:Scheduler", true),
        configuration.GetValue("Reminders:MaxAttempts", 6));
}
