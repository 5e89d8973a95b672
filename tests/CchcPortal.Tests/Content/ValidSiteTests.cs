using AngleSharp.Html.Parser;
using CchcPortal.Core.Text;
using CchcPortal.Site.Build;

namespace CchcPortal.Tests.Content;

/// <summary>Every test site and the sample at the repository root: checks clean, builds, NFC titles, byte-identical rebuilds.</summary>
public class ValidSiteTests
{
    public static readonly DateOnly Today = new(2025, 12, 20);

    public static TheoryData<string> Sites()
    {
        var data = new TheoryData<string> { "." };
        foreach (var dir in Directory.GetDirectories(Repo.Path("tests", "sites")).Order(StringComparer.Ordinal))
            data.Add("tests/sites/" + Path.GetFileName(dir));
        return data;
    }

    private static string Full(string site) => site == "." ? Repo.Root : Repo.Path(site.Split('/'));

    [Theory]
    [MemberData(nameof(Sites))]
    public void Check_finds_no_errors(string site)
    {
        var result = CchcRun.Run("check", "--source", Full(site));
        Assert.True(result.Exit == 0, result.Err);
        Assert.DoesNotContain(": error CC", result.Err, StringComparison.Ordinal);
        Assert.Contains("0 lỗi", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Sites))]
    public void Builds_with_nfc_titles_and_byte_identical_twice(string site)
    {
        var first = Repo.TempDir("valid-a");
        var second = Repo.TempDir("valid-b");
        var a = SiteBuilder.Run(new BuildOptions(Full(site), first, Write: true, Today: Today));
        Assert.True(a.Success, string.Join("\n", a.Diagnostics));
        var b = SiteBuilder.Run(new BuildOptions(Full(site), second, Write: true, Today: Today));
        Assert.True(b.Success, string.Join("\n", b.Diagnostics));
        Repo.AssertSameFiles(Repo.Snapshot(first), Repo.Snapshot(second));

        var pages = Directory.GetFiles(first, "*.html", SearchOption.AllDirectories);
        if (site == ".") Assert.True(pages.Length >= 40, $"the sample builds {pages.Length} pages, fewer than 40");
        var parser = new HtmlParser();
        foreach (var file in pages)
        {
            var html = File.ReadAllText(file);
            var doc = parser.ParseDocument(html);
            var titles = doc.QuerySelectorAll("title, h1, h2, h3, h4").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).ToList();
            Assert.NotEmpty(titles);
            foreach (var title in titles)
                Assert.True(TextFold.ToNfc(title) == title, $"{Path.GetRelativePath(first, file)}: title not NFC: {title}");
            Assert.True(TextFold.ToNfc(html) == html, $"{Path.GetRelativePath(first, file)} is not NFC");
            // No unsafe HTML from content.
            Assert.DoesNotContain(doc.QuerySelectorAll("script:not([src])"), s => s.TextContent.Contains("alert", StringComparison.Ordinal));
            foreach (var e in doc.All)
                foreach (var attr in e.Attributes)
                {
                    Assert.False(attr.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{file}: event attribute {attr.Name}");
                    Assert.False(attr.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase), $"{file}: {attr.Name}={attr.Value}");
                }
        }
    }
}
