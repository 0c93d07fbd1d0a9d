using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DonDoc.Cli.Commands;
using DonDoc.Core.Access;
using DonDoc.Data.Agencies;
using DonDoc.Data.Storage;
using DonDoc.Data.Tests.Storage;
using DonDoc.Tracking.Imports;
using Microsoft.Extensions.Configuration;

namespace DonDoc.Cli.Tests.Commands;

/// <summary><c>dondoc report PLAN --period --format --out</c> as a user runs it against the configured database.</summary>
public sealed class ReportCommandsTest : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dondoc-report-").FullName;
    private TestDatabase? _database;
    private int _planId;

    private Dictionary<string, string> Environment => new()
    {
        ["DONDOC_Database__Provider"] = _database!.Provider.ToString(),
        ["DONDOC_ConnectionStrings__Default"] = _database.ConnectionString,
    };

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = _database.Provider.ToString(),
            ["ConnectionStrings:Default"] = _database.ConnectionString,
        }).Build();
        await using var services = DatabaseCommands.BuildServices(configuration, tracking: true);
        await DatabaseCommands.PrepareTrackingAsync(services, CancellationToken.None);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AgencyDirectoryStore>().SeedDefaultAsync(CancellationToken.None);
        var office = new Actor("office-1", "Văn phòng", new HashSet<string> { Roles.MonitoringOffice }, null);
        var text = "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK\nSố: 52/KH-UBND\nKẾ HOẠCH\nKiểm tra công tác văn thư năm 2026\n\n"
            + "STT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\tSản phẩm\n"
            + "1\tKiểm tra công tác văn thư tại các sở\tSở Nội vụ\t\t10/01/2026\tBiên bản\n"
            + "2\tTổng hợp kết quả kiểm tra\tSở Nội vụ\t\t31/12/2027\tBáo cáo\n";
        var drafts = scope.ServiceProvider.GetRequiredService<ImportDrafts>();
        _planId = await drafts.CreateAsync(office, "ke-hoach-52.txt", Encoding.UTF8.GetBytes(text), CancellationToken.None);
        Assert.Equal(2, await drafts.PublishAsync(office, _planId, CancellationToken.None));
    }

    public async Task DisposeAsync()
    {
        await _database!.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Report_writes_the_periods_Word_document_and_Excel_workbook()
    {
        var docx = Path.Combine(_directory, "bao-cao.docx");
        var xlsx = Path.Combine(_directory, "bao-cao.xlsx");

        var word = await DondocProcess.RunInAsync(_directory, Environment, "report", _planId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--period", "2026-11", "--format", "docx", "--out", docx);
        var excel = await DondocProcess.RunInAsync(_directory, Environment, "report", "52/KH-UBND", "--period", "2026-Q4", "--format", "xlsx", "--out", xlsx);

        Assert.True(word.ExitCode == 0, word.Error);
        Assert.Contains("Kết quả thực hiện Kế hoạch số 52/KH-UBND tháng 11/2026, 2 nhiệm vụ", word.Output);
        using (var document = WordprocessingDocument.Open(docx, false))
        {
            var text = document.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("BÁO CÁO", text);
            Assert.Contains("Kiểm tra công tác văn thư tại các sở", text);
        }

        Assert.True(excel.ExitCode == 0, excel.Error);
        Assert.Contains("quý IV năm 2026", excel.Output);
        using var workbook = SpreadsheetDocument.Open(xlsx, false);
        Assert.Equal(5, workbook.WorkbookPart!.WorksheetParts.Count());
        Assert.Empty(Directory.GetFiles(_directory, "*.partial"));
    }

    [Theory]
    [InlineData("2026-13", "docx", "Tháng 13 không có")]
    [InlineData("11/2026", "docx", "không đúng dạng")]
    [InlineData("2026-11", "pdf", "định dạng \"pdf\" không hỗ trợ")]
    public async Task A_bad_period_or_format_is_refused_in_Vietnamese_and_writes_nothing(string period, string format, string message)
    {
        var output = Path.Combine(_directory, "bao-cao." + format);

        var result = await DondocProcess.RunInAsync(_directory, Environment, "report", _planId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--period", period, "--format", format, "--out", output);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("Lỗi: ", result.Error);
        Assert.Contains(message, result.Error);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task An_unknown_plan_is_refused_in_Vietnamese_and_writes_nothing()
    {
        var output = Path.Combine(_directory, "bao-cao.docx");

        var result = await DondocProcess.RunInAsync(_directory, Environment, "report", "99/KH-UBND", "--period", "2026-11", "--out", output);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("không có kế hoạch đã ban hành \"99/KH-UBND\"", result.Error);
        Assert.False(File.Exists(output));
    }
}
