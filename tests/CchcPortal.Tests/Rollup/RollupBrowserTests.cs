using CchcPortal.Tests.Browser;
using CchcPortal.Tests.Quality;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CchcPortal.Tests.Rollup;

/// <summary>
/// A roll-up of the sample and three test sites, its communes/ made as cchc fetch leaves it (no network): the folder
/// the browser and HTML-checker tests build.
/// </summary>
public static class RollupSite
{
    public static readonly (string Id, string? Source)[] Communes =
        [("phuong-o-cho-dua", null), ("xa-binh-tan", "minimal"), ("xa-lai-khe", "seed-000"), ("huyen-lap-vo", "seed-004")];

    /// <summary>Builds the communes' sites, copies their data/ into DIR/communes/&lt;id&gt;/, writes site.yaml and a page; returns DIR.</summary>
    public static string Make(string dir)
    {
        var lines = new List<string>();
        foreach (var (id, source) in Communes)
        {
            var built = SampleSite.BuildTo(Path.Combine(dir, ".sites", id), source is null ? null : Repo.Path("tests", "sites", source));
            OpenData.OpenDataSite.Copy(Path.Combine(built, "data"), Path.Combine(dir, "communes", id, "data"));
            File.WriteAllText(Path.Combine(dir, "communes", id, "source.json"), $$"""{ "url": "https://{{id}}.example.gov.vn/cchc/" }""" + "\n");
            lines.Add($"  - https://{id}.example.gov.vn/cchc/");
        }
        Directory.Delete(Path.Combine(dir, ".sites"), true);
        File.WriteAllText(Path.Combine(dir, "site.yaml"), $"""
            title: Cải cách hành chính cấp xã tỉnh Thử
            province: Tỉnh Thử
            base_url: https://cchc.thu.example.gov.vn/
            languages: [vi, en]
            as_of: 2025-12-20
            communes:
            {string.Join("\n", lines)}

            """);
        Directory.CreateDirectory(Path.Combine(dir, "content", "pages"));
        File.WriteAllText(Path.Combine(dir, "content", "pages", "gioi-thieu.md"), "---\ntitle: Giới thiệu\n---\nCổng tổng hợp của tỉnh.\n");
        return dir;
    }

    /// <summary>One page of every kind of a roll-up: (name, path).</summary>
    public static readonly (string Name, string Path)[] PagesOfEveryKind =
    [
        ("rollup-home", ""), ("rollup-home-en", "en/"), ("rollup-commune", "xa/xa-lai-khe/"), ("rollup-commune-en", "en/xa/phuong-o-cho-dua/"),
        ("rollup-areas", "linh-vuc/"), ("rollup-search", "search/"), ("rollup-embed", "embed/"), ("rollup-open-data", "du-lieu/"),
        ("rollup-page", "trang/gioi-thieu/"), ("rollup-404", "khong-co-trang-nay/"),
    ];
}

/// <summary>The browser fixture over a roll-up (<see cref="RollupSite"/>).</summary>
public sealed class RollupBrowserFixture() : BrowserFixture(RollupSite.Make(Repo.TempDir("rollup-browser")));

/// <summary>
/// The roll-up in Chromium: the table of communes at 375 px without sideways scroll, axe (WCAG 2.2 AA) clean on every
/// kind of roll-up page at 375 and 1280 px, and the headings sort the table (sort.js) while it reads in full without it.
/// </summary>
[Trait("Category", "Slow")]
public sealed class RollupBrowserTests(RollupBrowserFixture site) : IClassFixture<RollupBrowserFixture>
{
    [Theory]
    [InlineData(375)]
    [InlineData(1280)]
    public async Task Every_kind_of_rollup_page_has_no_axe_violations_nor_sideways_scroll(int width)
    {
        var failures = new List<string>();
        foreach (var (name, path) in RollupSite.PagesOfEveryKind)
        {
            var page = await site.NewPageAsync(width);
            try
            {
                await page.GotoAsync(site.Url(path), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
                var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. AccessibilityTests.WcagTags] } });
                failures.AddRange(result.Violations.Select(v => $"{name} @{width}px: {v.Id} {v.Help}: {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}"));
                var scroll = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                if (scroll > width) failures.Add($"{name} @{width}px: {scroll} px wide");
                if (width == 375) await BrowserFixture.ScreenshotAsync(page, $"{name}-375");
            }
            finally { await page.Context.CloseAsync(); }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task The_table_sorts_by_a_heading_and_reads_in_full_without_javascript()
    {
        var page = await site.NewPageAsync(1280);
        try
        {
            await page.GotoAsync(site.Url(""), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            var rows = page.Locator("table.communes tbody tr");
            Assert.Equal(RollupSite.Communes.Length, await rows.CountAsync());
            var overdue = page.Locator("table.communes thead th").Nth(4);
            await overdue.Locator("button").ClickAsync();
            Assert.Equal("ascending", await overdue.GetAttributeAsync("aria-sort"));
            var values = (await page.Locator("table.communes tbody td:nth-child(5)").AllTextContentsAsync()).Select(int.Parse).ToList();
            Assert.Equal(values.Order(), values);
            await overdue.Locator("button").ClickAsync();
            values = (await page.Locator("table.communes tbody td:nth-child(5)").AllTextContentsAsync()).Select(int.Parse).ToList();
            Assert.Equal(values.OrderDescending(), values);
        }
        finally { await page.Context.CloseAsync(); }
        var noScript = await site.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        try
        {
            var page2 = await noScript.NewPageAsync();
            await page2.GotoAsync(site.Url(""));
            Assert.Equal(RollupSite.Communes.Length, await page2.Locator("table.communes tbody tr").CountAsync());
        }
        finally { await noScript.CloseAsync(); }
    }
}

/// <summary>Every page of a roll-up passes the W3C Nu HTML checker (errors only).</summary>
[Trait("Category", "Slow")]
public sealed class RollupNuHtmlCheckerTests
{
    [Fact]
    public void Every_page_of_a_rollup_is_valid()
    {
        var root = Repo.TempDir("rollup-vnu");
        try
        {
            var output = SampleSite.BuildTo(Path.Combine(root, "out"), RollupSite.Make(Path.Combine(root, "site")));
            var pages = SampleSite.Pages(output);
            foreach (var (_, path) in RollupSite.PagesOfEveryKind.Where(p => p.Name != "rollup-404"))
                Assert.Contains(path + "index.html", pages);
            var (code, text) = NuHtmlCheckerTests.Validate([output]);
            Assert.True(code == 0 && text.Trim().Length == 0, $"The W3C Nu checker found errors in {pages.Count} pages (exit {code}):\n{text}");
        }
        finally { Directory.Delete(root, true); }
    }
}

/// <summary>The roll-up's layouts compiled to delegates give the same pages as Scriban's interpreter, and two builds are byte-identical.</summary>
public sealed class RollupCompiledLayoutTests
{
    [Fact]
    public void Compiled_and_interpreted_layouts_write_the_same_rollup_twice()
    {
        var root = Repo.TempDir("rollup-compiled");
        try
        {
            var source = RollupSite.Make(Path.Combine(root, "site"));
            var compiled = SampleSite.BuildTo(Path.Combine(root, "compiled"), source);
            var interpreted = SampleSite.BuildTo(Path.Combine(root, "interpreted"), source, compileLayouts: false);
            var again = SampleSite.BuildTo(Path.Combine(root, "again"), source);
            Assert.Empty(SampleSite.DifferentFiles(compiled, interpreted));
            Assert.Empty(SampleSite.DifferentFiles(compiled, again));
            Assert.True(SampleSite.Pages(compiled).Count >= 20);
        }
        finally { Directory.Delete(root, true); }
    }
}
