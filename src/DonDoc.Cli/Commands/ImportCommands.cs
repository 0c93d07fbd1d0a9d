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
            var result = importer.Import(info.Name, content, parse.GetValue(format) ?? "auto", cancellationToken);
            if (result.Extraction is not { } extraction)
            {
                throw new CliError($"không đọc được tệp \"{info.Name}\": {result.Failure!.Vietnamese}", $"cannot read {info.Name}: {result.Failure!.English}");
            }

            if (parse.GetValue(json))
            {
                Console.WriteLine(ExtractionJson.Serialize(ExtractionJson.ToJson(extraction, info.Name, importer.Agencies.InPlanOf(extraction.Plan.Issuer))));
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
        var floors = new Option<FileInfo?>("--floors") { Description = "Tệp mức sàn theo từng dạng tệp, vd. .ci/corpus-floor (fail below any per-form floor in this file)" };
        var only = new Option<string?>("--only") { Description = "Chỉ chấm các tệp golden có tên chứa chuỗi này (score only golden files whose name contains this)" };
        var output = new Option<DirectoryInfo?>("--extracted") { Description = "Ghi các tệp trích xuất vào thư mục này (write the extractions here)" };
        var command = new Command("eval", "Chấm điểm trích xuất so với tệp golden, như shared/eval/score.py, theo từng dạng tệp (score extraction against golden files, per form)")
        {
            goldenDir, docs, floor, floors, only, output,
        };
        command.SetAction((parse, cancellationToken) => DonDocCommandLine.RunAsync(async () =>
        {
            var directory = parse.GetValue(goldenDir)!;
            if (!directory.Exists)
            {
                throw new CliError($"không tìm thấy thư mục \"{directory.FullName}\"", $"directory not found: {directory.FullName}");
            }

            EvaluationFloor? floorFile = null;
            if (parse.GetValue(floors) is { } floorsInfo)
            {
                try
                {
                    floorFile = EvaluationFloor.Parse(await File.ReadAllTextAsync(floorsInfo.FullName, cancellationToken));
                }
                catch (Exception ex) when (ex is IOException or FormatException or UnauthorizedAccessException)
                {
                    throw new CliError($"không đọc được tệp mức sàn \"{floorsInfo.FullName}\"", $"cannot read the floor file {floorsInfo.FullName}: {ex.Message}");
                }
            }

            var docsDirectory = parse.GetValue(docs);
            var extractedDirectory = parse.GetValue(output);
            extractedDirectory?.Create();
            var importer = NewImporter();
            var tally = new EvaluationTally();
            var filter = parse.GetValue(only);
            var goldenFiles = directory.GetFiles("*.json")
                .Where(f => filter is null || f.Name.Contains(filter, StringComparison.OrdinalIgnoreCase))
                .OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
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
                    var result = importer.Import(documentName, await File.ReadAllBytesAsync(documentPath, cancellationToken), cancellationToken: cancellationToken);
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
                tally.Add(documentName, score);
                var accuracy = score.Golden > 0 ? (double)score.Correct.Values.Sum() / (ExtractionScorer.Fields.Count * score.Golden) : 1.0;
                var weakest = ExtractionScorer.Fields.Select((f, order) => (f, order)).OrderBy(x => score.Correct[x.f]).ThenBy(x => x.order).Take(3)
                    .Select(x => $"{x.f}:{score.Correct[x.f]}/{score.Golden}");
                Console.WriteLine($"{goldenFile.Name}: golden={score.Golden} extracted={score.Extracted} matched={score.Matched} field_accuracy={ExtractionScorer.Format(accuracy)} weakest={string.Join(",", weakest)}"
                    + (problem is null ? string.Empty : $" ({problem})"));
            }

            if (tally.Forms.Count > 1 || tally.Variants.Count > tally.Forms.Count)
            {
                foreach (var (form, sum) in tally.Forms)
                {
                    Console.WriteLine($"form {form}: {sum.Line()}");
                }

                foreach (var (variant, sum) in tally.Variants.Where(v => v.Variant.Contains(' ', StringComparison.Ordinal)))
                {
                    Console.WriteLine($"variant {variant}: {sum.Line()}");
                }
            }

            Console.WriteLine("fields: " + tally.Total.FieldsLine());
            Console.WriteLine($"total: {tally.Total.Line()}");
            var failures = new List<string>();
            if (parse.GetValue(floor) is { } minimum && Math.Round(tally.Total.FieldAccuracy, 3) < minimum)
            {
                failures.Add($"total field_accuracy {ExtractionScorer.Format(tally.Total.FieldAccuracy)} < {ExtractionScorer.Format(minimum)}");
            }

            failures.AddRange(floorFile?.Failures(tally) ?? []);
            foreach (var failure in failures)
            {
                await Console.Error.WriteLineAsync($"Lỗi: điểm thấp hơn mức sàn: {failure} [score below the floor]");
            }

            return failures.Count == 0 ? 0 : 1;
        }));
        return command;
    }
}
