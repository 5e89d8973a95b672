using System.Globalization;
using System.Text;
using CchcPortal.Core.Model;

namespace CchcPortal.Site.Index;

/// <summary>One downloadable file of a dataset (a CSV, a JSON, the Data Package), with the size written.</summary>
public sealed record CatalogDistribution(string Path, string Format, long Size, string TitleVi, string TitleEn, string? ConformsTo = null);

/// <summary>One dataset of the catalog: the whole site, one plan, or (in a roll-up) the communes.</summary>
public sealed record CatalogDataset(string Key, string TitleVi, string TitleEn, string DescriptionVi, string DescriptionEn, string LandingPage,
    IReadOnlyList<CatalogDistribution> Distributions)
{
    public DateOnly? Issued { get; init; }
    public DateOnly? Modified { get; init; }
    public DateOnly? PeriodFrom { get; init; }
    public DateOnly? PeriodTo { get; init; }
}

/// <summary>What a catalog says about the site: its publisher and datasets (made by the commune's or the roll-up's open data).</summary>
public sealed record CatalogInfo(SiteConfig Config, string Publisher, string TitleEn, string DescriptionVi, string DescriptionEn,
    IReadOnlyList<CatalogDataset> Datasets);

/// <summary>
/// The DCAT-AP 2.1.1 catalog of a site's open data, as JSON-LD (<c>data/catalog.jsonld</c>) and Turtle
/// (<c>data/catalog.ttl</c>): one graph, two serialisations. Every resource has a stable IRI made from <c>base_url</c>
/// (the catalog <c>{base}data/catalog</c>, its datasets and distributions fragments of it), so a harvester (CKAN's
/// ckanext-dcat) that reads it again updates the same datasets. Dates are content dates, never the build time.
/// </summary>
public static class Catalog
{
    public const string JsonLdPath = OpenDataOutput.Folder + "catalog.jsonld";
    public const string TurtlePath = OpenDataOutput.Folder + "catalog.ttl";

    private static readonly (string Prefix, string Iri)[] Prefixes =
    [
        ("dcat", "http://www.w3.org/ns/dcat#"), ("dct", "http://purl.org/dc/terms/"), ("foaf", "http://xmlns.com/foaf/0.1/"),
        ("vcard", "http://www.w3.org/2006/vcard/ns#"), ("xsd", "http://www.w3.org/2001/XMLSchema#"), ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ];

    private const string Languages = "http://publications.europa.eu/resource/authority/language/";
    private const string FileTypes = "http://publications.europa.eu/resource/authority/file-type/";
    private const string MediaTypes = "https://www.iana.org/assignments/media-types/";

    /// <summary>An RDF object: an IRI, or a literal with a language or a datatype (a CURIE such as "xsd:date").</summary>
    public sealed record Term(string Value, bool IsIri, string? Lang = null, string? Datatype = null)
    {
        public static Term Iri(string iri) => new(iri, true);
        public static Term Text(string text, string lang) => new(text, false, lang);
        public static Term Plain(string text) => new(text, false);
        public static Term Typed(string text, string datatype) => new(text, false, null, datatype);
        public static Term Date(DateOnly d) => Typed(OpenDataFormats.Date(d), "xsd:date");
    }

    /// <summary>A subject with its types and its (predicate, object) pairs, in the order written.</summary>
    public sealed class Node(string iri, params string[] types)
    {
        public string Iri { get; } = iri;
        public IReadOnlyList<string> Types { get; } = types;
        public List<(string Predicate, Term Object)> Properties { get; } = [];
        public Node Add(string predicate, Term? value) { if (value is not null) Properties.Add((predicate, value)); return this; }
        public Node Add(string predicate, IEnumerable<Term> values) { foreach (var v in values) Properties.Add((predicate, v)); return this; }
    }

    /// <summary>The base every IRI is made from: <c>base_url</c>, or a reserved host when it is a bare path.</summary>
    public static string Base(SiteConfig config) =>
        Feeds.IsAbsolute(config.BaseUrl) ? config.BaseUrl : "https://" + Feeds.Host(config.BaseUrl) + "/" + config.BaseUrl.TrimStart('/');

    public static string CatalogIri(SiteConfig config) => Base(config) + "data/catalog";
    public static string DatasetIri(SiteConfig config, string key) => CatalogIri(config) + "#" + key;

    /// <summary>The graph: catalog, publisher, contact point, licence, datasets, distributions.</summary>
    public static IReadOnlyList<Node> Graph(CatalogInfo info)
    {
        var config = info.Config;
        var b = Base(config);
        var catalogIri = CatalogIri(config);
        var publisher = catalogIri + "#publisher";
        var contact = catalogIri + "#contact";
        var (_, licensePath) = OpenDataOutput.License(config.License);
        var license = licensePath ?? catalogIri + "#license";
        var languages = config.Languages.Select(l => Term.Iri(Languages + LanguageCode(l))).ToList();
        var datasets = info.Datasets;
        var issued = datasets.Select(d => d.Issued).Where(d => d is not null).Min();
        var modified = datasets.Select(d => d.Modified).Where(d => d is not null).Max() ?? config.AsOf;
        Term[] Both(string vi, string en) => [Term.Text(vi, "vi"), Term.Text(en, "en")];

        var nodes = new List<Node>();
        var catalog = new Node(catalogIri, "dcat:Catalog")
            .Add("dct:title", Both(config.Title, info.TitleEn))
            .Add("dct:description", Both(info.DescriptionVi, info.DescriptionEn))
            .Add("dct:publisher", Term.Iri(publisher))
            .Add("foaf:homepage", Term.Iri(b))
            .Add("dct:language", languages)
            .Add("dct:license", Term.Iri(license))
            .Add("dct:issued", issued is { } i ? Term.Date(i) : null)
            .Add("dct:modified", Term.Date(modified))
            .Add("dcat:dataset", datasets.Select(d => Term.Iri(DatasetIri(config, d.Key))));
        nodes.Add(catalog);
        nodes.Add(new Node(publisher, "foaf:Agent", "foaf:Organization")
            .Add("foaf:name", Term.Text(info.Publisher, "vi"))
            .Add("dct:type", Term.Iri("http://purl.org/adms/publishertype/LocalAuthority"))
            .Add("foaf:homepage", Term.Iri(b)));
        nodes.Add(new Node(contact, "vcard:Organization")
            .Add("vcard:fn", Term.Text(info.Publisher, "vi"))
            .Add("vcard:hasURL", Term.Iri(b)));
        var licenseNode = new Node(license, "dct:LicenseDocument").Add("rdfs:label", Term.Text(config.License, "vi"));
        nodes.Add(licenseNode);

        foreach (var d in datasets)
        {
            var iri = DatasetIri(config, d.Key);
            var dataset = new Node(iri, "dcat:Dataset")
                .Add("dct:identifier", Term.Plain(iri))
                .Add("dct:title", Both(d.TitleVi, d.TitleEn))
                .Add("dct:description", Both(d.DescriptionVi, d.DescriptionEn))
                .Add("dcat:keyword", [Term.Text("cải cách hành chính", "vi"), Term.Text("administrative reform", "en")])
                .Add("dcat:theme", Term.Iri("http://publications.europa.eu/resource/authority/data-theme/GOVE"))
                .Add("dct:publisher", Term.Iri(publisher))
                .Add("dcat:contactPoint", Term.Iri(contact))
                .Add("dcat:landingPage", Term.Iri(d.LandingPage))
                .Add("dct:language", languages)
                .Add("dct:issued", d.Issued is { } di ? Term.Date(di) : null)
                .Add("dct:modified", d.Modified is { } dm ? Term.Date(dm) : null);
            Node? period = null;
            if (d.PeriodFrom is not null || d.PeriodTo is not null)
            {
                period = new Node(iri + "-period", "dct:PeriodOfTime")
                    .Add("dcat:startDate", d.PeriodFrom is { } from ? Term.Date(from) : null)
                    .Add("dcat:endDate", d.PeriodTo is { } to ? Term.Date(to) : null);
                dataset.Add("dct:temporal", Term.Iri(period.Iri));
            }
            var distributions = d.Distributions.Select(f =>
            {
                var url = b + f.Path;
                var (fileType, mediaType) = f.Format switch
                {
                    "CSV" => ("CSV", "text/csv"),
                    _ => ("JSON", "application/json"),
                };
                return new Node(catalogIri + "#" + f.Path, "dcat:Distribution")
                    .Add("dct:title", Both(f.TitleVi, f.TitleEn))
                    .Add("dcat:accessURL", Term.Iri(url))
                    .Add("dcat:downloadURL", Term.Iri(url))
                    .Add("dcat:mediaType", Term.Iri(MediaTypes + mediaType))
                    .Add("dct:format", Term.Iri(FileTypes + fileType))
                    .Add("dcat:byteSize", Term.Typed(f.Size.ToString(CultureInfo.InvariantCulture), "xsd:decimal"))
                    .Add("dct:license", Term.Iri(license))
                    .Add("dct:conformsTo", f.ConformsTo is null ? null : Term.Iri(f.ConformsTo.Contains("://", StringComparison.Ordinal) ? f.ConformsTo : b + f.ConformsTo));
            }).ToList();
            dataset.Add("dcat:distribution", distributions.Select(n => Term.Iri(n.Iri)));
            nodes.Add(dataset);
            if (period is not null) nodes.Add(period);
            nodes.AddRange(distributions);
        }
        return nodes;
    }

    /// <summary>ISO 639-2 (the EU language authority's codes) of the languages a site may have.</summary>
    private static string LanguageCode(string lang) => lang switch
    {
        "vi" => "VIE",
        "en" => "ENG",
        "fr" => "FRA",
        "zh" => "ZHO",
        "de" => "DEU",
        "ja" => "JPN",
        "ko" => "KOR",
        "ru" => "RUS",
        "km" => "KHM",
        "lo" => "LAO",
        "es" => "SPA",
        "th" => "THA",
        _ => "MUL",
    };

    // ---- Turtle ---------------------------------------------------------------------------------------------

    public static void Turtle(Stream stream, IReadOnlyList<Node> nodes)
    {
        using var w = new StreamWriter(stream, new UTF8Encoding(false), bufferSize: 16 * 1024, leaveOpen: true) { NewLine = "\n" };
        foreach (var (prefix, iri) in Prefixes) w.Write($"@prefix {prefix}: <{iri}> .\n");
        foreach (var node in nodes)
        {
            w.Write('\n');
            w.Write(IriRef(node.Iri));
            w.Write(" a ");
            w.Write(string.Join(", ", node.Types));
            foreach (var group in node.Properties.GroupBy(p => p.Predicate))
            {
                w.Write(" ;\n    ");
                w.Write(group.Key);
                w.Write(' ');
                w.Write(string.Join(", ", group.Select(p => TurtleTerm(p.Object))));
            }
            w.Write(" .\n");
        }
    }

    private static string TurtleTerm(Term t) =>
        t.IsIri ? IriRef(t.Value)
        : "\"" + EscapeString(t.Value) + "\"" + (t.Lang is not null ? "@" + t.Lang : t.Datatype is not null ? "^^" + t.Datatype : "");

    /// <summary>An IRI in angle brackets, characters Turtle does not allow there percent-encoded.</summary>
    private static string IriRef(string iri)
    {
        var sb = new StringBuilder(iri.Length + 2).Append('<');
        foreach (var b in Encoding.UTF8.GetBytes(iri))
        {
            if (b <= 0x20 || b >= 0x7F || "<>\"{}|^`\\".Contains((char)b)) sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            else sb.Append((char)b);
        }
        return sb.Append('>').ToString();
    }

    private static string EscapeString(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
            sb.Append(c switch
            {
                '\\' => "\\\\",
                '"' => "\\\"",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when c < 0x20 => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        return sb.ToString();
    }

    // ---- JSON-LD --------------------------------------------------------------------------------------------

    /// <summary>A context of prefixes and a @graph of node objects: every value an explicit object, so nothing depends on term definitions.</summary>
    public static void JsonLd(Stream stream, IReadOnlyList<Node> nodes) => OpenDataFormats.JsonDocument(stream, w =>
    {
        w.WriteStartObject();
        w.WriteStartObject("@context");
        foreach (var (prefix, iri) in Prefixes) w.WriteString(prefix, iri);
        w.WriteEndObject();
        w.WriteStartArray("@graph");
        foreach (var node in nodes)
        {
            w.WriteStartObject();
            w.WriteString("@id", IriRef(node.Iri)[1..^1]);
            w.WriteStartArray("@type");
            foreach (var type in node.Types) w.WriteStringValue(type);
            w.WriteEndArray();
            foreach (var group in node.Properties.GroupBy(p => p.Predicate))
            {
                w.WriteStartArray(group.Key);
                foreach (var (_, t) in group)
                {
                    w.WriteStartObject();
                    if (t.IsIri) w.WriteString("@id", IriRef(t.Value)[1..^1]);
                    else
                    {
                        w.WriteString("@value", t.Value);
                        if (t.Lang is not null) w.WriteString("@language", t.Lang);
                        else if (t.Datatype is not null) w.WriteString("@type", t.Datatype);
                    }
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
            OpenDataFormats.FlushIfFull(w);
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>Writes both files; returns their entries for the open-data page.</summary>
    public static IReadOnlyList<DataFile> Write(CatalogInfo info, Output.SiteWriter writer)
    {
        var graph = Graph(info);
        var jsonld = new DataFile(JsonLdPath, "JSON-LD", DataFileGroup.Description, "catalog");
        var ttl = new DataFile(TurtlePath, "Turtle", DataFileGroup.Description, "catalog");
        return
        [
            jsonld with { Size = writer.Write(jsonld.Path, s => JsonLd(s, graph)) },
            ttl with { Size = writer.Write(ttl.Path, s => Turtle(s, graph)) },
        ];
    }
}
