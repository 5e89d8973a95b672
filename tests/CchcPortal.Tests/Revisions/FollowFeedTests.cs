using System.Xml.Linq;
using AngleSharp.Html.Parser;

namespace CchcPortal.Tests.Revisions;

/// <summary>The feeds to follow one unit or one area, and the pages that link them (issue 36).</summary>
public sealed class FollowFeedTests(RevisedSite site) : IClassFixture<RevisedSite>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public void The_site_with_a_moved_deadline_builds()
    {
        Assert.True(site.Result.Success, string.Join("\n", site.Result.Diagnostics));
    }

    [Theory]
    [InlineData("don-vi/phong-vh-xh/feed.xml", "vi")]
    [InlineData("en/don-vi/phong-vh-xh/feed.xml", "en")]
    [InlineData("linh-vuc/cong-vu/feed.xml", "vi")]
    [InlineData("en/linh-vuc/cong-vu/feed.xml", "en")]
    public void A_unit_and_an_area_feed_have_the_reports_and_the_moved_deadline(string path, string lang)
    {
        var feed = XDocument.Parse(site.Read(path)).Root!;
        Assert.Equal(lang, feed.Attribute(XNamespace.Xml + "lang")?.Value);
        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.InRange(entries.Count, 2, CchcPortal.Site.Index.FollowFeeds.MaxEntries);
        var titles = entries.Select(e => e.Element(Atom + "title")!.Value).ToList();
        var moved = Assert.Single(titles, x => x.Contains("Tháng 9/2025", StringComparison.Ordinal) && x.Contains("Tháng 11/2025", StringComparison.Ordinal));
        Assert.StartsWith(lang == "vi" ? "Nhiệm vụ 12: thời hạn điều chỉnh" : "Task 12: deadline moved", moved, StringComparison.Ordinal);
        // Every report of the plan mentions some of these tasks; newest first; ids unique.
        var dates = entries.Select(e => DateTimeOffset.Parse(e.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(dates.OrderByDescending(d => d), dates);
        var ids = entries.Select(e => e.Element(Atom + "id")!.Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Unit_and_area_pages_link_their_feed_and_a_task_page_says_how_to_follow_it()
    {
        var parser = new HtmlParser();
        var unit = parser.ParseDocument(site.Read("don-vi/phong-vh-xh/index.html"));
        Assert.Contains(unit.QuerySelectorAll("link[rel=alternate][type='application/atom+xml']"), l => l.GetAttribute("href") == "feed.xml" || l.GetAttribute("href")!.EndsWith("don-vi/phong-vh-xh/feed.xml", StringComparison.Ordinal));
        var area = parser.ParseDocument(site.Read("linh-vuc/cong-vu/index.html"));
        Assert.Contains(area.QuerySelectorAll("link[rel=alternate][type='application/atom+xml']"), l => l.GetAttribute("href")!.EndsWith("linh-vuc/cong-vu/feed.xml", StringComparison.Ordinal));
        var task = parser.ParseDocument(site.Read($"ke-hoach/{RevisedSite.Plan}/nhiem-vu/12/index.html"));
        var follow = task.QuerySelector("section.follow")!;
        Assert.Contains("Theo dõi nhiệm vụ này", follow.TextContent, StringComparison.Ordinal);
        var hrefs = follow.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains(hrefs, h => h.EndsWith("don-vi/phong-vh-xh/feed.xml", StringComparison.Ordinal));
        Assert.Contains(hrefs, h => h.EndsWith("data/units/phong-vh-xh.ics", StringComparison.Ordinal));
        foreach (var h in hrefs) Assert.True(File.Exists(Path.GetFullPath(Path.Combine(site.Output, $"ke-hoach/{RevisedSite.Plan}/nhiem-vu/12", h))), h);
    }

    [Fact]
    public void The_task_page_the_lists_and_the_monitoring_page_show_the_moved_deadline()
    {
        var parser = new HtmlParser();
        var task = parser.ParseDocument(site.Read($"ke-hoach/{RevisedSite.Plan}/nhiem-vu/12/index.html"));
        var revised = task.QuerySelector(".revised")!.TextContent;
        Assert.Contains("Thời hạn đã điều chỉnh 1 lần", revised, StringComparison.Ordinal);
        Assert.Contains("Tháng 9/2025", revised, StringComparison.Ordinal);
        Assert.Contains("2/10/2025", revised, StringComparison.Ordinal);
        Assert.Contains(RevisedSite.Decision, revised, StringComparison.Ordinal);
        Assert.Contains("Lùi 61 ngày", revised, StringComparison.Ordinal);    // 30/9 → 30/11
        foreach (var page in new[] { $"ke-hoach/{RevisedSite.Plan}/index.html", "linh-vuc/cong-vu/index.html", "don-vi/phong-vh-xh/index.html" })
        {
            var row = parser.ParseDocument(site.Read(page)).QuerySelectorAll("tr").First(r => r.QuerySelector("a")?.GetAttribute("href")?.EndsWith("nhiem-vu/12/", StringComparison.Ordinal) == true);
            var mark = row.QuerySelector(".moved")!;
            Assert.Contains("Đã điều chỉnh 1 lần, ban đầu: Tháng 9/2025", mark.TextContent, StringComparison.Ordinal);
            Assert.Equal("↷", mark.QuerySelector(".icon[aria-hidden=true]")!.TextContent);   // a shape and words, never colour alone
        }
        var monitoring = parser.ParseDocument(site.Read("theo-doi/index.html"));
        var section = monitoring.QuerySelector("section[aria-labelledby=moved]")!;
        Assert.Contains("Nhiệm vụ đã điều chỉnh thời hạn (1)", section.TextContent, StringComparison.Ordinal);
        Assert.Contains("Lùi 61 ngày so với thời hạn ban đầu", section.TextContent, StringComparison.Ordinal);
        Assert.Contains("Chỉ tiêu đã điều chỉnh (1)", section.TextContent, StringComparison.Ordinal);
        var en = parser.ParseDocument(site.Read($"en/ke-hoach/{RevisedSite.Plan}/nhiem-vu/12/index.html"));
        Assert.Contains("Deadline adjusted 1 time(s)", en.QuerySelector(".revised")!.TextContent, StringComparison.Ordinal);
    }
}
