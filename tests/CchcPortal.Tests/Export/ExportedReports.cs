using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CchcPortal.Tests.Export;

/// <summary>
/// The reports the export tests read, exported once per test run with <c>cchc export report</c> and opened once in
/// LibreOffice: the sample's last report (twice, for determinism; also as PDF), the same site with a report that has no
/// number or date, leaves a task out and has richer Markdown, and the same site with a commune's template.
/// </summary>
public static class ExportedReports
{
    private static readonly Lazy<Exports> Made = new(Make);
    public static Exports Get => Made.Value;

    public sealed record Exports(string Dir, string Sample, string SampleAgain, string Variant, string Templated,
        string SampleText, string VariantText, string TemplatedText, string SamplePdf);

    /// <summary>The Markdown added to the variant's narrative: a table, numbered and nested lists, raw HTML, a link.</summary>
    public const string ExtraMarkdown = """

        ## Số liệu bổ sung

        | Chỉ số | Kết quả |
        |---|---:|
        | Hồ sơ tiếp nhận | 1.204 |
        | Hồ sơ trực tuyến | 1.099 |

        1. Bước thứ nhất
        2. Bước thứ hai
           - ý con của bước hai

        <script>alert("x")</script>

        Xem [cổng dịch vụ công](https://dichvucong.gov.vn) để biết thêm.
        """;

    private static Exports Make()
    {
        var dir = Repo.TempDir("export");
        string Export(string source, string name)
        {
            var path = Path.Combine(dir, name);
            var r = CchcRun.Run("export", "report", "--source", source, "--plan", "2025", "--period", "nam", "--output", path, "--today", "2025-12-20");
            if (r.Exit != 0) throw new InvalidOperationException($"export failed: {r.Err}");
            return path;
        }
        var sample = Export(Repo.Root, "sample.docx");
        var again = Export(Repo.Root, "sample-again.docx");

        var variantSite = CopySample(Path.Combine(dir, "variant-site"));
        var report = Path.Combine(variantSite, "content", "plans", "2025", "reports", "nam.md");
        var lines = File.ReadAllLines(report).Where(l => !l.StartsWith("number:") && !l.StartsWith("issued:") && !l.StartsWith("  \"16\":"));
        File.WriteAllText(report, string.Join("\n", lines) + "\n" + ExtraMarkdown + "\n");
        var variant = Export(variantSite, "variant.docx");

        var templatedSite = CopySample(Path.Combine(dir, "templated-site"));
        var template = Path.Combine(templatedSite, "themes", "default", "office", "bao-cao.docx");
        Directory.CreateDirectory(Path.GetDirectoryName(template)!);
        WriteTemplate(template);
        var templated = Export(templatedSite, "templated.docx");

        LibreOffice.Convert("txt:Text", dir, sample, variant, templated);
        LibreOffice.Convert("pdf", dir, sample);
        string Txt(string docx) => LibreOffice.Text(Path.ChangeExtension(docx, ".txt"));
        return new Exports(dir, sample, again, variant, templated, Txt(sample), Txt(variant), Txt(templated), Path.ChangeExtension(sample, ".pdf"));
    }

    /// <summary>The sample site (site.yaml and content/) copied to a new folder.</summary>
    public static string CopySample(string to)
    {
        Directory.CreateDirectory(to);
        File.Copy(Repo.Path("site.yaml"), Path.Combine(to, "site.yaml"));
        foreach (var file in Directory.EnumerateFiles(Repo.Path("content"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, "content", Path.GetRelativePath(Repo.Path("content"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return to;
    }

    /// <summary>A commune's letterhead as Word would save it: its own lines, the placeholders, the content marker, a footnote
    /// line after it; "{{so}}" split over two runs as Word often splits text.</summary>
    public static void WriteTemplate(string path)
    {
        using var doc = WordprocessingDocument.Create(path, DocumentFormat.OpenXml.WordprocessingDocumentType.Document);
        var main = doc.AddMainDocumentPart();
        static Paragraph P(params string[] runs) => new(runs.Select(r => new Run(new DocumentFormat.OpenXml.Wordprocessing.Text(r) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve })));
        main.Document = new Document(new Body(
            P("ỦY BAN NHÂN DÂN PHƯỜNG Ô CHỢ DỪA — MẪU RIÊNG"),
            P("Số: {{s", "o}}"),
            P("{{noi_ngay}}"),
            P("Kỳ: {{ky}}"),
            P("{{noi_dung}}"),
            P("Dòng cuối của mẫu"),
            new SectionProperties(new PageSize { Width = 11906, Height = 16838 }, new PageMargin { Top = 1134, Bottom = 1134, Left = 1701, Right = 1134 })));
    }
}
