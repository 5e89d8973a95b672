using System.Text.Json;
using CchcPortal.Site.Output;
using CchcPortal.Tests.Quality;

namespace CchcPortal.Tests.OpenData;

/// <summary>
/// The DCAT-AP catalog (issue 35) read as JSON: one dataset per plan and one for the site, every distribution a file of
/// the output with its true size, the same IRIs from one build to the next; the servers give both files their media types;
/// the Data Package names its commune and province.
/// </summary>
public sealed class CatalogTests : IClassFixture<OpenDataSite>
{
    private readonly OpenDataSite _site;
    public CatalogTests(OpenDataSite site) => _site = site;

    private static List<JsonElement> Graph(string output) =>
        [.. JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "data", "catalog.jsonld"))).RootElement.GetProperty("@graph").EnumerateArray()];

    private static bool Is(JsonElement node, string type) => node.GetProperty("@type").EnumerateArray().Any(t => t.GetString() == type);

    private static IEnumerable<string> Values(JsonElement node, string property) =>
        node.TryGetProperty(property, out var values) ? values.EnumerateArray().Select(v => v.TryGetProperty("@id", out var id) ? id.GetString()! : v.GetProperty("@value").GetString()!) : [];

    [Fact]
    public void One_dataset_per_plan_and_one_for_the_site()
    {
        var graph = Graph(_site.Output);
        var catalog = Assert.Single(graph, n => Is(n, "dcat:Catalog"));
        Assert.Equal("https://laikhe.haiphong.gov.vn/cchc/data/catalog", catalog.GetProperty("@id").GetString());
        var datasets = Values(catalog, "dcat:dataset").ToList();
        var plans = _site.Portal.Plans.Select(p => "https://laikhe.haiphong.gov.vn/cchc/data/catalog#plan-" + p.Plan.Id);
        Assert.Equal(["https://laikhe.haiphong.gov.vn/cchc/data/catalog#site", .. plans], datasets);
        Assert.Equal(datasets, graph.Where(n => Is(n, "dcat:Dataset")).Select(n => n.GetProperty("@id").GetString()));
        foreach (var d in graph.Where(n => Is(n, "dcat:Dataset")))
        {
            Assert.Equal(["vi", "en"], d.GetProperty("dct:title").EnumerateArray().Select(t => t.GetProperty("@language").GetString()));
            foreach (var p in new[] { "dct:description", "dct:publisher", "dcat:contactPoint", "dct:issued", "dct:modified", "dcat:landingPage", "dcat:distribution" })
                Assert.True(Values(d, p).Any(), $"{d.GetProperty("@id")} has no {p}");
        }
        var publisher = Assert.Single(graph, n => Is(n, "foaf:Agent"));
        Assert.Equal("Xã Lai Khê", Values(publisher, "foaf:name").Single());
    }

    [Fact]
    public void Every_distribution_is_a_file_of_the_output_with_its_size_and_media_type()
    {
        var distributions = Graph(_site.Output).Where(n => Is(n, "dcat:Distribution")).ToList();
        var files = Directory.EnumerateFiles(Path.Combine(_site.Output, "data"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".csv", StringComparison.Ordinal) || (f.EndsWith(".json", StringComparison.Ordinal) && !f.Contains("schema")))
            .Select(f => Path.GetRelativePath(_site.Output, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, distributions.Select(d => Values(d, "dcat:downloadURL").Single()["https://laikhe.haiphong.gov.vn/cchc/".Length..]).Order(StringComparer.Ordinal));
        foreach (var d in distributions)
        {
            var path = Values(d, "dcat:downloadURL").Single()["https://laikhe.haiphong.gov.vn/cchc/".Length..];
            Assert.Equal(new FileInfo(Path.Combine(_site.Output, path)).Length.ToString(System.Globalization.CultureInfo.InvariantCulture), Values(d, "dcat:byteSize").Single());
            Assert.Equal(path.EndsWith(".csv", StringComparison.Ordinal) ? "https://www.iana.org/assignments/media-types/text/csv" : "https://www.iana.org/assignments/media-types/application/json",
                Values(d, "dcat:mediaType").Single());
            Assert.Equal("https://creativecommons.org/licenses/by/4.0/", Values(d, "dct:license").Single());
        }
    }

    [Fact]
    public void The_open_data_page_lists_both_files_and_the_servers_give_their_media_types()
    {
        var page = _site.Read("du-lieu/index.html");
        Assert.Contains("data/catalog.jsonld", page);
        Assert.Contains("data/catalog.ttl", page);
        Assert.Contains(@"location ~ \.jsonld$ { default_type application/ld+json; }", _site.Read("_server/nginx.conf"));
        Assert.Contains(@"location ~ \.ttl$ { default_type text/turtle; }", _site.Read("_server/nginx.conf"));
        Assert.Contains("AddType \"application/ld+json; charset=utf-8\" .jsonld", _site.Read(".htaccess"));
        Assert.Contains("AddType \"text/turtle; charset=utf-8\" .ttl", _site.Read(".htaccess"));
        var caddy = _site.Read("_server/Caddyfile");
        Assert.Contains("header @jsonld Content-Type \"application/ld+json; charset=utf-8\"", caddy);
        Assert.Contains("header @turtle Content-Type \"text/turtle; charset=utf-8\"", caddy);
        Assert.Contains("application/ld+json", ServerConfig.CompressedTypes);
    }

    [Fact]
    public void The_data_package_names_its_commune_and_province()
    {
        var package = JsonDocument.Parse(_site.Read("data/datapackage.json")).RootElement;
        Assert.Equal("Xã Lai Khê", package.GetProperty("x_commune").GetString());
        Assert.Equal("Thành phố Hải Phòng", package.GetProperty("x_province").GetString());
    }
}

/// <summary>
/// The catalogs of the sample and of every test site read by real RDF libraries (npm jsonld and n3: the same graph from
/// both files) and validated against the DCAT-AP 2.1.1 SHACL shapes (rdf-validate-shacl): no violation
/// (tests/tools/check-catalog.mjs).
/// </summary>
[Trait("Category", "Slow")]
public sealed class CatalogRdfTests
{
    public static TheoryData<string> Sites() => ["sample", .. Directory.GetDirectories(Repo.Path("tests", "sites")).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Sites))]
    public void The_catalog_parses_as_json_ld_and_turtle_and_conforms_to_dcat_ap(string site)
    {
        foreach (var package in new[] { "jsonld", "n3", "rdf-validate-shacl", "@zazuko/env" }) ExternalTools.RequireNpmPackage(package);
        var output = site == "sample" ? SampleSite.Output : SampleSite.BuildTo(Repo.TempDir("catalog-" + site), Repo.Path("tests", "sites", site));
        var plans = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "data", "plans.json"))).RootElement.GetProperty("plans")
            .EnumerateArray().Select(p => p.GetProperty("plan_id").GetString()).ToList();
        var (code, text) = ExternalTools.Run(ExternalTools.Node(), [Repo.Path("tests", "tools", "check-catalog.mjs"), output]);
        Assert.True(code == 0, $"check-catalog.mjs (exit {code}):\n{text}");
        Assert.Contains($"datasets: {plans.Count + 1}", text);
        foreach (var plan in plans) Assert.Contains($"dataset plan-{plan}: ", text);
        Assert.Contains("shacl turtle: conforms=true, 0 violations", text);
        Assert.Contains("shacl jsonld: conforms=true, 0 violations", text);
        Assert.EndsWith("0 problems", text.Trim());
    }
}
