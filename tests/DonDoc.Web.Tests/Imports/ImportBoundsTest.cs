using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DonDoc.Data.Storage;
using DonDoc.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Tests.Imports;

/// <summary>Tests that measure what the whole process allocates run alone, so that no other test's work is counted.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuredCollection
{
    public const string Name = "Measured";
}

/// <summary>
/// Hostile plan files sent to POST /api/imports are refused with problem details in Vietnamese, store
/// nothing, and cost the server a bounded amount of memory; the per-import time budget refuses a slow one.
/// (Time itself is measured by tests/attack, never asserted here.)
/// </summary>
[Collection(MeasuredCollection.Name)]
public sealed class ImportBoundsTest
{
    private const string Office = "vanphong@example.vn";
    private const long Megabyte = 1024 * 1024;
    private const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string SheetNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static byte[] Package(params (string Name, string Content)[] parts) => Package(parts.Select(p => (p.Name, (Action<Stream>)(s => s.Write(Encoding.UTF8.GetBytes(p.Content))))).ToArray());

    private static byte[] Package(params (string Name, Action<Stream> Write)[] parts)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, write) in parts)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                write(stream);
            }
        }

        return buffer.ToArray();
    }

    private static byte[] Docx(Action<Stream> document) => Package(
        ("[Content_Types].xml", s => s.Write(Encoding.UTF8.GetBytes(
            "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"))),
        ("_rels/.rels", s => s.Write(Encoding.UTF8.GetBytes(
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>"))),
        ("word/document.xml", document));

    private static byte[] Docx(string documentXml) => Docx(s => s.Write(Encoding.UTF8.GetBytes(documentXml)));

    private static byte[] Xlsx(string sheetXml) => Package(
        ("[Content_Types].xml",
            "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>"),
        ("_rels/.rels",
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"),
        ("xl/workbook.xml", $"<workbook xmlns=\"{SheetNamespace}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Nhiệm vụ\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
        ("xl/_rels/workbook.xml.rels",
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"),
        ("xl/worksheets/sheet1.xml", sheetXml));

    /// <summary>The hostile files: what each is, and a word its refusal must hold.</summary>
    public static TheoryData<string, string, string> Files
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (var provider in RunningApp.Providers)
            {
                data.Add(provider, "zip-bomb-docx", "zip bomb");
                data.Add(provider, "zip-bomb-xlsx", "zip bomb");
                data.Add(provider, "xlsx-last-column", "Không đọc được tệp");
                data.Add(provider, "entities-docx", "hỏng");
                data.Add(provider, "malformed-docx", "hỏng");
                data.Add(provider, "malformed-xlsx", "hỏng");
            }

            return data;
        }
    }

    private static (string Name, byte[] Content) Hostile(string what) => what switch
    {
        // 256 MB of spaces in one paragraph: about 250 KB packed.
        "zip-bomb-docx" => ("ke-hoach.docx", Docx(s =>
        {
            s.Write(Encoding.UTF8.GetBytes($"<w:document xmlns:w=\"{WordNamespace}\"><w:body><w:p><w:r><w:t>"));
            var spaces = Encoding.ASCII.GetBytes(new string(' ', (int)Megabyte));
            for (var i = 0; i < 256; i++)
            {
                s.Write(spaces);
            }

            s.Write(Encoding.UTF8.GetBytes("</w:t></w:r></w:p></w:body></w:document>"));
        })),
        "zip-bomb-xlsx" => ("ke-hoach.xlsx", Xlsx($"<worksheet xmlns=\"{SheetNamespace}\"><sheetData>{new string(' ', 64 * (int)Megabyte)}</sheetData></worksheet>")),
        // One cell at the last column and row Excel allows: a reader that makes every cell before it runs out of memory.
        "xlsx-last-column" => ("ke-hoach.xlsx", Xlsx($"<worksheet xmlns=\"{SheetNamespace}\"><dimension ref=\"A1:XFD1048576\"/><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>STT</t></is></c></row>"
            + "<row r=\"1048576\"><c r=\"XFD1048576\" t=\"inlineStr\"><is><t>Nhiệm vụ</t></is></c></row></sheetData></worksheet>")),
        "entities-docx" => ("ke-hoach.docx", Docx(Laughs())),
        "malformed-docx" => ("ke-hoach.docx", Docx($"<w:document xmlns:w=\"{WordNamespace}\"><w:body><w:p><w:r><w:t>Kế hoạch</w:t></w:body>")),
        "malformed-xlsx" => ("ke-hoach.xlsx", Xlsx($"<worksheet xmlns=\"{SheetNamespace}\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</row>")),
        _ => throw new ArgumentOutOfRangeException(nameof(what)),
    };

    /// <summary>"Billion laughs": ten levels of entities, each ten times the one before.</summary>
    private static string Laughs()
    {
        var xml = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY l0 \"hahahahahahahahahaha\">");
        for (var i = 1; i < 10; i++)
        {
            xml.Append($"<!ENTITY l{i} \"{string.Concat(Enumerable.Repeat($"&l{i - 1};", 10))}\">");
        }

        return xml.Append($"]><w:document xmlns:w=\"{WordNamespace}\"><w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>").ToString();
    }

    [Theory]
    [MemberData(nameof(RunningApp.Providers), MemberType = typeof(RunningApp))]
    public async Task A_row_whose_content_its_column_cannot_hold_refuses_the_import_in_Vietnamese_and_stores_no_row(string provider)
    {
        await using var app = await RunningApp.StartOnAsync(provider);
        await app.AddUserAsync(Office, "monitor");
        using var api = await app.ApiClientAsync(Office);
        var plan = await File.ReadAllTextAsync(PlanFixture.FixturePath("ke-hoach-cai-cach.txt"));
        var longContent = string.Concat(Enumerable.Repeat("Số hóa hồ sơ lưu trữ lịch sử ", 800)).TrimEnd();
        Assert.True(longContent.Length > StoredTextRules.LongText);
        Assert.Contains("Số hóa hồ sơ lưu trữ lịch sử", plan, StringComparison.Ordinal);

        var response = await PostAsync(api, "ke-hoach.txt", Encoding.UTF8.GetBytes(plan.Replace("Số hóa hồ sơ lưu trữ lịch sử", longContent, StringComparison.Ordinal)));

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {body[..Math.Min(300, body.Length)]}");
        Assert.Contains("Nội dung nhiệm vụ quá dài", JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await PlansAsync(app));
        using var scope = app.App.Services.CreateScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<DonDocDbContext>().Tasks.CountAsync());
    }

    private static async Task<int> PlansAsync(RunningApp app)
    {
        using var scope = app.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DonDocDbContext>().Plans.CountAsync();
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient api, string name, byte[] content)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", name } };
        return await api.PostAsync("/api/imports", form);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task A_hostile_plan_file_is_refused_in_Vietnamese_with_bounded_memory_and_nothing_stored(string provider, string what, string reason)
    {
        await using var app = await RunningApp.StartOnAsync(provider);
        await app.AddUserAsync(Office, "monitor");
        using var api = await app.ApiClientAsync(Office);
        var (name, content) = Hostile(what);
        GC.Collect();

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var response = await PostAsync(api, name, content);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode} {body[..Math.Min(300, body.Length)]}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(reason, JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await PlansAsync(app));
        // The request itself is up to 1 MB; reading the file may cost a few times that, never the gigabytes it claims.
        Assert.True(allocated < 96 * Megabyte, $"{what}: the server allocated {allocated / Megabyte} MB");
    }

    [Theory]
    [MemberData(nameof(RunningApp.Providers), MemberType = typeof(RunningApp))]
    public async Task An_import_past_its_time_budget_is_refused_with_a_reason_and_stores_nothing(string provider)
    {
        await using var app = await RunningApp.StartOnAsync(provider, "--Import:TimeBudgetSeconds=0");
        await app.AddUserAsync(Office, "monitor");
        using var api = await app.ApiClientAsync(Office);

        var response = await PostAsync(api, "ke-hoach.txt", await File.ReadAllBytesAsync(PlanFixture.FixturePath("ke-hoach-cai-cach.txt")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("quá nhiều thời gian", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await PlansAsync(app));
    }
}
