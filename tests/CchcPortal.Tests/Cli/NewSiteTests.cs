using YamlDotNet.RepresentationModel;

namespace CchcPortal.Tests.Cli;

public class NewSiteTests
{
    private static YamlMappingNode Yaml(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static IEnumerable<string> Scalars(YamlNode node) => node switch
    {
        YamlScalarNode s => [s.Value ?? ""],
        YamlMappingNode m => m.Children.SelectMany(kv => Scalars(kv.Key).Concat(Scalars(kv.Value))),
        YamlSequenceNode q => q.Children.SelectMany(Scalars),
        _ => [],
    };

    [Fact]
    public void New_site_checks_and_builds_at_once()
    {
        using var site = new CliSite();
        site.AssertChecks();
        var output = Path.Combine(site.Root, "out");
        var (exit, o, e) = site.Cli("build", "--output", output);
        Assert.True(exit == 0, o + e);
        var home = File.ReadAllText(Path.Combine(output, "index.html"));
        Assert.Contains("Kế hoạch cải cách hành chính xã Bình An năm 2026", home);
        Assert.True(File.Exists(Path.Combine(output, "ke-hoach", "2026", "nhiem-vu", "01", "index.html")));
        Assert.True(File.Exists(Path.Combine(output, "trang", "gioi-thieu", "index.html")));
    }

    [Fact]
    public void GitHub_workflow_parses_checks_then_builds_and_publishes_public_from_main()
    {
        using var site = new CliSite();
        var wf = Yaml(site.Read(".github/workflows/cchc.yml"));
        var push = (YamlMappingNode)((YamlMappingNode)wf["on"])["push"];
        Assert.Contains("main", Scalars(push["branches"]));
        var build = (YamlMappingNode)((YamlMappingNode)wf["jobs"])["build"];
        var steps = ((YamlSequenceNode)build["steps"]).Children.Cast<YamlMappingNode>().ToList();
        string? Run(YamlMappingNode s) => s.Children.TryGetValue(new YamlScalarNode("run"), out var r) ? ((YamlScalarNode)r).Value : null;
        string? Uses(YamlMappingNode s) => s.Children.TryGetValue(new YamlScalarNode("uses"), out var r) ? ((YamlScalarNode)r).Value : null;
        var order = steps.Select(s => Run(s) ?? Uses(s) ?? "").ToList();
        var check = order.IndexOf("cchc check");
        var buildStep = order.IndexOf("cchc build");
        var upload = order.FindIndex(s => s.StartsWith("actions/upload-pages-artifact", StringComparison.Ordinal));
        Assert.True(check >= 0 && check < buildStep && buildStep < upload, string.Join(" | ", order));
        Assert.Contains(order, s => s.StartsWith("dotnet tool install CchcPortal", StringComparison.Ordinal));
        Assert.Equal("public/", ((YamlScalarNode)((YamlMappingNode)steps[upload]["with"])["path"]).Value);
        var deploy = (YamlMappingNode)((YamlMappingNode)wf["jobs"])["deploy"];
        Assert.Contains(Scalars(deploy), s => s.StartsWith("actions/deploy-pages", StringComparison.Ordinal));
    }

    [Fact]
    public void GitLab_pages_job_checks_and_publishes_public()
    {
        using var site = new CliSite();
        var ci = Yaml(site.Read(".gitlab-ci.yml"));
        var pages = (YamlMappingNode)ci["pages"];
        var script = Scalars(pages["script"]).ToList();
        Assert.Equal("cchc check", script[0]);
        Assert.Contains(script, s => s.StartsWith("cchc build", StringComparison.Ordinal));
        Assert.Equal(["public"], Scalars(((YamlMappingNode)pages["artifacts"])["paths"]));
    }

    [Fact]
    public void A_build_that_cannot_write_says_why_without_a_stack_trace()
    {
        using var site = new CliSite();
        var output = Path.Combine(site.Root, "out");
        Assert.Equal(0, site.Cli("build", "--output", output).Exit);
        var home = File.ReadAllText(Path.Combine(output, "index.html"));
        // The staging folder beside the output cannot be made: a file stands where its parent folder would be.
        var blocked = Path.Combine(site.Root, "file");
        File.WriteAllText(blocked, "");
        var (exit, o, e) = site.Cli("build", "--output", Path.Combine(blocked, "out"));
        Assert.Equal(1, exit);
        Assert.StartsWith($"cchc: không ghi được trang vào {Path.Combine(blocked, "out")}: ", e);
        Assert.Contains("Trang cũ (nếu có) được giữ nguyên.", e);
        Assert.DoesNotContain("lỗi nội bộ", e + o);
        Assert.DoesNotContain("   at ", e + o);
        Assert.Equal(home, File.ReadAllText(Path.Combine(output, "index.html"))); // an earlier site elsewhere is untouched
    }

    [Fact]
    public void New_site_refuses_a_folder_that_has_a_site()
    {
        using var site = new CliSite();
        var before = site.Read("site.yaml");
        var (exit, _, e) = CliSite.Run(site.Root, "new", "site", site.Dir);
        Assert.Equal(1, exit);
        Assert.Contains("đã có; không ghi đè", e);
        Assert.Equal(before, site.Read("site.yaml"));
    }

    [Fact]
    public void Check_prints_workflow_annotations_in_GitHub_Actions()
    {
        using var site = new CliSite();
        site.Write("content/plans/2026/tasks/01.md", site.Read("content/plans/2026/tasks/01.md").Replace("\"Quý I/2026\"", "\"sớm nhất có thể\""));
        var before = Environment.GetEnvironmentVariable("GITHUB_ACTIONS");
        (int Exit, string Out, string Err) withGitHub, without;
        try
        {
            Environment.SetEnvironmentVariable("GITHUB_ACTIONS", "true");
            withGitHub = site.Cli("check");
        }
        finally { Environment.SetEnvironmentVariable("GITHUB_ACTIONS", before); }
        without = site.Cli("check");
        Assert.Equal(1, withGitHub.Exit);
        var line = site.Read("content/plans/2026/tasks/01.md").Split('\n').ToList().FindIndex(l => l.StartsWith("deadline:", StringComparison.Ordinal)) + 1;
        Assert.Contains($"content/plans/2026/tasks/01.md({line},", withGitHub.Err);
        Assert.Matches($@"(?m)^::error file=content/plans/2026/tasks/01\.md,line={line},col=\d+,title=CC0012::.*sớm nhất có thể", withGitHub.Err);
        if (before != "true") Assert.DoesNotContain("::error", without.Err);
    }
}
