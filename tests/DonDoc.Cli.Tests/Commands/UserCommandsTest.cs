namespace DonDoc.Cli.Tests.Commands;

public sealed class UserCommandsTest : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "dondoc-user-tests", Guid.NewGuid().ToString("N"));

    public UserCommandsTest() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task An_agency_officer_is_added_with_the_agency_the_directory_resolves()
    {
        var added = await DondocProcess.RunInAsync(_directory, null, "user", "add", "noivu@example.vn", "--role", "agency", "--agency", "so noi vu", "--password", "Mat-khau-2026");
        var again = await DondocProcess.RunInAsync(_directory, null, "user", "add", "noivu@example.vn", "--role", "agency", "--agency", "Sở Nội vụ", "--password", "Mat-khau-2026");

        Assert.Equal(0, added.ExitCode);
        Assert.Contains("Đã thêm tài khoản noivu@example.vn (Cán bộ đơn vị)", added.Output, StringComparison.Ordinal);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("đã được dùng", again.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("agency", null, "Mat-khau-2026", "phải gắn với một cơ quan")]
    [InlineData("agency", "Sở Hoa Mai", "Mat-khau-2026", "không có cơ quan nào mang đúng tên \"Sở Hoa Mai\"")]
    [InlineData("agency", "UBND xã Hòa Phú", "Mat-khau-2026", "mang đúng tên \"UBND xã Hòa Phú\" trong danh mục (hãy chọn tên trong danh sách gợi ý); tên gần nhất: ")]
    [InlineData("agency", "Sở Tư pháp, Sở Y tế", "Mat-khau-2026", "tên gần nhất: Sở Tư pháp; Sở Y tế")]
    [InlineData("leader", null, "ngan", "ít nhất 10 ký tự")]
    public async Task A_bad_account_is_refused_in_Vietnamese(string role, string? agency, string password, string message)
    {
        string[] args = agency is null
            ? ["user", "add", "x@example.vn", "--role", role, "--password", password]
            : ["user", "add", "x@example.vn", "--role", role, "--agency", agency, "--password", password];

        var result = await DondocProcess.RunInAsync(_directory, null, args);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("Lỗi: ", result.Error, StringComparison.Ordinal);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_role_is_refused()
    {
        var result = await DondocProcess.RunInAsync(_directory, null, "user", "add", "x@example.vn", "--role", "boss", "--password", "Mat-khau-2026");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("boss", result.Error, StringComparison.Ordinal);
    }
}
