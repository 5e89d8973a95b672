using CchcPortal.Tests.Browser;

namespace CchcPortal.Tests.Quality;

/// <summary>
/// Every built page of the sample and of the test sites passes the W3C Nu HTML checker (vnu-jar from npm, run on java),
/// errors only: the validator the W3C itself runs, beside html-validate's stricter house rules.
/// </summary>
[Trait("Category", "Slow")]
public sealed class NuHtmlCheckerTests
{
    /// <summary>Sites built for the check: the test sites and the invalid sites that build (warnings only), where content
    /// carries what the checker would catch (an image without alt text).</summary>
    public static IEnumerable<string> Sources() =>
        Directory.GetDirectories(Repo.Path("tests", "sites")).Order(StringComparer.Ordinal)
            .Concat(new[] { "image-without-alt" }.Select(n => Repo.Path("tests", "sites-invalid", n)).Where(Directory.Exists));

    [Fact]
    public void Every_page_of_the_sample_and_the_test_sites_is_valid()
    {
        var root = Repo.TempDir("vnu");
        try
        {
            var folders = new List<string> { SampleSite.Output };
            foreach (var source in Sources())
                folders.Add(SampleSite.BuildTo(Path.Combine(root, Path.GetFileName(source)), source));
            var pages = folders.Sum(f => SampleSite.Pages(f).Count);
            Assert.True(pages > 100, $"only {pages} pages were built");
            var (code, text) = Validate(folders);
            Assert.True(code == 0 && text.Trim().Length == 0, $"The W3C Nu checker found errors in {pages} pages (exit {code}):\n{text}");
        }
        finally { Directory.Delete(root, true); }
    }

    [Fact]
    public void The_checker_does_find_errors()
    {
        // So a broken setup (no java, an empty folder) can't make the test above pass by accident.
        var dir = Repo.TempDir("vnu-invalid");
        try
        {
            File.WriteAllText(Path.Combine(dir, "index.html"),
                "<!DOCTYPE html><html lang=\"vi\"><head><title>x</title></head><body><p>Ảnh <img src=\"a.png\"></p><main><main></main></main></body></html>");
            var (code, text) = Validate([dir]);
            Assert.NotEqual(0, code);
            Assert.Contains("index.html", text);
            Assert.Contains("alt", text);
        }
        finally { Directory.Delete(dir, true); }
    }

    /// <summary>Runs the checker on folders (every .html file in them); returns exit code and the errors, one per line.</summary>
    public static (int Code, string Text) Validate(IEnumerable<string> folders) =>
        ExternalTools.Run(ExternalTools.Java(),
            ["-Xss8m", "-jar", ExternalTools.VnuJar(), "--errors-only", "--skip-non-html", "--format", "gnu", .. folders]);
}
