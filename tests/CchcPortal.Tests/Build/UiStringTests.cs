using System.Text.RegularExpressions;
using CchcPortal.Core.Diagnostics;
using CchcPortal.Core.Model;
using CchcPortal.Core.Text;
using CchcPortal.Site.Render;

namespace CchcPortal.Tests.Build;

/// <summary>
/// Every UI string the built-in theme uses exists in both its string files: a missing one would be shown as its key
/// ("status_in_progress") on every page, and nothing else would notice.
/// </summary>
public sealed partial class UiStringTests
{
    private static IReadOnlyDictionary<string, string> Load(string lang)
    {
        var path = Repo.Path("themes", "default", "i18n", lang + ".yaml");
        var bag = new DiagnosticBag();
        var strings = Strings.Parse(path, File.ReadAllText(path), bag);
        Assert.Empty(bag.All);
        return strings;
    }

    /// <summary>Keys written out: <c>{{ t.key }}</c> in layouts, <c>t["key"]</c> and <c>t.Format("key", …)</c> in the code
    /// (<c>this["key"]</c> in <see cref="Strings"/> itself).</summary>
    private static IEnumerable<string> WrittenKeys()
    {
        foreach (var file in Directory.EnumerateFiles(Repo.Path("themes", "default", "layouts"), "*.html"))
            foreach (Match m in LayoutKey().Matches(File.ReadAllText(file))) yield return m.Groups[1].Value;
        foreach (var file in Directory.EnumerateFiles(Repo.Path("src"), "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/", StringComparison.Ordinal)))
            foreach (Match m in CodeKey().Matches(File.ReadAllText(file))) yield return m.Groups[1].Value;
    }

    /// <summary>Keys made from ids (<c>"status_" + id</c>): every value each family can take.</summary>
    private static IEnumerable<string> MadeKeys()
    {
        string Lower<T>(T x) where T : Enum => x.ToString().ToLowerInvariant();
        foreach (var id in StatusIds.Tasks) yield return "status_" + id.Replace('-', '_');
        foreach (var id in StatusIds.Results) yield return "target_" + id.Replace('-', '_');
        foreach (var kind in Enum.GetValues<DeadlineKind>()) yield return "deadline_kind_" + Lower(kind);
        foreach (var metric in Enum.GetValues<Metric>()) yield return "metric_" + Lower(metric);
        foreach (var role in Enum.GetValues<UnitRole>()) yield return "role_" + Lower(role);
        foreach (var status in Enum.GetValues<PlanStatus>().Where(s => s != PlanStatus.Draft)) yield return "plan_status_" + Lower(status);
        foreach (var type in CchcPortal.Site.Index.SearchDocuments.Types) yield return "search_type_" + type;
        foreach (var lang in new[] { "vi", "en" }) yield return "language_name_" + lang;
    }

    [Theory]
    [InlineData("vi")]
    [InlineData("en")]
    public void Every_string_used_exists(string lang)
    {
        var strings = Load(lang);
        var written = WrittenKeys().ToHashSet(StringComparer.Ordinal);
        Assert.True(written.Count > 100, $"only {written.Count} keys found: the patterns no longer match the layouts");
        var missing = written.Concat(MadeKeys()).Distinct().Where(k => !strings.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"missing in themes/default/i18n/{lang}.yaml: {string.Join(", ", missing)}");
    }

    [GeneratedRegex(@"\bt\.([a-z][a-z0-9_]*)")]
    private static partial Regex LayoutKey();

    [GeneratedRegex(@"\b(?:t|this)(?:\[|\.Format\()""([a-z][a-z0-9_]*)""\s*[\],)]")]
    private static partial Regex CodeKey();
}
