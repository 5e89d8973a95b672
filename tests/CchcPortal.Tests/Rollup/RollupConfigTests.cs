using CchcPortal.Core.Configuration;
using CchcPortal.Core.Diagnostics;
using CchcPortal.Core.Model;
using CchcPortal.Core.Rollup;
using YamlDotNet.RepresentationModel;

namespace CchcPortal.Tests.Rollup;

/// <summary>
/// Fast tests of the roll-up (issue 35): communes: in site.yaml (CC0100, CC0101), the package reader (names from the
/// title, unsafe paths), the CSV check against a Table Schema, and cchc new site --rollup.
/// </summary>
public sealed class RollupConfigTests
{
    private static (SiteConfig? Config, IReadOnlyList<Diagnostic> Diagnostics) Load(string yaml)
    {
        var dir = Repo.TempDir("rollup-config");
        try
        {
            File.WriteAllText(Path.Combine(dir, "site.yaml"), yaml);
            var bag = new DiagnosticBag();
            var config = SiteConfigLoader.Load(dir, bag, new DateOnly(2025, 12, 20));
            return (config, bag.Sorted());
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Communes_are_portal_addresses_read_once_each()
    {
        var (config, diagnostics) = Load("""
            title: Tỉnh
            communes:
              - https://binhtan.dongnai.gov.vn/cchc
              - https://laikhe.dongnai.gov.vn/cchc/index.html
              - https://BINHTAN.dongnai.gov.vn/cchc/
              - laikhe.dongnai.gov.vn
              - ftp://x.gov.vn/
            """);
        Assert.True(config!.IsRollup);
        Assert.Equal(["https://binhtan.dongnai.gov.vn/cchc/", "https://laikhe.dongnai.gov.vn/cchc/"], config.Communes.Select(c => c.Url));
        Assert.Equal(["site.yaml(5,5): warning CC0101", "site.yaml(6,5): error CC0100", "site.yaml(7,5): error CC0100"],
            diagnostics.Select(d => d.ToString("en")[..d.ToString("en").IndexOf(':', d.ToString("en").IndexOf("CC0", StringComparison.Ordinal))]));
        Assert.Contains("Did you mean \"https://laikhe.dongnai.gov.vn\"?", diagnostics[1].ToString("en"));
        Assert.False(Load("title: Xã\n").Config!.IsRollup);
    }

    [Fact]
    public void A_package_names_its_commune_or_is_named_from_its_title()
    {
        var named = CommunePackage.Parse("""{ "title": "CCHC", "x_commune": "Xã Lai Khê", "x_province": "Thành phố Hải Phòng", "x_as_of": "2025-12-20", "resources": [] }"""u8, out _)!;
        Assert.Equal(("Xã Lai Khê", "Thành phố Hải Phòng", "xa-lai-khe", new DateOnly(2025, 12, 20)), (named.Name, named.Province, named.Id, named.AsOf!.Value));
        var old = CommunePackage.Parse("""{ "title": "Cải cách hành chính phường Ô Chợ Dừa", "resources": [] }"""u8, out _)!;
        Assert.Equal(("Phường Ô Chợ Dừa", null, "phuong-o-cho-dua"), (old.Name, old.Province, old.Id));
        Assert.Null(CommunePackage.Parse("""{ "title": "x", "resources": [ { "path": "../../etc/passwd" } ] }"""u8, out var problem));
        Assert.Contains("../../etc/passwd", problem!.En);
        Assert.Null(CommunePackage.Parse("not json"u8, out problem));
        Assert.Contains("not valid JSON", problem!.En);
    }

    [Fact]
    public void A_csv_is_checked_against_its_table_schema()
    {
        var resource = new PackageResource("tasks", "tasks.csv",
            [new("as_of", "date", true), new("no", "integer", false), new("done", "boolean", false), new("title", "string", false)], null);
        byte[] Csv(string text) => [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(text)];
        Assert.Null(CommunePackage.Validate(Csv("as_of,no,done,title\r\n2025-12-20,7,true,\"Một, hai\r\nba\"\r\n2025-12-20,,false,x\r\n"), resource));
        Assert.Equal(3, CommunePackage.Validate(Csv("as_of,no,done,title\r\n2025-12-20,7,true,x\r\n20/12/2025,7,true,x\r\n"), resource)!.Value.Line);
        Assert.Contains("column no", CommunePackage.Validate(Csv("as_of,no,done,title\r\n2025-12-20,7.5,true,x\r\n"), resource)!.Value.Problem.En);
        Assert.Contains("header", CommunePackage.Validate(Csv("as_of,title\r\n2025-12-20,x\r\n"), resource)!.Value.Problem.En);
        Assert.Contains("required", CommunePackage.Validate(Csv("as_of,no,done,title\r\n,7,true,x\r\n"), resource)!.Value.Problem.En);
    }

    [Fact]
    public void New_rollup_site_checks_at_once_and_its_workflow_fetches_then_builds()
    {
        var dir = Path.Combine(Repo.TempDir("new-rollup"), "tinh");
        try
        {
            var made = CchcRun.Run("new", "site", dir, "--rollup");
            Assert.True(made.Exit == 0, made.Out + made.Err);
            var check = CchcRun.Run("check", "--source", dir, "--lang", "en");
            Assert.True(check.Exit == 0, check.Out + check.Err);
            Assert.Equal(2, check.Err.Split('\n').Count(l => l.Contains("warning CC0105", StringComparison.Ordinal)));
            var yaml = new YamlStream();
            yaml.Load(new StringReader(File.ReadAllText(Path.Combine(dir, ".github", "workflows", "cchc.yml"))));
            var steps = (YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["jobs"])["build"])["steps"];
            var runs = steps.Children.OfType<YamlMappingNode>().Select(s => s.Children.TryGetValue("run", out var r) ? ((YamlScalarNode)r).Value! : "").ToList();
            var fetch = runs.IndexOf("cchc fetch");
            Assert.True(fetch >= 0 && fetch < runs.IndexOf("cchc check") && runs.IndexOf("cchc check") < runs.IndexOf("cchc build"), string.Join(" | ", runs));
            Assert.Contains(runs, r => r.Contains("git add communes", StringComparison.Ordinal));
            Assert.Contains("cron:", File.ReadAllText(Path.Combine(dir, ".github", "workflows", "cchc.yml")));
        }
        finally { Directory.Delete(Path.GetDirectoryName(dir)!, true); }
    }
}
