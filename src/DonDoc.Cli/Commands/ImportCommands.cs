using System.CommandLine;
using System.Text.Json.Nodes;
using DonDoc.Core.Deadlines;
using DonDoc.Data.Plans;
using DonDoc.Data.Storage;
using DonDoc.Import.Evaluation;
using DonDoc.Import.Extraction;
using DonDoc.Import.Importing;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Cli.Commands;

/// <summary><c>dondoc import FILE</c> and <c>dondoc eval GOLDEN_DIR</c>.</summary>
public static class ImportCommands
{
    private static PlanImporter NewImporter() => new(new DeadlineParser());

    public static Command BuildImport()
    {
        var file = new Argument<FileInfo>("file") { Description = "Tệp kế hoạch (.txt) (the plan file)" };
        var format = new Option<string>("--format") { Description = "auto|tsv|pdftext|html|docx|xlsx|pdf", DefaultValueFactory = _ => "auto" };
        var json = new Option<bool>("--json") { Description = "In kết quả trích xuất dạng JSON, không lưu (print the extraction as JSON; store nothing)" };
        var command = new Command("import", "Nhập một kế hoạch: trích xuất nhiệm vụ, lưu bản nháp (import a plan as a draft)") { file, format, json };
        command.SetAction((parse, cancellationToken) => DonDocCommandLine.RunAsync(async () =>
        {
            var info = parse.GetValue(file)!;
            if (!info.Exists)
            {
                throw new CliError($"không tìm thấy tệp \"{info.FullName}\"", $"file not found: {info.FullName}");
            }

            var content = await File.ReadAllBytesAsync(info.FullName, cancellationToken);
            var importer = new PlanImporter(new DeadlineParser(), await AgencyCommands.LoadAsync(cancellationToken));
            var result = importer.Import(info.Name, content, parse.GetValue(format) ?? "auto");
            if (result.Extraction is not { } extraction)
            {
                throw new CliError($"không đọc được tệp \"{info.Name}\": {result.Failure!.Vietnamese}", $"cannot read {info.Name}: {result.Failure!.English}");
            }

            if (parse.GetValue(json))
            {
                Console.WriteLine(ExtractionJson.Serialize(ExtractionJson.ToJson(extraction, info.Name, importer.Agencies)));
                return 0;
            }

            await using var services = DatabaseCommands.BuildServices();
            await DatabaseMigrator.MigrateAsync(services, cancellationToken);
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<DonDocDbContext>();
            var entity = extraction.Plan.ToEntity(TimeProvider.System.GetUtcNow());
            db.Plans.Add(entity);
            await db.SaveChangesAsync(cancellationToken);
            Console.WriteLine($"Đã lưu bản nháp kế hoạch #{entity.Id} \"{extraction.Plan.Title}\": {extraction.Plan.Tasks.Count} nhiệm vụ, {extraction.Warnings.Count} cảnh báo, {extraction.DroppedLines.Count} dòng bị bỏ qua.");
            Console.WriteLine($"Saved draft plan #{entity.Id}: {extraction.Plan.Tasks.Count} tasks, {extraction.Warnings.Count} warnings, {extraction.DroppedLines.Count} dropped lines.");
            return 0;
        }));
        return command;
    }

    public static Command BuildEval()
    {
        var goldenDir = new Argument<DirectoryInfo>("golden-dir") { Description = "Thư mục tệp golden *.json (golden files)" };
        var docs = new Option<DirectoryInfo?>("--docs") { Description = "Thư mục tài liệu gốc (where the documents are, if not beside the golden files)" };
        var floor = new Option<double?>("--min-field-accuracy") { Description = "Thất bại nếu field_accuracy thấp hơn (fail below this field accuracy)" };
        var output = new Option<DirectoryInfo?>("--extracted") { Description = "Ghi các tệp trích xuất vào thư mục này (write the extractions here)" };
        var command = new Command("eval", "Chấm điểm trích xuất so với tệp golden, như shared/eval/score.py (score extraction against golden files)") { goldenDir, docs, floor, output };
        command.SetAction((parse, cancellationToken) => DonDocCommandLine.RunAsync(async () =>
        {
            var directory = parse.GetValue(goldenDir)!;
            if (!directory.Exists)
            {
                throw new CliError($"không tìm thấy thư mục \"{directory.FullName}\"", $"directory not found: {directory.FullName}");
            }

            var docsDirectory = parse.GetValue(docs);
            var extractedDirectory = parse.GetValue(output);
            extractedDirectory?.Create();
            var importer = NewImporter();
            int tg = 0, te = 0, tm = 0;
            var totals = ExtractionScorer.Fields.ToDictionary(f => f, _ => 0);
            var goldenFiles = directory.GetFiles("*.json").OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
            foreach (var goldenFile in goldenFiles)
            {
                var golden = JsonNode.Parse(await File.ReadAllTextAsync(goldenFile.FullName, cancellationToken))!;
                var documentName = golden["document"]?.GetValue<string>() ?? Path.GetFileNameWithoutExtension(goldenFile.Name);
                var documentPath = new[] { Path.Combine(goldenFile.DirectoryName!, documentName), docsDirectory is null ? null : Path.Combine(docsDirectory.FullName, documentName) }
                    .FirstOrDefault(p => p is not null && File.Exists(p));
                JsonNode extracted = new JsonObject { ["tasks"] = new JsonArray() };
                string? problem = null;
                if (documentPath is null)
                {
                    problem = "document not found";
                }
                else
                {
                    var result = importer.Import(documentName, await File.ReadAllBytesAsync(documentPath, cancellationToken));
                    if (result.Extraction is { } extraction)
                    {
                        extracted = ExtractionJson.ToJson(extraction, documentName);
                    }
                    else
                    {
                        problem = result.Failure!.English;
                    }
                }

                if (extractedDirectory is not null)
                {
                    await File.WriteAllTextAsync(Path.Combine(extractedDirectory.FullName, goldenFile.Name), ExtractionJson.Serialize(extracted), cancellationToken);
                }

                var score = ExtractionScorer.Score(golden, extracted);
                tg += score.Golden;
                te += score.Extracted;
                tm += score.Matched;
                foreach (var field in ExtractionScorer.Fields)
                {
                    totals[field] += score.Correct[field];
                }

                var accuracy = score.Golden > 0 ? (double)score.Correct.Values.Sum() / (ExtractionScorer.Fields.Count * score.Golden) : 1.0;
                var weakest = ExtractionScorer.Fields.Select((f, order) => (f, order)).OrderBy(x => score.Correct[x.f]).ThenBy(x => x.order).Take(3)
                    .Select(x => $"{x.f}:{score.Correct[x.f]}/{score.Golden}");
                Console.WriteLine($"{goldenFile.Name}: golden={score.Golden} extracted={score.Extracted} matched={score.Matched} field_accuracy={ExtractionScorer.Format(accuracy)} weakest={string.Join(",", weakest)}"
                    + (problem is null ? string.Empty : $" ({problem})"));
            }

            if (tg > 0)
            {
                Console.WriteLine("fields: " + string.Join(" ", ExtractionScorer.Fields.Select(f => $"{f}={ExtractionScorer.Format((double)totals[f] / tg)}")));
            }
            else
            {
                Console.WriteLine("fields: ");
            }

            var recall = tg > 0 ? (double)tm / tg : 1.0;
            var precision = te > 0 ? (double)tm / te : (tg == 0 ? 1.0 : 0.0);
            var total = tg > 0 ? (double)totals.Values.Sum() / (ExtractionScorer.Fields.Count * tg) : 1.0;
            Console.WriteLine($"total: docs={goldenFiles.Count} golden={tg} extracted={te} matched={tm} recall={ExtractionScorer.Format(recall)} precision={ExtractionScorer.Format(precision)} field_accuracy={ExtractionScorer.Format(total)}");
            if (parse.GetValue(floor) is { } minimum && Math.Round(total, 3) < minimum)
            {
                await Console.Error.WriteLineAsync($"Lỗi: field_accuracy {ExtractionScorer.Format(total)} thấp hơn mức sàn {ExtractionScorer.Format(minimum)} [field_accuracy below the floor]");
                return 1;
            }

            return 0;
        }));
        return command;
    }
}
