using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using DonDoc.Web.Tests.Hosting;
using static DonDoc.Web.Tests.Hosting.PlanFixture;

namespace DonDoc.Web.Tests.Tracking;

/// <summary>Evidence files on disk are exactly the files the database lists: an upload that loses a race leaves nothing, a restart sweeps leftovers.</summary>
public sealed class EvidenceFilesTest
{
    private const string Digitise = "Số hóa hồ sơ"; // Sở Tài chính leads

    private static IReadOnlyList<string> FilesOnDisk(RunningApp app) =>
        Directory.Exists(app.EvidenceDirectory) ? Directory.EnumerateFiles(app.EvidenceDirectory, "*", SearchOption.AllDirectories).ToList() : [];

    private static async Task<IReadOnlyList<string>> StoredHashesAsync(HttpClient api, int taskId)
    {
        var task = await api.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}");
        return task.GetProperty("reports").EnumerateArray()
            .SelectMany(r => r.GetProperty("files").EnumerateArray())
            .Select(f => f.GetProperty("sha256").GetString()!)
            .Distinct()
            .ToList();
    }

    [Theory]
    [MemberData(nameof(RunningApp.Providers), MemberType = typeof(RunningApp))]
    public async Task Thirty_concurrent_uploads_of_one_version_leave_only_the_winners_files(string provider)
    {
        await using var plan = await PlanFixture.StartOnAsync(provider);
        using var taiChinh = await plan.App.ApiClientAsync(TaiChinh);
        var id = plan.TaskId(Digitise);
        var version = (await taiChinh.GetFromJsonAsync<JsonElement>($"/api/tasks/{id}")).GetProperty("task").GetProperty("version").GetInt32();

        var posts = Enumerable.Range(0, 30).Select(i => taiChinh.PostAsync($"/api/tasks/{id}/progress", new MultipartFormDataContent
        {
            { new StringContent("10"), "percent" },
            { new StringContent($"Báo cáo {i}"), "summary" },
            { new StringContent(version.ToString(System.Globalization.CultureInfo.InvariantCulture)), "version" },
            { new ByteArrayContent(Evidence.Pdf($"minh chung {i}")), "files", $"minh-chung-{i}.pdf" },
        }));
        var answers = await Task.WhenAll(posts);
        var stored = await StoredHashesAsync(taiChinh, id);
        var onDisk = FilesOnDisk(plan.App);

        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"answered {(int)a.StatusCode}"));
        Assert.Equal(answers.Count(a => a.StatusCode == HttpStatusCode.Created), stored.Count);
        Assert.Equal(stored.Order(), onDisk.Select(Path.GetFileName).Order()!);
    }

    [Fact]
    public async Task A_restart_sweeps_files_no_report_refers_to_and_keeps_the_others()
    {
        var plan = await PlanFixture.StartAsync();
        var directory = plan.App.Directory;
        using (var taiChinh = await plan.App.ApiClientAsync(TaiChinh))
        {
            var posted = await taiChinh.PostAsync($"/api/tasks/{plan.TaskId(Digitise)}/progress", new MultipartFormDataContent
            {
                { new StringContent("Có tệp"), "summary" },
                { new ByteArrayContent(Evidence.Pdf("giu lai")), "files", "giu-lai.pdf" },
            });
            Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        }

        var kept = Convert.ToHexStringLower(SHA256.HashData(Evidence.Pdf("giu lai")));
        var orphan = Convert.ToHexStringLower(SHA256.HashData(Evidence.Pdf("mo coi")));
        var evidence = plan.App.EvidenceDirectory;
        await plan.App.StopAsync();
        var leftovers = new[]
        {
            Path.Combine(evidence, orphan[..2], orphan),
            Path.Combine(evidence, orphan[..2], orphan + ".0123456789abcdef0123456789abcdef.tmp"),
        };
        foreach (var file in leftovers)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllBytesAsync(file, Evidence.Pdf("mo coi"));
            File.SetLastWriteTimeUtc(file, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        }

        await using var restarted = await RunningApp.StartAsync(directory);

        Assert.All(leftovers, file => Assert.False(File.Exists(file), $"{Path.GetFileName(file)} is still there"));
        Assert.True(File.Exists(Path.Combine(evidence, kept[..2], kept)));
    }
}
