using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CchcPortal.Tests.Browser;

/// <summary>
/// axe-core (WCAG 2.0/2.1/2.2 A and AA) on one page of every kind at desktop and phone widths: zero violations.
/// Also: no request leaves the site, and phone-width screenshots land in artifacts/screenshots/ for a person to look at.
/// </summary>
[Trait("Category", "Slow")]
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture site, Xunit.Abstractions.ITestOutputHelper output)
{
    public static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    /// <summary>One page of every kind, found in the output so any site works: (name, path).</summary>
    public static IReadOnlyList<(string Name, string Path)> PagesOfEveryKind(string output)
    {
        string First(string folder) =>
            Directory.Exists(Path.Combine(output, folder))
                ? folder + Directory.GetDirectories(Path.Combine(output, folder)).Select(Path.GetFileName).Order(StringComparer.Ordinal)
                    .First(d => File.Exists(Path.Combine(output, folder, d!, "index.html"))) + "/"
                : throw new InvalidOperationException($"no {folder} in the output");
        var plan = First("ke-hoach/");
        var pages = new List<(string, string)>
        {
            ("home", ""), ("home-en", "en/"), ("search", "search/"), ("plan", plan),
            ("task", First(plan + "nhiem-vu/")), ("target", First(plan + "chi-tieu/")),
            ("units", "don-vi/"), ("unit", First("don-vi/")), ("areas", "linh-vuc/"), ("area", First("linh-vuc/")),
            ("monitoring", "theo-doi/"), ("page", First("trang/")), ("404", "khong-co-trang-nay/"),
            ("task-en", "en/" + First(plan + "nhiem-vu/")), ("embed", "embed/"), ("embed-en", "en/embed/"), ("open-data", "du-lieu/"),
        };
        if (Directory.Exists(Path.Combine(output, plan, "bao-cao"))) pages.Add(("report", First(plan + "bao-cao/")));
        if (Directory.Exists(Path.Combine(output, "giam-sat")))
            pages.AddRange([("supervisions", "giam-sat/"), ("supervision", First("giam-sat/")), ("supervision-en", "en/" + First("giam-sat/"))]);
        return pages;
    }

    public static TheoryData<int> Widths => new() { 1280, 375 };

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task Every_kind_of_page_has_no_axe_violations(int width)
    {
        var failures = new List<string>();
        var foreign = new List<string>();
        foreach (var (name, path) in PagesOfEveryKind(site.Output))
        {
            var page = await site.NewPageAsync(width);
            page.Request += (_, r) => { if (!r.Url.StartsWith(site.BaseUrl, StringComparison.Ordinal)) foreign.Add($"{name}: {r.Url}"); };
            var errors = new List<string>();
            page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
            var missing = new List<string>();
            page.Response += (_, r) => { if (r.Status >= 400 && !(name == "404" && r.Url == site.Url(path))) missing.Add($"{r.Status} {r.Url}"); };
            try
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                await page.GotoAsync(site.Url(path), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
                var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] } });
                foreach (var v in result.Violations)
                    failures.Add($"{name} ({path}) @{width}px: {v.Id} [{v.Impact}] {v.Help}\n" +
                        string.Join("\n", v.Nodes.Take(5).Select(n => $"    {n.Target}: {n.Html}\n      {string.Join(" / ", n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message))}")));
                // The 404 page is itself answered with status 404, which Chromium logs; any other console error is a bug.
                failures.AddRange(missing.Select(m => $"{name} ({path}) @{width}px: {m}"));
                if (missing.Count == 0)
                    failures.AddRange(errors.Where(e => !(name == "404" && e.Contains("status of 404", StringComparison.Ordinal)))
                        .Select(e => $"{name} ({path}) @{width}px: console error: {e}"));
                output.WriteLine($"{name} @{width}px: {result.Passes.Length} rules pass, {result.Violations.Length} violations, {clock.ElapsedMilliseconds} ms");
                if (width == 375) await BrowserFixture.ScreenshotAsync(page, $"{name}-375");
            }
            finally { await page.Context.CloseAsync(); }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(foreign.Count == 0, "requests to other sites:\n" + string.Join("\n", foreign));
    }

    [Fact]
    public async Task The_checker_finds_a_violation()
    {
        // So a broken axe setup can't pass the test above: an image without alt text on a real page.
        var page = await site.NewPageAsync();
        try
        {
            await page.GotoAsync(site.Url(""));
            await page.EvaluateAsync("() => { const i = document.createElement('img'); i.src = 'x.png'; document.querySelector('main').append(i); }");
            var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] } });
            Assert.Contains(result.Violations, v => v.Id == "image-alt");
        }
        finally { await page.Context.CloseAsync(); }
    }

    [Theory]
    [InlineData("", 1280)]
    [InlineData("en/", 375)]
    public async Task Tab_reaches_the_visible_skip_link_first_and_it_moves_to_main(string path, int width)
    {
        var page = await site.NewPageAsync(width);
        try
        {
            await page.GotoAsync(site.Url(path));
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string>("() => document.activeElement.className + '|' + document.activeElement.getAttribute('href')");
            Assert.Equal("skip-link|#main", focused);
            var skip = page.Locator("a.skip-link");
            Assert.True(await skip.IsVisibleAsync());
            var box = await skip.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box!.Width >= 24 && box.Height >= 24 && box.Y >= 0 && box.X >= 0 && box.X + box.Width <= width, $"skip link box {box.X},{box.Y} {box.Width}×{box.Height}");
            // A visible focus indicator: an outline (or box-shadow) on the focused link.
            var outline = await skip.EvaluateAsync<string>("e => { const s = getComputedStyle(e); return s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.boxShadow; }");
            Assert.False(outline.StartsWith("none", StringComparison.Ordinal) && outline.EndsWith("none", StringComparison.Ordinal), outline);
            await page.Keyboard.PressAsync("Enter");
            Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));
            Assert.EndsWith("#main", page.Url);
            // The next Tab goes into the content, not back to the header.
            await page.Keyboard.PressAsync("Tab");
            Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('main').contains(document.activeElement) || document.querySelector('footer').contains(document.activeElement)"));
        }
        finally { await page.Context.CloseAsync(); }
    }

    [Fact]
    public async Task On_a_phone_the_units_list_shows_every_count_with_its_heading_and_nothing_cut_off()
    {
        var page = await site.NewPageAsync(375);
        try
        {
            await page.GotoAsync(site.Url("don-vi/"));
            // Nothing wider than the screen: no column hidden past its right edge.
            Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('table.units').scrollWidth <= document.documentElement.clientWidth"));
            // Each count says what it counts, as the column heading does on a wide screen (generated before the number).
            var labels = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('table.units tbody tr:first-child td[data-label]')].map(td => getComputedStyle(td, '::before').content)");
            Assert.Equal(["\"Nhiệm vụ chủ trì: \"", "\"Đã hoàn thành: \"", "\"Quá hạn: \"", "\"Chưa báo cáo: \""], labels);
        }
        finally { await page.Context.CloseAsync(); }
    }

    [Fact]
    public async Task On_a_phone_each_overdue_task_says_its_deadline_and_days_late_with_their_headings()
    {
        var page = await site.NewPageAsync(375);
        try
        {
            await page.GotoAsync(site.Url("theo-doi/"));
            Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('table.tasks').scrollWidth <= document.documentElement.clientWidth"));
            // The stacked cells keep their column headings: "Số ngày quá hạn: 81 ngày", not "81 ngày" alone.
            var labels = await page.EvaluateAsync<string[]>("() => [...document.querySelector('table.tasks.overdue tbody tr').querySelectorAll('td[data-label]')].map(td => getComputedStyle(td, '::before').content)");
            Assert.Equal(["\"Thời hạn (theo kế hoạch): \"", "\"Số ngày quá hạn: \"", "\"Tình trạng: \""], labels);
            Assert.Matches(@"^\d+ ngày$", await page.EvaluateAsync<string>("() => document.querySelector('table.tasks.overdue tbody tr td[data-label]:nth-child(4)').innerText.trim()"));
            // A unit's section of the page does not repeat the unit in a lead column.
            Assert.Equal(0, await page.EvaluateAsync<int>("() => document.querySelectorAll('.unit-group table.tasks td[data-label=\"Cơ quan chủ trì\"]').length"));
        }
        finally { await page.Context.CloseAsync(); }
    }
}
