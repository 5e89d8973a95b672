using CchcPortal.Cli;
using CchcPortal.Tests.Cli;
using Microsoft.Playwright;

namespace CchcPortal.Tests.Browser;

/// <summary>
/// Issue 38: the web editor as a member of staff meets it on a browser whose language is English: the interface in
/// Vietnamese, dates read and typed day first (dd/mm/yyyy) and never stored as another day, the report's status words
/// those of the pages, no button that makes a task from a report, and a period that already has a report said at once.
/// </summary>
[Trait("Category", "Slow")]
public class EditorFirstHourTests
{
    // The folder picker's stand-in, the read-back of what the editor wrote, and the screenshot folder are the web editor
    // tests' own (EditorBrowserTests).
    private static string Artifacts => EditorBrowserTests.Artifacts;
    private static string PickerStub(IReadOnlyDictionary<string, string> files) => EditorBrowserTests.PickerStub(files);
    private const string ReadBack = EditorBrowserTests.ReadBack;

    private static IReadOnlyDictionary<string, string> SiteFiles(CliSite site) => EditorBrowserTests.SiteFiles(site);
    private static Task<Dictionary<string, string>> Saved(IPage page, string path) => EditorBrowserTests.Saved(page, path);

    /// <summary>cchc serve on a new site, and /admin/ in an English-language chromium working on a copy of its files.</summary>
    private static async Task<(DevServer Server, IPlaywright Playwright, IBrowser Browser, IPage Page)> Open(CliSite site, string locale = "en-US")
    {
        var server = new DevServer(site.Dir, Path.Combine(site.Root, "out"), 0, "vi", TextWriter.Null, TextWriter.Null);
        server.Start();
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Headless = true,
            Args = [.. BrowserFixture.ChromiumArgs, "--lang=" + locale],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = locale });
        await context.AddInitScriptAsync(PickerStub(SiteFiles(site)));
        var page = await context.NewPageAsync();
        Directory.CreateDirectory(Artifacts);
        await page.GotoAsync(server.Url + "admin/");
        var local = page.GetByRole(AriaRole.Button, new() { Name = "Làm việc với kho mã nguồn cục bộ" });
        await local.WaitForAsync(new() { Timeout = 30000 });
        await page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts, "en-browser-signin.png") });
        await local.ClickAsync();
        await page.GetByText("Báo cáo — 01/KH-UBND").First.WaitForAsync(new() { Timeout = 30000 });
        await page.WaitForTimeoutAsync(500);
        return (server, playwright, browser, page);
    }

    /// <summary>The text the page shows, to look for a phrase anywhere on it.</summary>
    private static Task<string> Text(IPage page) => page.EvaluateAsync<string>("() => document.body.innerText");

    [Fact]
    public async Task An_english_browser_gets_a_vietnamese_editor_and_types_dates_day_first()
    {
        using var site = new CliSite();
        var (server, playwright, browser, page) = await Open(site, "en-US");
        try
        {
            // Vietnamese first: no banner of the editor offering English.
            await page.WaitForTimeoutAsync(1500);
            var home = await Text(page);
            Assert.DoesNotContain("Change Language", home, StringComparison.Ordinal);
            Assert.DoesNotContain("now available in", home, StringComparison.Ordinal);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts, "en-browser-collections.png") });

            await page.Locator("button[aria-label='Tạo bài viết mới']").First.ClickAsync();
            await page.GetByRole(AriaRole.Radio, new() { Name = "Quý II/2026 (q2)" }).ClickAsync();
            var date = page.Locator("input[data-cchc-date]").First;
            Assert.Equal("dd/mm/yyyy", await date.GetAttributeAsync("placeholder"));
            var stored = page.Locator("section[data-key-path='issued'] input[type=date]");

            // A day that does not exist is said at once and never stored as another day.
            await date.PressSequentiallyAsync("31/02/2026");
            await date.PressAsync("Tab");
            await page.GetByText("31/02/2026 không phải là một ngày có thật").WaitForAsync(new() { Timeout = 5000 });
            Assert.Equal("", await stored.InputValueAsync());
            await page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts, "en-browser-date-wrong.png") });

            // "15032026", as the issue typed it in the browser's own field (which stored 2026-12-03): 15 March 2026.
            await date.FillAsync("");
            await date.PressSequentiallyAsync("15032026");
            await date.PressAsync("Tab");
            Assert.Equal("15/03/2026", await date.InputValueAsync());
            Assert.Equal("2026-03-15", await stored.InputValueAsync());
            Assert.DoesNotContain("không phải là một ngày có thật", await Text(page), StringComparison.Ordinal);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts, "en-browser-date.png") });

            await page.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
            var written = await Saved(page, "content/plans/2026/reports/q2.md");
            var report = Assert.Contains("content/plans/2026/reports/q2.md", written);
            Assert.Contains("issued: 2026-03-15", report, StringComparison.Ordinal);

            // A task's result: the status words of the portal's pages, and no button making a new task from a report.
            await page.EvaluateAsync("() => { location.hash = '#/collections/reports-2026/new'; }");
            await page.Locator("button[data-label^='Thêm'][data-label*='nhiệm vụ']").ClickAsync();
            // The form starts with every task of the plan (issue 37), each with these four choices.
            await page.GetByRole(AriaRole.Radio, new() { Name = "Đã hoàn thành", Exact = true }).First.WaitForAsync(new() { Timeout = 10000 });
            foreach (var status in new[] { "Chưa bắt đầu", "Đang thực hiện", "Đã hủy" })
                Assert.True(await page.GetByRole(AriaRole.Radio, new() { Name = status, Exact = true }).CountAsync() >= 1, status);
            Assert.Equal(0, await page.GetByRole(AriaRole.Radio, new() { Name = "Chưa triển khai" }).CountAsync());
            await page.WaitForTimeoutAsync(1000);
            Assert.Equal(0, await page.Locator("button[aria-haspopup='dialog']:visible", new() { HasText = "Thêm Nhiệm vụ" }).CountAsync());
            await page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts, "en-browser-task-item.png") });
        }
        finally { await browser.DisposeAsync(); playwright.Dispose(); server.Dispose(); }
    }

    [Fact]
    public async Task A_period_that_has_a_report_is_said_at_once_and_no_second_file_is_made()
    {
        using var site = new CliSite();
        Assert.Equal(0, site.Cli("new", "report", "--period", "q1").Exit);
        var (server, playwright, browser, page) = await Open(site, "vi-VN");
        try
        {
            var before = (await page.EvaluateAsync<Dictionary<string, string>>(ReadBack))!;
            await page.Locator("button[aria-label='Tạo bài viết mới']").First.ClickAsync();
            await page.GetByRole(AriaRole.Radio, new() { Name = "Quý I/2026 (q1) — đã có báo cáo" }).ClickAsync();
            await page.GetByText("Kỳ này đã có báo cáo (content/plans/2026/reports/q1.md)").WaitForAsync(new() { Timeout = 5000 });
            await page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts, "editor-period-taken.png") });
            await page.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
            await page.Keyboard.PressAsync("Control+s");
            await page.WaitForTimeoutAsync(3000);
            var after = (await page.EvaluateAsync<Dictionary<string, string>>(ReadBack))!;
            Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));   // no q1-1.md
            Assert.Equal(before["content/plans/2026/reports/q1.md"], after["content/plans/2026/reports/q1.md"]);

            // Another period is free: the message goes and the report is saved.
            await page.GetByRole(AriaRole.Radio, new() { Name = "Quý II/2026 (q2)" }).ClickAsync();
            for (var i = 0; i < 50 && (await Text(page)).Contains("Kỳ này đã có báo cáo", StringComparison.Ordinal); i++) await page.WaitForTimeoutAsync(100);
            Assert.DoesNotContain("Kỳ này đã có báo cáo", await Text(page), StringComparison.Ordinal);
            await page.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
            Assert.Contains("content/plans/2026/reports/q2.md", await Saved(page, "content/plans/2026/reports/q2.md"));
        }
        finally { await browser.DisposeAsync(); playwright.Dispose(); server.Dispose(); }
    }
}
