using System.Text.RegularExpressions;
using CchcPortal.Core.Diagnostics;
using CchcPortal.Core.Loading;
using CchcPortal.Core.Model;
using CchcPortal.Core.Schema;
using CchcPortal.Core.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CchcPortal.Tests.Content;

/// <summary>The one definition of the contract (<see cref="ContentSchema"/>) says what the loader does.</summary>
public class ContentSchemaTests
{
    /// <summary>The invalid sites' base with its one mistake undone: every kind but pages, with nearly every key.</summary>
    private static string ValidBase()
    {
        var dir = Repo.TempDir("schema");
        ReportListTests.CopyDir(Path.Combine(InvalidSiteTests.CasesDir, "progress-out-of-range"), dir);
        File.Delete(Path.Combine(dir, "expected.txt"));
        var report = Path.Combine(dir, "content/plans/2025/reports/q3.md");
        File.WriteAllText(report, File.ReadAllText(report).Replace("progress: 140", "progress: 40", StringComparison.Ordinal));
        Directory.CreateDirectory(Path.Combine(dir, "content/pages"));
        File.WriteAllText(Path.Combine(dir, "content/pages/gioi-thieu.md"), "---\ntitle: Giới thiệu\n---\nTrang giới thiệu.\n");
        // The Front's supervision (and its monitoring unit), from the supervision cases with their mistake undone.
        var cases = Path.Combine(InvalidSiteTests.CasesDir, "supervision-overdue-answer");
        Directory.CreateDirectory(Path.Combine(dir, "content/supervision"));
        File.Copy(Path.Combine(cases, "content/units/mttq.md"), Path.Combine(dir, "content/units/mttq.md"));
        File.Copy(Path.Combine(cases, "content/supervision/2025-tthc.en.md"), Path.Combine(dir, "content/supervision/2025-tthc.en.md"));
        File.WriteAllText(Path.Combine(dir, "content/supervision/2025-tthc.md"), File.ReadAllText(Path.Combine(cases, "content/supervision/2025-tthc.md"))
            .Replace("due: 2025-12-05", "due: 2026-01-15", StringComparison.Ordinal));
        return dir;
    }

    public static TheoryData<string, string> TopLevelKeys()
    {
        var files = new Dictionary<ContentKind, string>
        {
            [ContentKind.Unit] = "content/units/vh-xh.md", [ContentKind.Plan] = "content/plans/2025/index.md",
            [ContentKind.Target] = "content/plans/2025/targets/ho-so-dung-han.md", [ContentKind.Task] = "content/plans/2025/tasks/01.md",
            [ContentKind.Report] = "content/plans/2025/reports/q3.md", [ContentKind.Page] = "content/pages/gioi-thieu.md",
            [ContentKind.Supervision] = "content/supervision/2025-tthc.md",
        };
        var data = new TheoryData<string, string>();
        foreach (var kind in ContentSchema.All)
            foreach (var field in kind.Fields)
                data.Add(files[kind.Kind], field.Key);
        return data;
    }

    /// <summary>A key the schema marks required is reported missing (CC0006) when left out; no other key is.</summary>
    [Theory]
    [MemberData(nameof(TopLevelKeys))]
    public void Required_in_the_schema_is_required_by_the_loader(string file, string key)
    {
        var dir = ValidBase();
        var path = Path.Combine(dir, file);
        var lines = File.ReadAllLines(path).ToList();
        var at = lines.FindIndex(l => l.StartsWith(key + ":", StringComparison.Ordinal));
        var kind = ContentSchema.All.First(k => k.Keys.Contains(key) && file.Contains(k.Id == "plans" ? "index" : k.Id, StringComparison.Ordinal));
        var bag = new DiagnosticBag();
        if (at >= 0)
        {
            // The key and the lines of its block (indented, or list items) go.
            var end = at + 1;
            while (end < lines.Count && (lines[end].StartsWith(' ') || lines[end].StartsWith("- ", StringComparison.Ordinal))) end++;
            lines.RemoveRange(at, end - at);
            File.WriteAllLines(path, lines);
        }
        SiteLoader.Load(dir, bag, new DateOnly(2025, 12, 20));
        var missing = bag.Sorted().Where(d => d.Code == "CC0006").Select(d => d.Location.File).ToList();
        if (kind[key].Required) Assert.Contains(file, missing);
        else Assert.DoesNotContain(file, missing);
    }

    [Fact]
    public void The_base_site_is_valid()
    {
        var bag = new DiagnosticBag();
        SiteLoader.Load(ValidBase(), bag, new DateOnly(2025, 12, 20));
        Assert.Empty(bag.Sorted());
    }

    [Fact]
    public void Every_choice_maps_to_every_value_of_the_model()
    {
        Assert.Equal(Enum.GetValues<UnitRole>().Order(), Binders.Roles.Values.Order());
        Assert.Equal(Enum.GetValues<PlanStatus>().Order(), Binders.PlanStatuses.Values.Order());
        Assert.Equal(Enum.GetValues<Metric>().Order(), Binders.Metrics.Values.Order());
        Assert.Equal(Enum.GetValues<Core.Model.TaskStatus>().Order(), Binders.TaskStatuses.Values.Order());
        Assert.Equal(Area.All.Select(a => a.Id), ContentSchema.Task["area"].Choices.Select(c => c.Id));
        // Defaults are choices.
        foreach (var f in ContentSchema.All.SelectMany(k => k.Fields).Where(f => f.Default is not null))
            Assert.Contains(f.Default, f.Choices.Select(c => c.Id));
    }

    [Fact]
    public void Every_field_has_a_vietnamese_label_and_every_kind_a_folder()
    {
        static IEnumerable<SchemaField> All(IEnumerable<SchemaField> fields) => fields.SelectMany(f => All(f.Fields).Prepend(f));
        foreach (var kind in ContentSchema.All)
        {
            Assert.StartsWith("content/", kind.Folder, StringComparison.Ordinal);
            foreach (var f in All(kind.Fields))
            {
                Assert.False(string.IsNullOrWhiteSpace(f.Vi), $"{kind.Id}.{f.Key}");
                Assert.Equal(f.Type is FieldType.Object or FieldType.Items or FieldType.Entries, f.Fields.Count > 0);
                Assert.Equal(f.Type == FieldType.Choice, f.Choices.Count > 0);
                Assert.Equal(f.Type == FieldType.Reference, f.Refers != RefersTo.None);
            }
        }
    }

    [Property(MaxTest = 500)]
    public Property Id_pattern_is_the_loaders_rule() =>
        Prop.ForAll(Gen.Elements("a", "z", "0", "9", "-", "A", "đ", "_", " ", ".").ArrayOf().Select(a => string.Concat(a)).ToArbitrary(),
            s => Regex.IsMatch(s, ContentSchema.IdPattern) == Ids.IsValid(s));

    [Theory]
    [InlineData(">= 98")]
    [InlineData("≥ 98,5")]
    [InlineData("< 5")]
    [InlineData("= 100")]
    [InlineData("98")]
    [InlineData(">= 1.234,5")]
    [InlineData("<= 2,95 %")]
    public void What_the_goal_pattern_accepts_the_loader_reads(string goal)
    {
        Assert.Matches(ContentSchema.GoalPattern, goal);
        Assert.True(Goal.TryParse(goal, out _));
    }

    [Theory]
    [InlineData("tối thiểu 98%")]
    [InlineData(">= ")]
    [InlineData("98,")]
    public void The_goal_pattern_refuses_what_the_loader_cannot_read(string goal)
    {
        Assert.DoesNotMatch(ContentSchema.GoalPattern, goal);
        Assert.False(Goal.TryParse(goal, out _));
    }
}
