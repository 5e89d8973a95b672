using CchcPortal.Tests.Quality;

namespace CchcPortal.Tests.Build;

/// <summary>
/// A mistake in a site's own theme is reported at the file the site wrote (not the built-in theme's), once, however
/// many pages use that layout.
/// </summary>
public sealed class ThemeErrorTests
{
    /// <summary>tests/sites/minimal with <c>theme: xa</c> and the given files under themes/xa/layouts/; the build's stderr.</summary>
    private static string Build(params (string Name, string Text)[] layouts)
    {
        var (result, _) = BuildWith(layouts);
        Assert.Equal(1, result.Exit);
        return result.Err;
    }

    /// <summary>The same, with files under themes/xa/ (paths relative to it); the result and the home page in English.</summary>
    private static (CchcRun.Result Result, string? EnglishHome) BuildWith(params (string Name, string Text)[] files)
    {
        var site = SampleSite.NewTempFolder("cchc-theme");
        var output = SampleSite.NewTempFolder("cchc-theme-out");
        try
        {
            var from = Repo.Path("tests", "sites", "minimal");
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var to = Path.Combine(site, Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(file, to);
            }
            var yaml = Path.Combine(site, "site.yaml");
            File.WriteAllLines(yaml, File.ReadAllLines(yaml).Where(l => !l.StartsWith("theme:", StringComparison.Ordinal)).Append("theme: xa"));
            foreach (var (name, text) in files)
            {
                var path = Path.Combine(site, "themes", "xa", name.Contains('/') ? name : "layouts/" + name);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, text);
            }
            var result = CchcRun.Run("build", "--source", site, "--output", output);
            var home = Path.Combine(output, "en", "index.html");
            return (result, File.Exists(home) ? File.ReadAllText(home) : null);
        }
        finally
        {
            Directory.Delete(site, true);
            if (Directory.Exists(output)) Directory.Delete(output, true);
        }
    }

    private static List<string> Errors(string err) => err.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal)).ToList();

    [Fact]
    public void A_runtime_error_names_the_sites_layout_once()
    {
        // The task layout runs for the task's page in both languages.
        var errors = Errors(Build(("task.html", "<p>{{ model.nothing.title }}</p>\n")));
        Assert.Equal(["themes/xa/layouts/task.html(1,21): error CC0035: Lỗi trong mẫu giao diện: Cannot get the member model.nothing.title for a null object."], errors);
    }

    [Fact]
    public void A_syntax_error_names_the_sites_layout_once()
    {
        var errors = Errors(Build(("task.html", "<p>{{ model.row.title </p>\n")));
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.StartsWith("themes/xa/layouts/task.html(1,", e, StringComparison.Ordinal));
        Assert.Equal(errors.Distinct().Count(), errors.Count);
    }

    [Fact]
    public void A_syntax_error_is_one_message_at_its_place()
    {
        // An unclosed {{: Scriban also complains about what follows it; staff see the first mistake only.
        var errors = Errors(Build(("task.html", "<p>{{ page.title.text /</p>\n<p>x</p>\n")));
        Assert.Equal(["themes/xa/layouts/task.html(1,24): error CC0035: Lỗi trong mẫu giao diện: Error while parsing binary expression: Expecting an <expression> to the right of the operator instead of `<` in: <expression> operator <expression>"], errors);
    }

    [Fact]
    public void A_syntax_error_in_a_partial_is_reported_at_the_partial_only()
    {
        var errors = Errors(Build(("task.html", "<p>{{ include \"_bad\" }}</p>\n"), ("_bad.html", "{{ model.x /\n<b>\n")));
        Assert.Single(errors);
        Assert.StartsWith("themes/xa/layouts/_bad.html(1,", errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_in_an_included_partial_names_the_partial()
    {
        var errors = Errors(Build(("task.html", "<p>{{ include \"_bad\" }}</p>\n"), ("_bad.html", "{{ model.nothing.x }}\n")));
        Assert.Equal(["themes/xa/layouts/_bad.html(1,18): error CC0035: Lỗi trong mẫu giao diện: Cannot get the member model.nothing.x for a null object."], errors);
    }

    [Fact]
    public void A_sites_string_file_may_give_only_the_strings_it_changes()
    {
        var (result, home) = BuildWith(("i18n/en.yaml", "nav_home: Front page\n"));
        Assert.Equal(0, result.Exit);
        Assert.DoesNotContain("CC0034", result.Err, StringComparison.Ordinal);
        Assert.Contains(">Front page<", home, StringComparison.Ordinal);
        Assert.Contains(">Monitoring<", home, StringComparison.Ordinal); // the built-in theme's nav_monitoring
    }
}
