using AngleSharp.Html.Parser;
using CchcPortal.Site.Render;
using CchcPortal.Tests.Quality;

namespace CchcPortal.Tests.Content;

/// <summary>
/// Every page has a meta description from its content and Open Graph title and description (issue 25: Lighthouse SEO
/// 92 without them; link previews in Zalo or Facebook showed nothing useful).
/// </summary>
public sealed class PageDescriptionTests
{
    private static (string Description, string OgTitle, string OgDescription, string H1) Read(string page)
    {
        using var doc = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(SampleSite.Output, page)));
        string Meta(string selector) => doc.QuerySelector(selector)?.GetAttribute("content") ?? "";
        return (Meta("meta[name=description]"), Meta("meta[property='og:title']"), Meta("meta[property='og:description']"),
            doc.QuerySelector("h1")?.TextContent.Trim() ?? "");
    }

    [Fact]
    public void Every_page_has_a_description_and_open_graph_tags()
    {
        var pages = SampleSite.Pages(SampleSite.Output);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        // The progress card (embed/) is made for frames: noindex, out of the sitemap, no Open Graph (EmbedTests checks its description).
        foreach (var page in pages.Where(p => !p.EndsWith("embed/index.html", StringComparison.Ordinal)))
        {
            var (description, ogTitle, ogDescription, h1) = Read(page);
            Assert.True(description.Length >= 40, $"{page}: description too short: \"{description}\"");
            Assert.True(description.Length <= PageDescriptions.MaxLength, $"{page}: description longer than {PageDescriptions.MaxLength}: \"{description}\"");
            Assert.Equal(description, ogDescription);
            Assert.True(ogTitle.Length > 0, $"{page}: no og:title");
            if (h1.Length > 0 && !page.EndsWith("404.html", StringComparison.Ordinal)) Assert.Equal(h1, ogTitle);
            // Pages of tasks, targets, reports and units each say something of their own.
            if (System.Text.RegularExpressions.Regex.IsMatch(page, "/(nhiem-vu|bao-cao|don-vi)/[^/]+/index.html$"))
                Assert.True(seen.TryAdd(description, page), $"{page} has the description of {seen.GetValueOrDefault(description)}: \"{description}\"");
        }
    }

    [Theory]
    [InlineData("ke-hoach/2025/nhiem-vu/07/index.html", "Nhiệm vụ 7, Kế hoạch 45/KH-UBND. Đã hoàn thành. Thời hạn: Giao ban quý III: tháng 9/2025; Giao ban quý IV: tháng 12/2025. Chủ trì: Phòng Văn hóa - Xã hội.")]
    [InlineData("ke-hoach/2025/index.html", "Kế hoạch 45/KH-UBND, ban hành 14/8/2025: 11/29 nhiệm vụ đã hoàn thành, 11 đang thực hiện, 5 quá hạn; 12/20 chỉ tiêu đạt.")]
    [InlineData("en/index.html", "Plan 45/KH-UBND: 11 of 29 tasks done, 11 in progress, 5 overdue; 12 of 20 targets met. Figures as of 20 December 2025.")]
    [InlineData("theo-doi/index.html", "5 nhiệm vụ quá hạn, 5 nhiệm vụ chưa báo cáo và 5 chỉ tiêu chưa đạt, theo cơ quan chủ trì. Số liệu tính đến ngày 20/12/2025.")]
    [InlineData("ke-hoach/2025/bao-cao/q3/index.html", "Kế hoạch 45/KH-UBND, ban hành 15/9/2025. 12 nhiệm vụ được báo cáo (3 đã hoàn thành), 17 không được nhắc đến; 7 chỉ tiêu có số liệu.")]
    public void A_description_says_what_the_page_holds(string page, string expected) => Assert.Equal(expected, Read(page).Description);

    [Fact]
    public void An_overdue_task_says_so_with_its_days()
    {
        var overdue = SampleSite.Pages(SampleSite.Output).Where(p => p.StartsWith("ke-hoach/2025/nhiem-vu/", StringComparison.Ordinal))
            .Select(p => Read(p).Description).Where(d => d.Contains("quá hạn", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, overdue.Count);
        Assert.All(overdue, d => Assert.Matches(@"^Nhiệm vụ \d+, Kế hoạch 45/KH-UBND\. [^.]+, quá hạn \d+ ngày", d));
    }

    [Theory]
    [InlineData("Ngắn.", "Ngắn.")]
    [InlineData("", "")]
    public void Short_texts_are_kept(string text, string expected) => Assert.Equal(expected, PageDescriptions.Fit(text));

    [Fact]
    public void Long_texts_are_cut_at_a_word()
    {
        var text = string.Join(" ", Enumerable.Repeat("cải cách hành chính", 30));
        var fit = PageDescriptions.Fit(text);
        Assert.True(fit.Length <= PageDescriptions.MaxLength);
        Assert.EndsWith("…", fit);
        Assert.StartsWith(fit[..^1], text);
        Assert.Equal(' ', text[fit.Length - 1]);
    }
}
