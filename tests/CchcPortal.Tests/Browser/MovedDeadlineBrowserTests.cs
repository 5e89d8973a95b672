using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CchcPortal.Tests.Browser;

/// <summary>
/// The sample's moved deadline (task 21: "Tháng 10/2025" → "Tháng 11/2025") at 375 px: the task page's history of the
/// deadline, the plan's list mark and the monitoring page's section are visible, say it in words beside the ↷ shape, fit
/// the screen, and axe finds no WCAG A/AA violation on them (issue 36).
/// </summary>
[Trait("Category", "Slow")]
[Collection(BrowserCollection.Name)]
public sealed class MovedDeadlineBrowserTests(BrowserFixture site)
{
    [Theory]
    [InlineData("ke-hoach/2025/nhiem-vu/21/", ".revised", "Thời hạn đã điều chỉnh 1 lần")]
    [InlineData("en/ke-hoach/2025/nhiem-vu/21/", ".revised", "Deadline adjusted 1 time(s)")]
    [InlineData("ke-hoach/2025/", "tr:has(a[href$='nhiem-vu/21/']) .moved", "Đã điều chỉnh 1 lần, ban đầu: Tháng 10/2025")]
    [InlineData("theo-doi/", "section[aria-labelledby=moved]", "Nhiệm vụ đã điều chỉnh thời hạn (1)")]
    public async Task The_marked_deadline_is_visible_fits_375px_and_passes_axe(string path, string selector, string words)
    {
        var page = await site.NewPageAsync(375);
        try
        {
            await page.GotoAsync(site.Url(path), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            var mark = page.Locator(selector).First;
            await mark.ScrollIntoViewIfNeededAsync();
            Assert.True(await mark.IsVisibleAsync(), $"{selector} not visible on {path}");
            Assert.Contains(words, await mark.InnerTextAsync(), StringComparison.Ordinal);
            Assert.Contains("↷", await mark.InnerTextAsync(), StringComparison.Ordinal);
            var box = await mark.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box!.X >= 0 && box.X + box.Width <= 375 + 0.5, $"{selector} on {path} is outside the screen: {box.X}+{box.Width}");
            var wide = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(wide <= 375, $"{path} scrolls sideways at 375 px ({wide} px)");
            var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. AccessibilityTests.WcagTags] } });
            Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} {string.Join(" ", v.Nodes.Take(3).Select(n => n.Html))}")));
            await BrowserFixture.ScreenshotAsync(page, "moved-" + path.Replace('/', '-').Trim('-'));
        }
        finally { await page.Context.CloseAsync(); }
    }
}
