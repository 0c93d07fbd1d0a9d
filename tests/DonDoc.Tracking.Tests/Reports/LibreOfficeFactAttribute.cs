namespace DonDoc.Tracking.Tests.Reports;

/// <summary>
/// A test that renders with LibreOffice (<c>soffice</c>, installed by .ci/run). Where it is absent the test is
/// skipped, saying so — except under CI (<c>CI=true</c>), where it runs and fails for want of it.
/// </summary>
public sealed class LibreOfficeFactAttribute : FactAttribute
{
    public LibreOfficeFactAttribute()
    {
        if (LibreOffice.Path() is null && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = "soffice is not on PATH (apt-get install libreoffice-writer-nogui); CI requires it";
        }
    }
}

/// <summary>Runs <c>soffice --headless --convert-to pdf</c> with a profile of its own, so that runs never share one.</summary>
public static class LibreOffice
{
    public static string? Path() => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
        .Select(d => System.IO.Path.Combine(d, "soffice")).FirstOrDefault(File.Exists);

    public static async Task<byte[]> ToPdfAsync(byte[] docx, CancellationToken cancellationToken)
    {
        var soffice = Path() ?? throw new InvalidOperationException("soffice is not on PATH: .ci/run installs libreoffice-writer-nogui");
        var directory = Directory.CreateTempSubdirectory("dondoc-lo-");
        try
        {
            var input = System.IO.Path.Combine(directory.FullName, "bao-cao.docx");
            await File.WriteAllBytesAsync(input, docx, cancellationToken);
            var start = new System.Diagnostics.ProcessStartInfo(soffice)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var arg in new[] { $"-env:UserInstallation=file://{directory.FullName}/profile", "--headless", "--convert-to", "pdf", "--outdir", directory.FullName, input })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = System.Diagnostics.Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            var pdf = System.IO.Path.Combine(directory.FullName, "bao-cao.pdf");
            Assert.True(process.ExitCode == 0 && File.Exists(pdf), $"soffice exit {process.ExitCode}: {await output} {await error}");
            return await File.ReadAllBytesAsync(pdf, cancellationToken);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
