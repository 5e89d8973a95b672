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

/// <summary>Open data and the Word report of a site with a moved deadline and goal (issue 36).</summary>
public sealed class RevisedOpenDataTests(RevisedSite site) : IClassFixture<RevisedSite>
{
    [Fact]
    public void Tasks_have_the_original_deadline_and_the_number_of_revisions()
    {
        using var json = System.Text.Json.JsonDocument.Parse(site.Read("data/tasks.json"));
        var rows = json.RootElement.GetProperty("tasks").EnumerateArray().ToList();
        var row = rows.Single(r => r.GetProperty("plan_id").GetString() == RevisedSite.Plan && r.GetProperty("no").GetInt32() == 12);
        Assert.Equal("Tháng 11/2025", row.GetProperty("deadline").GetString());
        Assert.Equal("Tháng 9/2025", row.GetProperty("original_deadline").GetString());
        Assert.Equal(1, row.GetProperty("revisions").GetInt32());
        Assert.Equal(61, row.GetProperty("days_moved").GetInt32());
        var never = rows.First(r => r.GetProperty("no").GetInt32() == 1);
        Assert.Equal(never.GetProperty("deadline").GetString(), never.GetProperty("original_deadline").GetString());
        Assert.Equal(0, never.GetProperty("revisions").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, never.GetProperty("days_moved").ValueKind);
        Assert.Contains(",original_deadline,revisions,days_moved,", site.Read("data/tasks.csv"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_revisions_table_has_one_row_per_earlier_value_in_csv_json_and_the_data_package()
    {
        using var json = System.Text.Json.JsonDocument.Parse(site.Read($"data/plans/{RevisedSite.Plan}/revisions.json"));
        var rows = json.RootElement.GetProperty("revisions").EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        var task = rows.Single(r => r.GetProperty("kind").GetString() == "task");
        Assert.Equal("Tháng 9/2025", task.GetProperty("earlier").GetString());
        Assert.Equal("Tháng 11/2025", task.GetProperty("changed_to").GetString());
        Assert.Equal("2025-10-02", task.GetProperty("on").GetString());
        Assert.Equal("2025-09-30", task.GetProperty("earlier_due").GetString());
        Assert.Equal(RevisedSite.Decision, task.GetProperty("by").GetString());
        var target = rows.Single(r => r.GetProperty("kind").GetString() == "target");
        Assert.Equal("= 100", target.GetProperty("earlier").GetString());
        Assert.Contains("revisions.csv", site.Read("data/datapackage.json"), StringComparison.Ordinal);
        Assert.Equal(3, site.Read("data/revisions.csv").Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void The_Word_report_says_adjusted_beside_a_moved_deadline()
    {
        var bag = new CchcPortal.Core.Diagnostics.DiagnosticBag();
        var content = CchcPortal.Core.Loading.SiteLoader.Load(site.Source, bag, new DateOnly(2025, 12, 20))!;
        var plan = content.Plans.Single(p => p.Id == RevisedSite.Plan);
        var bytes = CchcPortal.Office.Export.ReportExport.Build(content, plan, plan.Reports[^1]);
        using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var cells = doc.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText).ToList();
        Assert.Contains("Tháng 11/2025 (điều chỉnh)", cells);
        Assert.DoesNotContain(cells, c => c.Contains("Tháng 8/2025 (điều chỉnh)", StringComparison.Ordinal));
    }
}
