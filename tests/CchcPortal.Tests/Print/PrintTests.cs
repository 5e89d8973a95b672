using System.Diagnostics;
using CchcPortal.Core.Diagnostics;
using CchcPortal.Core.Loading;
using CchcPortal.Core.Model;
using CchcPortal.Site.Build;
using CchcPortal.Tests.Browser;
using Microsoft.Playwright;

namespace CchcPortal.Tests.Print;

/// <summary>
/// The Front's printed monitoring report: Chromium prints the monitoring page (and a task, plan, unit and report page)
/// of the sample and of seed-000 to PDF on A4, and <c>pdftotext -layout</c> reads it back as a person reads the paper:
/// task titles on lines of several words, every sheet with the commune, the plan, the as-of date, its number of the
/// whole and the page's address, and no more sheets than the content needs.
/// </summary>
[Trait("Category", "Slow")]
[Collection(BrowserCollection.Name)]
public sealed class PrintTests(BrowserFixture browser, Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly DateOnly AsOf = new(2025, 12, 20);

    private sealed record Printed(string Source, string Output, Portal Portal);

    private static readonly Dictionary<string, Printed> Sites = new(StringComparer.Ordinal);

    private static Printed Site(string source)
    {
        lock (Sites)
        {
            if (Sites.TryGetValue(source, out var done)) return done;
            var dir = Repo.TempDir("print");
            var result = SiteBuilder.Run(new BuildOptions(source, dir, Today: AsOf));
            Assert.True(result.Success, string.Join("\n", result.Diagnostics));
            var portal = ProgressRules.Build(SiteLoader.Load(source, new DiagnosticBag(), AsOf)!);
            return Sites[source] = new Printed(source, dir, portal);
        }
    }

    /// <summary>The page printed by Chromium as the print dialog does with the page's own @page size (A4), then pdftotext
    /// -layout: one string per sheet.</summary>
    private async Task<string[]> Print(Printed site, string path, string name)
    {
        var page = await browser.NewPageAsync(1280, 900);
        try
        {
            await page.GotoAsync(new Uri(Path.Combine(site.Output, path, "index.html")).AbsoluteUri);
            // Nothing wider than an A4 sheet between its margins (186 mm = 703 CSS px): Chromium would shrink the whole page.
            await page.SetViewportSizeAsync(703, 900);
            await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
            var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(width <= 703, $"{path} is {width} px wide in print, wider than the sheet");
            var pdf = Path.Combine(Directory.CreateDirectory(Repo.Path("artifacts", "print")).FullName, name + ".pdf");
            await page.PdfAsync(new PagePdfOptions { Path = pdf, PreferCSSPageSize = true, PrintBackground = false });
            var text = Run("pdftotext", "-layout", pdf, "-");
            output.WriteLine($"{name}: {text.Split('\f').Count(s => s.Trim().Length > 0)} pages ({pdf})");
            return text.Split('\f').Where(s => s.Trim().Length > 0).ToArray();
        }
        finally { await page.Context.CloseAsync(); }
    }

    private static string Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        Process p;
        try { p = Process.Start(start)!; }
        catch (System.ComponentModel.Win32Exception) { throw new Xunit.Sdk.XunitException($"{tool} is missing: apt-get install -y poppler-utils (.ci/run does it)."); }
        var text = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, p.StandardError.ReadToEnd());
        return text;
    }

    /// <summary>What every sheet's margins say: whose portal, which plan (when the page is about one), the as-of date,
    /// "Trang N/M" and the page's address.</summary>
    private static void EverySheetSays(string[] sheets, Printed site, string path, string? plan)
    {
        var config = site.Portal.Config;
        for (var i = 0; i < sheets.Length; i++)
        {
            var sheet = Flatten(sheets[i]);
            Assert.Contains($"{config.Commune} · {config.Title}", sheet, StringComparison.Ordinal);
            Assert.Contains("Số liệu tính đến ngày 20/12/2025", sheet, StringComparison.Ordinal);
            Assert.Contains($"Trang {i + 1}/{sheets.Length}", sheet, StringComparison.Ordinal);
            Assert.Contains(config.BaseUrl + path, sheet, StringComparison.Ordinal);
            if (plan is not null) Assert.Contains(plan, sheet, StringComparison.Ordinal);
        }
    }

    /// <summary>The start of the plan's line in the margin: its number and the first words of its title.</summary>
    private static string PlanLine(Plan plan) => $"{plan.Number}: {string.Join(' ', plan.Title.Vi.Split(' ').Take(5))}";

    /// <summary>pdftotext's lines with runs of spaces (layout) made single, for phrases that may sit beside a column.</summary>
    private static string Flatten(string text) => System.Text.RegularExpressions.Regex.Replace(text, "[ \t]+", " ");

    /// <summary>A title's first line on paper holds several of its words: the column is wide, not ten characters.</summary>
    private static void TitleReadsOnLinesOfSeveralWords(string[] sheets, string title)
    {
        var words = title.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var lines = sheets.SelectMany(s => s.Split('\n')).Select(l => Flatten(l).Trim()).ToList();
        // The line holding the longest run of the title's first words (several titles start "Xây dựng Kế hoạch").
        int Leading(string line) => words.TakeWhile((w, i) => line.Contains(string.Join(' ', words.Take(i + 1)), StringComparison.Ordinal)).Count();
        var best = lines.MaxBy(Leading) ?? "";
        var onLine = Leading(best);
        Assert.True(onLine >= Math.Min(6, words.Length), $"only {onLine} words of \"{title}\" on its first line: \"{best}\"");
    }

    [Fact]
    public async Task The_samples_monitoring_page_prints_on_at_most_3_sheets_that_each_say_whose_and_when()
    {
        var site = Site(Repo.Root);
        var sheets = await Print(site, "theo-doi/", "sample-monitoring");
        Assert.InRange(sheets.Length, 1, 3);
        var plan = site.Portal.Plans.Single().Plan;
        EverySheetSays(sheets, site, "theo-doi/", PlanLine(plan));
        var tasks = site.Portal.Plans.SelectMany(p => p.Tasks).Where(t => t.Overdue || t.NoReport).ToList();
        Assert.Equal(10, tasks.Count);
        foreach (var t in tasks) TitleReadsOnLinesOfSeveralWords(sheets, t.Task.Title.Vi);
        // Statuses in words (and shapes) that need no colour; no menu, search box, language switch or footer links.
        var all = Flatten(string.Join("\n", sheets));
        Assert.Contains("◐ Đang thực hiện", all, StringComparison.Ordinal);
        Assert.Contains("? Chưa báo cáo", all, StringComparison.Ordinal);
        Assert.Contains("✕ Chưa đạt", all, StringComparison.Ordinal);
        foreach (var chrome in new[] { "Trang chủ", "Tìm kiếm", "English", "Dữ liệu mở", "Chuyển đến nội dung chính" })
            Assert.DoesNotContain(chrome, all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_test_sites_monitoring_page_prints_readably_too()
    {
        var site = Site(Repo.Path("tests", "sites", "seed-000"));
        var sheets = await Print(site, "theo-doi/", "seed-000-monitoring");
        var tasks = site.Portal.Plans.SelectMany(p => p.Tasks).Where(t => t.Overdue || t.NoReport).ToList();
        Assert.NotEmpty(tasks);
        // About 15 rows fit on a sheet; never a sheet for each row.
        Assert.InRange(sheets.Length, 1, 1 + tasks.Count / 8);
        var plan = site.Portal.Plans.Single().Plan;
        EverySheetSays(sheets, site, "theo-doi/", PlanLine(plan));
        foreach (var t in tasks) TitleReadsOnLinesOfSeveralWords(sheets, t.Task.Title.Vi);
    }

    /// <summary>Issue 38: last year's plan beside this year's (or any two): every sheet of the monitoring page names both,
    /// number and title, as the staff guide says.</summary>
    [Fact]
    public async Task A_portal_with_two_plans_names_both_on_every_sheet_of_its_monitoring_page()
    {
        var dir = Repo.TempDir("print-two-plans");
        OpenData.OpenDataSite.Copy(Repo.Path("tests", "sites", "seed-000"), dir);
        var first = Directory.GetDirectories(Path.Combine(dir, "content", "plans")).Single();
        var second = Path.Combine(dir, "content", "plans", "cchc-2026");
        OpenData.OpenDataSite.Copy(first, second);
        var index = Path.Combine(second, "index.md");
        File.WriteAllText(index, File.ReadAllText(index)
            .Replace("number: 464/QĐ-UBND", "number: 12/KH-UBND", StringComparison.Ordinal)
            .Replace("title: Kế hoạch cải cách hành chính xã Lai Khê 6 tháng cuối năm 2025", "title: Kế hoạch cải cách hành chính xã Lai Khê năm 2026 (bổ sung)", StringComparison.Ordinal));
        var site = Site(dir);
        Assert.Equal(2, site.Portal.Plans.Count);
        var sheets = await Print(site, "theo-doi/", "two-plans-monitoring");
        Assert.True(sheets.Length >= 2, $"{sheets.Length} sheet(s): the test needs more than one");
        foreach (var plan in site.Portal.Plans) EverySheetSays(sheets, site, "theo-doi/", PlanLine(plan.Plan));
    }

    [Theory]
    [InlineData("ke-hoach/2025/nhiem-vu/11/", 1)]
    [InlineData("ke-hoach/2025/", 12)]
    [InlineData("don-vi/vh-xh/", 3)]
    [InlineData("ke-hoach/2025/bao-cao/nam/", 6)]
    public async Task Task_plan_unit_and_report_pages_print_with_the_same_margins(string path, int maxSheets)
    {
        var site = Site(Repo.Root);
        var sheets = await Print(site, path, "sample-" + path.Trim('/').Replace('/', '-'));
        Assert.InRange(sheets.Length, 1, maxSheets);
        var plan = site.Portal.Plans.Single().Plan;
        EverySheetSays(sheets, site, path, path.StartsWith("ke-hoach/", StringComparison.Ordinal) ? PlanLine(plan) : null);
        if (path == "ke-hoach/2025/")
            foreach (var t in site.Portal.Plans.Single().Tasks.Take(10)) TitleReadsOnLinesOfSeveralWords(sheets, t.Task.Title.Vi);
    }
}
