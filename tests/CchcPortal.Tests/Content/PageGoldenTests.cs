using CchcPortal.Site.Build;

namespace CchcPortal.Tests.Content;

/// <summary>
/// A few pages of tests/sites/minimal compared with golden files under golden/pages/. When a layout changes on
/// purpose, run the tests with UPDATE_GOLDEN=1 and read the diff of golden/ before committing it.
/// </summary>
public class PageGoldenTests
{
    private static readonly Lazy<string> Output = new(() =>
    {
        var output = Repo.TempDir("golden");
        var result = SiteBuilder.Run(new BuildOptions(Repo.Path("tests", "sites", "minimal"), output, Write: true, Today: new DateOnly(2025, 12, 20)));
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return output;
    });

    [Theory]
    [InlineData("index.html", "home.html")]
    [InlineData("ke-hoach/2025/index.html", "plan.html")]
    [InlineData("ke-hoach/2025/nhiem-vu/01/index.html", "task.html")]
    [InlineData("ke-hoach/2025/chi-tieu/ho-so-dung-han/index.html", "target.html")]
    [InlineData("theo-doi/index.html", "monitoring.html")]
    [InlineData("don-vi/vh-xh/index.html", "unit.html")]
    [InlineData("404.html", "404.html")]
    [InlineData("embed/index.html", "embed.html")]
    [InlineData("en/ke-hoach/2025/nhiem-vu/01/index.html", "en-task.html")]
    [InlineData("giam-sat/index.html", "supervisions.html")]
    [InlineData("giam-sat/2025-tthc/index.html", "supervision.html")]
    // Not a page, but what search engines read of every page: each address with its language twins.
    [InlineData("sitemap.xml", "sitemap.xml")]
    public void Page_matches_golden_file(string page, string golden)
    {
        // Asset names carry a hash of the stylesheet: a CSS change alone must not break every golden page.
        var html = System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(Path.Combine(Output.Value, page)),
            @"(assets/[a-z-]+)\.[0-9a-f]{10}\.(css|js)", "$1.HASH.$2");
        Golden.Check($"pages/{golden}", html);
    }
}
