using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CchcPortal.Tests.Browser;

/// <summary>
/// The Front's supervision in a real browser (issue 32): the supervision page, a task's recommendations and the
/// monitoring page's section at 1280 and 375 px, axe clean (WCAG A/AA) and never wider than the screen; each state in
/// words and a shape, not colour alone.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Slow")]
public sealed class SupervisionBrowserTests(BrowserFixture site)
{
    public static TheoryData<string, int> Pages()
    {
        var data = new TheoryData<string, int>();
        foreach (var path in new[] { "giam-sat/", "giam-sat/2025-mot-cua/", "en/giam-sat/2025-mot-cua/", "ke-hoach/2025/nhiem-vu/18/", "theo-doi/", "don-vi/vp-hdnd-ubnd/" })
            foreach (var width in new[] { 1280, 375 })
                data.Add(path, width);
        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Axe_finds_nothing_and_nothing_is_wider_than_the_screen(string path, int width)
    {
        var page = await site.NewPageAsync(width);
        try
        {
            await page.GotoAsync(site.Url(path), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. AccessibilityTests.WcagTags] } });
            Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} {string.Join(" ", v.Nodes.Take(3).Select(n => n.Target))}")));
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
                $"{path} is wider than {width} px");
            if (width == 375) await BrowserFixture.ScreenshotAsync(page, "supervision-" + path.Trim('/').Replace('/', '-') + "-375");
        }
        finally { await page.Context.CloseAsync(); }
    }

    [Fact]
    public async Task Each_state_is_written_in_words_beside_a_shape()
    {
        var page = await site.NewPageAsync(375);
        try
        {
            await page.GotoAsync(site.Url("giam-sat/2025-mot-cua/"));
            var states = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('table.recommendations .tag')].map(t => t.innerText.trim())");
            Assert.Equal(["✓ Đã thực hiện", "◐ Tiếp thu, đang thực hiện", "ℹ Đã giải trình", "⚠ Quá hạn trả lời"], states);
            // Stacked on a phone, each cell keeps its column's heading.
            var labels = await page.EvaluateAsync<string[]>("() => [...document.querySelector('table.recommendations tbody tr').querySelectorAll('td[data-label]')].map(td => getComputedStyle(td, '::before').content)");
            Assert.Equal(["\"Đơn vị được kiến nghị: \"", "\"Hạn trả lời: \"", "\"Tình trạng: \"", "\"Trả lời: \""], labels);
        }
        finally { await page.Context.CloseAsync(); }
    }

    [Fact]
    public async Task The_task_page_shows_what_the_Front_asked_and_the_monitoring_page_what_awaits_an_answer()
    {
        var page = await site.NewPageAsync(1280);
        try
        {
            await page.GotoAsync(site.Url("ke-hoach/2025/nhiem-vu/18/"));
            Assert.Equal(4, await page.Locator("#task-supervisions ~ * table.recommendations tbody tr, section[aria-labelledby=task-supervisions] table.recommendations tbody tr").CountAsync());
            await page.GotoAsync(site.Url("theo-doi/"));
            var section = page.Locator("section[aria-labelledby=awaiting]");
            Assert.Contains("Văn phòng HĐND và UBND phường", await section.Locator("h3").First.InnerTextAsync());
            Assert.Contains("quá hạn trả lời 15 ngày", await section.InnerTextAsync());
        }
        finally { await page.Context.CloseAsync(); }
    }
}
