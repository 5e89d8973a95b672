using CchcPortal.Core.Diagnostics;
using CchcPortal.Core.Loading;
using CchcPortal.Core.Model;
using CchcPortal.Site.Editor;
using CchcPortal.Tests.Content;
using YamlDotNet.RepresentationModel;

namespace CchcPortal.Tests.Build;

/// <summary>
/// The web editor's new-report form starts where <c>cchc new report</c> starts (issue 37): the report collection's
/// fields default to <see cref="ReportPrefill"/> of its plan; every relation is a drop-down list.
/// </summary>
public class EditorPrefillTests
{
    private const string Plan = "cchc-6-thang-cuoi-2025";

    private static (YamlMappingNode Root, Plan Plan) Config(Action<string>? change = null)
    {
        var dir = Repo.TempDir("editor-prefill");
        ReportListTests.CopyDir(Repo.Path("tests", "sites", "seed-000"), dir);
        change?.Invoke(dir);
        var content = SiteLoader.Load(dir, new DiagnosticBag(), new DateOnly(2025, 12, 20))!;
        var yaml = new YamlStream();
        yaml.Load(new StringReader(CmsConfig.Generate(content.Config, content.Plans)));
        return ((YamlMappingNode)yaml.Documents[0].RootNode, content.Plans.Single(p => p.Id == Plan));
    }

    private static YamlNode? Get(YamlNode node, string key) =>
        ((YamlMappingNode)node).Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

    private static string? S(YamlNode node, string key) => (Get(node, key) as YamlScalarNode)?.Value;

    private static IEnumerable<YamlMappingNode> Seq(YamlNode node, string key) =>
        Get(node, key) is YamlSequenceNode s ? s.Children.OfType<YamlMappingNode>() : [];

    private static YamlMappingNode Field(YamlNode collection, string name) => Seq(collection, "fields").Single(f => S(f, "name") == name);

    private static YamlMappingNode Reports(YamlMappingNode root) => Seq(root, "collections").Single(c => S(c, "name") == "reports-" + Plan);

    [Fact]
    public void A_new_report_starts_with_every_task_and_its_latest_status_and_the_next_period()
    {
        // Q4's report removed: the form's report is Q4's, carrying Q3's statuses.
        var (root, plan) = Config(dir => File.Delete(Path.Combine(dir, "content", "plans", Plan, "reports", "q4.md")));
        var reports = Reports(root);
        Assert.Equal("q4", S(Field(reports, "period"), "default"));
        var prefill = ReportPrefill.Of(plan);
        var tasks = Seq(Field(reports, "tasks"), "default").ToList();
        Assert.Equal(plan.Tasks.Count, tasks.Count);
        Assert.Equal(prefill.Tasks.Select(t => t.Task.No.ToString(System.Globalization.CultureInfo.InvariantCulture)), tasks.Select(t => S(t, "no")));
        Assert.Equal(prefill.Tasks.Select(t => t.Status.Id()), tasks.Select(t => S(t, "status")));
        Assert.Equal(prefill.Tasks.Select(t => t.Progress?.ToString(System.Globalization.CultureInfo.InvariantCulture)), tasks.Select(t => S(t, "progress")));
        Assert.Equal(prefill.Tasks.Select(t => t.Evidence), tasks.Select(t => S(t, "evidence")));
        Assert.Contains(tasks, t => S(t, "status") != "not-started");   // Q3 reported some
        var targets = Seq(Field(reports, "targets"), "default").ToList();
        Assert.Equal(prefill.Targets.Where(t => t.Value is not null).Select(t => (t.Target.Id, t.Value)), targets.Select(t => (S(t, "id")!, S(t, "value"))));
    }

    [Fact]
    public void When_every_period_has_a_report_the_form_still_lists_the_tasks_but_picks_no_period()
    {
        var (root, plan) = Config();
        var reports = Reports(root);
        Assert.Null(S(Field(reports, "period"), "default"));
        Assert.Equal(plan.Tasks.Count, Seq(Field(reports, "tasks"), "default").Count());
    }

    [Fact]
    public void A_completed_plan_gets_no_defaults()
    {
        var (root, _) = Config(dir =>
        {
            var index = Path.Combine(dir, "content", "plans", Plan, "index.md");
            File.WriteAllText(index, File.ReadAllText(index).Replace("status: active", "status: completed", StringComparison.Ordinal));
        });
        var reports = Reports(root);
        Assert.Null(Get(Field(reports, "tasks"), "default"));
        Assert.Null(Get(Field(reports, "period"), "default"));
    }

    [Fact]
    public void Every_relation_is_a_drop_down_list()
    {
        var (root, _) = Config();
        var relations = new List<YamlMappingNode>();
        void Walk(YamlMappingNode field)
        {
            if (S(field, "widget") == "relation") relations.Add(field);
            foreach (var f in Seq(field, "fields")) Walk(f);
        }
        foreach (var collection in Seq(root, "collections"))
            foreach (var field in Seq(collection, "fields")) Walk(field);
        Assert.True(relations.Count >= 6, $"{relations.Count} relations");
        Assert.All(relations, r => Assert.Equal("0", S(r, "dropdown_threshold")));
    }

    [Fact]
    public void The_monitoring_unit_of_a_supervision_is_chosen_among_the_monitors_only()
    {
        var (root, _) = Config();
        var by = Field(Seq(root, "collections").Single(c => S(c, "name") == "supervision"), "by");
        var filter = Assert.Single(Seq(by, "filters"));
        Assert.Equal("role", S(filter, "field"));
        Assert.Equal(["monitor"], ((YamlSequenceNode)Get(filter, "values")!).Select(v => ((YamlScalarNode)v).Value));
        // The other unit fields list every unit.
        var leads = Seq(root, "collections").SelectMany(c => Seq(c, "fields")).Where(f => S(f, "name") == "lead").ToList();
        Assert.NotEmpty(leads);
        Assert.All(leads, lead => Assert.Null(Get(lead, "filters")));
    }
}
