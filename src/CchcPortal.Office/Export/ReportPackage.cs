using System.IO.Compression;
using System.Security;
using CchcPortal.Core.Model;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using static CchcPortal.Office.Export.Word;

namespace CchcPortal.Office.Export;

/// <summary>
/// Writes the .docx: from the built-in layout, or from a commune's template (a .docx whose body is its letterhead),
/// then rewrites the zip so the same content always gives the same bytes: entries in a fixed order, every entry dated
/// 1980-01-01 (System.IO.Packaging stamps entries with the current time), and the package's own properties
/// (title, subject, creator, dates) taken from the report, never from the clock.
/// </summary>
internal static partial class ReportPackage
{
    /// <summary>The paragraph of a template where "BÁO CÁO", the body and the signature go.</summary>
    public const string ContentMarker = "{{noi_dung}}";

    public static byte[] Write(ReportFacts facts, ReportWords words, byte[]? template)
    {
        var document = new ReportDocument(facts, words);
        var stream = new MemoryStream();
        if (template is not null) stream.Write(template);
        using (var doc = template is null
            ? WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document)
            : WordprocessingDocument.Open(stream, true))
        {
            var main = doc.MainDocumentPart ?? doc.AddMainDocumentPart();
            SectionProperties portrait;
            Body body;
            var opening = new List<OpenXmlElement>();
            if (template is null)
            {
                var styles = main.AddNewPart<StyleDefinitionsPart>("rIdStyles");
                styles.Styles = Styles();
                var settings = main.AddNewPart<DocumentSettingsPart>("rIdSettings");
                settings.Settings = new Settings(new DefaultTabStop { Val = 720 }, new Compatibility(new CompatibilitySetting
                {
                    Name = CompatSettingNameValues.CompatibilityMode, Uri = "http://schemas.microsoft.com/office/word", Val = "15",
                }));
                portrait = Section(main, ReportDocument.Portrait);
                body = new Body();
                main.Document = new Document(body);
                opening.Add(document.Header());
            }
            else
            {
                body = main.Document?.Body ?? throw new InvalidDataException("the template has no document body");
                // A template without styles of its own gets the built-in ones (Times New Roman 14 pt).
                if (main.StyleDefinitionsPart is null) main.AddNewPart<StyleDefinitionsPart>("rIdStyles").Styles = Styles();
                var last = body.Elements<SectionProperties>().LastOrDefault();
                portrait = last is null ? Section(main, ReportDocument.Portrait) : (SectionProperties)last.CloneNode(true);
                last?.Remove();
                Fill(body, words);
            }
            opening.AddRange(document.Title());
            opening.AddRange(document.Content());
            opening.Add(document.Signature());
            var marker = body.Elements<Paragraph>().FirstOrDefault(p => p.InnerText.Trim() == ContentMarker);
            foreach (var element in opening)
                if (marker is not null) marker.InsertBeforeSelf(element); else body.Append(element);
            marker?.Remove();
            // The letter ends its portrait section; the appendices follow on landscape pages, numbered on.
            // The break is a paragraph one point high, so that a full last page does not push it onto a page of its own.
            body.Append(new Paragraph(new ParagraphProperties(
                new SpacingBetweenLines { Before = "0", After = "0", Line = "20", LineRule = LineSpacingRuleValues.Exact },
                new ParagraphMarkRunProperties(new FontSize { Val = "2" }), portrait.CloneNode(true))));
            foreach (var element in document.TaskAppendix()) body.Append(element);
            foreach (var element in document.TargetAppendix()) body.Append(element);
            body.Append(LandscapeOf(portrait));
            main.Document!.Save();
            CoreProperties(doc, facts, words);
        }
        return Deterministic(stream.ToArray());
    }

    /// <summary>A4 portrait with the page number centred in the top margin, from page 2 on.</summary>
    private static SectionProperties Section(MainDocumentPart main, ReportDocument.Page page)
    {
        var numbered = main.AddNewPart<HeaderPart>("rIdHeaderPages");
        numbered.Header = new Header(Para([new SimpleField(Run("1", size: 14)) { Instruction = " PAGE " }], JustificationValues.Center, after: 0));
        var first = main.AddNewPart<HeaderPart>("rIdHeaderFirst");
        first.Header = new Header(new Paragraph());
        return new SectionProperties(
            new HeaderReference { Type = HeaderFooterValues.Default, Id = "rIdHeaderPages" },
            new HeaderReference { Type = HeaderFooterValues.First, Id = "rIdHeaderFirst" },
            new PageSize { Width = (uint)page.Width, Height = (uint)page.Height },
            new PageMargin { Top = page.Top, Bottom = page.Bottom, Left = (uint)page.Left, Right = (uint)page.Right, Header = (uint)Cm, Footer = (uint)Cm, Gutter = 0 },
            new TitlePage());
    }

    /// <summary>The appendices' section: the letter's, turned to landscape, with the page number on its first page too.</summary>
    private static SectionProperties LandscapeOf(SectionProperties portrait)
    {
        var section = (SectionProperties)portrait.CloneNode(true);
        var size = section.GetFirstChild<PageSize>();
        if (size is null) section.Append(size = new PageSize());
        var (w, h) = (size.Width?.Value ?? 11906u, size.Height?.Value ?? 16838u);
        size.Width = Math.Max(w, h);
        size.Height = Math.Min(w, h);
        size.Orient = PageOrientationValues.Landscape;
        section.RemoveAllChildren<TitlePage>();
        return section;
    }

    /// <summary>Times New Roman 14 pt, Vietnamese, for the built-in layout.</summary>
    private static Styles Styles() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman", EastAsia = "Times New Roman" },
                new FontSize { Val = "28" }, new FontSizeComplexScript { Val = "28" }, new Languages { Val = "vi-VN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "0", Line = "276", LineRule = LineSpacingRuleValues.Auto }))),
        new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
        new Style(new StyleName { Val = "Normal Table" }, new TableProperties(new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa }))
        { Type = StyleValues.Table, StyleId = "TableNormal", Default = true });

    /// <summary>A template's placeholders: {{so}} the number, {{noi_ngay}} place and date, {{trich_yeu}} the subject,
    /// {{ky}} the period. A paragraph holding one is rewritten as one run with the paragraph's first run's formatting.</summary>
    private static void Fill(Body body, ReportWords words)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["{{so}}"] = words.NumberLine["Số: ".Length..].TrimStart() is { Length: > 0 } n ? n : "      /BC-UBND",
            ["{{noi_ngay}}"] = words.PlaceAndDate,
            ["{{trich_yeu}}"] = words.Subject,
            ["{{ky}}"] = words.PeriodPhrase,
        };
        foreach (var paragraph in body.Descendants<Paragraph>().ToList())
        {
            var texts = paragraph.Descendants<Text>().ToList();
            var joined = string.Concat(texts.Select(t => t.Text));
            if (!values.Keys.Any(joined.Contains)) continue;
            foreach (var (key, value) in values) joined = joined.Replace(key, value, StringComparison.Ordinal);
            texts[0].Text = joined;
            texts[0].Space = SpaceProcessingModeValues.Preserve;
            foreach (var t in texts.Skip(1)) t.Remove();
        }
    }

    private static void CoreProperties(WordprocessingDocument doc, ReportFacts facts, ReportWords words)
    {
        var part = doc.CoreFilePropertiesPart ?? doc.AddCoreFilePropertiesPart();
        var date = $"{facts.AsOf:yyyy-MM-dd}T00:00:00Z";
        var xml = $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{X("Báo cáo " + words.Subject.ToLowerInvariant()[0] + words.Subject[1..])}</dc:title><dc:subject>{X(facts.Plan.Title.Vi)}</dc:subject><dc:creator>{X(words.IssuerShort)}</dc:creator><dc:language>vi-VN</dc:language><dcterms:created xsi:type="dcterms:W3CDTF">{date}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{date}</dcterms:modified></cp:coreProperties>
            """;
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml));
        part.FeedData(stream);
    }

    private static string X(string s) => SecurityElement.Escape(s) ?? "";

    /// <summary>
    /// The package's own relationships (to the document and its properties) with ids numbered in order: System.IO.Packaging
    /// gives each a random one ("R285bd573355b4a51"). Nothing refers to these ids; readers find the parts by type.
    /// </summary>
    private static void PackageRelationships(Stream from, Stream to)
    {
        var xml = System.Xml.Linq.XDocument.Load(from);
        var n = 0;
        foreach (var rel in xml.Root!.Elements().Where(e => e.Attribute("Id") is { } id && RandomId().IsMatch(id.Value)))
            rel.SetAttributeValue("Id", $"rIdPackage{++n}");
        using var writer = System.Xml.XmlWriter.Create(to, new System.Xml.XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false) });
        xml.Save(writer);
    }

    [System.Text.RegularExpressions.GeneratedRegex("^R[0-9a-f]{16}$")]
    private static partial System.Text.RegularExpressions.Regex RandomId();

    /// <summary>The zip rewritten with fixed entry dates and order: "[Content_Types].xml" first, then by name.</summary>
    public static byte[] Deterministic(byte[] package)
    {
        var fixedDate = new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var input = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries.OrderBy(e => e.FullName == "[Content_Types].xml" ? 0 : 1).ThenBy(e => e.FullName, StringComparer.Ordinal))
            {
                var copy = zip.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = fixedDate;
                using var from = entry.Open();
                using var to = copy.Open();
                if (entry.FullName == "_rels/.rels") PackageRelationships(from, to);
                else from.CopyTo(to);
            }
        }
        return output.ToArray();
    }
}
