using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DonDoc.Import.Reading;

/// <summary>
/// Reads a Word document: paragraphs become text lines and every table row a row of cells, in document
/// order (several tables, content controls included). Word's automatic numbering is written out as it
/// prints ("1.", "II.", "a)"), since an STT column is often numbered that way. A cell spanning columns
/// (gridSpan) is copied into the columns it covers, marked as merged from the left; the rows under a
/// vertically merged cell (vMerge) carry its text, marked as merged from above.
/// </summary>
public sealed class DocxReader
{
    public ReadResult Read(string fileName, byte[] content) => Read(fileName, content, ReadBudget.WithDefaults());

    public ReadResult Read(string fileName, byte[] content, ReadBudget budget)
    {
        OfficePackage.CheckSize(content, budget.Limits);
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var document = WordprocessingDocument.Open(stream, isEditable: false);
            var main = document.MainDocumentPart;
            var body = main?.Document?.Body;
            if (main is null || body is null)
            {
                return ReadResult.Fail("tệp Word không có nội dung", "the Word document has no body");
            }

            var reading = new Reading(new WordNumbering(main), budget);
            reading.Blocks(body);
            return ReadResult.Ok(new SourceDocument(fileName, reading.Lines));
        }
        catch (Exception ex) when (OfficePackage.IsBrokenFile(ex))
        {
            return ReadResult.Fail("tệp Word bị hỏng, bị cắt dở hoặc được đặt mật khẩu", $"cannot open the Word document: {ex.GetType().Name}: {ex.Message}");
        }
    }

    private sealed class Reading(WordNumbering numbering, ReadBudget budget)
    {
        private int _tables;

        public List<SourceLine> Lines { get; } = [];

        /// <summary>Paragraphs and tables, through content controls and custom XML that wrap them.</summary>
        public void Blocks(OpenXmlElement container)
        {
            foreach (var element in container.ChildElements)
            {
                switch (element)
                {
                    case Paragraph paragraph:
                        Lines.Add(new SourceLine(Lines.Count + 1, numbering.Text(paragraph), null));
                        break;
                    case Table table:
                        Table(table);
                        break;
                    case SdtBlock or SdtContentBlock or CustomXmlBlock:
                        Blocks(element);
                        break;
                }
            }
        }

        private void Table(Table table)
        {
            var index = _tables++;

            // The text of the vertically merged cell that is open in each grid column.
            var open = new Dictionary<int, string>();
            foreach (var row in Rows(table))
            {
                budget.ThrowIfCancelled();
                var cells = new CellRow(budget, index);
                var column = 0;
                var before = row.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0;
                for (; column < Math.Min(before, budget.Limits.MaxColumns + 1); column++)
                {
                    cells.Add(string.Empty);
                }

                foreach (var cell in Cells(row))
                {
                    var properties = cell.TableCellProperties;
                    var merge = properties?.VerticalMerge;
                    var continued = merge is not null && (merge.Val is null || merge.Val.Value == MergedCellValues.Continue);
                    string text;
                    if (continued)
                    {
                        text = open.GetValueOrDefault(column, string.Empty);
                        cells.Add(text, CellOrigin.MergedFromAbove);
                    }
                    else
                    {
                        text = string.Join(" ", cell.Descendants<Paragraph>().Select(numbering.Text).Where(t => t.Length > 0));
                        cells.Add(text);
                    }

                    if (merge is not null && !continued)
                    {
                        open[column] = text;
                    }
                    else if (merge is null)
                    {
                        open.Remove(column);
                    }

                    var span = Math.Clamp(properties?.GridSpan?.Val?.Value ?? 1, 1, budget.Limits.MaxColumns + 1);
                    for (var extra = 1; extra < span; extra++)
                    {
                        cells.Add(text, continued ? CellOrigin.MergedFromAbove : CellOrigin.MergedFromLeft);
                    }

                    column += span;
                }

                Lines.Add(cells.ToLine(Lines.Count + 1));
            }
        }

        private static IEnumerable<TableRow> Rows(OpenXmlElement container)
        {
            foreach (var element in container.ChildElements)
            {
                if (element is TableRow row)
                {
                    yield return row;
                }
                else if (element is SdtRow or SdtContentRow or CustomXmlRow)
                {
                    foreach (var inner in Rows(element))
                    {
                        yield return inner;
                    }
                }
            }
        }

        private static IEnumerable<TableCell> Cells(OpenXmlElement container)
        {
            foreach (var element in container.ChildElements)
            {
                if (element is TableCell cell)
                {
                    yield return cell;
                }
                else if (element is SdtCell or SdtContentCell or CustomXmlCell)
                {
                    foreach (var inner in Cells(element))
                    {
                        yield return inner;
                    }
                }
            }
        }
    }
}
