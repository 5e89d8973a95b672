using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CchcPortal.Core.Diagnostics;
using CchcPortal.Core.Loading;
using CchcPortal.Core.Model;
using CchcPortal.Site.Build;

namespace CchcPortal.Tests.Content;

/// <summary>
/// Issue 4's checks on the built seed-000 site (two reports, as_of after the last), read the way a resident or the
/// Front committee reads the pages. A copy with a points target checks the "x/y điểm" display.
/// </summary>
public class BuiltSeedSiteTests
{
    private const string Plan = "cchc-6-thang-cuoi-2025";
    private static readonly string Source = Repo.Path("tests", "sites", "seed-000");

    private static readonly Lazy<string> Output = new(() =>
    {
        var output = Repo.TempDir("seed-000");
        var result = SiteBuilder.Run(new BuildOptions(Source, output, Write: true));   // as_of is in site.yaml
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return output;
    });

    private static readonly Lazy<Portal> Model = new(() =>
    {
        var bag = new DiagnosticBag();
        var content = SiteLoader.Load(Source, bag, new DateOnly(2000, 1, 1))!;
        Assert.False(bag.HasErrors);
        return ProgressRules.Build(content);
    });

    private static IDocument Page(string path, string? root = null) =>
        new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(root ?? Output.Value, path, "index.html")));

    private static string Text(IElement e) => string.Join(" ", e.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void The_site_has_two_reports_and_as_of_after_the_last()
    {
        var plan = Model.Value.Plan(Plan)!;
        Assert.Equal(2, plan.Plan.Reports.Count);
        Assert.True(Model.Value.Config.AsOf > plan.Plan.Reports[^1].Effective);
    }

    [Fact]
    public void Monitoring_lists_exactly_the_overdue_tasks_under_qua_han()
    {
        var expected = Model.Value.Plans.SelectMany(p => p.Tasks).Where(t => t.Overdue)
            .Select(t => t.Task.Title.Vi).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);

        var doc = Page("theo-doi");
        var listed = new List<string>();
        foreach (var heading in doc.QuerySelectorAll("h2, h3").Where(h => Text(h).Contains("quá hạn", StringComparison.OrdinalIgnoreCase)))
        {
            // The table that follows the heading, before the next heading.
            for (var e = heading.NextElementSibling; e is not null && e.LocalName is not ("h2" or "h3"); e = e.NextElementSibling)
                listed.AddRange(e.QuerySelectorAll("tbody tr td a[href*='/nhiem-vu/']").Select(Text));
        }
        Assert.Equal(expected, listed.Order(StringComparer.Ordinal));
        // Days overdue (with its unit: on a phone the column heading is hidden) and the deadline as written are shown.
        var four = Model.Value.Plans.SelectMany(p => p.Tasks).Single(t => t.Task.No == 4);
        Assert.Contains(doc.QuerySelectorAll("table.overdue tr"), tr => tr.Children.Any(td => Text(td) == four.Task.Deadline.Text)
                                                                        && tr.Children.Any(td => Text(td) == $"{four.DaysOverdue} ngày"));
    }

    [Fact]
    public void The_home_page_links_to_monitoring()
    {
        var doc = Page("");
        Assert.Contains(doc.QuerySelectorAll("main a"), a => a.GetAttribute("href")!.TrimEnd('/').EndsWith("theo-doi", StringComparison.Ordinal));
    }

    [Fact]
    public void A_task_page_shows_the_notes_of_both_reports()
    {
        // Task 8: q3 "Đang xây dựng kế hoạch rà soát TTHC nội bộ", q4 "Kế hoạch ban hành chậm ...".
        var task = Model.Value.Plan(Plan)!.Tasks.Single(t => t.Task.No == 8);
        var notes = task.History.Select(h => h.Entry.Note?.Vi).OfType<string>().ToList();
        Assert.Equal(2, notes.Count);
        var text = Text(Page($"ke-hoach/{Plan}/nhiem-vu/08").QuerySelector("main")!);
        foreach (var note in notes) Assert.Contains(note, text, StringComparison.Ordinal);
        Assert.Contains("Quý III/2025", text, StringComparison.Ordinal);
        Assert.Contains("Quý IV và năm 2025", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_target_page_shows_both_quarters_with_decimal_commas_and_an_inline_svg()
    {
        var main = Page($"ke-hoach/{Plan}/chi-tieu/hai-long-tthc").QuerySelector("main")!;
        var rows = main.QuerySelectorAll("table tbody tr").Select(Text).ToList();
        Assert.Contains(rows, r => r.Contains("Quý III/2025", StringComparison.Ordinal) && r.Contains("88,5%", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("Quý IV và năm 2025", StringComparison.Ordinal) && r.Contains("91,3%", StringComparison.Ordinal));
        var svg = main.QuerySelector("svg");
        Assert.NotNull(svg);
        Assert.False(string.IsNullOrWhiteSpace(svg!.GetAttribute("aria-label")));
        Assert.DoesNotContain("88.5", main.InnerHtml, StringComparison.Ordinal);
        // English pages use the decimal point.
        var en = Text(Page($"en/ke-hoach/{Plan}/chi-tieu/hai-long-tthc").QuerySelector("main")!);
        Assert.Contains("88.5%", en, StringComparison.Ordinal);
    }

    [Fact]
    public void A_done_task_shows_its_evidence_document_number()
    {
        var text = Text(Page($"ke-hoach/{Plan}/nhiem-vu/06").QuerySelector("main")!);
        Assert.Contains("Đã hoàn thành", text, StringComparison.Ordinal);
        Assert.Contains("610/QĐ-UBND", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Statuses_are_words_with_a_shape_not_colour_alone()
    {
        var tags = Page($"ke-hoach/{Plan}").QuerySelectorAll("main .tag");
        Assert.NotEmpty(tags);
        Assert.All(tags, t =>
        {
            Assert.NotNull(t.QuerySelector(".icon"));
            Assert.True(Text(t).Length > 2, Text(t));
        });
    }

    [Fact]
    public void A_points_target_shows_actual_over_max()
    {
        // A copy of seed-000 with one scorecard criterion (points, max 3) reported at "2,95".
        var dir = Repo.TempDir("points");
        foreach (var file in Directory.GetFiles(Source, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(dir, Path.GetRelativePath(Source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        var plan = Path.Combine(dir, "content", "plans", Plan);
        File.WriteAllText(Path.Combine(plan, "targets", "diem-dung-han.md"),
            "---\narea: thu-tuc-hanh-chinh\ntitle: Điểm tiêu chí giải quyết hồ sơ đúng hạn\nmetric: points\nmax: 3\nlead: tt-phvhcc\n---\n");
        var q4 = Path.Combine(plan, "reports", "q4.md");
        File.WriteAllText(q4, File.ReadAllText(q4).Replace("targets:\n", "targets:\n  diem-dung-han: { value: \"2,95\" }\n"));
        var output = Repo.TempDir("points-out");
        var result = SiteBuilder.Run(new BuildOptions(dir, output, Write: true));
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        var text = Text(Page($"ke-hoach/{Plan}/chi-tieu/diem-dung-han", output).QuerySelector("main")!);
        Assert.Contains("2,95/3 điểm", text, StringComparison.Ordinal);
    }
}
