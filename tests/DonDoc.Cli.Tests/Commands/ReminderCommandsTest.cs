using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Text;
using DonDoc.Core.Access;
using DonDoc.Data.Accounts;
using DonDoc.Data.Storage;
using DonDoc.Tracking.Hosting;
using DonDoc.Tracking.Imports;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace DonDoc.Cli.Tests.Commands;

/// <summary>
/// What a newcomer does: SMTP set in appsettings.json, a plan published, <c>dondoc reminders run --as-of</c> three
/// working days before a deadline: the mail arrives; again: nothing new; on a Sunday: nothing.
/// </summary>
public sealed class ReminderCommandsTest : IAsyncDisposable
{
    private const string Plan = "STT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\tSản phẩm\n"
        + "1\tXây dựng kho dữ liệu hồ sơ công việc của tỉnh\tSở Nội vụ\tSở Tài chính\t30/6/2026\tKho dữ liệu\n";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "dondoc-reminder-cli-tests", Guid.NewGuid().ToString("N"));
    private readonly ConcurrentQueue<MimeMessage> _mails = new();
    private readonly CancellationTokenSource _stop = new();
    private Task? _smtp;

    [Fact]
    public async Task Reminders_run_as_of_three_working_days_before_a_deadline_mails_once_and_nothing_on_a_Sunday()
    {
        Directory.CreateDirectory(_directory);
        var port = StartSmtp();
        await File.WriteAllTextAsync(Path.Combine(_directory, "appsettings.json"), $$"""
            {
              "ConnectionStrings": { "Default": "Data Source={{Path.Combine(_directory, "dondoc.db").Replace("\\", "\\\\", StringComparison.Ordinal)}}" },
              "App": { "PublicUrl": "https://dondoc.example.vn" },
              "Smtp": { "Host": "127.0.0.1", "Port": {{port}}, "Security": "None", "From": "DonDoc <nhacviec@example.vn>" }
            }
            """);
        var added = await DondocProcess.RunInAsync(_directory, null, "user", "add", "noivu@example.vn", "--role", "agency", "--agency", "Sở Nội vụ", "--password", "Mat-khau-2026");
        Assert.Equal(0, added.ExitCode);
        await PublishAsync();

        var first = await DondocProcess.RunInAsync(_directory, null, "reminders", "run", "--as-of", "2026-06-25");
        var mailsAfterFirst = _mails.ToArray();
        var second = await DondocProcess.RunInAsync(_directory, null, "reminders", "run", "--as-of", "2026-06-25");
        var sunday = await DondocProcess.RunInAsync(_directory, null, "reminders", "run", "--as-of", "2026-06-28");
        var dry = await DondocProcess.RunInAsync(_directory, null, "reminders", "run", "--as-of", "2026-06-29", "--dry-run");
        var bad = await DondocProcess.RunInAsync(_directory, null, "reminders", "run", "--as-of", "30/02/2026");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Ngày 25/06/2026 (2026-06-25): 2 thông báo đến hạn, 2 mới vào hàng đợi", first.Output, StringComparison.Ordinal);
        Assert.Contains("before_deadline email → noivu@example.vn", first.Output, StringComparison.Ordinal);
        Assert.Contains("Còn 3 ngày làm việc đến hạn 30/06/2026", first.Output, StringComparison.Ordinal);
        Assert.Matches("Đã gửi \\d+ \\(email 1, inapp \\d+\\)", first.Output);
        // One digest: the assignment made on publishing and the reminder of the day.
        var mail = Assert.Single(mailsAfterFirst);
        Assert.Equal("noivu@example.vn", mail.To.Mailboxes.Single().Address);
        Assert.Contains("Còn 3 ngày làm việc đến hạn 30/06/2026", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://dondoc.example.vn/Tasks/", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("2 thông báo đến hạn, 0 mới vào hàng đợi", second.Output, StringComparison.Ordinal);
        Assert.Contains("Đã gửi 0;", second.Output, StringComparison.Ordinal);
        Assert.Contains("là ngày nghỉ: không nhắc việc", sunday.Output, StringComparison.Ordinal);
        Assert.Equal(mailsAfterFirst.Length, _mails.Count);
        Assert.Contains("chạy thử, không ghi", dry.Output, StringComparison.Ordinal);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("không hợp lệ", bad.Error, StringComparison.Ordinal);
    }

    /// <summary>Imports and publishes the plan through the application services, as the web app's office would.</summary>
    private async Task PublishAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = $"Data Source={Path.Combine(_directory, "dondoc.db")}",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDonDocTracking(configuration);
        UserAccounts.AddDonDocIdentityCore(services);
        services.AddScoped<UserAccounts>();
        await using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();
        var office = await scope.ServiceProvider.GetRequiredService<UserAccounts>().CreateAsync("vanphong@example.vn", Roles.MonitoringOffice, null, "Mat-khau-2026", "Văn phòng", CancellationToken.None);
        var actor = new Actor(office.Id, "Văn phòng", new HashSet<string> { Roles.MonitoringOffice }, null);
        var drafts = scope.ServiceProvider.GetRequiredService<ImportDrafts>();
        var draft = await drafts.CreateAsync(actor, "ke-hoach.txt", Encoding.UTF8.GetBytes(Plan), CancellationToken.None);
        await drafts.PublishAsync(actor, draft, CancellationToken.None);
        SqliteConnection.ClearAllPools();
    }

    private int StartSmtp()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build();
        var provider = new SmtpServer.ComponentModel.ServiceProvider();
        provider.Add(new Store(_mails));
        _smtp = new SmtpServer.SmtpServer(options, provider).StartAsync(_stop.Token);
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_smtp is not null)
        {
            try
            {
                await _smtp;
            }
            catch (OperationCanceledException)
            {
            }
        }

        _stop.Dispose();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private sealed class Store(ConcurrentQueue<MimeMessage> mails) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            mails.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
