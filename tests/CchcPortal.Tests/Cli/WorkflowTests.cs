using CchcPortal.Cli;
using YamlDotNet.RepresentationModel;

namespace CchcPortal.Tests.Cli;

/// <summary>
/// The CI files of a new site rebuild it every day just after midnight in Vietnam (statuses change with the date), and
/// install the tool once per version, then take it from the CI's cache.
/// </summary>
public class WorkflowTests
{
    private static YamlMappingNode Yaml(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlNode At(YamlNode node, params string[] keys) =>
        keys.Aggregate(node, (n, k) => ((YamlMappingNode)n).Children[new YamlScalarNode(k)]);

    private static string Text(YamlNode node, params string[] keys) => ((YamlScalarNode)At(node, keys)).Value ?? "";

    private static bool Has(YamlNode node, string key) => ((YamlMappingNode)node).Children.ContainsKey(new YamlScalarNode(key));

    [Fact]
    public void GitHub_runs_daily_just_after_midnight_in_Vietnam_and_by_hand()
    {
        using var site = new CliSite();
        var wf = Yaml(site.Read(".github/workflows/cchc.yml"));
        var on = At(wf, "on");
        Assert.True(Has(on, "workflow_dispatch"));
        Assert.True(Has(on, "push"));
        var cron = Text(((YamlSequenceNode)At(on, "schedule")).Children[0], "cron").Split(' ');
        // Every day (day, month and weekday fields are "*"), at a UTC time that is between 00:00 and 01:00 in Vietnam.
        Assert.Equal(["*", "*", "*"], cron[2..]);
        var vietnam = new TimeOnly(int.Parse(cron[1]), int.Parse(cron[0])).AddHours(7);
        Assert.True(vietnam < new TimeOnly(1, 0), $"{string.Join(' ', cron)} runs at {vietnam} in Vietnam");
        // A failed build (scheduled or not) publishes nothing: deploy needs it, so the last good site stays.
        Assert.Equal("build", Text(wf, "jobs", "deploy", "needs"));
    }

    [Fact]
    public void GitHub_installs_the_version_that_made_the_site_once_then_from_the_cache()
    {
        using var site = new CliSite();
        var wf = Yaml(site.Read(".github/workflows/cchc.yml"));
        Assert.Equal(Program.Version, Text(wf, "env", "CCHC_VERSION"));
        var steps = ((YamlSequenceNode)At(wf, "jobs", "build", "steps")).Children.ToList();
        int Index(Func<YamlNode, bool> f) => steps.FindIndex(s => f(s));
        var cache = Index(s => Has(s, "uses") && Text(s, "uses").StartsWith("actions/cache@", StringComparison.Ordinal));
        var install = Index(s => Has(s, "run") && Text(s, "run").StartsWith("dotnet tool install CchcPortal --version \"$CCHC_VERSION\" --tool-path ~/.cchc", StringComparison.Ordinal));
        var check = Index(s => Has(s, "run") && Text(s, "run") == "cchc check");
        Assert.True(cache >= 0 && cache < install && install < check, string.Join(" | ", steps));
        Assert.Equal("~/.cchc", Text(steps[cache], "with", "path"));
        Assert.Contains("${{ env.CCHC_VERSION }}", Text(steps[cache], "with", "key"));
        Assert.Contains("${{ runner.arch }}", Text(steps[cache], "with", "key"));   // the Native AOT package is per machine
        Assert.Equal("steps.cache.outputs.cache-hit != 'true'", Text(steps[install], "if"));
    }

    [Fact]
    public void GitLab_caches_the_tool_and_says_in_both_languages_how_to_build_daily()
    {
        using var site = new CliSite();
        var text = site.Read(".gitlab-ci.yml");
        var ci = Yaml(text);
        Assert.Equal(Program.Version, Text(ci, "variables", "CCHC_VERSION"));
        Assert.Equal("cchc-$CCHC_VERSION", Text(ci, "cache", "key"));
        Assert.Equal(".cchc/", ((YamlScalarNode)((YamlSequenceNode)At(ci, "cache", "paths")).Children[0]).Value);
        var before = ((YamlSequenceNode)At(ci, "before_script")).Children.Select(n => ((YamlScalarNode)n).Value).ToList();
        Assert.Equal("test -x .cchc/cchc || dotnet tool install CchcPortal --version \"$CCHC_VERSION\" --tool-path .cchc", before[0]);
        Assert.Contains("Chạy mỗi ngày", text);
        Assert.Contains("Daily run", text);
        Assert.Equal(2, text.Split("Pipeline schedules").Length - 1);
        Assert.Equal(2, text.Split("\"5 0 * * *\"").Length - 1);
        Assert.Contains(".cchc/", site.Read(".gitignore"));
    }
}
