using Microsoft.Playwright;

namespace CchcPortal.Tests.Browser;

/// <summary>
/// Residents read the portal on phones: at 320 px (the narrowest phone screens) no page of any kind, in either
/// language, is wider than the screen, so nothing scrolls sideways (issue 25: the search page was 811 px wide).
/// </summary>
[Trait("Category", "Slow")]
[Collection(BrowserCollection.Name)]
public sealed class NarrowScreenTests(BrowserFixture site)
{
    public const int Width = 320;

    /// <summary>Every kind of page, in Vietnamese and in English, and the open-data page.</summary>
    public static IEnumerable<(string Name, string Path)> Pages(string output)
    {
        var kinds = AccessibilityTests.PagesOfEveryKind(output).Where(p => !p.Name.EndsWith("-en", StringComparison.Ordinal))
            .Append((Name: "open-data", Path: "du-lieu/")).ToList();
        return kinds.Concat(kinds.Select(p => (p.Name + "-en", "en/" + p.Path)));
    }

    [Fact]
    public async Task No_page_is_wider_than_a_320_px_screen()
    {
        var failures = new List<string>();
        var page = await site.NewPageAsync(Width, 640);
        try
        {
            foreach (var (name, path) in Pages(site.Output))
            {
                await page.GotoAsync(site.Url(path), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
                failures.AddRange(await Overflow(page, name));
                if (name.StartsWith("search", StringComparison.Ordinal))
                {
                    // With results shown, and every filter's widest choice selected.
                    await page.FillAsync("input[name=q]", "ke hoach");
                    await page.WaitForSelectorAsync("#search-results li", new PageWaitForSelectorOptions { Timeout = 10000 });
                    foreach (var select in await page.QuerySelectorAllAsync("select"))
                    {
                        var longest = await select.EvaluateAsync<string>("s => [...s.options].reduce((a, o) => o.text.length > a.text.length ? o : a, s.options[0]).value");
                        await select.SelectOptionAsync(longest);
                    }
                    await page.WaitForTimeoutAsync(400);
                    failures.AddRange(await Overflow(page, name + " (results, filters set)"));
                }
            }
        }
        finally { await page.Context.CloseAsync(); }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static readonly HashSet<string> RouteWords =
        ["en", "ke-hoach", "nhiem-vu", "chi-tieu", "bao-cao", "don-vi", "linh-vuc", "trang", "theo-doi", "giam-sat", "search", "du-lieu", "index.html", "404.html"];

    /// <summary>The same on every test site (tests/sites/*): the largest page of each kind, in both languages.</summary>
    [Fact]
    public async Task No_page_of_the_test_sites_is_wider_than_a_320_px_screen()
    {
        var failures = new List<string>();
        var root = Repo.TempDir("narrow");
        var page = await site.NewPageAsync(Width, 640);
        try
        {
            foreach (var source in Directory.GetDirectories(Repo.Path("tests", "sites")).Order(StringComparer.Ordinal))
            {
                var output = Quality.SampleSite.BuildTo(Path.Combine(root, Path.GetFileName(source)), source);
                using var server = StaticServer.Start(output, Quality.SampleSite.BasePath(source));
                // Of each kind of page (in each language), the largest: the most content to fit.
                var pages = Quality.SampleSite.Pages(output)
                    .GroupBy(p => string.Join('/', p.Split('/').Select(part => RouteWords.Contains(part) ? part : "*")))
                    .Select(g => g.MaxBy(p => new FileInfo(Path.Combine(output, p)).Length)!);
                foreach (var path in pages)
                {
                    await page.GotoAsync(server.BaseUrl + path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
                    failures.AddRange(await Overflow(page, $"{Path.GetFileName(source)}/{path}"));
                }
            }
        }
        finally { await page.Context.CloseAsync(); Directory.Delete(root, true); }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>The page's width when wider than the screen, with the widest elements that stick out.</summary>
    private static async Task<IEnumerable<string>> Overflow(IPage page, string name)
    {
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        if (width <= Width) return [];
        var culprits = await page.EvaluateAsync<string[]>($$"""
            () => [...document.querySelectorAll('body *')]
              .map(e => [e, e.getBoundingClientRect().right])
              .filter(([e, r]) => r > {{Width}} + 0.5 && ![...e.children].some(c => c.getBoundingClientRect().right >= r))
              .slice(0, 5)
              .map(([e, r]) => `<${e.tagName.toLowerCase()}${e.className ? ' class="' + e.className + '"' : ''}> ends at ${Math.round(r)} px`)
            """);
        return [$"{name}: {width} px wide at {Width} px: {string.Join("; ", culprits)}"];
    }
}
