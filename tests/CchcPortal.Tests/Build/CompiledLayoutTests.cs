using CchcPortal.Core.Diagnostics;
using CchcPortal.Site.Render;
using CchcPortal.Site.Render.Layouts;
using CchcPortal.Tests.Quality;

namespace CchcPortal.Tests.Build;

/// <summary>
/// Layouts are compiled to delegates for speed; Scriban's interpreter is the reference. Every page of every test site,
/// and every construct a layout may use, must come out the same both ways, byte for byte.
/// </summary>
public sealed class CompiledLayoutTests
{
    public static TheoryData<string> Sites() => new(new[] { "." }.Concat(Directory.GetDirectories(Path.Combine(Repo.Root, "tests", "sites"))
        .Select(d => Path.GetRelativePath(Repo.Root, d).Replace('\\', '/')).Order(StringComparer.Ordinal)));

    [Theory]
    [MemberData(nameof(Sites))]
    public void Compiled_and_interpreted_layouts_build_identical_sites(string site)
    {
        var source = Path.Combine(Repo.Root, site);
        var compiled = SampleSite.BuildTo(SampleSite.NewTempFolder("cchc-compiled"), source);
        var interpreted = SampleSite.BuildTo(SampleSite.NewTempFolder("cchc-interpreted"), source, compileLayouts: false);
        try
        {
            var different = SampleSite.DifferentFiles(compiled, interpreted);
            Assert.True(different.Count == 0, "compiled and interpreted layouts differ on:\n" + string.Join("\n", different.Take(20)));
            Assert.NotEmpty(SampleSite.Pages(compiled));
        }
        finally { Directory.Delete(compiled, true); Directory.Delete(interpreted, true); }
    }

    public sealed record Item(string Name, int Count, Html? Note = null);
    public sealed record Model(string Title, IReadOnlyList<Item> Items, IReadOnlyList<Item> None, Item? Missing, bool Flag, decimal Share);

    private static readonly Model Sample = new("A <b> & \"c\"", [new("một", 1, new Html("<em>ghi chú</em>")), new("hai", 2), new("ba", 0)], [], null, true, 98.4m);

    /// <summary>Renders one layout (with <c>_base</c> = <c>{{ content }}</c>) both ways; returns the two pages and what was compiled.</summary>
    private static (string Compiled, string Interpreted, string Summary, IReadOnlyList<Diagnostic> Errors) Both(string layout, params (string Name, string Text)[] partials)
    {
        var dir = SampleSite.NewTempFolder("cchc-layout");
        var layouts = Path.Combine(dir, "themes", "t", "layouts");
        Directory.CreateDirectory(layouts);
        File.WriteAllText(Path.Combine(layouts, "_base.html"), "<main>{{ content }}</main>");
        File.WriteAllText(Path.Combine(layouts, "test.html"), layout);
        foreach (var (name, text) in partials) File.WriteAllText(Path.Combine(layouts, name + ".html"), text);
        try
        {
            var theme = new Theme(dir, "t");
            var strings = new Strings("vi", new Dictionary<string, string> { ["hello"] = "Xin chào", ["of"] = "{0} trên {1}" }, null);
            var job = new PageJob("test/", "test", null!, Sample);
            var bag = new DiagnosticBag();
            var renderer = PageRenderer.Create(theme, bag);
            string compiled = "";
            renderer.RenderTo(job, strings, page => compiled = page.ToString());
            var interpreted = PageRenderer.Create(theme, bag, compile: false).Render(job, strings) ?? "";
            return (compiled, interpreted, renderer.Summary, bag.Sorted());
        }
        finally { Directory.Delete(dir, true); }
    }

    [Theory]
    [InlineData("{{ model.title }}|{{ model.items[0].note }}|{{ model.items.size }}|{{ model.flag }}|{{ model.share }}|{{ model.items[0].count }}")]
    [InlineData("{{ if model.flag && model.items.size > 2 }}yes{{ else if model.flag }}maybe{{ else }}no{{ end }}{{ if !model.flag || model.none.size == 0 }}!{{ end }}")]
    [InlineData("{{ for i in model.items }}{{ for.index }}{{ if for.first }}^{{ end }}{{ i.name }}{{ if for.even }}e{{ end }};{{ end }}")]
    [InlineData("{{ for i in model.none }}x{{ else }}empty{{ end }}|{{ model.missing?.name ?? \"—\" }}|{{ model.items[1].note ?? \"none\" }}")]
    [InlineData("{{ i = \"global\" }}{{ for i in model.items }}{{ i.name }}{{ end }}|{{ i }}")]
    [InlineData("{{~ for i in model.items ~}}\n  <li>{{ i.name }}</li>\n{{~ end ~}}\n")]
    [InlineData("{{ t.hello }} {{ t.of | string.replace \"{0}\" model.items[0].count | string.replace \"{1}\" model.items.size }} {{ model.title | string.upcase }}")]
    // string.replace is compiled: numbers, decimals and nulls (left to Scriban) convert as Scriban converts them.
    [InlineData("{{ t.of | string.replace \"{0}\" model.share }}|{{ model.missing | string.replace \"a\" \"b\" }}|{{ t.of | string.replace \"{0}\" model.missing }}|{{ t.of | string.replace model.flag model.items[0].count }}")]
    [InlineData("{{ model.items[0].count + model.items[1].count }} {{ model.items[0].name == \"một\" }} {{ model.title != \"\" }} {{ model.share > 50 }}")]
    public void A_construct_renders_the_same_compiled_and_interpreted(string layout)
    {
        var (compiled, interpreted, summary, errors) = Both(layout);
        Assert.Empty(errors);
        Assert.Equal(interpreted, compiled);
        Assert.StartsWith("1 pages by compiled layouts, 0 re-rendered", summary);
    }

    [Fact]
    public void A_partial_sees_the_loop_variable_and_its_assignments_are_seen_after_it()
    {
        var (compiled, interpreted, summary, _) = Both("{{ for x in model.items }}{{ include \"_p\" }}{{ end }}|{{ last }}|{{ x }}",
            ("_p", "[{{ x.name }}]{{ last = x.count }}"));
        Assert.Equal("<main>[một][hai][ba]|0|</main>", interpreted);
        Assert.Equal(interpreted, compiled);
        Assert.StartsWith("1 pages by compiled layouts", summary);
    }

    [Fact]
    public void Escaping_matches_and_html_values_are_written_as_they_are()
    {
        var (compiled, interpreted, _, _) = Both("{{ model.title }}{{ model.items[0].note }}");
        Assert.Equal("<main>A &lt;b&gt; &amp; &quot;c&quot;<em>ghi chú</em></main>", compiled);
        Assert.Equal(interpreted, compiled);
    }

    [Fact]
    public void A_member_of_a_null_value_is_left_to_scriban_which_reports_it()
    {
        var (compiled, _, summary, errors) = Both("{{ model.missing.name }}");
        Assert.Equal("", compiled);
        Assert.Contains("0 pages by compiled layouts, 1 re-rendered by Scriban", summary);
        Assert.Equal(2, errors.Count); // reported once by each renderer, with the same position
        Assert.All(errors, e => Assert.Equal("CC0035", e.Code));
        Assert.Equal(errors[0].ToString("en"), errors[1].ToString("en"));
    }

    [Fact]
    public void A_layout_using_what_is_not_compiled_is_interpreted()
    {
        var (compiled, interpreted, summary, errors) = Both("{{ capture c }}{{ model.title | string.size }}{{ end }}{{ c }}|{{ $x = 1 }}{{ $x }}");
        Assert.Empty(errors);
        Assert.Equal(interpreted, compiled);
        Assert.Contains("interpreted layouts: test", summary);
    }
}
