using AngleSharp.Html.Parser;

namespace CchcPortal.Tests.Quality;

/// <summary>The home page stays light for phones on slow connections: HTML + CSS under 100 KB, no web fonts.</summary>
public sealed class PageWeightTests
{
    public const int Budget = 100 * 1024;

    [Theory]
    [InlineData("index.html")]
    [InlineData("en/index.html")]
    public void Home_page_html_and_css_fit_the_budget(string home)
    {
        var output = SampleSite.Output;
        var html = File.ReadAllText(Path.Combine(output, home));
        using var doc = new HtmlParser().ParseDocument(html);
        var bytes = (long)File.ReadAllBytes(Path.Combine(output, home)).Length;
        var styles = doc.QuerySelectorAll("link[rel~=stylesheet]").Select(l => l.GetAttribute("href")!).ToList();
        Assert.NotEmpty(styles);
        foreach (var href in styles)
            bytes += new FileInfo(Path.Combine(Path.GetDirectoryName(Path.Combine(output, home))!, href)).Length;
        Assert.True(bytes < Budget, $"{home} weighs {bytes} bytes with its CSS; the budget is {Budget}.");
    }

    [Fact]
    public void No_web_fonts()
    {
        var output = SampleSite.Output;
        var fonts = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f).ToLowerInvariant() is ".woff" or ".woff2" or ".ttf" or ".otf" or ".eot").ToList();
        Assert.Empty(fonts);
        foreach (var css in Directory.EnumerateFiles(output, "*.css", SearchOption.AllDirectories))
            Assert.DoesNotContain("@font-face", File.ReadAllText(css), StringComparison.OrdinalIgnoreCase);
    }
}
