using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CchcPortal.Tests.Export;

/// <summary>
/// Issue 37: a row of the appendices never breaks across pages in the sample's annual report as LibreOffice lays it
/// out. The PDF's words (<c>pdftotext -bbox</c>, page by page) are sorted into the table's columns (from its grid and
/// the landscape page's left margin); a row is whole when one page holds every one of its cells' text, unbroken, in its
/// column.
/// </summary>
[Trait("Category", "Slow")]
public class AppendixRowTests
{
    private static ExportedReports.Exports E => ExportedReports.Get;

    private static string Squeeze(string s) => Regex.Replace(s, @"\s+", "");

    private sealed record Word(double XMin, double YMin, double XMax, string Text);

    /// <summary>Every word of every page of the PDF, with its position.</summary>
    private static List<List<Word>> Pages(string pdf)
    {
        var html = LibreOffice.Run("pdftotext", ["-bbox", pdf, "-"]);
        var doc = XDocument.Parse(Regex.Replace(html, "<!DOCTYPE[^>]*>", ""));
        XNamespace x = "http://www.w3.org/1999/xhtml";
        double D(XElement e, string a) => double.Parse(e.Attribute(a)!.Value, CultureInfo.InvariantCulture);
        return doc.Descendants(x + "page")
            .Select(p => p.Elements(x + "word").Select(w => new Word(D(w, "xMin"), D(w, "yMin"), D(w, "xMax"), w.Value)).ToList())
            .ToList();
    }

    [Fact]
    public void No_row_of_the_sample_annual_report_appendices_splits_across_pages()
    {
        using var docx = WordprocessingDocument.Open(E.Sample, false);
        var body = docx.MainDocumentPart!.Document.Body!;
        // The appendices' pages: the last section (landscape) and its left margin.
        var landscape = body.Elements<SectionProperties>().Last();
        var left = (double)landscape.GetFirstChild<PageMargin>()!.Left!.Value / 20;
        var tables = body.Elements<Table>().Where(t => t.Elements<TableRow>().Any(r => r.TableRowProperties?.GetFirstChild<TableHeader>() is not null)).ToList();
        Assert.Equal(2, tables.Count);   // Phụ lục I and II
        var pages = Pages(E.SamplePdf);
        var rows = 0;
        foreach (var table in tables)
        {
            var widths = table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Select(c => double.Parse(c.Width!.Value!, CultureInfo.InvariantCulture) / 20).ToList();
            var edges = new List<double> { left };
            foreach (var w in widths) edges.Add(edges[^1] + w);
            // Each page's text, column by column, top to bottom.
            var columns = pages.Select(words => Enumerable.Range(0, widths.Count).Select(c =>
            {
                var inColumn = words.Where(w => (w.XMin + w.XMax) / 2 is var mid && mid >= edges[c] && mid < edges[c + 1])
                    .OrderBy(w => Math.Round(w.YMin)).ThenBy(w => w.XMin);
                return Squeeze(string.Concat(inColumn.Select(w => w.Text)));
            }).ToList()).ToList();
            foreach (var row in table.Elements<TableRow>())
            {
                var cells = row.Elements<TableCell>().ToList();
                if (cells.Count != widths.Count) continue;   // group rows (one cell across)
                if (row.TableRowProperties?.GetFirstChild<TableHeader>() is not null) continue;
                rows++;
                var texts = cells.Select(c => Squeeze(string.Concat(c.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>().Select(t => t.Text)))).ToList();
                var whole = columns.Any(page => texts.Select((t, c) => t.Length == 0 || page[c].Contains(t, StringComparison.Ordinal)).All(ok => ok));
                Assert.True(whole, $"The row \"{texts[0]}. {texts[1]}\" breaks across pages (or its text was not found whole on one page).");
            }
        }
        Assert.True(rows >= 29 + 17, $"{rows} rows");
    }

    /// <summary>"Cannot split" unless taller than a page: a task whose note fills pages still flows on, nothing cut off.</summary>
    [Fact]
    public void A_row_taller_than_a_page_still_flows_over_pages_with_nothing_lost()
    {
        var dir = Repo.TempDir("export-tall");
        var site = ExportedReports.CopySample(Path.Combine(dir, "site"));
        var report = Path.Combine(site, "content", "plans", "2025", "reports", "nam.md");
        var note = string.Join(" ", Enumerable.Range(1, 119).Select(i => $"Đoạn {i}: đã kiểm tra thêm một cơ quan, đơn vị và lập biên bản kiểm tra.")) + " HẾT-GHI-CHÚ";
        var text = File.ReadAllText(report);
        var was = "note: \"Đã kiểm tra 6/7 cơ quan, đơn vị; kiểm tra đơn vị còn lại trong tháng 12/2025\"";
        Assert.Contains(was, text, StringComparison.Ordinal);
        File.WriteAllText(report, text.Replace(was, $"note: \"{note}\"", StringComparison.Ordinal));
        var docx = Path.Combine(dir, "tall.docx");
        var r = CchcRun.Run("export", "report", "--source", site, "--plan", "2025", "--period", "nam", "--output", docx, "--today", "2025-12-20");
        Assert.True(r.Exit == 0, r.Err);
        LibreOffice.Convert("pdf", dir, docx);
        var all = Squeeze(LibreOffice.Run("pdftotext", [Path.ChangeExtension(docx, ".pdf"), "-"]));
        for (var i = 1; i <= 119; i++) Assert.Contains(Squeeze($"Đoạn {i}:"), all, StringComparison.Ordinal);
        Assert.Contains("HẾT-GHI-CHÚ", all, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_task_and_target_row_is_marked_cannot_split()
    {
        using var docx = WordprocessingDocument.Open(E.Sample, false);
        var rows = docx.MainDocumentPart!.Document.Body!.Elements<Table>()
            .Where(t => t.Elements<TableRow>().Any(r => r.TableRowProperties?.GetFirstChild<TableHeader>() is not null))
            .SelectMany(t => t.Elements<TableRow>()).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.NotNull(r.TableRowProperties?.GetFirstChild<CantSplit>()));
    }
}
